package cn.hnsw.gateway;

import cn.hnsw.testsupport.jwt.TestTokens;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway routes /api/<service>/** only for valid tokens and strips headers outsiders must not set. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingIT {

    /** A backend standing in for passenger-service: it records what the gateway forwarded. */
    static final HttpServer BACKEND;
    static final AtomicReference<String> LAST_INTERNAL_HEADER = new AtomicReference<>();
    static final AtomicReference<String> LAST_AUTHORIZATION = new AtomicReference<>();

    static {
        try {
            BACKEND = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        BACKEND.createContext("/api/passenger/", exchange -> {
            LAST_INTERNAL_HEADER.set(exchange.getRequestHeaders().getFirst("X-Internal-Call"));
            LAST_AUTHORIZATION.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"path\":\"" + exchange.getRequestURI().getPath() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        BACKEND.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestTokens tokens = TestTokens.issuer();
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", tokens::issuerUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens::jwkSetUri);
        registry.add("HNSW_PASSENGER_URL", () -> "http://127.0.0.1:" + BACKEND.getAddress().getPort());
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.stop(0);
    }

    @LocalServerPort
    int port;

    @Test
    void routesAuthenticatedCallsToTheirServiceAndPassesTheToken() throws Exception {
        String token = TestTokens.issuer().user("li.na", "traveler").mint();
        HttpResponse<String> r = call("/api/passenger/v1/declarations", token, "X-Internal-Call", "true");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("/api/passenger/v1/declarations");
        assertThat(LAST_AUTHORIZATION.get()).isEqualTo("Bearer " + token);
        assertThat(LAST_INTERNAL_HEADER.get()).as("outsiders cannot forge the internal-call marker").isNull();
    }

    @Test
    void refusesCallsWithoutAValidToken() throws Exception {
        assertThat(call("/api/passenger/v1/declarations", null).statusCode()).isEqualTo(401);
        assertThat(call("/api/passenger/v1/declarations",
                TestTokens.issuer().user("x", "traveler").signedByUnknownKey().mint()).statusCode()).isEqualTo(401);
        assertThat(call("/api/passenger/v1/declarations",
                TestTokens.issuer().user("x", "traveler").audience("another-api").mint()).statusCode()).isEqualTo(401);
        assertThat(call("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> call(String path, String token, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
