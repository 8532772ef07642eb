package cn.hnsw.common.crypto;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * SM2 公钥 — an SM2 public key: a point on sm2p256v1.
 *
 * <p>A final class rather than a record because it keeps the BouncyCastle parameters it was validated into: the
 * verifier's window tables are cached on that point object, so reusing one instance makes every later
 * verification with the same key cheaper.
 */
public final class Sm2PublicKey {

    /** Length of the uncompressed encoding {@code 04 || x || y}. */
    public static final int ENCODED_LENGTH = 65;

    private final ECPublicKeyParameters parameters;
    private final byte[] encoded;

    private Sm2PublicKey(ECPoint point) {
        // ECPublicKeyParameters rejects the point at infinity and points off the curve (and of wrong order).
        this.parameters = new ECPublicKeyParameters(point, Sm2.DOMAIN);
        this.encoded = parameters.getQ().getEncoded(false);
    }

    /**
     * Decodes {@code 04 || x || y} (or the compressed form).
     *
     * @throws IllegalArgumentException when the bytes are not a valid point of sm2p256v1
     */
    public static Sm2PublicKey fromEncoded(byte[] encoded) {
        try {
            return new Sm2PublicKey(Sm2.DOMAIN.getCurve().decodePoint(encoded));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an SM2 public key point", e);
        }
    }

    /**
     * Converts a JCA EC public key on sm2p256v1 (from any provider, e.g. a certificate's key).
     *
     * @throws IllegalArgumentException for a key that is not an EC key on sm2p256v1
     */
    public static Sm2PublicKey fromJca(PublicKey key) {
        if (!(key instanceof ECPublicKey ec)) {
            throw new IllegalArgumentException("not an EC public key: " + key.getAlgorithm());
        }
        if (!Sm2.isSm2Curve(ec.getParams())) {
            throw new IllegalArgumentException("EC public key is not on the SM2 curve sm2p256v1");
        }
        BigInteger x = ec.getW().getAffineX();
        BigInteger y = ec.getW().getAffineY();
        try {
            return new Sm2PublicKey(Sm2.DOMAIN.getCurve().createPoint(x, y));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an SM2 public key point", e);
        }
    }

    /** The uncompressed encoding {@code 04 || x || y}, 65 bytes. */
    public byte[] encoded() {
        return encoded.clone();
    }

    ECPublicKeyParameters parameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sm2PublicKey that && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "Sm2PublicKey[" + HexFormat.of().formatHex(encoded, 1, 9) + "...]";
    }
}
