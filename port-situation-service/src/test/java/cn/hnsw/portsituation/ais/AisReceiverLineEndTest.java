package cn.hnsw.portsituation.ais;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The receiver's word-at-a-time line-end search finds what a byte-by-byte search finds, wherever it starts and ends. */
class AisReceiverLineEndTest {

    private static int byteByByte(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    @Test
    void findsTheFirstLineFeedOrCarriageReturnLikeAByteByByteSearch() {
        // bytes next to the sought ones (0x0B, 0x0C, 0x0E, with the high bit: 0x8A, 0x8D), zeros and 0xFF included
        byte[] alphabet = {'\n', '\r', 0x0B, 0x0C, 0x0E, 0x09, (byte) 0x8A, (byte) 0x8D, 0, (byte) 0xFF, 0x01, 'A',
                '!', '*', ','};
        Random random = new Random(20261127);
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = new byte[1 + random.nextInt(40)];
            int density = 1 + random.nextInt(12);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(density) == 0 ? alphabet[random.nextInt(2)]
                        : alphabet[2 + random.nextInt(alphabet.length - 2)];
            }
            for (int from = 0; from <= bytes.length; from++) {
                for (int to = from; to <= bytes.length; to++) {
                    assertThat(AisReceiver.lineEnd(bytes, from, to)).as("round %d [%d, %d)", round, from, to)
                            .isEqualTo(byteByByte(bytes, from, to));
                }
            }
        }
    }

    @Test
    void walksTheLinesOfAStream() {
        byte[] stream = "!AIVDM,1,1,,A,13u?etPv2;0n:dDPwUM1U1Cb069D,0*24\r\n!AIVDM,1,1,,B,15MgK45P3@G?fl0E`JbR0OwT0@MS,0*4E\n\r\nx"
                .getBytes(StandardCharsets.US_ASCII);
        int first = AisReceiver.lineEnd(stream, 0, stream.length);
        assertThat(first).isEqualTo(47);
        assertThat(AisReceiver.lineEnd(stream, first + 1, stream.length)).isEqualTo(48);
        int third = AisReceiver.lineEnd(stream, 49, stream.length);
        assertThat(new String(stream, 49, third - 49, StandardCharsets.US_ASCII)).startsWith("!AIVDM,1,1,,B").endsWith("*4E");
        assertThat(AisReceiver.lineEnd(stream, stream.length - 1, stream.length)).isEqualTo(-1);
    }
}
