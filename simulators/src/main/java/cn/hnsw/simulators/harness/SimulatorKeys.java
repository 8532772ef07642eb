package cn.hnsw.simulators.harness;

import cn.hnsw.common.crypto.KeyStoreTool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throw-away SM2 key stores for tests and benchmarks, made by {@link KeyStoreTool#generateStores} exactly as the local stack makes
 * them: the platform's store, a trust store with every certificate, and one store per partner. One set per distinct
 * list of partners per JVM.
 *
 * <pre>{@code
 * static final SimulatorKeys KEYS = SimulatorKeys.of("customs-smart-supervision", "wallet-alipay");
 *
 * @DynamicPropertySource
 * static void sealing(DynamicPropertyRegistry r) {
 *     KEYS.platformProperties().forEach((k, v) -> r.add(k, () -> v));       // the service under test
 * }
 * // the simulators, in the same JVM (see SimulatorsHarness):
 * SimulatorsHarness simulators = SimulatorsHarness.start(KEYS, new TestInfrastructureInitializer());
 * }</pre>
 */
public final class SimulatorKeys {

    public static final String PLATFORM_KEY_ID = "hnsw-platform";
    public static final String PASSWORD = "hnsw-test-keys";

    private static final Map<String, SimulatorKeys> SETS = new ConcurrentHashMap<>();

    private final Path dir;
    private final List<String> partners;

    private SimulatorKeys(Path dir, List<String> partners) {
        this.dir = dir;
        this.partners = partners;
    }

    /** The key set for these partners (and the platform), generated on first use. */
    public static SimulatorKeys of(String... partnerIds) {
        List<String> partners = List.copyOf(new TreeSet<>(List.of(partnerIds)));
        return SETS.computeIfAbsent(String.join(",", partners), key -> {
            try {
                Path dir = Files.createTempDirectory("hnsw-test-keys-");
                KeyStoreTool.generateStores(dir, PLATFORM_KEY_ID, partners, PASSWORD.toCharArray(), Duration.ofDays(30),
                        "Hainan Single Window test");
                return new SimulatorKeys(dir, partners);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** {@code platform.p12}, {@code trust.p12}, {@code partners/<id>.p12}, {@code certs/*.pem}. */
    public Path dir() {
        return dir;
    }

    public List<String> partners() {
        return partners;
    }

    /** The store of one partner (its private key), e.g. to play that partner in a test. */
    public Path partnerStore(String partnerId) {
        return dir.resolve("partners").resolve(partnerId + ".p12");
    }

    /** {@code hnsw.crypto.*} of a platform service: its key in the software cipher device, partners to trust. */
    public Map<String, String> platformProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("hnsw.crypto.key-store", dir.resolve("platform.p12").toString());
        p.put("hnsw.crypto.key-store-password", PASSWORD);
        p.put("hnsw.crypto.trust-store", dir.resolve("trust.p12").toString());
        p.put("hnsw.crypto.trust-store-password", PASSWORD);
        p.put("hnsw.crypto.platform-key-id", PLATFORM_KEY_ID);
        return p;
    }

    /** {@code hnsw.simulators.*}: the simulators read the same folder, as in the local stack. */
    public Map<String, Object> simulatorsProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("hnsw.simulators.keys-dir", dir.toString());
        p.put("hnsw.simulators.key-store-password", PASSWORD);
        p.put("hnsw.simulators.platform-key-id", PLATFORM_KEY_ID);
        return p;
    }
}
