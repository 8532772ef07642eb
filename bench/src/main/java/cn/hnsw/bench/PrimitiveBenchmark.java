package cn.hnsw.bench;

import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import cn.hnsw.common.crypto.Sm2;
import cn.hnsw.common.crypto.Sm2PublicKey;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The bare BouncyCastle operations one seal or open is made of, without the envelope: the baseline for its overhead.
 * Seal = SM4-GCM encrypt 4 KiB + SM2 encrypt 16-byte key + SM3 of ciphertext and header + SM2 sign the digest;
 * open = SM3 + SM2 verify + SM2 decrypt + SM4-GCM decrypt.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class PrimitiveBenchmark {

    /** What the envelope digest covers for a 4 KiB payload: ciphertext with tag plus the length-prefixed header. */
    static final int DIGESTED_BYTES = 4096 + 16 + 280;
    private static final byte[] USER_ID = Sm2.DEFAULT_USER_ID.getBytes();

    private final SecureRandom random = new SecureRandom();
    private ECPrivateKeyParameters privateKey;
    private ECPublicKeyParameters publicKey;
    private byte[] payload;
    private byte[] key;
    private byte[] iv;
    private byte[] ciphertext;
    private byte[] digested;
    private byte[] digest;
    private byte[] signature;
    private byte[] wrappedKey;

    @Setup
    public void setUp() throws Exception {
        BenchKeys keys = new BenchKeys();
        ECDomainParameters domain = new ECDomainParameters(CustomNamedCurves.getByName("sm2p256v1"));
        privateKey = new ECPrivateKeyParameters(Sm2.privateKeyParameters(keys.platformPrivateKey).getD(), domain);
        Sm2PublicKey platformKey = keys.platform.publicKey(BenchKeys.PLATFORM);
        publicKey = new ECPublicKeyParameters(domain.getCurve().decodePoint(platformKey.encoded()), domain);
        Random seeded = new Random(4096);
        payload = new byte[4096];
        seeded.nextBytes(payload);
        key = new byte[16];
        iv = new byte[12];
        random.nextBytes(key);
        random.nextBytes(iv);
        ciphertext = sm4GcmEncrypt4KiB();
        digested = new byte[DIGESTED_BYTES];
        seeded.nextBytes(digested);
        digest = sm3OfCiphertextAndHeader();
        signature = sm2Sign();
        wrappedKey = sm2EncryptKey();
    }

    @Benchmark
    public byte[] sm2Sign() throws CryptoException {
        SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        signer.init(true, new ParametersWithID(new ParametersWithRandom(privateKey, random), USER_ID));
        signer.update(digest, 0, digest.length);
        return signer.generateSignature();
    }

    @Benchmark
    public boolean sm2Verify() {
        SM2Signer verifier = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
        verifier.init(false, new ParametersWithID(publicKey, USER_ID));
        verifier.update(digest, 0, digest.length);
        return verifier.verifySignature(signature);
    }

    @Benchmark
    public byte[] sm2EncryptKey() throws InvalidCipherTextException {
        SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.init(true, new ParametersWithRandom(publicKey, random));
        return engine.processBlock(key, 0, key.length);
    }

    @Benchmark
    public byte[] sm2DecryptKey() throws InvalidCipherTextException {
        SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.init(false, privateKey);
        return engine.processBlock(wrappedKey, 0, wrappedKey.length);
    }

    @Benchmark
    public byte[] sm4GcmEncrypt4KiB() throws InvalidCipherTextException {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(true, new AEADParameters(new KeyParameter(key), 128, iv));
        byte[] out = new byte[gcm.getOutputSize(payload.length)];
        int n = gcm.processBytes(payload, 0, payload.length, out, 0);
        gcm.doFinal(out, n);
        return out;
    }

    @Benchmark
    public byte[] sm4GcmDecrypt4KiB() throws InvalidCipherTextException {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(false, new AEADParameters(new KeyParameter(key), 128, iv));
        byte[] out = new byte[gcm.getOutputSize(ciphertext.length)];
        int n = gcm.processBytes(ciphertext, 0, ciphertext.length, out, 0);
        gcm.doFinal(out, n);
        return out;
    }

    @Benchmark
    public byte[] sm3OfCiphertextAndHeader() {
        SM3Digest sm3 = new SM3Digest();
        sm3.update(digested, 0, digested.length);
        byte[] out = new byte[32];
        sm3.doFinal(out, 0);
        return out;
    }
}
