package cn.hnsw.common.audit;

import cn.hnsw.common.testapp.HttpCalls;
import cn.hnsw.common.testapp.HttpCalls.Reply;
import cn.hnsw.common.testapp.SampleApplication;
import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** passenger FP 97–98 (日志审计) and the log audit of every system, through the real HTTP and database path. */
@ServiceIntegrationTest(classes = SampleApplication.class)
class AuditLogIT {

    static final String ENTERPRISE = "91460100MA5RCXXX0A";
    static final String OTHER_ENTERPRISE = "91460200MA5TBYYY1B";
    static final String WIDGETS = "/api/sample/v1/widgets";
    static final String AUDIT = "/api/sample/v1/audit";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditLog auditLog;
    HttpCalls http;
    final TestTokens tokens = TestTokens.issuer();

    @BeforeEach
    void setUp() {
        http = new HttpCalls(port);
    }

    String admin() {
        return tokens.user("admin", "platform-admin").organization("/platform").mint();
    }

    @Test
    void everyChangeThroughTheApiIsLoggedWithWhoWhatAndResult() {
        String session = UUID.randomUUID().toString();
        String user = "wang.fang." + session.substring(0, 6);
        String token = tokens.user(user, "enterprise-declarant").enterprise(ENTERPRISE)
                .organization("/enterprises/" + ENTERPRISE).sessionId(session).mint();
        Reply created = http.post(WIDGETS, token, "{\"name\":\"冷链设备\",\"value\":3}", "X-Forwarded-For", "10.20.30.40, 10.0.0.1");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asText();
        http.post(WIDGETS + "/" + id + "/explosion", token, "{}");

        JsonNode page = http.get(AUDIT + "/operation-logs?actor=" + user + "&oldestFirst=true", admin()).json();
        assertThat(page.path("totalElements").asLong()).isEqualTo(2);
        JsonNode first = page.path("content").get(0);
        assertThat(first.path("action").asText()).isEqualTo("POST /api/sample/v1/widgets");
        assertThat(first.path("result").asText()).isEqualTo("SUCCESS");
        assertThat(first.path("enterprise").asText()).isEqualTo(ENTERPRISE);
        assertThat(first.path("roles").asText()).isEqualTo("enterprise-declarant");
        assertThat(first.path("organization").asText()).isEqualTo("/enterprises/" + ENTERPRISE);
        assertThat(first.path("clientIp").asText()).isEqualTo("10.20.30.40");
        assertThat(first.path("requestId").asText()).isEqualTo(created.header("X-Request-Id"));
        JsonNode second = page.path("content").get(1);
        assertThat(second.path("action").asText()).isEqualTo("POST /api/sample/v1/widgets/{id}/explosion");
        assertThat(second.path("businessId").asText()).isEqualTo(id);
        assertThat(second.path("result").asText()).isEqualTo("FAILURE");
        assertThat(second.path("detail").asText()).isEqualTo("HTTP 500");
    }

    @Test
    void aSessionIsLoggedInOnceAndRefusedTokensAreLoggedToo() {
        String session = UUID.randomUUID().toString();
        String user = "chen.jie." + session.substring(0, 6);
        for (int i = 0; i < 3; i++) {
            http.get(WIDGETS + "/none", tokens.user(user, "customs-officer").sessionId(session).mint());
        }
        JsonNode logins = http.get(AUDIT + "/login-logs?actor=" + user, admin()).json();
        assertThat(logins.path("totalElements").asLong()).isEqualTo(1);
        assertThat(logins.path("content").get(0).path("event").asText()).isEqualTo("LOGIN");
        assertThat(logins.path("content").get(0).path("sessionId").asText()).isEqualTo(session);

        Instant before = Instant.now().minusSeconds(1);
        http.get(WIDGETS + "/none", tokens.user("mallory", "platform-admin").signedByUnknownKey().mint(), "User-Agent", "probe/1.0");
        JsonNode rejected = http.get(AUDIT + "/login-logs?result=FAILURE&from=" + before, admin()).json();
        assertThat(rejected.path("totalElements").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode row = rejected.path("content").get(0);
        assertThat(row.path("event").asText()).isEqualTo("TOKEN_REJECTED");
        assertThat(row.path("userAgent").asText()).isEqualTo("probe/1.0");
        assertThat(row.has("actorName")).isFalse();
    }

    @Test
    void queriesPageAndFilter() {
        String user = "page.user." + UUID.randomUUID().toString().substring(0, 6);
        String token = tokens.user(user, "enterprise-admin").enterprise(ENTERPRISE).mint();
        for (int i = 0; i < 5; i++) {
            http.post(WIDGETS, token, "{\"name\":\"w" + i + "\",\"value\":1}");
        }
        JsonNode page1 = http.get(AUDIT + "/operation-logs?actor=" + user + "&size=2&page=0", admin()).json();
        assertThat(page1.path("totalElements").asLong()).isEqualTo(5);
        assertThat(page1.path("totalPages").asInt()).isEqualTo(3);
        assertThat(page1.path("content")).hasSize(2);
        JsonNode page3 = http.get(AUDIT + "/operation-logs?actor=" + user + "&size=2&page=2", admin()).json();
        assertThat(page3.path("content")).hasSize(1);
        assertThat(page1.path("content").get(0).path("seq").asLong())
                .isGreaterThan(page3.path("content").get(0).path("seq").asLong());
        assertThat(http.get(AUDIT + "/operation-logs?actor=" + user + "&result=FAILURE", admin()).json()
                .path("totalElements").asLong()).isZero();
        assertThat(http.get(AUDIT + "/operation-logs?size=500", admin()).json().path("code").asText())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(http.get(AUDIT + "/operation-logs?result=MAYBE", admin()).status()).isEqualTo(400);
        assertThat(http.get(AUDIT + "/login-logs?action=POST&businessId=x&size=1", admin()).status()).isEqualTo(200);
    }

    @Test
    void enterpriseAdministratorSeesOnlyItsOwnEnterpriseAndOthersAreRefused() {
        http.post(WIDGETS, tokens.user("a.user", "enterprise-declarant").enterprise(ENTERPRISE).mint(), "{\"name\":\"a\",\"value\":1}");
        http.post(WIDGETS, tokens.user("b.user", "enterprise-declarant").enterprise(OTHER_ENTERPRISE).mint(), "{\"name\":\"b\",\"value\":1}");
        String entAdmin = tokens.user("ent.admin", "enterprise-admin").enterprise(ENTERPRISE).mint();
        JsonNode own = http.get(AUDIT + "/operation-logs?size=200", entAdmin).json();
        assertThat(own.path("totalElements").asLong()).isPositive();
        own.path("content").forEach(row -> assertThat(row.path("enterprise").asText()).isEqualTo(ENTERPRISE));
        Reply other = http.get(AUDIT + "/operation-logs?enterprise=" + OTHER_ENTERPRISE, entAdmin);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().path("code").asText()).isEqualTo("ENTERPRISE_SCOPE_VIOLATION");
        assertThat(http.get(AUDIT + "/login-logs", entAdmin).status()).isEqualTo(403);
        assertThat(http.get(AUDIT + "/operation-logs", tokens.user("t", "traveler").mint()).status()).isEqualTo(403);
        assertThat(http.get(AUDIT + "/verification", tokens.user("o", "customs-officer").mint()).status()).isEqualTo(403);
        assertThat(http.get(AUDIT + "/operation-logs", tokens.user("o", "sw-operator").mint()).status()).isEqualTo(200);
    }

    @Test
    void verificationDetectsAnEditADeletionAndATruncation() {
        String token = tokens.user("tamper.check", "enterprise-declarant").enterprise(ENTERPRISE).mint();
        for (int i = 0; i < 4; i++) {
            http.post(WIDGETS, token, "{\"name\":\"t" + i + "\",\"value\":1}");
        }
        assertThat(http.get(AUDIT + "/verification", admin()).json().path("operationLog").path("intact").asBoolean()).isTrue();
        long last = jdbc.queryForObject("SELECT max(seq) FROM audit_operation_log", Long.class);
        long target = last - 2;
        String original = jdbc.queryForObject("SELECT actor_name FROM audit_operation_log WHERE seq = ?", String.class, target);
        try {
            jdbc.update("UPDATE audit_operation_log SET actor_name = 'someone.else' WHERE seq = ?", target);
            ChainVerification edited = auditLog.verify().operationLog();
            assertThat(edited.intact()).isFalse();
            assertThat(edited.firstBrokenSeq()).isEqualTo(target);
            assertThat(edited.reason()).contains("content");
        } finally {
            jdbc.update("UPDATE audit_operation_log SET actor_name = ? WHERE seq = ?", original, target);
        }
        assertThat(auditLog.verify().intact()).isTrue();

        jdbc.execute("CREATE TEMP TABLE saved AS SELECT * FROM audit_operation_log WHERE seq >= " + target);
        try {
            jdbc.update("DELETE FROM audit_operation_log WHERE seq = ?", target);
            ChainVerification deleted = auditLog.verify().operationLog();
            assertThat(deleted.intact()).isFalse();
            assertThat(deleted.firstBrokenSeq()).isEqualTo(target);
            jdbc.update("INSERT INTO audit_operation_log SELECT * FROM saved WHERE seq = ?", target);

            jdbc.update("DELETE FROM audit_operation_log WHERE seq = ?", last);
            ChainVerification truncated = auditLog.verify().operationLog();
            assertThat(truncated.intact()).isFalse();
            assertThat(truncated.firstBrokenSeq()).isEqualTo(last);
            assertThat(truncated.reason()).contains("newest");
        } finally {
            jdbc.update("INSERT INTO audit_operation_log SELECT * FROM saved s WHERE NOT EXISTS "
                    + "(SELECT 1 FROM audit_operation_log a WHERE a.seq = s.seq)");
            jdbc.execute("DROP TABLE saved");
        }
        JsonNode restored = http.get(AUDIT + "/verification", admin()).json();
        assertThat(restored.path("operationLog").path("intact").asBoolean()).isTrue();
        assertThat(restored.path("loginLog").path("intact").asBoolean()).isTrue();
    }
}
