package cn.hnsw.common.crypto;

import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 分组密码 — SM4 block cipher (GB/T 32907).
 *
 * <p>Messages are encrypted with SM4-GCM (12-byte IV, 128-bit tag, the tag appended to the ciphertext as in RFC 8998).
 * GCM was chosen over CBC + HMAC-SM3 because one pass gives confidentiality and integrity, there is no padding to
 * get wrong (no padding oracle), and a single key suffices. Each sealed message has a fresh key, so IV reuse under
 * one key cannot happen.
 *
 * <p>The raw block function ({@link #encryptBlocks}) exists for the GB/T 32907 known-answer tests and the
 * OpenSSL cross-check; never use ECB for data.
 */
public final class Sm4 {

    public static final int KEY_LENGTH = 16;
    public static final int BLOCK_LENGTH = 16;
    public static final int GCM_IV_LENGTH = 12;
    public static final int GCM_TAG_LENGTH = 16;

    private static final int GCM_TAG_BITS = GCM_TAG_LENGTH * 8;

    private Sm4() {
    }

    /** A fresh random SM4 key. */
    public static byte[] generateKey(SecureRandom random) {
        byte[] key = new byte[KEY_LENGTH];
        random.nextBytes(key);
        return key;
    }

    /** SM4-GCM encryption; returns ciphertext followed by the 16-byte tag. */
    public static byte[] encryptGcm(byte[] key, byte[] iv, byte[] plaintext) {
        GCMModeCipher gcm = gcm(true, key, iv);
        byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            // Encryption never checks a tag; reaching this is a BouncyCastle bug, not bad input.
            throw new IllegalStateException("SM4-GCM encryption failed", e);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * SM4-GCM decryption of ciphertext-with-tag.
     *
     * @throws CryptoOperationException when the tag does not verify (wrong key, IV or any changed byte)
     */
    public static byte[] decryptGcm(byte[] key, byte[] iv, byte[] ciphertextWithTag) {
        if (ciphertextWithTag.length < GCM_TAG_LENGTH) {
            throw new CryptoOperationException("SM4-GCM ciphertext shorter than its tag");
        }
        GCMModeCipher gcm = gcm(false, key, iv);
        byte[] out = new byte[gcm.getOutputSize(ciphertextWithTag.length)];
        int n = gcm.processBytes(ciphertextWithTag, 0, ciphertextWithTag.length, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            Arrays.fill(out, (byte) 0); // never hand back unauthenticated plaintext, even by accident
            throw new CryptoOperationException("SM4-GCM authentication tag mismatch", e);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * The bare SM4 block function applied to each 16-byte block (ECB, no padding). For known-answer tests only.
     *
     * @param rounds how many times to apply it (GB/T 32907 has a 1,000,000-round vector)
     */
    public static byte[] encryptBlocks(byte[] key, byte[] data, int rounds) {
        if (key.length != KEY_LENGTH || data.length % BLOCK_LENGTH != 0) {
            throw new IllegalArgumentException("SM4 needs a 16-byte key and whole 16-byte blocks");
        }
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(key));
        byte[] block = data.clone();
        for (int round = 0; round < rounds; round++) {
            for (int off = 0; off < block.length; off += BLOCK_LENGTH) {
                engine.processBlock(block, off, block, off);
            }
        }
        return block;
    }

    private static GCMModeCipher gcm(boolean encrypt, byte[] key, byte[] iv) {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("SM4 key must be 16 bytes");
        }
        if (iv.length != GCM_IV_LENGTH) {
            throw new IllegalArgumentException("SM4-GCM IV must be 12 bytes");
        }
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), GCM_TAG_BITS, iv));
        return gcm;
    }
}
