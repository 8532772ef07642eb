package cn.hnsw.simulators;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The simulators booted on the real infrastructure with the test key stores ({@link TestKeys}); every integration
 * test of a feature extends this, so they all share one Spring context. Fault settings are cleared before each test.
 */
@ServiceIntegrationTest
public abstract class SimulatorsWithKeysTestBase {

    protected static final HttpClient HTTP = HttpClient.newHttpClient();
    protected static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("hnsw.simulators.keys-dir", () -> TestKeys.dir().toString());
        registry.add("hnsw.simulators.key-store-password", () -> TestKeys.PASSWORD);
        registry.add("hnsw.simulators.platform-key-id", () -> TestKeys.PLATFORM);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Value("${hnsw.api.base}")
    protected String apiBase;

    @BeforeEach
    void healthyPartners() {
        jdbc.update("DELETE FROM partner_fault_settings");
    }

    protected static String operatorToken() {
        return TestTokens.issuer().user("ops.wang", "sw-operator").mint();
    }

    /** A platform service's client token. */
    protected static String serviceToken() {
        return TestTokens.issuer().user("service-account-passenger-service", "internal-service").mint();
    }

    protected static String token(String role) {
        return TestTokens.issuer().user("user-" + role, role).mint();
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + apiBase + path;
    }

    protected HttpResponse<byte[]> post(String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(request, token, HttpResponse.BodyHandlers.ofByteArray());
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET(), token, HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> put(String path, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), token, HttpResponse.BodyHandlers.ofString());
    }

    /** Sets a partner's faults through the admin API, as an operator would, and checks it was accepted. */
    protected JsonNode setFaults(String partnerId, String json) {
        HttpResponse<String> response = put("/v1/partners/" + partnerId + "/faults", operatorToken(), json);
        if (response.statusCode() != 200) {
            throw new AssertionError("faults of " + partnerId + " not set: " + response.statusCode() + " " + response.body());
        }
        return json(response.body());
    }

    protected static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static JsonNode json(byte[] body) {
        return json(new String(body, StandardCharsets.UTF_8));
    }

    protected static <T> HttpResponse<T> send(HttpRequest.Builder request, String token, HttpResponse.BodyHandler<T> handler) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
