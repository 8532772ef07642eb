package cn.hnsw.tradewindow.support;

import cn.hnsw.simulators.harness.SimulatorKeys;
import cn.hnsw.simulators.harness.SimulatorsHarness;
import cn.hnsw.testsupport.spring.TestInfrastructureInitializer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The trade window's partner simulators (海易办, SMS platform, data-sharing platform), started once per test JVM on a
 * free port with throw-away SM2 keys; the service seals to them over real HTTP as in the local stack.
 *
 * <p>The simulators are a Spring Boot application of their own that here shares the service's class path, Flowable
 * included: without the exclusions below they built a second process engine (its own database, the service's BPMN
 * files) and, started half-way through the service context's own start (the endpoint property is read lazily), left
 * the service's engine without its deployment ("no process definition found for key pilotApproval" whenever a test
 * class that uses them ran first in the JVM). They need no engine, and they are started before the service context.
 */
public final class TestPartners {

    public static final SimulatorKeys KEYS = SimulatorKeys.of("haiyiban", "sms-platform", "data-sharing");
    private static SimulatorsHarness simulators;

    private TestPartners() {
    }

    public static synchronized SimulatorsHarness simulators() {
        if (simulators == null) {
            simulators = SimulatorsHarness.start(KEYS, java.util.Map.of("spring.autoconfigure.exclude", String.join(",",
                    "org.flowable.spring.boot.ProcessEngineAutoConfiguration",
                    "org.flowable.spring.boot.ProcessEngineServicesAutoConfiguration",
                    "org.flowable.spring.boot.idm.IdmEngineAutoConfiguration",
                    "org.flowable.spring.boot.idm.IdmEngineServicesAutoConfiguration",
                    "org.flowable.spring.boot.eventregistry.EventRegistryAutoConfiguration",
                    "org.flowable.spring.boot.eventregistry.EventRegistryServicesAutoConfiguration",
                    "org.flowable.spring.boot.FlowableSecurityAutoConfiguration",
                    "org.flowable.spring.boot.EndpointAutoConfiguration",
                    "org.flowable.spring.boot.actuate.info.FlowableInfoAutoConfiguration")),
                    new TestInfrastructureInitializer());
        }
        return simulators;
    }

    public static void register(DynamicPropertyRegistry r) {
        KEYS.platformProperties().forEach((k, v) -> r.add(k, () -> v));
        String endpoint = simulators().partnerEndpoint();
        r.add("hnsw.partners.endpoint", () -> endpoint);
    }
}
