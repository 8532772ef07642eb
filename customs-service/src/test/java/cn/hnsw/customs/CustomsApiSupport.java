package cn.hnsw.customs;

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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * customs-service on the real infrastructure, called over HTTP with real tokens. The service binds a port of its own
 * choosing; the Haikou sub-centre, which runs in the service, is reached through {@link #SUBCENTRE}. Subclasses add
 * the keys and the partners: {@link CustomsIntegrationTestBase} the test's {@link WirePartner}, others the real
 * simulators.
 */
@ServiceIntegrationTest
public abstract class CustomsApiSupport {

    protected static final HttpClient HTTP = HttpClient.newHttpClient();
    protected static final ObjectMapper JSON = new ObjectMapper();
    /** The Haikou sub-centre runs in this service: distributions go out sealed and come back in through this. */
    protected static final SelfForwarder SUBCENTRE = new SelfForwarder();

    /** Enterprises with valid unified social credit codes (GB 32100 check character). */
    protected static final String ENTERPRISE_A = "91460100MA5T00001L";
    protected static final String ENTERPRISE_B = "91460000MA5RC2KX8P";
    protected static final String ENTERPRISE_UNQUALIFIED = "91460100MA5T00002P";

    /**
     * The sub-centre's address and the queue's test timings. The service binds a port of its own choosing
     * (server.port=0 of {@code @ServiceIntegrationTest}); nothing here depends on a port picked in advance.
     */
    public static void subCentreAndTimings(DynamicPropertyRegistry registry) {
        registry.add("hnsw.partners.endpoints.haikou-data-subcentre",
                () -> SUBCENTRE.url("/api/customs/v1/subcentre/distributions"));
        registry.add("hnsw.customs.exchange.max-attempts", () -> 3);
        registry.add("hnsw.customs.exchange.initial-backoff", () -> "50ms");
        registry.add("hnsw.customs.exchange.max-backoff", () -> "200ms");
        registry.add("hnsw.customs.exchange.poll-interval", () -> "100ms");
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Value("${hnsw.api.base}")
    protected String apiBase;

    @BeforeEach
    void subCentreIsThisService() {
        SUBCENTRE.target(port);
    }

    protected static String enterpriseToken(String uscc) {
        return TestTokens.issuer().user("declarant-" + uscc.substring(12), "enterprise-declarant").enterprise(uscc).mint();
    }

    protected static String officerToken() {
        return TestTokens.issuer().user("officer.zhang", "customs-officer").organization("/haikou-customs").mint();
    }

    protected static String operatorToken() {
        return TestTokens.issuer().user("ops.wang", "sw-operator").mint();
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + apiBase + path;
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET(), token);
    }

    protected HttpResponse<String> post(String path, String token, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))), token);
    }

    protected HttpResponse<String> postBytes(String path, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), null);
    }

    protected HttpResponse<String> put(String path, String token, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))), token);
    }

    protected HttpResponse<String> delete(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).DELETE(), token);
    }

    /** A download (Excel), with the token. */
    protected HttpResponse<byte[]> getBytes(String path, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The text of one column of an Excel sheet, below its title row. */
    protected static java.util.List<String> sheetColumn(byte[] xlsx, String sheetName, int column) {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheet(sheetName);
            java.util.List<String> values = new java.util.ArrayList<>();
            org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                values.add(format.formatCellValue(sheet.getRow(r).getCell(column)));
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static HttpResponse<String> send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
