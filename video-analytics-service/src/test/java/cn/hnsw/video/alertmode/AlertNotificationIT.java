package cn.hnsw.video.alertmode;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.common.events.Alert;
import cn.hnsw.simulators.harness.SimulatorKeys;
import cn.hnsw.simulators.harness.SimulatorsHarness;
import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.testsupport.spring.TestInfrastructureInitializer;
import cn.hnsw.video.alert.AlertService;
import cn.hnsw.video.alert.WatchlistHitRepository.WatchlistHit;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 预警短信与 App 推送 end to end: the SMS platform and app-push simulators in the test JVM, sealed messages between
 * them and the service. An alert whose mode asks for SMS and app push gets one delivery per bound officer and channel,
 * written with the alert; the dispatcher sends them (the push service down once: retried, then sent); an officer
 * without a device is recorded NO_CONTACT; an alert rolled back leaves no delivery; contacts are kept by the officer
 * or an administrator only; the delivery endpoint shows each outcome to the bound officers only.
 */
@ServiceIntegrationTest
class AlertNotificationIT {

    static final SimulatorKeys KEYS = SimulatorKeys.of("sms-platform", "app-push");
    static final SimulatorsHarness SIMULATORS = SimulatorsHarness.start(KEYS, new TestInfrastructureInitializer());

    @DynamicPropertySource
    static void partners(DynamicPropertyRegistry r) {
        KEYS.platformProperties().forEach((k, v) -> r.add(k, () -> v));
        r.add("hnsw.partners.endpoint", SIMULATORS::partnerEndpoint);
        r.add("hnsw.video.notify.enabled", () -> "true");
        r.add("hnsw.video.notify.retry-ms", () -> "300");
    }

    @AfterAll
    static void stop() {
        SIMULATORS.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AlertService alerts;
    @Autowired
    TransactionTemplate tx;

    final TestTokens tokens = TestTokens.issuer();
    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final HttpClient http = HttpClient.newHttpClient();

    private Alert alert(String alertId, List<String> officers) {
        return new Alert(alertId, "video-analytics-service", "watchlist-hit", Alert.Level.HIGH, null, null, officers,
                "布控预警 " + tag, "Watch-list alert " + tag, Instant.now(), null, null, Map.of());
    }

    private WatchlistHit hit(String alertId, UUID taskId, List<String> officers) {
        return new WatchlistHit(UUID.randomUUID(), alertId, taskId, null, null, null, 0.05, Instant.now(),
                "snapshots/" + alertId + ".jpg", officers, "RAISED", null, null, null, null, "琼A54321");
    }

    private HttpResponse<String> simulator(String method, String path, String json, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(SIMULATORS.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, JsonNode> outcomes(ApiClient api, String alertId, String token) {
        Reply d = api.get("/alerts/" + alertId + "/delivery", token);
        assertThat(d.status()).as(d.body().toString()).isEqualTo(200);
        Map<String, JsonNode> out = new HashMap<>();
        d.body().get("notifications").forEach(n -> out.put(n.get("username").asText() + "/" + n.get("channel").asText(), n));
        return out;
    }

    @Test
    void anAlertsSmsAndAppPushReachEachBoundOfficerWithRetriesAndOutcomesRecorded() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = tokens.user("zhao." + tag, "platform-admin").mint();
        String first = "zhang." + tag;
        String second = "wang." + tag;
        String officer = tokens.user(first, "customs-officer").organization("/haikou-customs-" + tag).mint();
        String colleague = tokens.user(second, "customs-officer").organization("/haikou-customs-" + tag).mint();
        String outsider = tokens.user("li." + tag, "customs-officer").organization("/haikou-customs-" + tag).mint();

        Reply mode = api.post("/risk-alert-modes", admin, Map.of("code", "HIGH-" + tag, "nameZh", "高级预警 " + tag,
                "nameEn", "High " + tag, "alertLevel", "HIGH", "channels", List.of("SCREEN", "SMS", "APP_PUSH")));
        assertThat(mode.status()).as(mode.body().toString()).isEqualTo(201);

        // contacts: an officer keeps their own, not a colleague's; an administrator anyone's; bad numbers refused
        Reply own = api.put("/officer-contacts/" + first, officer, Map.of("phone", "138 0898 0001", "pushDeviceId",
                "hnsw-app-" + tag));
        assertThat(own.status()).as(own.body().toString()).isEqualTo(200);
        assertThat(own.text("phone")).isEqualTo("13808980001");
        Reply notOwn = api.put("/officer-contacts/" + first, colleague, Map.of("phone", "13900000000"));
        assertThat(notOwn.status()).isEqualTo(403);
        assertThat(notOwn.text("code")).isEqualTo("CONTACT_NOT_OWN");
        Reply bad = api.put("/officer-contacts/" + second, admin, Map.of("phone", "call me"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM officer_contact WHERE username = ?", Integer.class, second))
                .isZero();
        assertThat(api.put("/officer-contacts/" + second, admin, Map.of("phone", "13808980002")).status()).isEqualTo(200);
        assertThat(api.get("/officer-contacts", officer).status()).isEqualTo(403);
        assertThat(api.get("/officer-contacts", admin).body().toString()).contains("13808980002");

        Reply task = api.post("/watchlist-tasks", officer, Map.of("name", "风险车辆布控" + tag, "kind", "RISK_VEHICLE",
                "officers", List.of(first, second), "instruction", "拦截检查车辆",
                "targets", List.of(Map.of("plateNumber", "琼A·54321", "label", "涉私车辆" + tag))));
        assertThat(task.status()).as(task.body().toString()).isEqualTo(201);
        UUID taskId = UUID.fromString(task.text("id"));

        // an alert whose transaction rolls back leaves no delivery behind
        String rolledBack = "VA-" + UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            alerts.raise(hit(rolledBack, taskId, List.of(first, second)), alert(rolledBack, List.of(first, second)));
            s.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alert_notification WHERE alert_id = ?", Integer.class,
                rolledBack)).isZero();

        // the push service is down for the next message
        HttpResponse<String> down = simulator("PUT", "/v1/app-push/failures", "{\"next\":1}", admin);
        assertThat(down.statusCode()).as(down.body()).isEqualTo(200);
        String alertId = "VA-" + UUID.randomUUID();
        tx.executeWithoutResult(s -> alerts.raise(hit(alertId, taskId, List.of(first, second)),
                alert(alertId, List.of(first, second))));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM alert_notification WHERE alert_id = ?", Integer.class,
                alertId)).isEqualTo(4);

        long until = System.currentTimeMillis() + 60_000;
        Map<String, JsonNode> o = outcomes(api, alertId, officer);
        while (!(o.get(first + "/SMS").get("status").asText().equals("SENT")
                && o.get(first + "/APP_PUSH").get("status").asText().equals("SENT")
                && o.get(second + "/SMS").get("status").asText().equals("SENT"))) {
            assertThat(System.currentTimeMillis()).as("deliveries %s", o).isLessThan(until);
            Thread.sleep(250);
            o = outcomes(api, alertId, officer);
        }
        assertThat(o.get(first + "/SMS").get("partnerMessageId").asText()).startsWith("SMS-SIM-");
        assertThat(o.get(first + "/SMS").get("attempts").asInt()).isEqualTo(1);
        // the push was retried after the service came back
        assertThat(o.get(first + "/APP_PUSH").get("attempts").asInt()).isEqualTo(2);
        assertThat(o.get(first + "/APP_PUSH").get("partnerMessageId").asText()).startsWith("PUSH-SIM-");
        assertThat(o.get(second + "/APP_PUSH").get("status").asText()).isEqualTo("NO_CONTACT");
        assertThat(o.get(second + "/APP_PUSH").get("lastError").asText()).contains("未登记移动端设备");

        // the push reached the officer's device with the alert as reference (the simulator's own record)
        HttpResponse<String> pushes = simulator("GET", "/v1/app-push/pushes", "", admin);
        assertThat(pushes.statusCode()).isEqualTo(200);
        assertThat(pushes.body()).contains("hnsw-app-" + tag).contains(alertId).contains("布控预警 " + tag);

        // the outcomes are shown to the bound officers and administrators only
        assertThat(api.get("/alerts/" + alertId + "/delivery", colleague).status()).isEqualTo(200);
        assertThat(api.get("/alerts/" + alertId + "/delivery", admin).status()).isEqualTo(200);
        assertThat(api.get("/alerts/" + alertId + "/delivery", outsider).status()).isEqualTo(403);
        String enterprise = tokens.user("li.na", "enterprise-declarant").enterprise("91460000MA5T0XXA1B").mint();
        assertThat(api.get("/alerts/" + alertId + "/delivery", enterprise).status()).isEqualTo(403);
        assertThat(api.put("/officer-contacts/li.na", enterprise, Map.of("phone", "13900000000")).status())
                .isEqualTo(403);
        simulator("POST", "/v1/app-push/reset", "", admin);
        jdbc.update("UPDATE risk_alert_mode SET enabled = false WHERE code = ?", "HIGH-" + tag);
    }
}
