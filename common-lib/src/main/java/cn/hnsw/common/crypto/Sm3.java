package cn.hnsw.common.crypto;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM3 杂凑 — SM3 hash (GB/T 32905) and HMAC-SM3 (RFC 2104 construction), on BouncyCastle's lightweight API.
 * Stateless and thread-safe: every call uses its own digest object, which is cheaper than synchronising a shared one.
 */
public final class Sm3 {

    /** Digest length in bytes. */
    public static final int DIGEST_LENGTH = 32;

    private Sm3() {
    }

    /** SM3 of the concatenation of {@code parts}. */
    public static byte[] digest(byte[]... parts) {
        SM3Digest digest = new SM3Digest();
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[DIGEST_LENGTH];
        digest.doFinal(out, 0);
        return out;
    }

    /** HMAC-SM3 of the concatenation of {@code parts} under {@code key}. */
    public static byte[] hmac(byte[] key, byte[]... parts) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        for (byte[] part : parts) {
            mac.update(part, 0, part.length);
        }
        byte[] out = new byte[DIGEST_LENGTH];
        mac.doFinal(out, 0);
        return out;
    }
}
