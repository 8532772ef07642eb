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

    @Test
    void theHomePageShowsTheEnterprisesOwnCreditAsCustomsKeepsIt() {
        // 首页-我的信用: fetched sealed from the simulator, each enterprise its own
        JsonNode home = api.get(token, "/home").body();
        JsonNode credit = home.path("credit").path("profile");
        assertThat(credit.path("enterprise").asText()).isEqualTo("91460100MA5RCL3Y4P");
        assertThat(credit.path("creditGrade").asText()).isEqualTo("GENERAL");
        assertThat(credit.path("creditGradeZh").asText()).isEqualTo("一般信用企业");
        assertThat(credit.path("clearanceRating").path("level").asText()).isIn("A", "B", "C");
        assertThat(credit.path("comprehensiveEvaluation").path("score").isNumber()).isTrue();
        assertThat(credit.path("creditReport").path("seriousDishonesty").asBoolean()).isFalse();
        assertThat(credit.path("source").asText()).contains("模拟器");
        assertThat(home.path("credit").path("stale").asBoolean()).isFalse();

        String yangpu = TestTokens.issuer().user("declarant-yp", "enterprise-declarant").enterprise("91460000MA5T8XQ21K").mint();
        JsonNode own = api.post(yangpu, "/credit/refresh", Map.of()).body().path("profile");
        assertThat(own.path("enterprise").asText()).isEqualTo("91460000MA5T8XQ21K");
        assertThat(own.path("creditGrade").asText()).isEqualTo("AEO_ADVANCED");
        assertThat(own.path("messageId").asText()).isNotBlank();
        // read again: the kept profile, the same customs message
        assertThat(api.get(yangpu, "/credit").body().path("profile").path("messageId").asText())
                .isEqualTo(own.path("messageId").asText());
        // an officer has no enterprise credit page of its own
        String officer = TestTokens.issuer().user("officer", "customs-officer").organization("/hainan/customs").mint();
        assertThat(api.get(officer, "/credit").status()).isEqualTo(403);
    }

    @Test
    void customsReturnsAChainWithADishonestMemberWithTheReasonAndApprovesItCorrected() {
        String dishonest = "91469027MA5TX9QJ4B";
        String partner = TestTokens.issuer().user("declarant-dq", "enterprise-declarant").enterprise(dishonest).mint();
        JsonNode chain = api.post(token, "/joint-chains", Map.of("name", "模拟器审批链", "members", List.of(
                Map.of("enterprise", "91460100MA5RCL3Y4P", "step", "注塑"),
                Map.of("enterprise", dishonest, "step", "组装")))).body();
        long id = chain.path("id").asLong();
        // 第三方企业社会信用信息获取: every member's grade, from customs
        JsonNode withCredit = api.post(token, "/joint-chains/" + id + "/member-credit", Map.of()).body();
        assertThat(withCredit.path("members").findValuesAsText("creditGrade")).containsExactly("GENERAL", "DISHONEST");
        assertThat(withCredit.path("members").get(1).path("creditGradeZh").asText()).isEqualTo("失信企业");

        assertThat(api.post(partner, "/joint-chains/" + id + "/decision", Map.of("confirm", true)).status()).isEqualTo(200);
        assertThat(api.post(token, "/joint-chains/" + id + "/customs-approval", Map.of()).status()).isEqualTo(200);
        JsonNode anomaly = awaitChain(id, c -> c.path("customsStatus").asText().equals("ANOMALY"));
        assertThat(anomaly.path("anomalyReason").asText()).contains(dishonest).contains("失信企业").contains("dishonest");

        String yangpu = "91460000MA5T8XQ21K";
        String yangpuToken = TestTokens.issuer().user("declarant-yp", "enterprise-declarant").enterprise(yangpu).mint();
        assertThat(api.put(token, "/joint-chains/" + id, Map.of("name", "模拟器审批链（更正）", "members", List.of(
                Map.of("enterprise", "91460100MA5RCL3Y4P", "step", "注塑"),
                Map.of("enterprise", yangpu, "step", "组装")))).status()).isEqualTo(200);
        assertThat(api.post(yangpuToken, "/joint-chains/" + id + "/decision", Map.of("confirm", true)).status()).isEqualTo(200);
        assertThat(api.post(token, "/joint-chains/" + id + "/customs-approval", Map.of()).status()).isEqualTo(200);
        JsonNode approved = awaitChain(id, c -> c.path("customsStatus").asText().equals("APPROVED"));
        assertThat(approved.path("approvalRound").asInt()).isEqualTo(1);
        assertThat(api.get(token, "/joint-chains/" + id + "/receipts").body().findValuesAsText("kind"))
                .containsExactly("RECEIVED", "RETURNED", "RECEIVED", "APPROVED");
    }

    private JsonNode awaitChain(long id, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode c = api.get(token, "/joint-chains/" + id).body();
        while (!done.test(c) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            c = api.get(token, "/joint-chains/" + id).body();
        }
        assertThat(done.test(c)).as("chain %s reached the expected state: %s", id, c).isTrue();
        return c;
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
