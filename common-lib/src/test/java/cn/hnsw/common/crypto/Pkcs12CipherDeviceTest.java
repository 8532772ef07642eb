package cn.hnsw.common.crypto;

import static cn.hnsw.common.crypto.CryptoFixtures.CUSTOMS_ID;
import static cn.hnsw.common.crypto.CryptoFixtures.PASSWORD;
import static cn.hnsw.common.crypto.CryptoFixtures.PLATFORM;
import static cn.hnsw.common.crypto.CryptoFixtures.PLATFORM_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pkcs12CipherDeviceTest {

    @TempDir
    Path dir;

    @Test
    void keysSurviveAWriteAndReadThroughAFile() {
        Path file = dir.resolve("platform.p12");
        KeyStores.write(KeyStores.privateStore(List.of(PLATFORM_ID), PASSWORD), file, PASSWORD);

        Pkcs12CipherDevice device = Pkcs12CipherDevice.load(file, PASSWORD);
        byte[] data = "海关回执 customs receipt".getBytes(StandardCharsets.UTF_8);
        Sm2PublicKey publicKey = Sm2PublicKey.fromJca(PLATFORM_ID.certificate().getPublicKey());

        assertThat(device.keyIds()).containsExactly(PLATFORM);
        assertThat(device.publicKey(PLATFORM)).isEqualTo(publicKey);
        assertThat(Sm2.verify(publicKey, data, device.sign(PLATFORM, data))).isTrue();
        assertThat(device.decrypt(PLATFORM, Sm2.encrypt(publicKey, data))).isEqualTo(data);
        assertThat(device.certificateNumber(PLATFORM))
                .isEqualTo(PLATFORM_ID.certificate().getSerialNumber().toString(16));
        assertThat(device.certificate(PLATFORM)).contains(PLATFORM_ID.certificate());
    }

    @Test
    void wrongPasswordUnknownKeyAndMissingFileFailAsDeviceErrors() {
        Path file = dir.resolve("platform.p12");
        KeyStores.write(KeyStores.privateStore(List.of(PLATFORM_ID), PASSWORD), file, PASSWORD);
        Pkcs12CipherDevice device = Pkcs12CipherDevice.load(file, PASSWORD);

        assertThatThrownBy(() -> Pkcs12CipherDevice.load(file, "Tr0ub4dor&3".toCharArray()))
                .isInstanceOf(CipherDeviceException.class)
                .hasMessageNotContaining("Tr0ub4dor");
        assertThatThrownBy(() -> Pkcs12CipherDevice.load(dir.resolve("absent.p12"), PASSWORD))
                .isInstanceOf(CipherDeviceException.class);
        assertThatThrownBy(() -> device.sign("customs-haikou", new byte[1])).isInstanceOf(CipherDeviceException.class);
        assertThatThrownBy(() -> device.decrypt(PLATFORM, new byte[200])).isInstanceOf(CryptoOperationException.class);
    }

    @Test
    void trustStoreBecomesAKeyDirectoryByKeyIdAndCertificateNumber() {
        Path file = dir.resolve("trust.p12");
        KeyStores.write(KeyStores.trustStore(Map.of(PLATFORM, PLATFORM_ID.certificate(), "customs-haikou",
                CUSTOMS_ID.certificate())), file, PASSWORD);

        InMemoryKeyDirectory directory = InMemoryKeyDirectory.fromTrustStore(file, PASSWORD);
        String number = CUSTOMS_ID.certificate().getSerialNumber().toString(16);

        assertThat(directory.keyIds()).containsExactlyInAnyOrder(PLATFORM, "customs-haikou");
        assertThat(directory.publicKey("customs-haikou"))
                .contains(Sm2PublicKey.fromJca(CUSTOMS_ID.certificate().getPublicKey()));
        assertThat(directory.byCertificateNumber(number.toUpperCase())).map(TrustedKey::keyId).contains("customs-haikou");
        assertThat(directory.publicKey("nobody")).isEmpty();
        assertThat(directory.byCertificateNumber("00")).isEmpty();
    }

    @Test
    void toStringNeverShowsKeyMaterial() {
        assertThat(CryptoFixtures.PLATFORM_DEVICE.toString()).isEqualTo("Pkcs12CipherDevice[" + PLATFORM + "]");
        assertThat(PLATFORM_ID.toString()).isEqualTo("Sm2Identity[" + PLATFORM + "]");
    }
}
