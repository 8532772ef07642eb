package cn.hnsw.ledger.support;

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

/** Throw-away key stores made once per JVM the way operators make them (KeyStoreTool.generateStores). */
public final class LedgerTestKeys {

    public static final String PLATFORM = "hnsw-platform";
    public static final String CUSTOMS = "customs-golden-customs-2";
    /** A trusted partner that is not 金关二期: its receipts must be refused. */
    public static final String OTHER_PARTNER = "customs-h2018";
    public static final String PASSWORD = "ledger-test-password";

    private static volatile Path dir;

    private LedgerTestKeys() {
    }

    public static synchronized Path dir() {
        if (dir == null) {
            try {
                Path d = Files.createTempDirectory("hnsw-ledger-keys-");
                KeyStoreTool.generateStores(d, PLATFORM, List.of(CUSTOMS, OTHER_PARTNER), PASSWORD.toCharArray(),
                        Duration.ofDays(30), "Hainan Single Window ledger test");
                dir = d;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** A partner sealing with its own key, as 金关二期 itself would. */
    public static MessageSealer partnerSealer(String keyId) {
        return new MessageSealer(Pkcs12CipherDevice.load(dir().resolve("partners").resolve(keyId + ".p12"), PASSWORD.toCharArray()),
                InMemoryKeyDirectory.fromTrustStore(dir().resolve("trust.p12"), PASSWORD.toCharArray()),
                new InMemoryReplayGuard(Clock.systemUTC(), 10_000), Clock.systemUTC());
    }
}
