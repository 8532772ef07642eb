package cn.hnsw.ledger.customs;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.simulators.harness.SimulatorKeys;
import cn.hnsw.simulators.harness.SimulatorsHarness;
import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.testsupport.spring.TestInfrastructureInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the 金关二期 simulator of the simulators module, running in this JVM: declarations go out sealed with the
 * service token, the simulator's logic check decides, and its sealed receipts come back to the inbox on their own.
 */
@ServiceIntegrationTest
class GoldenCustomsSimulatorIT {

    static final SimulatorKeys KEYS = SimulatorKeys.of("customs-golden-customs-2");
    static final SimulatorsHarness SIMULATORS = SimulatorsHarness.start(KEYS, new TestInfrastructureInitializer());

    @DynamicPropertySource
    static void partners(DynamicPropertyRegistry r) {
        KEYS.platformProperties().forEach((k, v) -> r.add(k, () -> v));
        r.add("hnsw.partners.endpoint", SIMULATORS::partnerEndpoint);
        r.add("hnsw.ledger.receipt-url", () -> "http://127.0.0.1:${local.server.port}/api/ledger/v1/customs/receipts");
    }

    @LocalServerPort
    int port;
    LedgerApi api;
    String token;

    @BeforeEach
    void setUp() {
        api = new LedgerApi(port);
        token = TestTokens.issuer().user("declarant-hk", "enterprise-declarant").enterprise("91460100MA5RCL3Y4P").mint();
    }

    @Test
    void theSimulatorApprovesAFilingAndActivatesALedgerWithFormalPostingData() {
        long filing = filing("MATERIAL_FILING", "MATERIAL", "HK-LI-001", "8507600090");
        JsonNode approved = await(filing, d -> d.path("status").asText().equals("APPROVED"));
        assertThat(approved.path("receipts").findValuesAsText("kind")).containsExactly("RECEIVED", "APPROVED");

        long commodity = api.get(token, "/commodities").body().get(0).path("id").asLong();
        JsonNode setup = api.post(token, "/documents", Map.of("type", "LOGISTICS_LEDGER_SETUP", "title", "物流账册")).body();
        api.post(token, "/documents/" + setup.path("id").asLong() + "/lines",
                List.of(Map.of("kind", "GOODS", "linkRef", commodity, "quantity", 1)));
        assertThat(api.post(token, "/documents/" + setup.path("id").asLong() + "/declaration", Map.of()).status()).isEqualTo(200);
        JsonNode done = await(setup.path("id").asLong(), d -> d.path("receipts").size() == 3);
        assertThat(done.path("receipts").findValuesAsText("kind")).containsExactly("RECEIVED", "APPROVED", "FORMAL_DATA");
        JsonNode ledgers = api.get(token, "/ledgers").body();
        assertThat(ledgers.findValuesAsText("status")).containsExactly("ACTIVE");
    }

    @Test
    void theSimulatorReturnsGoodsExcludedFromZeroTariffWithAReason() {
        long filing = filing("MATERIAL_FILING", "MATERIAL", "HK-MU-009", "9306900000");
        JsonNode returned = await(filing, d -> d.path("status").asText().equals("RETURNED"));
        assertThat(returned.path("returnReason").asText()).contains("第 93 章").contains("chapter 93");
    }

    private long filing(String type, String kind, String itemNo, String hs) {
        long id = api.post(token, "/documents", Map.of("type", type, "title", itemNo)).body().path("id").asLong();
        assertThat(api.post(token, "/documents/" + id + "/lines",
                List.of(Map.of("kind", kind, "itemNo", itemNo, "hsCode", hs, "quantity", 1))).status()).isEqualTo(200);
        LedgerApi.Response declared = api.post(token, "/documents/" + id + "/declaration", Map.of());
        assertThat(declared.status()).as(declared.body().toString()).isEqualTo(200);
        return id;
    }

    private JsonNode await(long id, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode d = api.get(token, "/documents/" + id).body();
        while (!done.test(d) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            d = api.get(token, "/documents/" + id).body();
        }
        assertThat(done.test(d)).as("document %s reached the expected state: %s", id, d).isTrue();
        return d;
    }
}
