package cn.hnsw.passenger.support;

import static org.awaitility.Awaitility.await;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Boots the passenger service on the real database, broker and S3, and calls its API with real tokens. */
@ServiceIntegrationTest
public abstract class PassengerApiIT {

    protected static final PartnerDouble PARTNERS = new PartnerDouble();
    protected static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    protected static final TestTokens TOKENS = TestTokens.issuer();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;

    protected static String traveler(String name) {
        return TOKENS.user(name, "traveler").subject("traveler-" + name).mint();
    }

    protected static String officer(String name, String... roles) {
        return TOKENS.user(name, roles).subject("officer-" + name).mint();
    }

    protected static String partnerToken(String role) {
        return TOKENS.user("svc-" + role, role).mint();
    }

    protected static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    protected static Map<String, Object> declaration(List<Map<String, Object>> items) {
        return Map.of("port", "MEILAN_AIRPORT", "departureDate", today().plusDays(1).toString(),
                "transportMode", "AIR", "ticketNo", "HU7181", "travelerName", "王小明", "documentNo",
                "460100199001011234", "items", items);
    }

    protected static Map<String, Object> item(String category, String name, String quantity, String unit,
                                              String value) {
        return Map.of("category", category, "name", name, "quantity", quantity, "unit", unit, "value", value,
                "currency", "CNY");
    }

    protected HttpResponse<String> call(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/passenger" + path))
                    .timeout(Duration.ofSeconds(30));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else if (body instanceof byte[] bytes) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
            } else {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<byte[]> getBytes(String path, String token) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/passenger" + path));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    protected JsonNode submit(String token, Map<String, Object> declaration) {
        HttpResponse<String> r = call("POST", "/v1/declarations", token, declaration);
        if (r.statusCode() != 201) {
            throw new AssertionError("submit answered " + r.statusCode() + ": " + r.body());
        }
        return json(r);
    }

    protected JsonNode detail(String token, String id) {
        return json(call("GET", "/v1/declarations/" + id, token, null));
    }

    /** Waits until customs (the test) has the declaration's message for {@code revision}. */
    protected JsonNode awaitCustomsGot(String conversationId, int revision) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> PARTNERS.received(TestKeys.CUSTOMS,
                        "BAGGAGE_DECLARATION").stream().map(PartnerDouble.Received::body)
                .filter(b -> b.path("conversationId").asText().equals(conversationId)
                        && b.path("revision").asInt() == revision).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    /** Customs' business receipt, sealed with customs' key. */
    protected byte[] sealedReceipt(String conversationId, int revision, String action, String decision,
                                   Map<String, Object> extra) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("messageType", "DECLARATION_RECEIPT");
        m.put("receiptNo", "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
        m.put("conversationId", conversationId);
        m.put("revision", revision);
        m.put("action", action);
        m.put("decision", decision);
        m.putAll(extra);
        try {
            return TestKeys.partnerSealer(TestKeys.CUSTOMS).seal(JSON.writeValueAsBytes(m), TestKeys.CUSTOMS,
                    TestKeys.PLATFORM).toJson();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> pushReceipt(byte[] sealed) {
        return call("POST", "/v1/customs/receipts", partnerToken("partner-customs"), sealed);
    }

    protected int count(String table) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
        return n == null ? 0 : n;
    }
}
