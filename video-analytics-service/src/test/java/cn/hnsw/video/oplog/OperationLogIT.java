package cn.hnsw.video.oplog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 日志管理 on the real path: changes through the API are logged with their outcome (a refused attempt too), reads are
 * not; the console records an action under the token's user; only administrators view the log.
 */
@ServiceIntegrationTest
class OperationLogIT {

    @LocalServerPort
    int port;

    final TestTokens tokens = TestTokens.issuer();

    @Test
    void changesAndRefusalsAreLoggedWithTheirUserAndOnlyAdministratorsReadTheLog() {
        ApiClient api = new ApiClient(port);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String adminUser = "log.admin." + tag;
        String officerUser = "log.officer." + tag;
        String admin = tokens.user(adminUser, "platform-admin").mint();
        String officer = tokens.user(officerUser, "customs-officer").mint();

        Map<String, Object> store = Map.of("code", "LOG-" + tag, "nameZh", "日志测试主题库", "nameEn", "Log test store",
                "category", "CUSTOM");
        assertThat(api.post("/theme-stores", officer, store).status()).isEqualTo(403);
        assertThat(api.post("/theme-stores", admin, store).status()).isEqualTo(201);
        assertThat(api.get("/theme-stores", officer).status()).isEqualTo(200);
        // 日志新增 from the console: the user is the token's, not one named in the body
        Reply recorded = api.post("/operation-logs", officer, Map.of("action", "EXPORT_FINDINGS", "target",
                "analysis-findings?kind=RUNNING", "username", "someone.else"));
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
        assertThat(api.post("/operation-logs", officer, Map.of("action", "export findings")).status())
                .isEqualTo(400);

        // 日志查看: administrators only
        assertThat(api.get("/operation-logs", officer).status()).isEqualTo(403);
        JsonNode officerLog = api.get("/operation-logs?username=" + officerUser, admin).body();
        List<String> actions = new ArrayList<>();
        officerLog.get("content").forEach(e -> actions.add(e.get("kind").asText() + " " + e.get("action").asText()
                + " " + e.path("status").asText("-")));
        // newest first (the console's entry is written inside the call the API entry logs after it); the refused
        // POST is there with 403, the read is not
        assertThat(actions).containsExactly("API POST /operation-logs 400", "API POST /operation-logs 201",
                "CONSOLE EXPORT_FINDINGS -", "API POST /theme-stores 403");
        JsonNode adminLog = api.get("/operation-logs?username=" + adminUser + "&kind=API", admin).body();
        assertThat(adminLog.get("totalElements").asInt()).isEqualTo(1);
        JsonNode created = adminLog.get("content").get(0);
        assertThat(created.get("action").asText()).isEqualTo("POST /theme-stores");
        assertThat(created.get("status").asInt()).isEqualTo(201);
        assertThat(created.get("roles").asText()).contains("platform-admin");
        assertThat(created.hasNonNull("requestId")).isTrue();
        assertThat(api.get("/operation-logs?username=" + officerUser + "&action=EXPORT", admin).body()
                .get("totalElements").asInt()).isEqualTo(1);
    }
}
