package cn.hnsw.common.crypto;

import static cn.hnsw.common.crypto.CryptoFixtures.CLOCK;
import static cn.hnsw.common.crypto.CryptoFixtures.CUSTOMS;
import static cn.hnsw.common.crypto.CryptoFixtures.CUSTOMS_DEVICE;
import static cn.hnsw.common.crypto.CryptoFixtures.DIRECTORY;
import static cn.hnsw.common.crypto.CryptoFixtures.MARITIME;
import static cn.hnsw.common.crypto.CryptoFixtures.NOW;
import static cn.hnsw.common.crypto.CryptoFixtures.PLATFORM;
import static cn.hnsw.common.crypto.CryptoFixtures.PLATFORM_DEVICE;
import static cn.hnsw.common.crypto.CryptoFixtures.STRANGER;
import static cn.hnsw.common.crypto.CryptoFixtures.STRANGER_DEVICE;
import static cn.hnsw.common.crypto.CryptoFixtures.STRANGER_DIRECTORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class MessageSealerTest {

    private static final byte[] PAYLOAD = """
            {"declarationNo":"HK2025060100017","traveller":"张伟","port":"海口美兰国际机场","items":[{"hsCode":"9102110000","qty":1}]}
            """.getBytes(StandardCharsets.UTF_8);

    /** Customs seals to the platform; the platform opens. */
    private final MessageSealer customs = sealer(CUSTOMS_DEVICE, CLOCK);
    private final MessageSealer platform = sealer(PLATFORM_DEVICE, CLOCK);

    private static MessageSealer sealer(CipherDevice device, Clock clock) {
        return new MessageSealer(device, DIRECTORY, new InMemoryReplayGuard(clock, 10_000), clock);
    }

    @Test
    void sealedMessageOpensToThePayloadWithItsSender() {
        SealedMessage sealed = customs.seal(PAYLOAD, CUSTOMS, PLATFORM);

        OpenedMessage opened = platform.open(sealed);

        assertThat(opened.payload()).isEqualTo(PAYLOAD);
        assertThat(opened.senderKeyId()).isEqualTo(CUSTOMS);
        assertThat(opened.recipientKeyId()).isEqualTo(PLATFORM);
        assertThat(opened.messageId()).isEqualTo(sealed.messageId());
        assertThat(opened.timestamp()).isEqualTo(NOW);
        assertThat(sealed.version()).isEqualTo(1);
        assertThat(sealed.nonce()).hasSize(16);
        assertThat(sealed.wrappedKey()).hasSize(113);
        assertThat(sealed.iv()).hasSize(12);
        assertThat(sealed.ciphertext()).hasSize(PAYLOAD.length + 16);
        assertThat(sealed.signature()).hasSize(64);
    }

    @Test
    void jsonFormRoundTripsAndOpens() {
        SealedMessage sealed = customs.seal(PAYLOAD, CUSTOMS, PLATFORM);
        byte[] json = sealed.toJson();

        assertThat(new String(json, StandardCharsets.UTF_8))
                .startsWith("{\"version\":1,\"messageId\":\"" + sealed.messageId() + "\",\"senderKeyId\":\"customs-haikou\"")
                .contains("\"timestamp\":\"2025-06-01T08:00:00.123Z\"");
        assertThat(SealedMessage.fromJson(json)).isEqualTo(sealed);
        assertThat(platform.open(json).payload()).isEqualTo(PAYLOAD);
    }

    @Test
    void xmlFormRoundTripsAndOpens() {
        SealedMessage sealed = customs.seal(PAYLOAD, CUSTOMS, PLATFORM);
        byte[] xml = sealed.toXml();

        assertThat(new String(xml, StandardCharsets.UTF_8))
                .contains("<SealedMessage><version>1</version><messageId>" + sealed.messageId() + "</messageId>")
                .contains("<timestamp>2025-06-01T08:00:00.123Z</timestamp>");
        assertThat(SealedMessage.fromXml(xml)).isEqualTo(sealed);
        assertThat(platform.open(xml).payload()).isEqualTo(PAYLOAD);
    }

    @Test
    void prettyPrintedFormsParseToo() {
        SealedMessage sealed = customs.seal(PAYLOAD, CUSTOMS, PLATFORM);
        String json = new String(sealed.toJson(), StandardCharsets.UTF_8).replace(",", ",\n  ").replace("{", "{\n  ");
        String xml = new String(sealed.toXml(), StandardCharsets.UTF_8).replace("><", ">\n  <");

        assertThat(SealedMessage.parse(("\n" + json).getBytes(StandardCharsets.UTF_8))).isEqualTo(sealed);
        assertThat(SealedMessage.parse(xml.getBytes(StandardCharsets.UTF_8))).isEqualTo(sealed);
    }

    @Test
    void emptyPayloadIsSealedToo() {
        assertThat(platform.open(customs.seal(new byte[0], CUSTOMS, PLATFORM)).payload()).isEmpty();
    }

    // ---- each refusal, provoked -------------------------------------------------------------------------------

    @Test
    void tamperedCiphertextIsRefused() {
        SealedMessage sealed = customs.seal(PAYLOAD, CUSTOMS, PLATFORM);
        byte[] ciphertext = sealed.ciphertext();
        ciphertext[3] ^= 0x20;

        assertRefused(() -> platform.open(with(sealed, b -> b.ciphertext(ciphertext))), RefusalCode.TAMPERED);
    }

    @Test
    void tamperedHeaderFieldsAreRefused() {
        SealedMessage sealed = customs.seal(PAYLOAD, CUSTOMS, PLATFORM);
        byte[] nonce = sealed.nonce();
        nonce[0] ^= 1;
        byte[] iv = sealed.iv();
        iv[11] ^= 1;
        byte[] wrapped = sealed.wrappedKey();
        wrapped[100] ^= 1;

        assertRefused(() -> platform.open(with(sealed, b -> b.messageId("HK2025060100018"))), RefusalCode.TAMPERED);
        assertRefused(() -> platform.open(with(sealed, b -> b.timestamp(NOW.plusMillis(1)))), RefusalCode.TAMPERED);
        assertRefused(() -> platform.open(with(sealed, b -> b.nonce(nonce))), RefusalCode.TAMPERED);
        assertRefused(() -> platform.open(with(sealed, b -> b.iv(iv))), RefusalCode.TAMPERED);
        assertRefused(() -> platform.open(with(sealed, b -> b.wrappedKey(wrapped))), RefusalCode.TAMPERED);
        // Claiming another known sender: that key did not sign it.
        assertRefused(() -> platform.open(with(sealed, b -> b.sender(MARITIME))), RefusalCode.TAMPERED);
        // Re-addressing to another key we hold would still break the signature.
        assertRefused(() -> platform.open(with(sealed, b -> b.recipient(MARITIME))), RefusalCode.TAMPERED);
    }

    @Test
    void signatureByUnknownKeyIsRefused() {
        MessageSealer stranger = new MessageSealer(STRANGER_DEVICE, STRANGER_DIRECTORY,
                new InMemoryReplayGuard(CLOCK, 10), CLOCK);
        SealedMessage sealed = stranger.seal(PAYLOAD, STRANGER, PLATFORM);

        assertRefused(() -> platform.open(sealed), RefusalCode.UNKNOWN_SIGNER);
    }

    @Test
    void messageForAnotherRecipientIsRefused() {
        SealedMessage toMaritime = customs.seal(PAYLOAD, CUSTOMS, MARITIME);

        assertRefused(() -> platform.open(toMaritime), RefusalCode.WRONG_RECIPIENT);
    }

    @Test
    void timestampsOutsideTheWindowAreRefusedBothWays() {
        MessageSealer early = sealer(CUSTOMS_DEVICE, Clock.fixed(NOW.minus(Duration.ofMinutes(5)).minusMillis(1), ZoneOffset.UTC));
        MessageSealer late = sealer(CUSTOMS_DEVICE, Clock.fixed(NOW.plus(Duration.ofMinutes(5)).plusMillis(1), ZoneOffset.UTC));
        MessageSealer edge = sealer(CUSTOMS_DEVICE, Clock.fixed(NOW.minus(Duration.ofMinutes(5)), ZoneOffset.UTC));

        assertRefused(() -> platform.open(early.seal(PAYLOAD, CUSTOMS, PLATFORM)), RefusalCode.EXPIRED);
        assertRefused(() -> platform.open(late.seal(PAYLOAD, CUSTOMS, PLATFORM)), RefusalCode.EXPIRED);
        assertThat(platform.open(edge.seal(PAYLOAD, CUSTOMS, PLATFORM)).payload()).isEqualTo(PAYLOAD);
    }

    @Test
    void skewIsConfigurable() {
        MessageSealer strict = new MessageSealer(PLATFORM_DEVICE, DIRECTORY, new InMemoryReplayGuard(CLOCK, 10), CLOCK,
                Duration.ofSeconds(30));
        MessageSealer minuteAgo = sealer(CUSTOMS_DEVICE, Clock.fixed(NOW.minusSeconds(60), ZoneOffset.UTC));

        assertRefused(() -> strict.open(minuteAgo.seal(PAYLOAD, CUSTOMS, PLATFORM)), RefusalCode.EXPIRED);
    }

    @Test
    void replayOfTheSameEnvelopeIsRefusedInEitherForm() {
        SealedMessage sealed = customs.seal(PAYLOAD, CUSTOMS, PLATFORM);
        platform.open(sealed.toJson());

        assertRefused(() -> platform.open(sealed), RefusalCode.REPLAYED);
        assertRefused(() -> platform.open(sealed.toJson()), RefusalCode.REPLAYED);
        assertRefused(() -> platform.open(sealed.toXml()), RefusalCode.REPLAYED);
    }

    @Test
    void replayIsAcceptedAgainNeitherAfterTheWindow() {
        MutableClock clock = new MutableClock(NOW);
        MessageSealer receiver = sealer(PLATFORM_DEVICE, clock);
        SealedMessage sealed = customs.seal(PAYLOAD, CUSTOMS, PLATFORM);
        receiver.open(sealed);

        clock.set(NOW.plus(Duration.ofMinutes(5)));
        assertRefused(() -> receiver.open(sealed), RefusalCode.REPLAYED);
        clock.set(NOW.plus(Duration.ofMinutes(5)).plusMillis(1));
        assertRefused(() -> receiver.open(sealed), RefusalCode.EXPIRED);
    }

    @Test
    void malformedJsonIsRefused() {
        String good = new String(customs.seal(PAYLOAD, CUSTOMS, PLATFORM).toJson(), StandardCharsets.UTF_8);
        String[] bad = {
                "",
                "   ",
                "null",
                "[]",
                "{",
                good.substring(0, good.length() - 1),
                good + "{}",
                good.replace("\"version\":1", "\"version\":2"),
                good.replace("\"version\":1", "\"version\":\"1\""),
                good.replace("\"version\":1", "\"version\":1.0"),
                good.replace("\"version\":1", "\"version\":99999999999"),
                good.replaceFirst(",\"nonce\":\"[^\"]*\"", ""),
                good.replace("{\"version\":1", "{\"version\":1,\"version\":1"),
                good.replace("{\"version\":1", "{\"version\":1,\"extra\":true"),
                good.replace("\"timestamp\":\"2025-06-01T08:00:00.123Z\"", "\"timestamp\":\"2025-06-01T08:00:00.12Z\""),
                good.replace("\"timestamp\":\"2025-06-01T08:00:00.123Z\"", "\"timestamp\":\"2025-06-01 08:00:00\""),
                good.replace("\"timestamp\":\"2025-06-01T08:00:00.123Z\"", "\"timestamp\":1748764800123"),
                good.replaceFirst("\"iv\":\"([^\"]*)\"", "\"iv\":\"$1=\""),
                good.replaceFirst("\"iv\":\"([^\"]{4})", "\"iv\":\"$1\\\\n"),
                good.replaceFirst("\"iv\":\"[^\"]*\"", "\"iv\":\"!!!!\""),
                good.replaceFirst("\"iv\":\"[^\"]*\"", "\"iv\":\"AAAA\""),
                good.replaceFirst("\"signature\":\"[^\"]*\"", "\"signature\":null"),
                good.replaceFirst("\"messageId\":\"[^\"]*\"", "\"messageId\":\"../../etc/passwd\""),
                good.replaceFirst("\"senderKeyId\":\"[^\"]*\"", "\"senderKeyId\":\"\""),
                good.replace("{", "{/* comment */"),
        };
        for (String text : bad) {
            assertRefused(() -> platform.open(text.getBytes(StandardCharsets.UTF_8)), RefusalCode.MALFORMED);
        }
        assertRefused(() -> platform.open((byte[]) null), RefusalCode.MALFORMED);
        assertRefused(() -> platform.open((SealedMessage) null), RefusalCode.MALFORMED);
    }

    @Test
    void malformedXmlIsRefused() {
        String good = new String(customs.seal(PAYLOAD, CUSTOMS, PLATFORM).toXml(), StandardCharsets.UTF_8);
        String[] bad = {
                "<",
                "<SealedMessage/>",
                good.replace("</SealedMessage>", ""),
                good + "<x/>",
                good.replace("<SealedMessage>", "<Envelope>").replace("</SealedMessage>", "</Envelope>"),
                good.replace("<SealedMessage>", "<SealedMessage xmlns=\"urn:other\">"),
                good.replace("<SealedMessage>", "<SealedMessage id=\"1\">"),
                good.replaceFirst("<nonce>[^<]*</nonce>", ""),
                good.replaceFirst("(<nonce>[^<]*</nonce>)", "$1$1"),
                good.replaceFirst("<iv>", "<iv><b/>"),
                good.replaceFirst("<iv>", "<iv><!-- c -->"),
                good.replaceFirst("<version>1</version>", "<version>01</version>"),
                good.replaceFirst("<version>1</version>", "<version>one</version>"),
                good.replaceFirst("<version>1</version>", "<version>1</version><extra/>"),
                good.replace("<SealedMessage>", "<!DOCTYPE SealedMessage [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><SealedMessage>")
                        .replaceFirst("<messageId>", "<messageId>&x;"),
                good.replace("<SealedMessage>", "<?pi x?><SealedMessage>"),
                good.replaceFirst("<iv>([^<]*)</iv>", "<iv><![CDATA[$1]]></iv>x"),
                good.replaceFirst("<ciphertext>([^<]{10})", "<ciphertext>$1\n"),
        };
        for (String text : bad) {
            assertRefused(() -> platform.open(text.getBytes(StandardCharsets.UTF_8)), RefusalCode.MALFORMED);
        }
        assertRefused(() -> platform.open("garbage".getBytes(StandardCharsets.UTF_8)), RefusalCode.MALFORMED);
    }

    @Test
    void malformedRecordsAreRefusedBeforeAnyCryptography() {
        SealedMessage sealed = customs.seal(PAYLOAD, CUSTOMS, PLATFORM);

        assertRefused(() -> platform.open(with(sealed, b -> b.nonce(null))), RefusalCode.MALFORMED);
        assertRefused(() -> platform.open(with(sealed, b -> b.nonce(new byte[15]))), RefusalCode.MALFORMED);
        assertRefused(() -> platform.open(with(sealed, b -> b.iv(new byte[16]))), RefusalCode.MALFORMED);
        assertRefused(() -> platform.open(with(sealed, b -> b.wrappedKey(new byte[113]))), RefusalCode.MALFORMED);
        assertRefused(() -> platform.open(with(sealed, b -> b.ciphertext(new byte[15]))), RefusalCode.MALFORMED);
        assertRefused(() -> platform.open(with(sealed, b -> b.signature(Sm2.rawToDer(sealed.signature())))),
                RefusalCode.MALFORMED);
        assertRefused(() -> platform.open(with(sealed, b -> b.timestamp(null))), RefusalCode.MALFORMED);
        assertRefused(() -> platform.open(with(sealed, b -> b.timestamp(NOW.plusNanos(1)))), RefusalCode.MALFORMED);
        assertRefused(() -> platform.open(with(sealed, b -> b.sender(null))), RefusalCode.MALFORMED);
        assertRefused(() -> platform.open(with(sealed, b -> b.version(2))), RefusalCode.MALFORMED);
    }

    @Test
    void refusalCarriesChineseAndEnglishMessages() {
        SealedMessage toMaritime = customs.seal(PAYLOAD, CUSTOMS, MARITIME);
        assertThatThrownBy(() -> platform.open(toMaritime))
                .isInstanceOfSatisfying(SealRefusedException.class, e -> {
                    assertThat(e.messageZh()).isEqualTo("报文接收方不是本平台");
                    assertThat(e.messageEn()).isEqualTo("the message is addressed to another recipient");
                    assertThat(e.getMessage()).startsWith("WRONG_RECIPIENT");
                });
    }

    @Test
    void sealRefusesUnknownRecipientOrSenderAndBadIds() {
        assertThatThrownBy(() -> customs.seal(PAYLOAD, CUSTOMS, STRANGER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> customs.seal(PAYLOAD, PLATFORM, MARITIME)).isInstanceOf(CipherDeviceException.class);
        assertThatThrownBy(() -> customs.seal(PAYLOAD, "bad id", PLATFORM)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static void assertRefused(ThrowingCallable call, RefusalCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SealRefusedException.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }

    /** A copy of {@code m} with some fields replaced. */
    static SealedMessage with(SealedMessage m, UnaryOperator<Builder> change) {
        return change.apply(new Builder(m)).build();
    }

    static final class Builder {
        private int version;
        private String messageId;
        private String sender;
        private String recipient;
        private Instant timestamp;
        private byte[] nonce;
        private byte[] wrappedKey;
        private byte[] iv;
        private byte[] ciphertext;
        private byte[] signature;

        Builder(SealedMessage m) {
            version = m.version();
            messageId = m.messageId();
            sender = m.senderKeyId();
            recipient = m.recipientKeyId();
            timestamp = m.timestamp();
            nonce = m.nonce();
            wrappedKey = m.wrappedKey();
            iv = m.iv();
            ciphertext = m.ciphertext();
            signature = m.signature();
        }

        Builder version(int v) { version = v; return this; }
        Builder messageId(String v) { messageId = v; return this; }
        Builder sender(String v) { sender = v; return this; }
        Builder recipient(String v) { recipient = v; return this; }
        Builder timestamp(Instant v) { timestamp = v; return this; }
        Builder nonce(byte[] v) { nonce = v; return this; }
        Builder wrappedKey(byte[] v) { wrappedKey = v; return this; }
        Builder iv(byte[] v) { iv = v; return this; }
        Builder ciphertext(byte[] v) { ciphertext = v; return this; }
        Builder signature(byte[] v) { signature = v; return this; }

        SealedMessage build() {
            return new SealedMessage(version, messageId, sender, recipient, timestamp, nonce, wrappedKey, iv,
                    ciphertext, signature);
        }
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
