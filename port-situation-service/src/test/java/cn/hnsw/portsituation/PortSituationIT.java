package cn.hnsw.portsituation;

import cn.hnsw.simulators.harness.SimulatorKeys;
import cn.hnsw.simulators.harness.SimulatorsHarness;
import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.testsupport.spring.TestInfrastructureInitializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of this service's integration tests: one Spring context on the real PostgreSQL, Kafka and token issuer, with
 * throw-away SM2 keys and the partner simulators (gate-control among them) running in the same JVM.
 */
@ServiceIntegrationTest
public abstract class PortSituationIT {

    protected static final SimulatorKeys KEYS = SimulatorKeys.of("gate-control", "ais-feeder", "sms-platform", "mail-gateway",
            "video-platform");
    protected static final SimulatorsHarness SIMULATORS = SimulatorsHarness.start(KEYS, new TestInfrastructureInitializer());

    @DynamicPropertySource
    static void partners(DynamicPropertyRegistry r) {
        KEYS.platformProperties().forEach((k, v) -> r.add(k, () -> v));
        r.add("hnsw.partners.endpoint", SIMULATORS::partnerEndpoint);
    }

    @LocalServerPort
    protected int port;
    @Value("${hnsw.api.base}")
    protected String apiBase;

    protected Api api;
    protected final TestTokens tokens = TestTokens.issuer();
    protected String maritime;
    protected String customs;
    protected String operator;

    @BeforeEach
    void setUpApi() {
        api = new Api(port, apiBase);
        maritime = tokens.user("wuhaitao", "maritime-officer").organization("/海南海事局").mint();
        customs = tokens.user("lijun", "customs-officer").organization("/海口海关/海口港海关").mint();
        operator = tokens.user("xingzhiyuan", "sw-operator").mint();
    }
}
