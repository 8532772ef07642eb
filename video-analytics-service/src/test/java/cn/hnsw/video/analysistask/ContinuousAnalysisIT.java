package cn.hnsw.video.analysistask;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.simulators.harness.SimulatorKeys;
import cn.hnsw.simulators.harness.SimulatorsHarness;
import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.testsupport.spring.TestInfrastructureInitializer;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 持续实时分析 through HTTP, on the real database and outbox, with FFmpeg reading the camera-platform simulator's
 * motion-JPEG stream (served in the test JVM). The stream ends after a few seconds like a camera that drops its
 * connection: the continuous task records the interruption, reconnects with back-off and keeps finding the walker
 * (an abnormal-running rule tuned to walking speed) after each reconnection; an explicit stop really stops it; a full
 * pool refuses a start; a task whose lease another instance holds is left alone and one whose lease expired is resumed.
 */
@ServiceIntegrationTest
class ContinuousAnalysisIT {

    static final SimulatorKeys KEYS = SimulatorKeys.of("camera-platform");
    static final SimulatorsHarness SIMULATORS = SimulatorsHarness.start(KEYS, new TestInfrastructureInitializer());
    static final String STREAMING_CAMERA = "46010500001320000001";

    @AfterAll
    static void close() {
        SIMULATORS.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AnalysisTaskRunner runner;

    private final TestTokens tokens = TestTokens.issuer();
    private final String officer = tokens.user("zhang.wei", "customs-officer").mint();
    private final String reviewer = tokens.user("qian.li", "customs-reviewer").mint();
    private final String admin = tokens.user("zhao.min", "platform-admin").mint();
    private final String enterprise = tokens.user("li.na", "enterprise-declarant").enterprise("91460000MA5T0XXA1B").mint();

    private JsonNode awaitTask(ApiClient api, String id, String what, Predicate<JsonNode> done) throws InterruptedException {
        long until = System.currentTimeMillis() + 120_000;
        while (true) {
            Reply t = api.get("/analysis-tasks/" + id, officer);
            assertThat(t.status()).isEqualTo(200);
            if (done.test(t.body())) {
                return t.body();
            }
            assertThat(System.currentTimeMillis()).as("waiting for %s: %s", what, t.body()).isLessThan(until);
            Thread.sleep(250);
        }
    }

    /** Other tests narrow the kind's stream types: this test's feeds need the live ones and files. */
    private List<String> allowLive(ApiClient api) {
        List<String> before = new java.util.ArrayList<>();
        api.get("/analysis-kinds/RUNNING", officer).body().get("streamTypes").forEach(n -> before.add(n.asText()));
        java.util.Set<String> types = new java.util.LinkedHashSet<>(before);
        types.addAll(List.of("NON_STANDARD", "FILE"));
        Reply r = api.put("/analysis-kinds/RUNNING/stream-types", admin, Map.of("streamTypes", List.copyOf(types)));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        // slices kept, so that a resumed run must go on after the slices it stored
        Reply st = api.put("/analysis-kinds/RUNNING/storage", admin, Map.of("keepSlices", true, "sliceSeconds", 2,
                "retentionDays", 7));
        assertThat(st.status()).as(st.body().toString()).isEqualTo(200);
        return before;
    }

    private int findingsAfter(String taskId, Instant after) {
        return jdbc.queryForObject("SELECT count(*) FROM analysis_finding WHERE task_id = ? AND code = 'RUNNING' AND "
                + "created_at > ?", Integer.class, UUID.fromString(taskId), java.sql.Timestamp.from(after));
    }

    @Test
    void aContinuousTaskSurvivesTheEndOfItsStreamKeepsFindingAfterReconnectingAndStopsWhenStopped(@TempDir Path tmp)
            throws Exception {
        ApiClient api = new ApiClient(port);
        allowLive(api);
        String url = SIMULATORS.baseUrl() + "/v1/public/camera-streams/" + STREAMING_CAMERA + "?seconds=4&fps=10";
        Reply camera = api.post("/cameras", officer, Map.of("deviceCode", "46010000001320000529", "name",
                "秀英港旅检大厅实时分析", "cameraType", "BOX", "protocol", "NON_STANDARD", "sourceUrl", url,
                "portCode", "XYG"));
        assertThat(camera.status()).as(camera.body().toString()).isEqualTo(201);
        Reply s = api.post("/analysis-services", admin, Map.of("kind", "RUNNING", "name", "实时奔跑检测", "detector",
                "BEHAVIOR_ANALYZER", "sampleFps", 5));
        assertThat(s.status()).as(s.body().toString()).isEqualTo(201);
        String serviceId = s.text("id");
        Reply f = api.post("/analysis-feeds", officer, Map.of("kind", "RUNNING", "name", "秀英港大厅实时流", "cameraId",
                camera.text("id")));
        assertThat(f.status()).as(f.body().toString()).isEqualTo(201);
        String feedId = f.text("id");
        // the walker crosses at about 0.09 frame widths a second: a rule at 0.05 calls it running
        Map<String, Object> instruction = Map.of("runningSpeed", 0.05, "runningMinSeconds", 0.4);

        // refusals change nothing: continuous over an uploaded file, a reviewer creating, an enterprise user reading
        Path clip = tmp.resolve("c.mp4");
        Files.write(clip, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
        Reply upload = api.multipart("/analysis-feeds/uploads", officer, "c.mp4", Files.readAllBytes(clip),
                Map.of("kind", "RUNNING"));
        assertThat(upload.status()).as(upload.body().toString()).isEqualTo(201);
        int before = jdbc.queryForObject("SELECT count(*) FROM analysis_task", Integer.class);
        Reply onFile = api.post("/analysis-tasks", officer, body(serviceId, upload.text("id"), instruction, true));
        assertThat(onFile.status()).isEqualTo(400);
        assertThat(onFile.text("code")).isEqualTo("LIVE_SOURCE_REQUIRED");
        assertThat(api.post("/analysis-tasks", reviewer, body(serviceId, feedId, instruction, true)).status())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM analysis_task", Integer.class)).isEqualTo(before);
        assertThat(api.get("/analysis-live", enterprise).status()).isEqualTo(403);

        Reply created = api.post("/analysis-tasks", officer, body(serviceId, feedId, instruction, true));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().get("continuous").asBoolean()).isTrue();
        String id = created.text("id");
        try {
            // the 4 s stream ends again and again: each end is an interruption, and the task goes on
            JsonNode twice = awaitTask(api, id, "two interruptions", t -> t.get("interruptions").asInt() >= 2);
            assertThat(twice.get("status").asText()).isIn("RUNNING", "RECONNECTING");
            Reply interruptions = api.get("/analysis-tasks/" + id + "/interruptions", officer);
            assertThat(interruptions.status()).isEqualTo(200);
            JsonNode first = interruptions.body().get(interruptions.body().size() - 1);
            assertThat(first.get("reasonZh").asText()).contains("视频流");
            assertThat(first.get("backoffMs").asLong()).isPositive();
            assertThat(first.path("resumedAt").asText("")).isNotEmpty();
            assertThat(api.get("/analysis-tasks/" + id + "/interruptions", enterprise).status()).isEqualTo(403);
            // the device health page shows the interruption on the camera
            Reply health = api.get("/device-health-events?deviceCode=46010000001320000529", admin);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body().toString()).contains("INTERRUPTED");
            // findings keep coming after the first reconnection: the walker is found on a later connection
            Instant firstEnd = Instant.parse(first.get("interruptedAt").asText());
            awaitTask(api, id, "a finding after the first reconnection", t -> findingsAfter(id, firstEnd) > 0);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE aggregate_id IN (SELECT "
                    + "alert_id FROM analysis_finding WHERE task_id = ?)", Integer.class, UUID.fromString(id))).isPositive();

            // a full pool refuses a second start, storing nothing
            int capacity = runner.liveCapacity();
            runner.liveCapacity(1);
            try {
                int n = jdbc.queryForObject("SELECT count(*) FROM analysis_task", Integer.class);
                Reply full = api.post("/analysis-tasks", officer, body(serviceId, feedId, instruction, true));
                assertThat(full.status()).as(full.body().toString()).isEqualTo(409);
                assertThat(full.text("code")).isEqualTo("LIVE_CAPACITY_FULL");
                assertThat(full.body().toString()).contains("实时分析任务已满");
                assertThat(jdbc.queryForObject("SELECT count(*) FROM analysis_task", Integer.class)).isEqualTo(n);
            } finally {
                runner.liveCapacity(capacity);
            }

            // stop: reviewers may not; the officer's stop is kept with who and why and really stops the reading
            assertThat(api.post("/analysis-tasks/" + id + "/stop", reviewer, Map.of("reason", "x")).status())
                    .isEqualTo(403);
            Reply stop = api.post("/analysis-tasks/" + id + "/stop", officer, Map.of("reason", "航班结束，停止分析"));
            assertThat(stop.status()).as(stop.body().toString()).isEqualTo(200);
            JsonNode stopped = awaitTask(api, id, "STOPPED", t -> t.get("status").asText().equals("STOPPED"));
            assertThat(stopped.get("stoppedBy").asText()).isEqualTo("zhang.wei");
            assertThat(stopped.get("stopReason").asText()).isEqualTo("航班结束，停止分析");
            assertThat(stopped.path("leaseOwner").isMissingNode() || stopped.get("leaseOwner").isNull()).isTrue();
            int frames = stopped.get("frames").asInt();
            int interrupts = stopped.get("interruptions").asInt();
            Thread.sleep(3000);
            JsonNode later = api.get("/analysis-tasks/" + id, officer).body();
            assertThat(later.get("frames").asInt()).isEqualTo(frames);
            assertThat(later.get("interruptions").asInt()).isEqualTo(interrupts);
            assertThat(runner.liveRunning()).isZero();
            assertThat(api.post("/analysis-tasks/" + id + "/stop", officer, Map.of()).status()).isEqualTo(409);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM video_operation_log WHERE action LIKE ? AND status = 200",
                    Integer.class, "POST /analysis-tasks/" + id + "/stop")).isEqualTo(1);

            // one runner per task across instances: a live lease of another instance is left alone ...
            jdbc.update("UPDATE analysis_task SET status = 'RUNNING', lease_owner = 'va-elsewhere', lease_until = now() "
                    + "+ interval '1 hour', stop_requested = false WHERE id = ?", UUID.fromString(id));
            Thread.sleep(7000);
            JsonNode held = api.get("/analysis-tasks/" + id, officer).body();
            assertThat(held.get("leaseOwner").asText()).isEqualTo("va-elsewhere");
            assertThat(held.get("frames").asInt()).isEqualTo(frames);
            // ... and once it has expired (that instance stopped), an instance resumes the task where it was
            jdbc.update("UPDATE analysis_task SET lease_until = now() - interval '1 second' WHERE id = ?",
                    UUID.fromString(id));
            JsonNode resumed = awaitTask(api, id, "resumed by another instance", t -> !t.path("leaseOwner").asText("").isEmpty()
                    && !t.path("leaseOwner").asText().equals("va-elsewhere") && t.get("frames").asInt() > frames);
            assertThat(resumed.get("status").asText()).isIn("RUNNING", "RECONNECTING");
            assertThat(resumed.get("runs").asInt()).isEqualTo(stopped.get("runs").asInt());
            // the resumed run stores its slices after those of before (same run, numbers going on)
            int slicesBefore = stopped.get("slices").asInt();
            awaitTask(api, id, "slices after resuming", t -> t.get("slices").asInt() > slicesBefore);
            assertThat(api.get("/analysis-tasks/" + id + "/interruptions", officer).body().toString())
                    .doesNotContain("duplicate key");
        } finally {
            api.post("/analysis-tasks/" + id + "/stop", officer, Map.of("reason", "测试结束"));
            awaitTask(api, id, "STOPPED at the end", t -> t.get("status").asText().equals("STOPPED"));
        }
    }

    @Test
    void aContinuousTaskBoundToAWatchListTaskRunsOnlyWhileThatTaskIsActive() throws Exception {
        ApiClient api = new ApiClient(port);
        allowLive(api);
        String url = SIMULATORS.baseUrl() + "/v1/public/camera-streams/" + STREAMING_CAMERA + "?seconds=4&fps=10";
        Reply s = api.post("/analysis-services", admin, Map.of("kind", "RUNNING", "name", "布控实时检测", "detector",
                "BEHAVIOR_ANALYZER", "sampleFps", 5));
        Reply f = api.post("/analysis-feeds", officer, Map.of("kind", "RUNNING", "name", "布控实时流", "protocol",
                "NON_STANDARD", "sourceUrl", url));
        assertThat(f.status()).as(f.body().toString()).isEqualTo(201);
        Map<String, Object> unknown = new HashMap<>(body(s.text("id"), f.text("id"), Map.of(), true));
        unknown.put("watchlistTaskId", UUID.randomUUID().toString());
        Reply missing = api.post("/analysis-tasks", officer, unknown);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("code")).isEqualTo("TASK_NOT_FOUND");

        // a watch-list task still waiting for its review is not ACTIVE: the bound continuous task stops by itself
        Reply control = api.post("/watchlist-tasks", officer, Map.of("name", "实时布控待审", "kind", "RISK_VEHICLE",
                "officers", List.of("zhang.wei"), "instruction", "发现后拦截",
                "targets", List.of(Map.of("plateNumber", "琼A·77777", "label", "待审车辆"))));
        assertThat(control.status()).as(control.body().toString()).isEqualTo(201);
        Map<String, Object> bound = new HashMap<>(body(s.text("id"), f.text("id"), Map.of(), true));
        bound.put("watchlistTaskId", control.text("id"));
        Reply created = api.post("/analysis-tasks", officer, bound);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("watchlistTaskId")).isEqualTo(control.text("id"));
        JsonNode stopped = awaitTask(api, created.text("id"), "stopped with its watch-list task",
                t -> t.get("status").asText().equals("STOPPED"));
        assertThat(stopped.get("stoppedBy").asText()).isEqualTo("system");
        assertThat(stopped.get("stopReason").asText()).contains("撤控").contains("PENDING_REVIEW");
    }

    private static Map<String, Object> body(String serviceId, String feedId, Map<String, Object> instruction,
            boolean continuous) {
        Map<String, Object> b = new HashMap<>(Map.of("kind", "RUNNING", "name", "实时奔跑检测任务", "serviceId", serviceId,
                "feedId", feedId, "instruction", instruction, "start", true, "continuous", continuous));
        return b;
    }
}
