package cn.hnsw.bench;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import cn.hnsw.common.crypto.Sm2;
import cn.hnsw.common.crypto.Sm4;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Why common-lib uses BouncyCastle's lightweight API: the same SM2 signature and SM4-GCM through BouncyCastle's JCA
 * provider, next to the lightweight calls that {@link Sm2} and {@link Sm4} make.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class JcaComparisonBenchmark {

    private final Provider provider = new BouncyCastleProvider();
    private final SecureRandom random = new SecureRandom();
    private PrivateKey jcaKey;
    private org.bouncycastle.crypto.params.ECPrivateKeyParameters lightweightKey;
    private byte[] digest;
    private byte[] payload;
    private byte[] key;
    private byte[] iv;

    @Setup
    public void setUp() {
        BenchKeys keys = new BenchKeys();
        jcaKey = keys.platformPrivateKey;
        lightweightKey = Sm2.privateKeyParameters(jcaKey);
        digest = new byte[32];
        payload = new byte[4096];
        key = new byte[16];
        iv = new byte[12];
        random.nextBytes(digest);
        random.nextBytes(payload);
        random.nextBytes(key);
        random.nextBytes(iv);
    }

    @Benchmark
    public byte[] jcaSm2Sign() throws Exception {
        Signature signature = Signature.getInstance("SM3withSM2", provider);
        signature.setParameter(new SM2ParameterSpec(Sm2.DEFAULT_USER_ID.getBytes()));
        signature.initSign(jcaKey, random);
        signature.update(digest);
        return signature.sign();
    }

    @Benchmark
    public byte[] lightweightSm2Sign() {
        return Sm2.sign(lightweightKey, digest);
    }

    @Benchmark
    public byte[] jcaSm4GcmEncrypt4KiB() throws Exception {
        Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", provider);
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "SM4"), new GCMParameterSpec(128, iv));
        return cipher.doFinal(payload);
    }

    @Benchmark
    public byte[] lightweightSm4GcmEncrypt4KiB() {
        return Sm4.encryptGcm(key, iv, payload);
    }
}
