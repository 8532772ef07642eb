package cn.hnsw.passenger.clearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.hnsw.passenger.support.PassengerApiIT;
import cn.hnsw.passenger.support.TestKeys;
import cn.hnsw.simulators.harness.SimulatorKeys;
import cn.hnsw.simulators.harness.SimulatorsHarness;
import cn.hnsw.simulators.passenger.PassengerSimulatorSettings;
import cn.hnsw.simulators.passenger.PassengerSimulators;
import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.TestInfrastructureInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole loop against the real simulators in this JVM: the customs simulator verifies the sealed declaration,
 * assesses duty from its table and pushes a sealed receipt back; the wallet simulator takes the order and calls back
 * with a notification signed by its own key; the certificate follows.
 */
class ClearanceWithSimulatorsIT extends PassengerApiIT {

    static final SimulatorKeys KEYS = SimulatorKeys.of("customs-smart-supervision", "wallet-alipay", "wallet-tenpay",
            "bank-boc-hainan", "bank-icbc-hainan", "bank-ccb-hainan", "bank-abc-hainan");
    /** The simulators read the same key folder as the platform's {@link TestKeys}, as in the local stack. */
    static final SimulatorsHarness SIMULATORS = SimulatorsHarness.start(KEYS, Map.of(
            "hnsw.simulators.keys-dir", TestKeys.dir().toString(),
            "hnsw.simulators.key-store-password", TestKeys.PASSWORD,
            "hnsw.partners.client-id", "hnsw-svc-simulators",
            "hnsw.partners.client-secret", TestTokens.clientSecret("hnsw-svc-simulators")),
            new TestInfrastructureInitializer());

    @DynamicPropertySource
    static void simulators(DynamicPropertyRegistry registry) {
        registry.add("hnsw.partners.endpoint", SIMULATORS::partnerEndpoint);
        registry.add("hnsw.partners.client-id", () -> "hnsw-svc-passenger");
        registry.add("hnsw.partners.client-secret", () -> TestTokens.clientSecret("hnsw-svc-passenger"));
    }

    @BeforeEach
    void pointSimulatorsHere() {
        SIMULATORS.context().getBean(PassengerSimulators.class).update(new PassengerSimulatorSettings(Duration.ZERO,
                0.0, Duration.ZERO, URI.create("http://127.0.0.1:" + port + "/api/passenger/v1/customs/receipts"),
                URI.create("http://127.0.0.1:" + port + "/api/passenger/v1/payment-notifications")));
    }

    @Test
    void declareGetTheCustomsDecisionPayAndReceiveTheCertificate() {
        String token = traveler("wu.di");
        JsonNode created = submit(token, declaration(List.of(
                item("VALUABLES", "机械手表", "1", "只", "8800.00"),
                item("FOOD", "椰子糖", "3", "袋", "90.00"))));
        String id = created.path("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> detail(token, id).path("status").asText().equals("TAX_DUE"));
        JsonNode declared = detail(token, id);
        assertThat(declared.path("taxDue").decimalValue()).isEqualByComparingTo("1760.00");
        assertThat(declared.path("items").get(1).path("releaseStatus").asText()).isEqualTo("免税放行");

        String taxId = json(call("GET", "/v1/taxes", token, null)).path("content").get(0).path("id").asText();
        assertThat(call("POST", "/v1/taxes/" + taxId + "/entry", token, Map.of("confirmedTotal", "1760.00"))
                .statusCode()).isEqualTo(200);
        int version = json(call("GET", "/v1/taxes/" + taxId + "/agreement?channel=ALIPAY", token, null))
                .path("textVersion").asInt();
        JsonNode signed = json(call("POST", "/v1/taxes/" + taxId + "/agreement", token,
                Map.of("channel", "ALIPAY", "textVersion", version, "consent", true)));
        assertThat(signed.path("customsReceipt").asText()).isEqualTo("SENT");
        assertThat(signed.path("bankReceipt").asText()).isEqualTo("SENT");
        assertThat(call("POST", "/v1/taxes/" + taxId + "/payment-orders", token, Map.of("channel", "ALIPAY"))
                .statusCode()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                json(call("GET", "/v1/taxes/" + taxId, token, null)).path("status").asText().equals("PAID"));
        await().atMost(Duration.ofSeconds(30)).until(() -> detail(token, id).path("status").asText().equals("RELEASED"));
        JsonNode certificate = json(call("GET", "/v1/taxes/" + taxId + "/certificate", token, null));
        assertThat(certificate.path("certificateNo").asText()).startsWith("WS");
        assertThat(getBytes("/v1/certificates/" + certificate.path("id").asText() + "/pdf", token).statusCode())
                .isEqualTo(200);
    }
}
