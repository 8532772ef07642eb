package cn.hnsw.gateway;

import cn.hnsw.testsupport.jwt.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on a random port in front of {@link TestBackend}, with a web app build in a temporary folder. Every
 * subclass shares the one Spring context. Each test sends its own request ids and token subjects, so that the
 * backend's records and the rate-limit buckets of one test are not another's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GatewayIntegrationTest {

    static final TestBackend BACKEND = TestBackend.INSTANCE;
    static final Path WEB_DIST = webDist();
    static final String INDEX_HTML = "<!doctype html><html><body><div id=\"app\">海南单一窗口</div></body></html>";
    static final String HASHED_SCRIPT = "assets/index-Bx9fK2aQ.js";
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        TestTokens tokens = TestTokens.issuer();
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", tokens::issuerUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens::jwkSetUri);
        service(registry, 0, "passenger-service", "/api/passenger", BACKEND.uri());
        registry.add("hnsw.gateway.services[0].name-zh", () -> "旅客通关服务");
        registry.add("hnsw.gateway.services[0].name-en", () -> "Passenger clearance");
        service(registry, 1, "limited-service", "/api/limited", BACKEND.uri());
        service(registry, 2, "flaky-service", "/api/flaky", BACKEND.uri());
        service(registry, 3, "slow-service", "/api/slow", BACKEND.uri());
        registry.add("hnsw.gateway.services[3].response-timeout", () -> "300ms");
        service(registry, 4, "fragile-service", "/api/fragile", BACKEND.uri());
        registry.add("hnsw.gateway.services[4].response-timeout", () -> "300ms");
        service(registry, 5, "down-service", "/api/down", BACKEND.downUri());
        registry.add("hnsw.gateway.services[5].name-zh", () -> "停机服务");
        registry.add("hnsw.gateway.services[5].name-en", () -> "Stopped service");
        service(registry, 6, "upload-service", "/api/upload", BACKEND.uri());

        registry.add("hnsw.gateway.resilience.sliding-window-size", () -> "4");
        registry.add("hnsw.gateway.resilience.minimum-number-of-calls", () -> "4");
        registry.add("hnsw.gateway.resilience.wait-in-open-state", () -> "60s");
        registry.add("hnsw.gateway.resilience.retry-first-backoff", () -> "10ms");
        registry.add("hnsw.gateway.resilience.retry-max-backoff", () -> "20ms");
        registry.add("hnsw.gateway.rate-limit.capacity", () -> "100000");
        registry.add("hnsw.gateway.rate-limit.refill-per-second", () -> "100000");
        registry.add("hnsw.gateway.rate-limit.groups.limited-service.capacity", () -> "3");
        registry.add("hnsw.gateway.rate-limit.groups.limited-service.refill-per-second", () -> "2");
        registry.add("hnsw.gateway.request.max-body-size", () -> "64KB");
        registry.add("hnsw.gateway.status.simulators-uri", BACKEND::uri);
        registry.add("hnsw.gateway.status.cache-ttl", () -> "1s");
        // a test class may point elsewhere with @TestPropertySource(properties = "hnsw.test.web-dist=...")
        registry.add("hnsw.web.dist", () -> "${hnsw.test.web-dist:" + WEB_DIST + "}");
    }

    private static void service(DynamicPropertyRegistry registry, int index, String id, String path, String uri) {
        registry.add("hnsw.gateway.services[" + index + "].id", () -> id);
        registry.add("hnsw.gateway.services[" + index + "].path", () -> path);
        registry.add("hnsw.gateway.services[" + index + "].uri", () -> uri);
    }

    private static Path webDist() {
        try {
            Path dist = Files.createTempDirectory("hnsw-web-dist");
            Files.writeString(dist.resolve("index.html"), INDEX_HTML, StandardCharsets.UTF_8);
            Files.createDirectories(dist.resolve("assets"));
            Files.writeString(dist.resolve(HASHED_SCRIPT), "console.log('hnsw')", StandardCharsets.UTF_8);
            Files.writeString(dist.resolve("robots.txt"), "User-agent: *\n", StandardCharsets.UTF_8);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dist)));
            return dist;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    @LocalServerPort
    int port;

    static String newRequestId() {
        return "test-" + UUID.randomUUID();
    }

    static String token(String... roles) {
        return TestTokens.issuer().user("li.na", roles).subject(UUID.randomUUID().toString()).mint();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
    }

    HttpResponse<String> get(String path, String token, String... headers) {
        HttpRequest.Builder b = request(path).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            // A fresh client, so a fresh connection, per request: with a shared pool, a request now and then hung on
            // a kept-alive connection the gateway had just closed (after an error answer) until its timeout.
            try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build()) {
                return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts the response is the platform's problem detail with {@code status} and {@code code}; returns it. */
    static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("type").asText()).isEqualTo(
                "https://hnsw.gov.cn/problems/" + code.toLowerCase().replace('_', '-'));
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("messageZh").asText()).isNotBlank();
        assertThat(problem.path("messageEn").asText()).isNotBlank();
        assertThat(problem.path("instance").asText()).startsWith("/");
        assertThat(problem.path("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(problem.path("requestId").asText())
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "trace");
        return problem;
    }
}
