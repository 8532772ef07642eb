package cn.hnsw.common.crypto;

import static cn.hnsw.common.crypto.CryptoFixtures.hex;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Sm3Test {

    @Test
    void gbt32905_exampleOne_abc() {
        assertThat(Sm3.digest("abc".getBytes(US_ASCII))).isEqualTo(
                hex("66c7f0f4 62eeedd9 d1f2d46b dc10e4e2 4167c487 5cf2f7a2 297da02b 8f4ba8e0"));
    }

    @Test
    void gbt32905_exampleTwo_512BitMessage() {
        assertThat(Sm3.digest("abcd".repeat(16).getBytes(US_ASCII))).isEqualTo(
                hex("debe9ff9 2275b8a1 38604889 c18e5a4d 6fdb70e5 387e5765 293dcba3 9c0c5732"));
    }

    @Test
    void digestOfPartsEqualsDigestOfConcatenation() {
        assertThat(Sm3.digest("ab".getBytes(US_ASCII), "c".getBytes(US_ASCII)))
                .isEqualTo(Sm3.digest("abc".getBytes(US_ASCII)));
    }

    @Test
    void hmacDependsOnKeyAndData() {
        byte[] mac = Sm3.hmac("key".getBytes(US_ASCII), "abc".getBytes(US_ASCII));
        assertThat(mac).hasSize(32)
                .isNotEqualTo(Sm3.hmac("kez".getBytes(US_ASCII), "abc".getBytes(US_ASCII)))
                .isNotEqualTo(Sm3.hmac("key".getBytes(US_ASCII), "abd".getBytes(US_ASCII)));
        // Cross-checked with: echo -n abc | openssl dgst -sm3 -hmac key
        assertThat(mac).isEqualTo(hex("28e63256e7c5a087b1f073265dc53092163f7b82729735d06f28f10af9d52393"));
    }
}
