package cn.hnsw.testsupport.spring;

import cn.hnsw.testsupport.jwt.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service must do from its first day: start against the real database and broker, migrate common-lib's
 * tables and its own schema, answer its health check, publish its API description, and refuse its API to callers
 * without a valid token while accepting a real one. Each service extends this once.
 */
@ServiceIntegrationTest
public abstract class ServiceSmokeIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Value("${hnsw.api.base}")
    protected String apiBase;

    @Test
    void answersItsHealthCheck() {
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void migratesCommonTablesAndItsOwnSchema() {
        List<String> common = jdbc.queryForList(
                "SELECT version FROM flyway_common_history WHERE success AND version IS NOT NULL ORDER BY installed_rank",
                String.class);
        assertThat(common).contains("1", "2", "3");
        List<String> own = jdbc.queryForList(
                "SELECT version FROM flyway_schema_history WHERE success AND version <> '0' ORDER BY installed_rank",
                String.class);
        assertThat(own).startsWith("1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_name IN "
                + "('event_outbox', 'handled_event', 'audit_operation_log', 'audit_login_log')", Integer.class))
                .isEqualTo(4);
    }

    @Test
    void publishesItsApiDescription() {
        HttpResponse<String> docs = get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"");
    }

    @Test
    void refusesItsApiWithoutAValidTokenAndAcceptsARealOne() {
        String path = apiBase + "/v1/audit/verification";
        HttpResponse<String> anonymous = get(path, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        TestTokens tokens = TestTokens.issuer();
        assertThat(get(path, tokens.user("mallory", "platform-admin").signedByUnknownKey().mint()).statusCode())
                .isEqualTo(401);
        assertThat(get(path, tokens.user("li.na", "traveler").mint()).statusCode()).isEqualTo(403);
        HttpResponse<String> admin = get(path, tokens.user("admin", "platform-admin").mint());
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("\"intact\":true");
    }

    protected HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
