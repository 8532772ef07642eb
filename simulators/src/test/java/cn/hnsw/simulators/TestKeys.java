package cn.hnsw.simulators;

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
 * Throw-away key stores for the tests, made once per JVM by {@link KeyStoreTool#generateStores} as the local stack
 * makes them: the platform, and every configured partner except {@link #WITHOUT_KEY}, which shows what a partner
 * without keys does.
 */
public final class TestKeys {

    public static final String PLATFORM = "hnsw-platform";
    public static final String PASSWORD = "simulators-test-password";
    public static final String CUSTOMS = "customs-h2018";
    public static final String BANK = "bank-boc-hainan";
    public static final String WITHOUT_KEY = "haiyiban";
    public static final List<String> PARTNERS = List.of(CUSTOMS, "customs-golden-customs-2", "customs-smart-supervision",
            "single-window-standard", BANK, "bank-icbc-hainan", "wallet-alipay", "wallet-tenpay", "gate-control",
            "ticketing-port-operator", "ais-feeder", "camera-platform", "border-digital", "manifest-system",
            // issue 4: the remaining payment channels and the reserved slots
            "bank-ccb-hainan", "bank-abc-hainan", "payment-reserved-1", "payment-reserved-2", "payment-reserved-3",
            "payment-reserved-4",
            // issue 7: the mail gateway of the alert subscriptions, the video platforms' streams, recordings and time sync;
            // issue 6: the population registry the face base library is filled from
            "mail-gateway", "video-platform", "population-registry", "cascade-face-platform");

    private static volatile Path dir;

    private TestKeys() {
    }

    /** The folder with {@code platform.p12}, {@code trust.p12} and {@code partners/<id>.p12}. */
    public static Path dir() {
        Path d = dir;
        if (d == null) {
            synchronized (TestKeys.class) {
                d = dir;
                if (d == null) {
                    try {
                        d = Files.createTempDirectory("hnsw-simulator-keys-");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    KeyStoreTool.generateStores(d, PLATFORM, PARTNERS, PASSWORD.toCharArray(), Duration.ofDays(30),
                            "Hainan Single Window test");
                    dir = d;
                }
            }
        }
        return d;
    }

    /** The platform's side of sealing, as a platform service wires it. */
    public static MessageSealer platformSealer() {
        return new MessageSealer(Pkcs12CipherDevice.load(dir().resolve("platform.p12"), PASSWORD.toCharArray()),
                InMemoryKeyDirectory.fromTrustStore(dir().resolve("trust.p12"), PASSWORD.toCharArray()),
                new InMemoryReplayGuard(Clock.systemUTC(), 10_000), Clock.systemUTC());
    }

    /** A partner sealing with its own key, as a real partner would (not through the simulator). */
    public static MessageSealer partnerSealer(String keyId) {
        return new MessageSealer(Pkcs12CipherDevice.load(dir().resolve("partners").resolve(keyId + ".p12"), PASSWORD.toCharArray()),
                InMemoryKeyDirectory.fromTrustStore(dir().resolve("trust.p12"), PASSWORD.toCharArray()),
                new InMemoryReplayGuard(Clock.systemUTC(), 10_000), Clock.systemUTC());
    }
}
