package cn.hnsw.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.junit.jupiter.api.Test;

class Sm2Test {

    private static final KeyPair KEYS = Sm2.generateKeyPair();
    private static final ECPrivateKeyParameters PRIVATE = Sm2.privateKeyParameters(KEYS.getPrivate());
    private static final Sm2PublicKey PUBLIC = Sm2PublicKey.fromJca(KEYS.getPublic());
    private static final byte[] DATA = "旅检申报 baggage declaration".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsRawRsAndVerifiesBothForms() {
        byte[] raw = Sm2.sign(PRIVATE, DATA);
        byte[] der = Sm2.rawToDer(raw);

        assertThat(raw).hasSize(64);
        assertThat(der[0]).isEqualTo((byte) 0x30);
        assertThat(Sm2.derToRaw(der)).isEqualTo(raw);
        assertThat(Sm2.verify(PUBLIC, DATA, raw)).isTrue();
        assertThat(Sm2.verify(PUBLIC, DATA, der)).isTrue();
    }

    @Test
    void rejectsOtherDataOtherKeyAndDamagedSignatures() {
        byte[] raw = Sm2.sign(PRIVATE, DATA);
        Sm2PublicKey other = Sm2PublicKey.fromJca(Sm2.generateKeyPair().getPublic());
        byte[] changedData = DATA.clone();
        changedData[0] ^= 1;

        assertThat(Sm2.verify(PUBLIC, changedData, raw)).isFalse();
        assertThat(Sm2.verify(other, DATA, raw)).isFalse();
        for (int i = 0; i < raw.length; i += 7) {
            byte[] damaged = raw.clone();
            damaged[i] ^= 0x40;
            assertThat(Sm2.verify(PUBLIC, DATA, damaged)).isFalse();
        }
        assertThat(Sm2.verify(PUBLIC, DATA, new byte[64])).isFalse();
        assertThat(Sm2.verify(PUBLIC, DATA, new byte[0])).isFalse();
        assertThat(Sm2.verify(PUBLIC, DATA, new byte[] {0x30, 0x02, 0x02, 0x00})).isFalse();
    }

    @Test
    void conversionRefusesNonCanonicalOrOutOfRangeValues() {
        byte[] der = Sm2.rawToDer(Sm2.sign(PRIVATE, DATA));
        byte[] trailing = java.util.Arrays.copyOf(der, der.length + 1);

        assertThatThrownBy(() -> Sm2.derToRaw(trailing)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sm2.rawToDer(new byte[64])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sm2.rawToDer(new byte[63])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void interoperatesWithBouncyCastleJcaSm3withSm2AndDefaultUserId() throws Exception {
        Signature jca = Signature.getInstance("SM3withSM2", Sm2.PROVIDER);
        AlgorithmParameterSpec id = new SM2ParameterSpec(Sm2.DEFAULT_USER_ID.getBytes(StandardCharsets.US_ASCII));
        jca.setParameter(id);
        jca.initSign(KEYS.getPrivate());
        jca.update(DATA);
        byte[] jcaDer = jca.sign();
        assertThat(Sm2.verify(PUBLIC, DATA, jcaDer)).isTrue();

        jca.setParameter(id);
        jca.initVerify(KEYS.getPublic());
        jca.update(DATA);
        assertThat(jca.verify(Sm2.rawToDer(Sm2.sign(PRIVATE, DATA)))).isTrue();
    }

    @Test
    void encryptsC1C3C2AndDecrypts() throws Exception {
        byte[] key = new byte[16];
        java.util.Arrays.fill(key, (byte) 0x5a);

        byte[] ciphertext = Sm2.encrypt(PUBLIC, key);

        assertThat(ciphertext).hasSize(65 + 32 + 16);
        assertThat(ciphertext[0]).isEqualTo((byte) 0x04);
        assertThat(Sm2.decrypt(PRIVATE, ciphertext)).isEqualTo(key);

        // Reordered to C1 || C2 || C3, BouncyCastle's C1C2C3 engine must decrypt it: proves the order we emit.
        byte[] c1c2c3 = new byte[ciphertext.length];
        System.arraycopy(ciphertext, 0, c1c2c3, 0, 65);
        System.arraycopy(ciphertext, 97, c1c2c3, 65, 16);
        System.arraycopy(ciphertext, 65, c1c2c3, 81, 32);
        SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C2C3);
        engine.init(false, PRIVATE);
        assertThat(engine.processBlock(c1c2c3, 0, c1c2c3.length)).isEqualTo(key);
    }

    @Test
    void decryptRefusesChangedCiphertextAndOtherKey() {
        byte[] ciphertext = Sm2.encrypt(PUBLIC, new byte[16]);
        ECPrivateKeyParameters other = Sm2.privateKeyParameters(Sm2.generateKeyPair().getPrivate());
        for (int i = 0; i < ciphertext.length; i += 5) {
            byte[] changed = ciphertext.clone();
            changed[i] ^= 0x01;
            assertThatThrownBy(() -> Sm2.decrypt(PRIVATE, changed)).isInstanceOf(CryptoOperationException.class);
        }
        assertThatThrownBy(() -> Sm2.decrypt(other, ciphertext)).isInstanceOf(CryptoOperationException.class);
        assertThatThrownBy(() -> Sm2.decrypt(PRIVATE, new byte[10])).isInstanceOf(CryptoOperationException.class);
    }

    @Test
    void publicKeyEncodingRoundTripsAndRefusesPointsOffTheCurve() {
        byte[] encoded = PUBLIC.encoded();
        assertThat(encoded).hasSize(65);
        assertThat(Sm2PublicKey.fromEncoded(encoded)).isEqualTo(PUBLIC);

        byte[] offCurve = encoded.clone();
        offCurve[64] ^= 1;
        assertThatThrownBy(() -> Sm2PublicKey.fromEncoded(offCurve)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sm2PublicKey.fromEncoded(new byte[] {0})).isInstanceOf(IllegalArgumentException.class);
    }
}
