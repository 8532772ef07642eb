package cn.hnsw.passenger.support;

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
 * Real SM2 key stores, generated once per test JVM: the platform's and one per partner the passenger service talks
 * to, plus an "intruder" key that is in the trust store but is no partner of ours, and a "stranger" that is not
 * trusted at all. Partner sealers let tests play customs, banks and wallets with their own keys.
 */
public final class TestKeys {

    public static final String PASSWORD = "passenger-test-keys";
    public static final String PLATFORM = "hnsw-platform";
    public static final String CUSTOMS = "customs-smart-supervision";
    public static final List<String> PARTNERS = List.of(CUSTOMS, "wallet-alipay", "wallet-tenpay", "bank-boc-hainan",
            "bank-icbc-hainan", "bank-ccb-hainan", "bank-abc-hainan", "payment-reserved-1", "payment-reserved-2",
            "payment-reserved-3", "payment-reserved-4", "intruder");

    private static Path dir;
    private static Path strangerDir;

    private TestKeys() {
    }

    public static synchronized Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("passenger-keys");
                KeyStoreTool.generateStores(dir, PLATFORM, PARTNERS, PASSWORD.toCharArray(), Duration.ofDays(30),
                        "HNSW test");
                strangerDir = Files.createTempDirectory("stranger-keys");
                // same key ids as the real partners, but keys nobody trusts: a forger
                KeyStoreTool.generateStores(strangerDir, PLATFORM, List.of(CUSTOMS, "wallet-alipay"),
                        PASSWORD.toCharArray(), Duration.ofDays(30), "forger");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** A sealer holding {@code partner}'s private key, trusting the platform: it seals as that partner would. */
    public static MessageSealer partnerSealer(String partner) {
        return sealer(dir().resolve("partners").resolve(partner + ".p12"), dir().resolve("trust.p12"));
    }

    /** A sealer with a forged key under a real partner's id. */
    public static MessageSealer forgerSealer(String partner) {
        dir();
        return sealer(strangerDir.resolve("partners").resolve(partner + ".p12"), dir().resolve("trust.p12"));
    }

    private static MessageSealer sealer(Path store, Path trust) {
        return new MessageSealer(Pkcs12CipherDevice.load(store, PASSWORD.toCharArray()),
                InMemoryKeyDirectory.fromTrustStore(trust, PASSWORD.toCharArray()),
                new InMemoryReplayGuard(Clock.systemUTC(), 100_000), Clock.systemUTC());
    }
}
