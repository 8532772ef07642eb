package cn.hnsw.tradewindow.support;

import cn.hnsw.simulators.harness.SimulatorKeys;
import cn.hnsw.simulators.harness.SimulatorsHarness;
import cn.hnsw.testsupport.spring.TestInfrastructureInitializer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The trade window's partner simulators (海易办, SMS platform, data-sharing platform), started once per test JVM on a
 * free port with throw-away SM2 keys; the service seals to them over real HTTP as in the local stack.
 */
public final class TestPartners {

    public static final SimulatorKeys KEYS = SimulatorKeys.of("haiyiban", "sms-platform", "data-sharing");
    private static SimulatorsHarness simulators;

    private TestPartners() {
    }

    public static synchronized SimulatorsHarness simulators() {
        if (simulators == null) {
            simulators = SimulatorsHarness.start(KEYS, new TestInfrastructureInitializer());
        }
        return simulators;
    }

    public static void register(DynamicPropertyRegistry r) {
        KEYS.platformProperties().forEach((k, v) -> r.add(k, () -> v));
        r.add("hnsw.partners.endpoint", () -> simulators().partnerEndpoint());
    }
}
