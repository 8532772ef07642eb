package cn.hnsw.customs.console;

import cn.hnsw.common.crypto.CipherDevice;
import cn.hnsw.common.crypto.Sm2;
import cn.hnsw.common.partner.SignedWebhook;
import cn.hnsw.customs.CustomsIntegrationTestBase;
import cn.hnsw.customs.CustomsTestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static cn.hnsw.customs.declaration.DeclarationFixtures.directRelease;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 对接企业ERP系统—二线报关单回执下发服务 (FP 563–568): an enterprise that enabled the subscription service with a callback
 * address gets each receipt pushed there, signed with the platform key; a failing ERP is retried, a refusing one can be
 * re-driven; the deliveries are listed for the enterprise (its own only) and operators.
 */
class ErpReceiptPushIT extends CustomsIntegrationTestBase {

    static final String PET = "3907610000";

    /** One request the ERP received: its headers of interest and body. */
    record Received(String deliveryId, String timestamp, String keyId, String signature, String body) {
    }

    static HttpServer erp;
    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** Scripted answers per pre-entry number and receipt kind; 200 when none is left. */
    static final Map<String, Deque<Integer>> SCRIPT = new ConcurrentHashMap<>();

    @Autowired
    CipherDevice device;

    @BeforeAll
    static void startErp() throws IOException {
        erp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        erp.createContext("/erp/receipts", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = exchange.getRequestHeaders();
            RECEIVED.add(new Received(h.getFirst("X-HNSW-Delivery-Id"), h.getFirst("X-HNSW-Timestamp"),
                    h.getFirst("X-HNSW-Key-Id"), h.getFirst("X-HNSW-Signature"), body));
            JsonNode b = json(body);
            Deque<Integer> answers = SCRIPT.get(b.has("sourceKey") ? b.path("sourceKey").asText()
                    : b.path("preEntryNo").asText() + "/" + b.path("receiptKind").asText());
            Integer code = answers == null ? null : answers.pollFirst();
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code == null ? 200 : code, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        erp.start();
    }

    @AfterAll
    static void stopErp() {
        erp.stop(0);
    }

    @BeforeEach
    void subscribed() {
        put("/v1/zero-tariff/qualifications/" + ENTERPRISE_A, operatorToken(), Map.of("enterpriseUscc", ENTERPRISE_A,
                "enterpriseName", "海南洋浦新材料科技有限公司", "validFrom", "2025-12-18", "revoked", false));
        put("/v1/zero-tariff/whitelist/" + PET, operatorToken(), Map.of("hsCode", PET, "nameZh", "聚对苯二甲酸乙二醇酯", "category", "原辅料"));
        HttpResponse<String> enabled = put("/v1/service-console/services/SUBSCRIPTION", enterpriseToken(ENTERPRISE_A),
                Map.of("contact", "ERP 值班 0898-66000000",
                        "callbackUrl", "http://127.0.0.1:" + erp.getAddress().getPort() + "/erp/receipts"));
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
    }

    @AfterEach
    void unsubscribed() {
        post("/v1/service-console/services/SUBSCRIPTION/disablement", enterpriseToken(ENTERPRISE_A), "");
    }

    @Test
    void aReceiptIsPushedSignedToTheErpAndListedForItsEnterpriseOnly() {
        String id = create();
        submit(id);
        JsonNode delivery = awaitDelivery(id, "TECHNICAL", "DELIVERED");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.path("lastHttpStatus").asInt()).isEqualTo(200);

        Received got = RECEIVED.stream().filter(r -> r.deliveryId().equals(delivery.path("id").asText())).findFirst().orElseThrow();
        JsonNode body = json(got.body());
        assertThat(body.path("declarationId").asText()).isEqualTo(id);
        assertThat(body.path("receiptKind").asText()).isEqualTo("TECHNICAL");
        assertThat(body.path("enterpriseUscc").asText()).isEqualTo(ENTERPRISE_A);
        // signed by the platform key over delivery id, timestamp and body; a changed body does not verify
        assertThat(got.keyId()).isEqualTo(CustomsTestKeys.PLATFORM);
        byte[] signature = Base64.getDecoder().decode(got.signature());
        assertThat(Sm2.verify(device.publicKey(got.keyId()), SignedWebhook.signedText(got.deliveryId(), got.timestamp(), got.body()), signature)).isTrue();
        assertThat(Sm2.verify(device.publicKey(got.keyId()), SignedWebhook.signedText(got.deliveryId(), got.timestamp(), got.body() + " "), signature)).isFalse();

        // another enterprise neither lists nor re-drives it; an operator and an officer see it
        assertThat(json(get("/v1/service-console/receipt-deliveries?declarationId=" + id, enterpriseToken(ENTERPRISE_B)).body())
                .path("totalElements").asInt()).isZero();
        assertThat(post("/v1/service-console/receipt-deliveries/" + delivery.path("id").asText() + "/redrive",
                enterpriseToken(ENTERPRISE_B), "").statusCode()).isEqualTo(404);
        assertThat(json(get("/v1/service-console/receipt-deliveries?declarationId=" + id, operatorToken()).body())
                .path("totalElements").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(json(get("/v1/service-console/receipt-deliveries?declarationId=" + id, officerToken()).body())
                .path("totalElements").asInt()).isGreaterThanOrEqualTo(1);
        // a delivered push is not re-driven
        HttpResponse<String> again = post("/v1/service-console/receipt-deliveries/" + delivery.path("id").asText() + "/redrive",
                enterpriseToken(ENTERPRISE_A), "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again.body()).path("code").asText()).isEqualTo("DELIVERY_NOT_FAILED");
    }

    @Test
    void anErpThatFailsIsRetriedWithTheSameDeliveryId() {
        String id = create();
        SCRIPT.put(preEntryNo(id) + "/TECHNICAL", new ArrayDeque<>(List.of(503)));
        submit(id);
        JsonNode delivery = awaitDelivery(id, "TECHNICAL", "DELIVERED");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
        assertThat(RECEIVED.stream().filter(r -> r.deliveryId().equals(delivery.path("id").asText())).count()).isEqualTo(2);
    }

    @Test
    void anErpRefusalIsKeptWithItsAnswerAndTheEnterpriseReDrivesIt() {
        String id = create();
        SCRIPT.put(preEntryNo(id) + "/TECHNICAL", new ArrayDeque<>(List.of(400)));
        submit(id);
        JsonNode refused = awaitDelivery(id, "TECHNICAL", "REFUSED");
        assertThat(refused.path("lastHttpStatus").asInt()).isEqualTo(400);
        assertThat(refused.path("attempts").asInt()).isEqualTo(1);

        HttpResponse<String> redriven = post("/v1/service-console/receipt-deliveries/" + refused.path("id").asText() + "/redrive",
                enterpriseToken(ENTERPRISE_A), "");
        assertThat(redriven.statusCode()).as(redriven.body()).isEqualTo(200);
        JsonNode delivered = awaitDelivery(id, "TECHNICAL", "DELIVERED");
        assertThat(delivered.path("id").asText()).isEqualTo(refused.path("id").asText());
    }

    @Autowired
    cn.hnsw.customs.secondline.SubscriptionService subscriptions;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    /**
     * 订阅数据下发服务 异常处理 / 日志处理 (FP 573, 574): a subscribed record goes to the ERP on the same signed delivery;
     * refused, it is listed as failed for operators (filtered by kind and state) and its enterprise, with every attempt;
     * re-driven, it is delivered and its log holds both attempts. Another enterprise sees none of it.
     */
    @Test
    void subscribedDataTheErpRefusesIsListedWithItsAttemptsAndReDriven() {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        HttpResponse<String> subscribed = post("/v1/second-line/subscriptions", enterpriseToken(ENTERPRISE_A), Map.of(
                "content", "VERIFICATION_LISTS", "validFrom", today, "validTo", today));
        assertThat(subscribed.statusCode()).as(subscribed.body()).isIn(201, 409);
        String source = "list:QD640026I" + (100_000_000 + new java.util.Random().nextInt(899_999_999));
        SCRIPT.put(source, new ArrayDeque<>(List.of(400)));
        try {
            tx.executeWithoutResult(s -> subscriptions.deliver(ENTERPRISE_A,
                    cn.hnsw.customs.secondline.SubscriptionService.Content.VERIFICATION_LISTS, source,
                    Map.of("listNo", source.substring(5), "status", "VALID"), java.time.Instant.now()));
            JsonNode[] found = new JsonNode[1];
            await("the refused subscription push in the operator's failed list", () -> {
                for (JsonNode d : json(get("/v1/service-console/receipt-deliveries?kind=SUBSCRIPTION&status=REFUSED&size=100",
                        operatorToken()).body()).path("content")) {
                    if (source.equals(d.path("sourceKey").asText())) {
                        found[0] = d;
                        return true;
                    }
                }
                return false;
            });
            String id = found[0].path("id").asText();
            assertThat(found[0].path("lastHttpStatus").asInt()).isEqualTo(400);
            assertThat(found[0].path("receiptStatus").asText()).isEqualTo("VERIFICATION_LISTS");
            // The enterprise sees it too; another enterprise neither lists nor opens it; a reviewer is not let in.
            assertThat(json(get("/v1/service-console/receipt-deliveries?kind=SUBSCRIPTION&size=100", enterpriseToken(ENTERPRISE_A))
                    .body()).path("content").findValuesAsText("id")).contains(id);
            assertThat(json(get("/v1/service-console/receipt-deliveries?kind=SUBSCRIPTION&size=100", enterpriseToken(ENTERPRISE_B))
                    .body()).path("content").findValuesAsText("id")).doesNotContain(id);
            assertThat(get("/v1/service-console/receipt-deliveries/" + id + "/attempts", enterpriseToken(ENTERPRISE_B)).statusCode()).isEqualTo(404);
            String reviewer = cn.hnsw.testsupport.jwt.TestTokens.issuer().user("reviewer.chen", "customs-reviewer")
                    .organization("/haikou-customs").mint();
            assertThat(get("/v1/service-console/receipt-deliveries?kind=SUBSCRIPTION", reviewer).statusCode()).isEqualTo(403);
            JsonNode attempts = json(get("/v1/service-console/receipt-deliveries/" + id + "/attempts", operatorToken()).body());
            assertThat(attempts.findValuesAsText("outcome")).containsExactly("REFUSED");
            assertThat(attempts.get(0).path("httpStatus").asInt()).isEqualTo(400);

            assertThat(post("/v1/service-console/receipt-deliveries/" + id + "/redrive", operatorToken(), "").statusCode()).isEqualTo(200);
            await("the re-driven subscription push delivered", () -> json(get("/v1/service-console/receipt-deliveries/" + id
                    + "/attempts", operatorToken()).body()).findValuesAsText("outcome").equals(List.of("REFUSED", "DELIVERED")));
            assertThat(RECEIVED.stream().filter(r -> r.deliveryId().equals(id)).map(r -> json(r.body()).path("content").asText()))
                    .containsExactly("VERIFICATION_LISTS", "VERIFICATION_LISTS");
        } finally {
            json(get("/v1/second-line/subscriptions", enterpriseToken(ENTERPRISE_A)).body()).forEach(s -> {
                if ("ACTIVE".equals(s.path("status").asText()) && "VERIFICATION_LISTS".equals(s.path("content").asText())) {
                    post("/v1/second-line/subscriptions/" + s.path("id").asText() + "/cancellation", enterpriseToken(ENTERPRISE_A), "");
                }
            });
        }
    }

    @Test
    void withoutTheSubscriptionServiceNothingIsPushed() {
        post("/v1/service-console/services/SUBSCRIPTION/disablement", enterpriseToken(ENTERPRISE_A), "");
        String id = create();
        submit(id);
        await("the technical receipt", () -> "SW_ACCEPTED".equals(jdbc.queryForObject(
                "SELECT status FROM customs_declaration WHERE id = ?::uuid", String.class, id)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM erp_receipt_delivery WHERE declaration_id = ?::uuid",
                Long.class, id)).isZero();
    }

    private JsonNode awaitDelivery(String declarationId, String kind, String status) {
        JsonNode[] found = new JsonNode[1];
        await("a " + status + " " + kind + " push", () -> {
            for (JsonNode d : json(get("/v1/service-console/receipt-deliveries?declarationId=" + declarationId,
                    enterpriseToken(ENTERPRISE_A)).body()).path("content")) {
                if (kind.equals(d.path("receiptKind").asText()) && status.equals(d.path("status").asText())) {
                    found[0] = d;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private String create() {
        HttpResponse<String> created = post("/v1/declarations", enterpriseToken(ENTERPRISE_A), directRelease(ENTERPRISE_A, PET));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created.body()).path("declaration").path("id").asText();
    }

    private void submit(String id) {
        HttpResponse<String> submitted = post("/v1/declarations/" + id + "/submission", enterpriseToken(ENTERPRISE_A), "");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    }

    private String preEntryNo(String id) {
        return jdbc.queryForObject("SELECT pre_entry_no FROM customs_declaration WHERE id = ?::uuid", String.class, id);
    }
}
