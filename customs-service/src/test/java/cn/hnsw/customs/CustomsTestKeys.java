package cn.hnsw.customs;

import cn.hnsw.common.crypto.InMemoryKeyDirectory;
import cn.hnsw.common.crypto.InMemoryReplayGuard;
import cn.hnsw.common.crypto.KeyStoreTool;
import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.Pkcs12CipherDevice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Throw-away key stores made once per JVM as the local stack makes them: the platform and the partners of the
 * declaration system; plus a second set whose "rogue" key the platform does not trust.
 */
public final class CustomsTestKeys {

    public static final String PLATFORM = "hnsw-platform";
    public static final String PASSWORD = "customs-test-password";
    public static final String SINGLE_WINDOW = "single-window-standard";
    public static final String MANIFEST = "manifest-system";
    public static final String H2018 = "customs-h2018";
    public static final String ROGUE = "rogue-subcentre-sender";

    private static Path dir;
    private static Path rogueDir;

    private CustomsTestKeys() {
    }

    public static synchronized Path dir() {
        if (dir == null) {
            dir = temp("hnsw-customs-keys-");
            KeyStoreTool.generateStores(dir, PLATFORM, List.of(SINGLE_WINDOW, MANIFEST, H2018), PASSWORD.toCharArray(),
                    Duration.ofDays(30), "Hainan Single Window customs test");
        }
        return dir;
    }

    /** A key the platform has never registered, with the platform's certificate to seal to (from the real set). */
    public static synchronized MessageSealer rogueSealer() {
        if (rogueDir == null) {
            rogueDir = temp("hnsw-customs-rogue-");
            KeyStoreTool.generateStores(rogueDir, "rogue-platform", List.of(ROGUE), PASSWORD.toCharArray(),
                    Duration.ofDays(30), "Untrusted");
        }
        return new MessageSealer(Pkcs12CipherDevice.load(rogueDir.resolve("partners").resolve(ROGUE + ".p12"), PASSWORD.toCharArray()),
                InMemoryKeyDirectory.fromTrustStore(dir().resolve("trust.p12"), PASSWORD.toCharArray()),
                new InMemoryReplayGuard(Clock.systemUTC(), 10_000), Clock.systemUTC());
    }

    /** A partner sealing with its own key, as the real partner would. */
    public static MessageSealer partnerSealer(String keyId) {
        return new MessageSealer(Pkcs12CipherDevice.load(dir().resolve("partners").resolve(keyId + ".p12"), PASSWORD.toCharArray()),
                InMemoryKeyDirectory.fromTrustStore(dir().resolve("trust.p12"), PASSWORD.toCharArray()),
                new InMemoryReplayGuard(Clock.systemUTC(), 100_000), Clock.systemUTC());
    }

    private static Path temp(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
