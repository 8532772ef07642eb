package cn.hnsw.video.camera;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.simulators.harness.SimulatorKeys;
import cn.hnsw.simulators.harness.SimulatorsHarness;
import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.testsupport.spring.TestInfrastructureInitializer;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The camera platform end to end, with the networked video platform simulator in the test JVM and sealed messages
 * between them: the catalogue becomes cameras and distribution points, the platform's health reports become device
 * health with an alert for each device that goes down (once), the simulated cameras' HTTP streams are read by FFmpeg,
 * and a camera behind a failed distribution point cannot be read.
 */
@ServiceIntegrationTest
class CameraPlatformIT {

    static final SimulatorKeys KEYS = SimulatorKeys.of("camera-platform");
    static final SimulatorsHarness SIMULATORS = SimulatorsHarness.start(KEYS, new TestInfrastructureInitializer());
    static final String XIUYING_POINT = "46010500002020000001";
    static final String XIUYING_FACE_1 = "46010500001320000001";
    static final String MEILAN_FACE = "46010800001320000001";

    @DynamicPropertySource
    static void partners(DynamicPropertyRegistry r) {
        KEYS.platformProperties().forEach((k, v) -> r.add(k, () -> v));
        r.add("hnsw.partners.endpoint", SIMULATORS::partnerEndpoint);
    }

    @AfterAll
    static void stop() {
        SIMULATORS.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final TestTokens tokens = TestTokens.issuer();
    final HttpClient http = HttpClient.newHttpClient();
    ApiClient api;
    String admin;
    String officer;
    String trader;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiClient(port);
        admin = tokens.user("ops.chen", "platform-admin").mint();
        officer = tokens.user("zhang.wei", "customs-officer").organization("/haikou-customs/xiuying").mint();
        trader = tokens.user("trader.li", "enterprise-user").mint();
        assertThat(simulator("POST", "/v1/camera-platform/reset", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void theCatalogueBecomesCamerasAndPointsAndOnlyDownTransitionsRaiseAlerts() throws Exception {
        // only the platform administrator synchronises; enterprise users see nothing of the cameras
        assertThat(api.post("/camera-platform/synchronisations", officer, Map.of()).status()).isEqualTo(403);
        assertThat(api.get("/distribution-points", trader).status()).isEqualTo(403);
        Reply sync = api.post("/camera-platform/synchronisations", admin, Map.of());
        assertThat(sync.status()).as(sync.body().toString()).isEqualTo(200);
        assertThat(sync.body().get("pointsAdded").asInt() + sync.body().get("pointsUpdated").asInt()).isEqualTo(2);
        assertThat(sync.body().get("camerasAdded").asInt() + sync.body().get("camerasUpdated").asInt()).isEqualTo(5);
        // a second synchronisation adds nothing
        Reply again = api.post("/camera-platform/synchronisations", admin, Map.of());
        assertThat(again.body().get("camerasAdded").asInt()).isZero();
        assertThat(again.body().get("camerasUpdated").asInt()).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE distribution_point_code = ?", Integer.class,
                XIUYING_POINT)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT source_url FROM camera WHERE device_code = ?", String.class,
                XIUYING_FACE_1)).startsWith("http://127.0.0.1:" + SIMULATORS.port() + "/api/simulators/v1/public/camera-streams/");

        // first check: everything comes up, which is no anomaly
        Reply first = api.post("/camera-platform/health-checks", officer, Map.of());
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().get("reported").asInt()).isEqualTo(7);
        for (JsonNode change : first.body().get("changes")) {
            assertThat(change.get("newStatus").asText()).isEqualTo("ONLINE");
            assertThat(change.hasNonNull("alertId")).isFalse();
        }

        // the Xiuying distribution point fails: one alert for the point; its cameras stream nothing
        assertThat(simulator("PUT", "/v1/camera-platform/devices/" + XIUYING_POINT + "/status",
                "{\"status\":\"FAULT\",\"faultZh\":\"流媒体服务无响应\",\"faultEn\":\"media service not answering\"}")
                .statusCode()).isEqualTo(200);
        Reply down = api.post("/camera-platform/health-checks", officer, Map.of());
        List<JsonNode> changes = new ArrayList<>();
        down.body().get("changes").forEach(changes::add);
        assertThat(changes).hasSize(1);
        JsonNode change = changes.get(0);
        assertThat(change.get("deviceCode").asText()).isEqualTo(XIUYING_POINT);
        assertThat(change.get("newStatus").asText()).isEqualTo("FAULT");
        String alertId = change.get("alertId").asText();
        assertThat(alertId).startsWith("VD-");
        String payload = jdbc.queryForObject("SELECT envelope::text FROM event_outbox WHERE aggregate_id = ?", String.class,
                alertId);
        JsonNode alert = ApiClient.JSON.readTree(payload);
        JsonNode data = alert.has("data") ? alert.get("data") : alert;
        assertThat(data.get("type").asText()).isEqualTo("device-fault");
        assertThat(data.get("level").asText()).isEqualTo("MEDIUM");
        assertThat(data.get("titleZh").asText()).contains("秀英港媒体分发点").contains("流媒体服务无响应");

        // asking again while it is still down raises nothing new
        assertThat(api.post("/camera-platform/health-checks", officer, Map.of()).body().get("changes")).isEmpty();
        String cameraId = jdbc.queryForObject("SELECT id::text FROM camera WHERE device_code = ?", String.class,
                XIUYING_FACE_1);
        Reply blind = api.post("/cameras/" + cameraId + "/analysis-runs", officer, Map.of("maxSeconds", 2));
        assertThat(blind.status()).isEqualTo(422);
        assertThat(blind.text("code")).isEqualTo("VIDEO_UNREADABLE");

        // back up: the change is recorded, without an alert, and the stream is read through FFmpeg again
        simulator("PUT", "/v1/camera-platform/devices/" + XIUYING_POINT + "/status", "{\"status\":\"ONLINE\"}");
        // (the failed run above marked the camera FAULT itself: the platform's ONLINE is recorded for it too)
        Reply up = api.post("/camera-platform/health-checks", officer, Map.of());
        List<String> recovered = new ArrayList<>();
        for (JsonNode c : up.body().get("changes")) {
            assertThat(c.get("newStatus").asText()).isEqualTo("ONLINE");
            assertThat(c.hasNonNull("alertId")).isFalse();
            recovered.add(c.get("deviceCode").asText());
        }
        assertThat(recovered).contains(XIUYING_POINT);
        Reply run = api.post("/cameras/" + cameraId + "/analysis-runs", officer, Map.of("maxSeconds", 2));
        assertThat(run.status()).as(run.body().toString()).isEqualTo(200);
        assertThat(run.body().get("framesAnalysed").asInt()).isGreaterThanOrEqualTo(2);

        Reply events = api.get("/device-health-events?deviceCode=" + XIUYING_POINT, officer);
        assertThat(events.body()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(events.body().get(0).get("new_status").asText()).isEqualTo("ONLINE");
        assertThat(events.body().get(1).get("new_status").asText()).isEqualTo("FAULT");
        assertThat(events.body().get(1).get("alert_id").asText()).isEqualTo(alertId);

        Reply points = api.get("/distribution-points", officer);
        assertThat(points.status()).isEqualTo(200);
        assertThat(points.body()).hasSize(2);
        assertThat(points.body().get(0).get("cameras").asInt()).isEqualTo(3);
    }

    @Test
    void aCameraGoingOfflineRaisesALowAlertNamingIt() throws Exception {
        api.post("/camera-platform/synchronisations", admin, Map.of());
        api.post("/camera-platform/health-checks", officer, Map.of());
        // only the stream is open on the simulator; switching a device's health needs an operator's token
        assertThat(simulator("PUT", "/v1/camera-platform/devices/" + MEILAN_FACE + "/status", "{\"status\":\"FAULT\"}",
                null).statusCode()).isEqualTo(401);
        // an active face-image watch-list task on that camera, bound to the officer
        String cameraId = jdbc.queryForObject("SELECT id::text FROM camera WHERE device_code = ?", String.class,
                MEILAN_FACE);
        Reply task = api.post("/watchlist-tasks", officer, Map.of("name", "出发大厅布控", "kind", "FACE_IMAGE",
                "cameraIds", List.of(cameraId), "officers", List.of("zhang.wei"), "targets",
                List.of(Map.of("photoBase64", java.util.Base64.getEncoder().encodeToString(
                        cn.hnsw.video.support.TestMedia.jpeg(cn.hnsw.video.support.TestMedia.region(
                                cn.hnsw.video.support.TestMedia.sample("sample3"), 517, 350, 332, 277, 0.35)))))));
        assertThat(task.status()).as(task.body().toString()).isEqualTo(201);
        String taskId = task.text("id");
        String reviewer = tokens.user("li.qiang", "customs-reviewer").organization("/haikou-customs").mint();
        assertThat(api.post("/watchlist-tasks/" + taskId + "/review", reviewer, Map.of("approve", true)).text("status"))
                .isEqualTo("ACTIVE");
        simulator("PUT", "/v1/camera-platform/devices/" + MEILAN_FACE + "/status",
                "{\"status\":\"OFFLINE\",\"faultZh\":\"网络中断\",\"faultEn\":\"network down\"}");
        Reply down = api.post("/camera-platform/health-checks", officer, Map.of());
        // 布控任务异常反馈: the task records the anomaly and its officer gets an alert naming the task
        Reply anomalies = api.get("/watchlist-tasks/" + taskId + "/anomalies", officer);
        assertThat(anomalies.status()).isEqualTo(200);
        assertThat(anomalies.body()).hasSize(1);
        JsonNode anomaly = anomalies.body().get(0);
        assertThat(anomaly.get("status").asText()).isEqualTo("OPEN");
        assertThat(anomaly.get("reasonZh").asText()).contains("离线").contains("网络中断");
        JsonNode anomalyAlert = ApiClient.JSON.readTree(jdbc.queryForObject(
                "SELECT envelope::text FROM event_outbox WHERE aggregate_id = ?", String.class,
                anomaly.get("alertId").asText()));
        JsonNode anomalyData = anomalyAlert.has("data") ? anomalyAlert.get("data") : anomalyAlert;
        assertThat(anomalyData.get("type").asText()).isEqualTo("watchlist-task-anomaly");
        assertThat(anomalyData.get("recipients").get(0).asText()).isEqualTo("zhang.wei");
        assertThat(anomalyData.get("titleZh").asText()).contains("出发大厅布控");
        // 布控任务异常处置: an officer not bound to the task cannot; the bound officer can, once
        String other = tokens.user("wang.fang", "customs-officer").organization("/haikou-customs/xiuying").mint();
        String handling = "/watchlist-tasks/" + taskId + "/anomalies/" + anomaly.get("id").asText() + "/handling";
        Reply unbound = api.post(handling, other, Map.of("note", "x"));
        assertThat(unbound.status()).isEqualTo(403);
        assertThat(unbound.text("code")).isEqualTo("NOT_BOUND_OFFICER");
        // 布控任务可见范围: an officer of another customs, who may not see the task, is refused before anything else
        // (TaskViewer), and the anomaly stays open
        String sanya = tokens.user("sun.li", "customs-officer").organization("/sanya-customs").mint();
        Reply invisible = api.post(handling, sanya, Map.of("note", "已处置"));
        assertThat(invisible.status()).as(invisible.body().toString()).isEqualTo(403);
        assertThat(invisible.text("code")).isEqualTo("TASK_NOT_VISIBLE");
        assertThat(invisible.text("messageZh")).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT status || coalesce(handled_by, '') FROM watchlist_task_anomaly "
                + "WHERE id = ?::uuid", String.class, anomaly.get("id").asText())).isEqualTo("OPEN");
        assertThat(api.post(handling, officer, Map.of("note", "")).status()).isEqualTo(400);
        Reply handled = api.post(handling, officer, Map.of("note", "已通知运维恢复网络"));
        assertThat(handled.status()).as(handled.body().toString()).isEqualTo(200);
        assertThat(handled.text("status")).isEqualTo("HANDLED");
        assertThat(handled.text("handledBy")).isEqualTo("zhang.wei");
        assertThat(api.post(handling, officer, Map.of("note", "again")).status()).isEqualTo(409);
        // the task is this test's own: it no longer watches the shared camera for other tests
        jdbc.update("UPDATE watchlist_task SET status = 'WITHDRAWN' WHERE id = ?::uuid", taskId);
        JsonNode change = down.body().get("changes").get(0);
        assertThat(change.get("deviceCode").asText()).isEqualTo(MEILAN_FACE);
        assertThat(change.get("kind").asText()).isEqualTo("CAMERA");
        String payload = jdbc.queryForObject("SELECT envelope::text FROM event_outbox WHERE aggregate_id = ?", String.class,
                change.get("alertId").asText());
        JsonNode alert = ApiClient.JSON.readTree(payload);
        JsonNode data = alert.has("data") ? alert.get("data") : alert;
        assertThat(data.get("level").asText()).isEqualTo("LOW");
        assertThat(data.get("portCode").asText()).isEqualTo("MEILAN_AIRPORT");
        assertThat(data.get("titleZh").asText()).contains("美兰机场出发大厅人脸抓拍").contains("离线");
        assertThat(jdbc.queryForObject("SELECT status FROM camera WHERE device_code = ?", String.class, MEILAN_FACE))
                .isEqualTo("OFFLINE");
        simulator("PUT", "/v1/camera-platform/devices/" + MEILAN_FACE + "/status", "{\"status\":\"ONLINE\"}");
        api.post("/camera-platform/health-checks", officer, Map.of());
    }

    /**
     * 视频流实时解析/切片/存储: an analysis task on a live camera of the platform reads the simulator's HTTP stream as it
     * is paced out, keeps it as MP4 slices in object storage and reports its progress.
     */
    @Test
    void anAnalysisTaskOnALiveCameraParsesAndSlicesTheStreamAsItArrives() throws Exception {
        assertThat(api.post("/camera-platform/synchronisations", admin, Map.of()).status()).isEqualTo(200);
        String cameraId = jdbc.queryForObject("SELECT id::text FROM camera WHERE device_code = ?", String.class,
                MEILAN_FACE);
        String protocol = jdbc.queryForObject("SELECT protocol FROM camera WHERE id = ?::uuid", String.class, cameraId);
        assertThat(api.put("/analysis-kinds/ASSISTED/stream-types", admin, Map.of("streamTypes",
                List.of(protocol, "FILE"))).status()).isEqualTo(200);
        assertThat(api.put("/analysis-kinds/ASSISTED/storage", admin, Map.of("keepSlices", true, "sliceSeconds", 2,
                "retentionDays", 30)).status()).isEqualTo(200);
        Reply feed = api.post("/analysis-feeds", officer, Map.of("kind", "ASSISTED", "name", "美兰机场人脸抓拍 1",
                "cameraId", cameraId));
        assertThat(feed.status()).as(feed.body().toString()).isEqualTo(201);
        assertThat(feed.text("protocol")).isEqualTo(protocol);
        Reply service = api.post("/analysis-services", admin, Map.of("kind", "ASSISTED", "name", "视频辅助分析",
                "detector", "FACE_PIPELINE", "sampleFps", 5));
        Reply task = api.post("/analysis-tasks", officer, Map.of("kind", "ASSISTED", "name", "美兰机场实时解析",
                "serviceId", service.text("id"), "feedId", feed.text("id"), "maxSeconds", 5, "start", true));
        assertThat(task.status()).as(task.body().toString()).isEqualTo(201);
        String id = task.text("id");
        JsonNode done;
        long until = System.currentTimeMillis() + 120_000;
        do {
            Thread.sleep(250);
            done = api.get("/analysis-tasks/" + id, officer).body();
            assertThat(System.currentTimeMillis()).isLessThan(until);
        } while (done.get("status").asText().matches("QUEUED|RUNNING"));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("frames").asInt()).isGreaterThanOrEqualTo(15);
        assertThat(done.hasNonNull("durationMs")).as("a live stream has no length").isFalse();
        assertThat(done.get("mediaMs").asLong()).isBetween(3000L, 5000L);
        Reply slices = api.get("/analysis-tasks/" + id + "/slices", officer);
        assertThat(slices.body().size()).isGreaterThanOrEqualTo(2);
        long previousEnd = -1;
        for (JsonNode s : slices.body()) {
            assertThat(s.get("startMs").asLong()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(s.get("bytes").asLong()).isPositive();
            previousEnd = s.get("endMs").asLong();
        }
        Reply mp4 = api.get("/analysis-tasks/" + id + "/slices/1/1", officer);
        assertThat(new String(mp4.raw(), 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        api.put("/analysis-kinds/ASSISTED/storage", admin, Map.of("keepSlices", false, "sliceSeconds", 10,
                "retentionDays", 30));
    }

    private HttpResponse<String> simulator(String method, String path, String json) throws Exception {
        return simulator(method, path, json, admin);
    }

    private HttpResponse<String> simulator(String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(SIMULATORS.baseUrl() + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
