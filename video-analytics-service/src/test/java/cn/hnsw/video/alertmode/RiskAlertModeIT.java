package cn.hnsw.video.alertmode;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 风险预警模式 on the real path: administrators add, change and delete modes; officers and reviewers find them by
 * code, name and level page by page; officers cannot change them, enterprises see nothing, and bad input is refused
 * with a problem detail and changes nothing.
 */
@ServiceIntegrationTest
class RiskAlertModeIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final TestTokens tokens = TestTokens.issuer();
    final String officer = tokens.user("zhang.wei", "customs-officer").mint();
    final String reviewer = tokens.user("li.qiang", "customs-reviewer").mint();
    final String admin = tokens.user("zhao.min", "platform-admin").mint();
    final String trader = tokens.user("trader.li", "enterprise-user").mint();

    @Test
    void administratorsKeepRiskAlertModesAndOfficersOnlyReadThem() {
        ApiClient api = new ApiClient(port);
        String tag = String.valueOf(System.nanoTime()).substring(0, 6);
        Map<String, Object> high = new HashMap<>(Map.of("code", "HIGH-" + tag, "nameZh", "严重预警大屏声光 " + tag,
                "nameEn", "Severe alert on screen and sound " + tag, "alertLevel", "HIGH", "channels",
                List.of("SCREEN", "SOUND"), "escalateMinutes", 5));

        // 风险预警模式新增: administrators only; the code is unique
        assertThat(api.post("/risk-alert-modes", officer, high).status()).isEqualTo(403);
        Reply added = api.post("/risk-alert-modes", admin, high);
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        String id = added.text("id");
        assertThat(added.text("createdBy")).isEqualTo("zhao.min");
        assertThat(added.body().get("channels").toString()).isEqualTo("[\"SCREEN\",\"SOUND\"]");
        Reply clash = api.post("/risk-alert-modes", admin, high);
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.text("code")).isEqualTo("ALERT_MODE_CODE_TAKEN");
        assertThat(clash.text("messageZh")).contains("编码已存在");
        Map<String, Object> low = new HashMap<>(high);
        low.putAll(Map.of("code", "LOW-" + tag, "nameZh", "一般预警短信 " + tag, "alertLevel", "LOW", "channels",
                List.of("SMS")));
        low.remove("escalateMinutes");
        assertThat(api.post("/risk-alert-modes", admin, low).status()).isEqualTo(201);
        Map<String, Object> noChannel = new HashMap<>(high);
        noChannel.put("code", "NONE-" + tag);
        noChannel.put("channels", List.of());
        assertThat(api.post("/risk-alert-modes", admin, noChannel).status()).isEqualTo(400);
        Map<String, Object> noCode = new HashMap<>(high);
        noCode.remove("code");
        Reply missing = api.post("/risk-alert-modes", admin, noCode);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.text("messageEn")).contains("code must not be empty");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM risk_alert_mode WHERE code LIKE ?", Integer.class,
                "%-" + tag)).isEqualTo(2);

        // 风险预警模式修改: administrators only; a bad level or escalation changes nothing
        Map<String, Object> change = new HashMap<>(high);
        change.putAll(Map.of("alertLevel", "CRITICAL", "channels", List.of("SCREEN", "SOUND", "APP_PUSH"),
                "escalateMinutes", 2));
        assertThat(api.put("/risk-alert-modes/" + id, officer, change).status()).isEqualTo(403);
        Map<String, Object> badLevel = new HashMap<>(change);
        badLevel.put("alertLevel", "APOCALYPTIC");
        assertThat(api.put("/risk-alert-modes/" + id, admin, badLevel).status()).isEqualTo(400);
        Map<String, Object> badEscalation = new HashMap<>(change);
        badEscalation.put("escalateMinutes", 0);
        assertThat(api.put("/risk-alert-modes/" + id, admin, badEscalation).status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT alert_level || '/' || escalate_minutes FROM risk_alert_mode "
                + "WHERE id = ?::uuid", String.class, id)).isEqualTo("HIGH/5");
        Reply changed = api.put("/risk-alert-modes/" + id, admin, change);
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.text("alertLevel")).isEqualTo("CRITICAL");
        assertThat(changed.text("updatedBy")).isEqualTo("zhao.min");
        assertThat(changed.body().get("channels").size()).isEqualTo(3);

        // 风险预警模式查询: by code or name and level, paged; officers and reviewers read, enterprises do not
        Reply page = api.get("/risk-alert-modes?q=" + tag + "&size=1", officer);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("totalElements").asInt()).isEqualTo(2);
        assertThat(page.body().get("content").size()).isEqualTo(1);
        assertThat(page.body().get("content").get(0).get("code").asText()).isEqualTo("HIGH-" + tag);
        Reply second = api.get("/risk-alert-modes?q=" + tag + "&size=1&page=1", reviewer);
        assertThat(second.body().get("content").get(0).get("code").asText()).isEqualTo("LOW-" + tag);
        Reply critical = api.get("/risk-alert-modes?q=" + tag + "&level=CRITICAL", reviewer);
        assertThat(critical.body().get("totalElements").asInt()).isEqualTo(1);
        assertThat(api.get("/risk-alert-modes?q=" + URLEncoder.encode("预警短信 " + tag, StandardCharsets.UTF_8), officer).body().get("totalElements").asInt())
                .isEqualTo(1);
        assertThat(api.get("/risk-alert-modes/" + id, officer).text("alertLevel")).isEqualTo("CRITICAL");
        assertThat(api.get("/risk-alert-modes?q=" + tag, trader).status()).isEqualTo(403);

        // 风险预警模式删除: administrators only
        assertThat(api.delete("/risk-alert-modes/" + id, officer).status()).isEqualTo(403);
        assertThat(api.delete("/risk-alert-modes/" + id, admin).status()).isEqualTo(204);
        assertThat(api.get("/risk-alert-modes/" + id, officer).status()).isEqualTo(404);
        assertThat(api.delete("/risk-alert-modes/" + id, admin).status()).isEqualTo(404);
        assertThat(api.get("/risk-alert-modes?q=" + tag, officer).body().get("totalElements").asInt()).isEqualTo(1);
    }
}
