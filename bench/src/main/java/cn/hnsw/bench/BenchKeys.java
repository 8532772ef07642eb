package cn.hnsw.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;

import cn.hnsw.common.crypto.InMemoryKeyDirectory;
import cn.hnsw.common.crypto.KeyStoreTool;
import cn.hnsw.common.crypto.Pkcs12CipherDevice;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Throw-away platform and partner keys in a temporary directory, made through the same tool operators use. */
final class BenchKeys {

    static final String PLATFORM = "hnsw-platform";
    static final String PARTNER = "customs-haikou";
    private static final char[] PASSWORD = "bench-only".toCharArray();

    final Pkcs12CipherDevice platform;
    final Pkcs12CipherDevice partner;
    final InMemoryKeyDirectory directory;
    final PrivateKey platformPrivateKey;

    BenchKeys() {
        try {
            Path dir = Files.createTempDirectory("hnsw-bench-keys");
            KeyStoreTool.generateStores(dir, PLATFORM, List.of(PARTNER), PASSWORD, Duration.ofDays(1), "bench");
            platform = Pkcs12CipherDevice.load(dir.resolve("platform.p12"), PASSWORD);
            partner = Pkcs12CipherDevice.load(dir.resolve("partners/" + PARTNER + ".p12"), PASSWORD);
            directory = InMemoryKeyDirectory.fromTrustStore(dir.resolve("trust.p12"), PASSWORD);
            KeyStore store = KeyStore.getInstance("PKCS12", new BouncyCastleProvider());
            try (InputStream in = Files.newInputStream(dir.resolve("platform.p12"))) {
                store.load(in, PASSWORD);
            }
            platformPrivateKey = (PrivateKey) store.getKey(PLATFORM, PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
