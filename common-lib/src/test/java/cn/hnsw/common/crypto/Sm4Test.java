package cn.hnsw.common.crypto;

import static cn.hnsw.common.crypto.CryptoFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class Sm4Test {

    private static final byte[] KEY = hex("0123456789abcdeffedcba9876543210");

    @Test
    void gbt32907_exampleOne_singleBlock() {
        assertThat(Sm4.encryptBlocks(KEY, KEY, 1)).isEqualTo(hex("681edf34d206965e86b3e94f536e4246"));
    }

    @Test
    void gbt32907_exampleTwo_millionRounds() {
        assertThat(Sm4.encryptBlocks(KEY, KEY, 1_000_000)).isEqualTo(hex("595298c7c6fd271f0402f804c33d3f66"));
    }

    @Test
    void gcmRoundTripAppendsSixteenByteTag() {
        SecureRandom random = new SecureRandom();
        byte[] key = Sm4.generateKey(random);
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        byte[] plaintext = "出岛人员行李物品申报 HN2025060100001".getBytes(StandardCharsets.UTF_8);

        byte[] ciphertext = Sm4.encryptGcm(key, iv, plaintext);

        assertThat(ciphertext).hasSize(plaintext.length + 16);
        assertThat(Sm4.decryptGcm(key, iv, ciphertext)).isEqualTo(plaintext);
    }

    @Test
    void gcmRefusesAnyChangedByteWrongKeyOrWrongIv() {
        byte[] key = new byte[16];
        byte[] iv = new byte[12];
        byte[] ciphertext = Sm4.encryptGcm(key, iv, new byte[100]);
        for (int i = 0; i < ciphertext.length; i++) {
            byte[] changed = ciphertext.clone();
            changed[i] ^= 0x01;
            assertThatThrownBy(() -> Sm4.decryptGcm(key, iv, changed)).isInstanceOf(CryptoOperationException.class);
        }
        byte[] otherKey = key.clone();
        otherKey[0] = 1;
        byte[] otherIv = iv.clone();
        otherIv[11] = 1;
        assertThatThrownBy(() -> Sm4.decryptGcm(otherKey, iv, ciphertext)).isInstanceOf(CryptoOperationException.class);
        assertThatThrownBy(() -> Sm4.decryptGcm(key, otherIv, ciphertext)).isInstanceOf(CryptoOperationException.class);
        assertThatThrownBy(() -> Sm4.decryptGcm(key, iv, new byte[15])).isInstanceOf(CryptoOperationException.class);
    }

    @Test
    void emptyPlaintextStillAuthenticated() {
        byte[] key = new byte[16];
        byte[] iv = new byte[12];
        byte[] ciphertext = Sm4.encryptGcm(key, iv, new byte[0]);
        assertThat(ciphertext).hasSize(16);
        assertThat(Sm4.decryptGcm(key, iv, ciphertext)).isEmpty();
    }
}
