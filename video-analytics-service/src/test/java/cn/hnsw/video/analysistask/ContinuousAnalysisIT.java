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

    /** A camera serving the simulator's stream whose signal is lost after {@code lossAfter} seconds. */
    private String diagnosisTask(ApiClient api, String name, String deviceCode, int lossAfter, double windowSeconds) {
        List<String> types = new java.util.ArrayList<>();
        api.get("/analysis-kinds/DIAGNOSIS", officer).body().get("streamTypes").forEach(n -> types.add(n.asText()));
        if (!types.contains("NON_STANDARD")) {
            types.add("NON_STANDARD");
            assertThat(api.put("/analysis-kinds/DIAGNOSIS/stream-types", admin, Map.of("streamTypes", types)).status())
                    .isEqualTo(200);
        }
        String url = SIMULATORS.baseUrl() + "/v1/public/camera-streams/" + STREAMING_CAMERA + "?seconds=40&fps=5"
                + "&signalLossAfter=" + lossAfter;
        Reply camera = api.post("/cameras", officer, Map.of("deviceCode", deviceCode, "name", name + "摄像机",
                "cameraType", "BOX", "protocol", "NON_STANDARD", "sourceUrl", url, "portCode", "XYG"));
        assertThat(camera.status()).as(camera.body().toString()).isEqualTo(201);
        Reply s = api.post("/analysis-services", admin, Map.of("kind", "DIAGNOSIS", "name", name + "服务", "detector",
                "IMAGE_QUALITY_DIAGNOSER", "sampleFps", 5));
        assertThat(s.status()).as(s.body().toString()).isEqualTo(201);
        Reply f = api.post("/analysis-feeds", officer, Map.of("kind", "DIAGNOSIS", "name", name + "视频源", "cameraId",
                camera.text("id")));
        assertThat(f.status()).as(f.body().toString()).isEqualTo(201);
        Map<String, Object> b = new HashMap<>(body(s.text("id"), f.text("id"), Map.of("windowSeconds", windowSeconds),
                true));
        b.put("kind", "DIAGNOSIS");
        b.put("name", name);
        Reply created = api.post("/analysis-tasks", officer, b);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("id");
    }

    private int faultFindings(String taskId, String code) {
        return jdbc.queryForObject("SELECT count(*) FROM analysis_finding WHERE task_id = ? AND code = ?", Integer.class,
                UUID.fromString(taskId), code);
    }

    @Test
    void aContinuousDiagnosisReportsASignalLossWhileItRunsOncePerOccurrence() throws Exception {
        ApiClient api = new ApiClient(port);
        String id = diagnosisTask(api, "秀英港实时视频诊断", "46010000001320000541", 3, 2);
        try {
            // the picture is lost after 3 s: a window of 2 s reports it while the task still runs
            JsonNode running = awaitTask(api, id, "a signal loss reported while running",
                    t -> faultFindings(id, "SIGNAL_LOSS") > 0);
            assertThat(running.get("status").asText()).isIn("RUNNING", "RECONNECTING");
            String alertId = jdbc.queryForObject("SELECT alert_id FROM analysis_finding WHERE task_id = ? AND code = "
                    + "'SIGNAL_LOSS'", String.class, UUID.fromString(id));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE aggregate_id = ? AND envelope::text "
                    + "LIKE '%video-fault%'", Integer.class, alertId)).isEqualTo(1);
            Reply findings = api.get("/analysis-findings?taskId=" + id + "&code=SIGNAL_LOSS", officer);
            assertThat(findings.status()).isEqualTo(200);
            assertThat(findings.body().toString()).contains("SIGNAL_LOSS");
            assertThat(api.get("/analysis-findings?taskId=" + id, enterprise).status()).isEqualTo(403);
            // the loss goes on over the next windows: it is not reported again while it stands
            Thread.sleep(5000);
            assertThat(api.get("/analysis-tasks/" + id, officer).body().get("status").asText())
                    .isIn("RUNNING", "RECONNECTING");
            assertThat(faultFindings(id, "SIGNAL_LOSS")).isEqualTo(1);
        } finally {
            api.post("/analysis-tasks/" + id + "/stop", officer, Map.of("reason", "测试结束"));
            awaitTask(api, id, "STOPPED at the end", t -> t.get("status").asText().equals("STOPPED"));
        }
        assertThat(faultFindings(id, "SIGNAL_LOSS")).isEqualTo(1);
    }

    @Test
    void aDatabaseErrorInTheFrameLoopEndsTheTaskFailedWithAnAnomalyInsteadOfReconnecting() throws Exception {
        ApiClient api = new ApiClient(port);
        String name = "实时诊断内部故障演练";
        // the database refuses this task's findings (and only this task's): a failure of the service, not the camera
        jdbc.execute("CREATE OR REPLACE FUNCTION hnsw_refuse_drill_finding() RETURNS trigger AS $$ BEGIN IF EXISTS "
                + "(SELECT 1 FROM analysis_task WHERE id = NEW.task_id AND name = '" + name + "') THEN RAISE EXCEPTION "
                + "'finding store refused for the drill'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
        jdbc.execute("CREATE TRIGGER hnsw_refuse_drill_finding BEFORE INSERT ON analysis_finding FOR EACH ROW "
                + "EXECUTE FUNCTION hnsw_refuse_drill_finding()");
        String id;
        try {
            id = diagnosisTask(api, name, "46010000001320000542", 1, 1);
            JsonNode failed = awaitTask(api, id, "FAILED on the internal failure",
                    t -> t.get("status").asText().equals("FAILED"));
            assertThat(failed.get("errorEn").asText()).contains("Internal failure").contains("not the video source")
                    .contains("finding store refused");
            assertThat(failed.get("errorZh").asText()).contains("内部故障");
            assertThat(failed.get("anomaly").asText()).isEqualTo("OPEN");
            // not taken for a stream interruption: no reconnection was tried
            assertThat(failed.get("interruptions").asInt()).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE aggregate_id = ? AND envelope::text "
                    + "LIKE '%analysis-task-anomaly%'", Integer.class, failed.get("anomalyAlertId").asText()))
                    .isEqualTo(1);
            assertThat(runner.liveRunning()).isZero();
            assertThat(api.get("/analysis-tasks/" + id, enterprise).status()).isEqualTo(403);
        } finally {
            jdbc.execute("DROP TRIGGER IF EXISTS hnsw_refuse_drill_finding ON analysis_finding");
            jdbc.execute("DROP FUNCTION IF EXISTS hnsw_refuse_drill_finding()");
        }
        // stays failed: nothing resumes it
        Thread.sleep(2000);
        assertThat(api.get("/analysis-tasks/" + id, officer).body().get("status").asText()).isEqualTo("FAILED");
    }

    private static Map<String, Object> body(String serviceId, String feedId, Map<String, Object> instruction,
            boolean continuous) {
        Map<String, Object> b = new HashMap<>(Map.of("kind", "RUNNING", "name", "实时奔跑检测任务", "serviceId", serviceId,
                "feedId", feedId, "instruction", instruction, "start", true, "continuous", continuous));
        return b;
    }
}
