package cn.hnsw.common.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * SM2 签名与加密 — SM2 signature and public-key encryption (GB/T 32918) on curve sm2p256v1.
 *
 * <p>Signatures use the GM/T 0009 default user id {@code 1234567812345678} in Z and are produced as the 64-byte
 * {@code r || s} form that GM/T 0018 devices and China E-Port XML signatures use; {@link #rawToDer} and
 * {@link #derToRaw} convert to and from the DER {@code SEQUENCE { r INTEGER, s INTEGER }} that X.509 and CMS use,
 * and {@link #verify} accepts either.
 *
 * <p>Encryption output is {@code C1 || C3 || C2} (GM/T 0003 2012 order; C1 uncompressed, 65 bytes; C3 the
 * 32-byte SM3 check value), so a 16-byte key wraps to 113 bytes.
 *
 * <p>The lightweight BouncyCastle API is used rather than the JCA provider: it was measured faster (see
 * {@code bench/README.md}) and needs no provider registration. The curve comes from {@link CustomNamedCurves},
 * BouncyCastle's specialised sm2p256v1 arithmetic, several times faster than the generic prime-field code.
 * All methods are thread-safe: signer and engine objects are per call.
 */
public final class Sm2 {

    /** GM/T 0009 default signer id, used in Z when the parties agreed on no other. */
    public static final String DEFAULT_USER_ID = "1234567812345678";
    /** Length of the {@code r || s} signature form. */
    public static final int RAW_SIGNATURE_LENGTH = 64;
    /** Bytes that SM2 encryption adds to the plaintext: C1 (65) and C3 (32). */
    public static final int CIPHERTEXT_OVERHEAD = 65 + 32;

    static final X9ECParameters CURVE = CustomNamedCurves.getByName("sm2p256v1");
    static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE);

    /** Used only for key generation and certificates, never registered globally (that is the application's call). */
    static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private static final byte[] DEFAULT_ID_BYTES = DEFAULT_USER_ID.getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm2() {
    }

    /** A fresh SM2 key pair as JCA keys (BouncyCastle provider), ready for a key store and a certificate. */
    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", PROVIDER);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("BouncyCastle cannot generate SM2 keys", e);
        }
    }

    /**
     * Signs {@code data} (Z with the default user id, then e = SM3(Z || data)); returns {@code r || s}, 64 bytes.
     */
    public static byte[] sign(ECPrivateKeyParameters privateKey, byte[] data) {
        SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        signer.init(true, new ParametersWithID(new ParametersWithRandom(privateKey, RANDOM), DEFAULT_ID_BYTES));
        signer.update(data, 0, data.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /**
     * Verifies an SM2 signature with the default user id. {@code signature} may be the 64-byte {@code r || s} form or
     * DER; anything else, including non-canonical DER, simply does not verify.
     */
    public static boolean verify(Sm2PublicKey publicKey, byte[] data, byte[] signature) {
        if (signature.length == RAW_SIGNATURE_LENGTH && verifyRaw(publicKey, data, signature)) {
            return true;
        }
        // A 64-byte DER encoding is possible (short r and s), so a raw miss still gets its DER reading.
        byte[] raw;
        try {
            raw = derToRaw(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return verifyRaw(publicKey, data, raw);
    }

    private static boolean verifyRaw(Sm2PublicKey publicKey, byte[] data, byte[] raw) {
        SM2Signer verifier = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        verifier.init(false, new ParametersWithID(publicKey.parameters(), DEFAULT_ID_BYTES));
        verifier.update(data, 0, data.length);
        try {
            return verifier.verifySignature(raw);
        } catch (RuntimeException e) {
            // BouncyCastle rejects out-of-range r or s by throwing in some versions; either way it does not verify.
            return false;
        }
    }

    /** SM2 encryption, output {@code C1 || C3 || C2}. */
    public static byte[] encrypt(Sm2PublicKey publicKey, byte[] plaintext) {
        SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.init(true, new ParametersWithRandom(publicKey.parameters(), RANDOM));
        try {
            return engine.processBlock(plaintext, 0, plaintext.length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM2 encryption failed", e);
        }
    }

    /**
     * SM2 decryption of {@code C1 || C3 || C2}.
     *
     * @throws CryptoOperationException when C1 is not a curve point or C3 does not match (wrong key or changed bytes)
     */
    public static byte[] decrypt(ECPrivateKeyParameters privateKey, byte[] ciphertext) {
        if (ciphertext.length <= CIPHERTEXT_OVERHEAD) {
            throw new CryptoOperationException("SM2 ciphertext too short");
        }
        SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.init(false, privateKey);
        try {
            return engine.processBlock(ciphertext, 0, ciphertext.length);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CryptoOperationException("SM2 decryption failed", e);
        }
    }

    /**
     * DER {@code SEQUENCE { r, s }} to {@code r || s}.
     *
     * @throws IllegalArgumentException for anything but canonical DER with r and s in [1, n-1]
     */
    public static byte[] derToRaw(byte[] der) {
        try {
            BigInteger[] rs = inRange(StandardDSAEncoding.INSTANCE.decode(DOMAIN.getN(), der));
            return PlainDSAEncoding.INSTANCE.encode(DOMAIN.getN(), rs[0], rs[1]);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a DER SM2 signature", e);
        }
    }

    /**
     * {@code r || s} to DER {@code SEQUENCE { r, s }}.
     *
     * @throws IllegalArgumentException unless 64 bytes with r and s in [1, n-1]
     */
    public static byte[] rawToDer(byte[] raw) {
        try {
            BigInteger[] rs = inRange(PlainDSAEncoding.INSTANCE.decode(DOMAIN.getN(), raw));
            return StandardDSAEncoding.INSTANCE.encode(DOMAIN.getN(), rs[0], rs[1]);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an r||s SM2 signature", e);
        }
    }

    // BouncyCastle's encodings check the size of r and s but not that they are in [1, n-1]; a signature is not valid otherwise.
    private static BigInteger[] inRange(BigInteger[] rs) {
        for (BigInteger value : rs) {
            if (value.signum() <= 0 || value.compareTo(DOMAIN.getN()) >= 0) {
                throw new IllegalArgumentException("signature value out of range");
            }
        }
        return rs;
    }

    /** The lightweight private key of a JCA EC private key on sm2p256v1 (any provider). */
    public static ECPrivateKeyParameters privateKeyParameters(PrivateKey key) {
        if (!(key instanceof ECPrivateKey ec) || !isSm2Curve(ec.getParams())) {
            throw new IllegalArgumentException("not an SM2 private key");
        }
        return new ECPrivateKeyParameters(ec.getS(), DOMAIN);
    }

    static boolean isSm2Curve(ECParameterSpec spec) {
        return spec != null
                && spec.getCurve().getField() instanceof ECFieldFp field
                && field.getP().equals(DOMAIN.getCurve().getField().getCharacteristic())
                && spec.getOrder().equals(DOMAIN.getN())
                && spec.getGenerator().getAffineX().equals(DOMAIN.getG().getAffineXCoord().toBigInteger())
                && spec.getGenerator().getAffineY().equals(DOMAIN.getG().getAffineYCoord().toBigInteger())
                && spec.getCurve().getA().equals(DOMAIN.getCurve().getA().toBigInteger())
                && spec.getCurve().getB().equals(DOMAIN.getCurve().getB().toBigInteger());
    }
}
