package cn.hnsw.simulators.customs;

import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.crypto.SealedMessage;
import cn.hnsw.simulators.SimulatorsWithKeysTestBase;
import cn.hnsw.simulators.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Single Window simulator answers a declaration with a sealed technical receipt and pushes a sealed business
 * receipt to the platform's inbox; the manifest system simulator answers a query only when all three keys match.
 */
class CustomsPartnersIT extends SimulatorsWithKeysTestBase {

    static final BlockingQueue<byte[]> PUSHED = new LinkedBlockingQueue<>();
    static final HttpServer INBOX = inbox();

    @DynamicPropertySource
    static void receiptUrl(DynamicPropertyRegistry registry) {
        registry.add("hnsw.simulators.customs.receipt-url",
                () -> "http://127.0.0.1:" + INBOX.getAddress().getPort() + "/api/customs/v1/receipts");
        registry.add("hnsw.simulators.customs.credit-grades.91460000MA5RC2KX8P", () -> "ADVANCED_CERTIFIED");
    }

    @AfterAll
    static void stop() {
        INBOX.stop(0);
    }

    final MessageSealer platform = TestKeys.platformSealer();

    @Test
    void aDeclarationGetsATechnicalReceiptAndThenAPushedBusinessReceipt() throws Exception {
        String conversation = "7f1c2a3e-0d4b-4c55-9a1e-2b3c4d5e6f70";
        String declaration = "{\"messageType\":\"CUSTOMS_DECLARATION\",\"conversationId\":\"" + conversation
                + "\",\"declaration\":{\"preEntryNo\":\"640020261000000001\",\"header\":{\"declareCustoms\":\"6400\"}}}";
        SealedMessage sent = platform.seal(declaration.getBytes(StandardCharsets.UTF_8), TestKeys.PLATFORM, "single-window-standard");
        HttpResponse<byte[]> response = post("/v1/partners/single-window-standard/messages", serviceToken(),
                "application/json", sent.toJson());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode technical = json(platform.open(response.body()).payload());
        assertThat(technical.path("receiptKind").asText()).isEqualTo("TECHNICAL");
        assertThat(technical.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(technical.path("messageId").asText()).isEqualTo(sent.messageId());

        byte[] pushed = PUSHED.poll(20, TimeUnit.SECONDS);
        assertThat(pushed).as("business receipt pushed to the platform").isNotNull();
        OpenedMessage opened = platform.open(pushed);
        assertThat(opened.senderKeyId()).isEqualTo("single-window-standard");
        JsonNode business = json(opened.payload());
        assertThat(business.path("receiptKind").asText()).isEqualTo("BUSINESS");
        assertThat(business.path("conversationId").asText()).isEqualTo(conversation);
        assertThat(business.path("status").asText()).isEqualTo("RELEASED");
        assertThat(business.path("customsNo").asText()).matches("6400\\d{4}1\\d{9}");
        assertThat(business.path("note").asText()).contains("模拟器");
    }

    @Test
    void aSecondLineDeclarationsBusinessReceiptCarriesTheTaxesOfEachItem() throws Exception {
        PUSHED.clear();
        String conversation = "8a2d3b4f-1e5c-4d66-8b2f-3c4d5e6f7081";
        String declaration = "{\"messageType\":\"CUSTOMS_DECLARATION\",\"conversationId\":\"" + conversation
                + "\",\"declaration\":{\"preEntryNo\":\"640020262000000002\",\"declarationType\":\"SECOND_LINE_DOMESTIC_SALE\","
                + "\"header\":{\"declareCustoms\":\"6400\"},\"items\":[{\"seq\":1,\"totalPrice\":1000.00,\"currency\":\"USD\"},"
                + "{\"seq\":2,\"totalPrice\":200,\"currency\":\"CNY\"}]}}";
        HttpResponse<byte[]> response = post("/v1/partners/single-window-standard/messages", serviceToken(),
                "application/json", platform.seal(declaration.getBytes(StandardCharsets.UTF_8), TestKeys.PLATFORM,
                        "single-window-standard").toJson());
        assertThat(response.statusCode()).isEqualTo(200);
        byte[] pushed = PUSHED.poll(20, TimeUnit.SECONDS);
        assertThat(pushed).isNotNull();
        JsonNode taxes = json(platform.open(pushed).payload()).path("taxes");
        // USD 1,000 at 7.10 = 7,100 yuan: duty 5 % = 355.00, VAT 13 % of 7,455 = 969.15; 200 yuan: 10.00 and 27.30.
        assertThat(taxes.get(0).path("duty").decimalValue()).isEqualByComparingTo("355.00");
        assertThat(taxes.get(0).path("vat").decimalValue()).isEqualByComparingTo("969.15");
        assertThat(taxes.get(0).path("total").decimalValue()).isEqualByComparingTo("1324.15");
        assertThat(taxes.get(1).path("total").decimalValue()).isEqualByComparingTo("37.30");
    }

    @Test
    void theCreditQueryAnswersEachEnterprisesGrade() {
        String query = "{\"messageType\":\"ENTERPRISE_CREDIT_QUERY\",\"enterprises\":[\"91460000MA5RC2KX8P\",\"91460100MA5T00001L\"]}";
        HttpResponse<byte[]> response = post("/v1/partners/single-window-standard/messages", serviceToken(),
                "application/json", platform.seal(query.getBytes(StandardCharsets.UTF_8), TestKeys.PLATFORM,
                        "single-window-standard").toJson());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode grades = json(platform.open(response.body()).payload()).path("grades");
        assertThat(grades.findValuesAsText("grade")).containsExactly("ADVANCED_CERTIFIED", "GENERAL");
    }

    @Test
    void theManifestSystemAnswersOnlyWhenBillVesselAndVoyageMatch() {
        JsonNode found = manifest("HNBL2026110001", "COSCO HAIKOU", "2611E");
        assertThat(found.path("found").asBoolean()).isTrue();
        assertThat(found.path("packages").asInt()).isEqualTo(120);
        assertThat(found.path("departureCountry").asText()).isEqualTo("SGP");
        // every matching record also comes under "records" (FP 214: the declarant chooses when several match)
        assertThat(found.path("records").size()).isEqualTo(1);
        assertThat(found.path("records").get(0).path("packages").asInt()).isEqualTo(120);
        assertThat(manifest("HNBL2026110001", "COSCO HAIKOU", "9999X").path("found").asBoolean()).isFalse();
    }

    private JsonNode manifest(String bl, String vessel, String voyage) {
        String query = "{\"messageType\":\"MANIFEST_QUERY\",\"billOfLadingNo\":\"" + bl + "\",\"vesselName\":\"" + vessel
                + "\",\"voyageNo\":\"" + voyage + "\"}";
        HttpResponse<byte[]> response = post("/v1/partners/manifest-system/messages", serviceToken(), "application/json",
                platform.seal(query.getBytes(StandardCharsets.UTF_8), TestKeys.PLATFORM, "manifest-system").toJson());
        assertThat(response.statusCode()).isEqualTo(200);
        return json(platform.open(response.body()).payload());
    }

    private static HttpServer inbox() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/customs/v1/receipts", exchange -> {
                PUSHED.add(exchange.getRequestBody().readAllBytes());
                byte[] ok = "{\"applied\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
