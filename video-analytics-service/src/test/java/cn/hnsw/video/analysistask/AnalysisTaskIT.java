package cn.hnsw.video.analysistask;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.behavior.BehaviorAnalyzerTest;
import cn.hnsw.video.behavior.BehaviorAnalyzerTest.Figure;
import cn.hnsw.video.diagnosis.ImageQualityDiagnoserTest;
import cn.hnsw.video.face.RgbImage;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import cn.hnsw.video.support.TestMedia;
import cn.hnsw.video.support.TestMedia.Sprite;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The analysis task engine through HTTP on the real database, broker outbox and object storage, with FFmpeg decoding
 * generated clips of known content and the real detectors: one shape (kind settings, feeds, services, tasks,
 * instructions, progress, slices, findings, anomalies, statistics, export) for behaviours, picture faults and faces.
 */
@ServiceIntegrationTest
class AnalysisTaskIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final TestTokens tokens = TestTokens.issuer();
    private final String officer = tokens.user("zhang.wei", "customs-officer").mint();
    private final String admin = tokens.user("zhao.min", "platform-admin").mint();

    private JsonNode await(ApiClient api, String taskId) throws InterruptedException {
        long until = System.currentTimeMillis() + 240_000;
        while (true) {
            Reply t = api.get("/analysis-tasks/" + taskId, officer);
            assertThat(t.status()).isEqualTo(200);
            String s = t.text("status");
            if (!s.equals("QUEUED") && !s.equals("RUNNING") && !s.equals("SCHEDULED")) {
                return t.body();
            }
            assertThat(System.currentTimeMillis()).as("task %s still %s", taskId, s).isLessThan(until);
            Thread.sleep(200);
        }
    }

    private List<JsonNode> findings(ApiClient api, String taskId) {
        Reply r = api.get("/analysis-findings?size=200&taskId=" + taskId, officer);
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.body().get("content").forEach(out::add);
        return out;
    }

    private String upload(ApiClient api, String kind, Path clip) throws Exception {
        Reply f = api.multipart("/analysis-feeds/uploads", officer, clip.getFileName().toString(),
                Files.readAllBytes(clip), Map.of("kind", kind));
        assertThat(f.status()).as(f.body().toString()).isEqualTo(201);
        assertThat(f.text("protocol")).isEqualTo("FILE");
        return f.text("id");
    }

    private String service(ApiClient api, String kind, String detector, double fps) {
        Reply s = api.post("/analysis-services", admin, Map.of("kind", kind, "name", kind + " 服务", "detector", detector,
                "sampleFps", fps));
        assertThat(s.status()).as(s.body().toString()).isEqualTo(201);
        return s.text("id");
    }

    private String task(ApiClient api, String kind, String serviceId, String feedId, Map<String, Object> instruction,
            boolean start) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "name", kind + " 任务", "serviceId", serviceId,
                "feedId", feedId, "maxSeconds", 60, "start", start));
        if (instruction != null) {
            body.put("instruction", instruction);
        }
        Reply t = api.post("/analysis-tasks", officer, body);
        assertThat(t.status()).as(t.body().toString()).isEqualTo(201);
        return t.text("id");
    }

    @Test
    void aRunningDetectionTaskFindsTheRunnerKeepsSlicesAndFollowsItsInstructionWhileAQuietVideoRaisesNothing(
            @TempDir Path tmp) throws Exception {
        ApiClient api = new ApiClient(port);
        String enterprise = tokens.user("li.na", "enterprise-declarant").enterprise("91460000MA5T0XXA1B").mint();
        Path running = TestMedia.clip(tmp.resolve("run.mp4"), BehaviorAnalyzerTest.W, BehaviorAnalyzerTest.H, 10, 45,
                i -> BehaviorAnalyzerTest.frame(i < 20 ? List.of(new Figure(20 + i * 3.2, 70))
                        : List.of(new Figure(20 + i * 3.2, 70), new Figure(Math.min(310, 10 + (i - 20) * 19.2), 120)),
                        null, i).toBufferedImage());
        Path quiet = TestMedia.clip(tmp.resolve("quiet.mp4"), BehaviorAnalyzerTest.W, BehaviorAnalyzerTest.H, 10, 60,
                i -> BehaviorAnalyzerTest.frame(List.of(new Figure(20 + i * 3.2, 70)), null, i).toBufferedImage());

        // 流类型管理 and 存储管理: administrators only
        assertThat(api.put("/analysis-kinds/RUNNING/storage", officer, Map.of("keepSlices", true, "sliceSeconds", 2,
                "retentionDays", 7)).status()).isEqualTo(403);
        Reply storage = api.put("/analysis-kinds/RUNNING/storage", admin, Map.of("keepSlices", true, "sliceSeconds", 2,
                "retentionDays", 7));
        assertThat(storage.status()).as(storage.body().toString()).isEqualTo(200);
        assertThat(storage.body().get("keepSlices").asBoolean()).isTrue();
        assertThat(api.put("/analysis-kinds/RUNNING/storage", admin, Map.of("keepSlices", true, "sliceSeconds", 1,
                "retentionDays", 7)).status()).isEqualTo(400);
        Reply types = api.put("/analysis-kinds/RUNNING/stream-types", admin, Map.of("streamTypes", List.of("FILE", "RTSP")));
        assertThat(types.status()).isEqualTo(200);
        assertThat(api.put("/analysis-kinds/RUNNING/stream-types", admin, Map.of("streamTypes", List.of("TELNET")))
                .status()).isEqualTo(400);
        Reply kinds = api.get("/analysis-kinds", officer);
        assertThat(kinds.body()).hasSize(AnalysisKind.values().length);
        assertThat(api.get("/analysis-kinds/NOPE", officer).text("code")).isEqualTo("ANALYSIS_KIND_INVALID");

        // 服务新增: the detector must be the kind's; administrators only
        assertThat(api.post("/analysis-services", officer, Map.of("kind", "RUNNING", "name", "x", "detector",
                "BEHAVIOR_ANALYZER", "sampleFps", 10)).status()).isEqualTo(403);
        Reply wrong = api.post("/analysis-services", admin, Map.of("kind", "RUNNING", "name", "x", "detector",
                "IMAGE_QUALITY_DIAGNOSER", "sampleFps", 10));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text("code")).isEqualTo("DETECTOR_INVALID");
        String serviceId = service(api, "RUNNING", "BEHAVIOR_ANALYZER", 10);
        Reply changedService = api.put("/analysis-services/" + serviceId, admin, Map.of("name", "异常奔跑检测服务",
                "sampleFps", 10, "enabled", true));
        assertThat(changedService.body().get("version").asInt()).isEqualTo(2);
        assertThat(api.get("/analysis-services?kind=RUNNING", officer).body().findValuesAsText("id")).contains(serviceId);

        // 接入数据源: uploads, a stream of an allowed type; a refused type or address changes nothing
        String runFeed = upload(api, "RUNNING", running);
        String quietFeed = upload(api, "RUNNING", quiet);
        long feedsBefore = jdbc.queryForObject("SELECT count(*) FROM analysis_feed", Long.class);
        Reply hls = api.post("/analysis-feeds", officer, Map.of("kind", "RUNNING", "name", "T2 出口", "protocol", "HLS",
                "sourceUrl", "http://10.1.2.3/live/t2.m3u8"));
        assertThat(hls.status()).isEqualTo(400);
        assertThat(hls.text("code")).isEqualTo("STREAM_TYPE_NOT_ALLOWED");
        Reply badUrl = api.post("/analysis-feeds", officer, Map.of("kind", "RUNNING", "name", "T2 出口", "protocol",
                "RTSP", "sourceUrl", "http://10.1.2.3/live"));
        assertThat(badUrl.text("code")).isEqualTo("SOURCE_URL_INVALID");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM analysis_feed", Long.class)).isEqualTo(feedsBefore);
        Reply rtsp = api.post("/analysis-feeds", officer, Map.of("kind", "RUNNING", "name", "海口美兰机场 T2 出口",
                "protocol", "RTSP", "sourceUrl", "rtsp://10.1.2.3:554/t2"));
        assertThat(rtsp.status()).isEqualTo(201);
        Reply renamed = api.put("/analysis-feeds/" + rtsp.text("id"), officer, Map.of("name", "T2 出口 2 号",
                "sourceUrl", "rtsp://10.1.2.4:554/t2", "enabled", false));
        assertThat(renamed.text("name")).isEqualTo("T2 出口 2 号");
        assertThat(renamed.text("sourceUrl")).isEqualTo("rtsp://10.1.2.4:554/t2");
        assertThat(renamed.body().get("enabled").asBoolean()).isFalse();
        assertThat(api.delete("/analysis-feeds/" + rtsp.text("id"), officer).status()).isEqualTo(204);
        assertThat(api.get("/analysis-feeds/" + rtsp.text("id"), officer).status()).isEqualTo(404);
        assertThat(api.get("/analysis-feeds?kind=RUNNING&size=200", officer).body().get("content")
                .findValuesAsText("id")).contains(runFeed, quietFeed);

        // 指令: keys of another family and values out of range are refused
        Reply foreign = api.post("/analysis-tasks", officer, Map.of("kind", "RUNNING", "name", "x", "serviceId",
                serviceId, "feedId", runFeed, "instruction", Map.of("BLUR", 10)));
        assertThat(foreign.text("code")).isEqualTo("INSTRUCTION_INVALID");
        Reply range = api.post("/analysis-tasks", officer, Map.of("kind", "RUNNING", "name", "x", "serviceId",
                serviceId, "feedId", runFeed, "instruction", Map.of("runningSpeed", 99)));
        assertThat(range.text("code")).isEqualTo("INSTRUCTION_INVALID");

        // 任务新增 and run: the runner is found, nothing else; an alert through the outbox; slices kept
        String runTask = task(api, "RUNNING", serviceId, runFeed, Map.of("crowdCount", 3), true);
        JsonNode done = await(api, runTask);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(done.get("frames").asInt()).isGreaterThan(30);
        assertThat(done.get("durationMs").asLong()).isBetween(4000L, 5000L);
        List<JsonNode> found = findings(api, runTask);
        assertThat(found).extracting(f -> f.get("code").asText()).containsOnly("RUNNING").isNotEmpty();
        String alertId = found.get(0).get("alertId").asText();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE aggregate_id = ?", Integer.class,
                alertId)).isEqualTo(1);
        Reply slices = api.get("/analysis-tasks/" + runTask + "/slices", officer);
        assertThat(slices.body().size()).isGreaterThanOrEqualTo(2);
        JsonNode first = slices.body().get(0);
        Reply mp4 = api.get("/analysis-tasks/" + runTask + "/slices/1/" + first.get("seq").asInt(), officer);
        assertThat(mp4.status()).isEqualTo(200);
        assertThat(new String(mp4.raw(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        Reply at = api.get("/analysis-tasks/" + runTask + "/slices?atMs=3000", officer);
        assertThat(at.body().get(0).get("startMs").asLong()).isLessThanOrEqualTo(3000);
        assertThat(at.body().get(0).get("endMs").asLong()).isGreaterThanOrEqualTo(3000);
        assertThat(api.get("/analysis-tasks/" + runTask + "/slices?atMs=999999", officer).status()).isEqualTo(404);

        String quietTask = task(api, "RUNNING", serviceId, quietFeed, null, true);
        assertThat(await(api, quietTask).get("status").asText()).isEqualTo("DONE");
        assertThat(findings(api, quietTask)).isEmpty();

        // 指令修改/查询/监控: a new version, applied at the next run; a runner below the new speed is not one
        Reply ins = api.put("/analysis-tasks/" + runTask + "/instruction", officer, Map.of("runningSpeed", 5));
        assertThat(ins.body().get("version").asInt()).isEqualTo(2);
        assertThat(ins.body().get("applied").asBoolean()).isFalse();
        assertThat(ins.body().get("effective").get("behaviorRules").get("runningSpeed").asDouble()).isEqualTo(5.0);
        assertThat(api.post("/analysis-tasks/" + runTask + "/runs", officer, Map.of()).status()).isEqualTo(200);
        JsonNode second = await(api, runTask);
        assertThat(second.get("runs").asInt()).isEqualTo(2);
        assertThat(api.get("/analysis-tasks/" + runTask + "/instruction", officer).body().get("applied").asBoolean())
                .isTrue();
        assertThat(findings(api, runTask)).allMatch(f -> f.get("run").asInt() == 1);
        Reply cleared = api.delete("/analysis-tasks/" + runTask + "/instruction", officer);
        assertThat(cleared.body().get("instruction")).isEmpty();
        assertThat(cleared.body().get("effective").get("behaviorRules").get("runningSpeed").asDouble()).isEqualTo(0.35);

        // 结果处置: once
        String findingId = found.get(0).get("id").asText();
        Reply handled = api.post("/analysis-findings/" + findingId + "/handling", officer, Map.of("result", "CONFIRMED",
                "note", "现场核实：旅客赶航班"));
        assertThat(handled.text("status")).isEqualTo("HANDLED");
        assertThat(handled.text("handledBy")).isEqualTo("zhang.wei");
        assertThat(api.post("/analysis-findings/" + findingId + "/handling", officer, Map.of("result", "IGNORED"))
                .status()).isEqualTo(409);

        // 统计 and 导出
        Reply stats = api.get("/analysis-statistics?kind=RUNNING", officer);
        assertThat(stats.body().get("findingsByCode").findValuesAsText("code")).contains("RUNNING");
        assertThat(stats.body().get("findingsByStatus").findValuesAsText("code")).contains("HANDLED");
        Reply csv = api.get("/analysis-findings/export?kind=RUNNING&taskId=" + runTask, officer);
        String text = new String(csv.raw(), StandardCharsets.UTF_8);
        assertThat(text).contains("异常奔跑", alertId, "CONFIRMED");
        assertThat(text.lines().count()).isEqualTo(1 + found.size());

        // 任务修改/删除; what a task uses cannot be deleted; an enterprise user sees nothing of it
        Reply renamedTask = api.put("/analysis-tasks/" + quietTask, officer, Map.of("name", "T2 出口静默对照",
                "serviceId", serviceId, "feedId", quietFeed, "maxSeconds", 30));
        assertThat(renamedTask.text("name")).isEqualTo("T2 出口静默对照");
        assertThat(api.delete("/analysis-services/" + serviceId, admin).text("code")).isEqualTo("ANALYSIS_SERVICE_IN_USE");
        assertThat(api.delete("/analysis-feeds/" + quietFeed, officer).text("code")).isEqualTo("ANALYSIS_FEED_IN_USE");
        assertThat(api.delete("/analysis-tasks/" + quietTask, officer).status()).isEqualTo(204);
        assertThat(api.get("/analysis-tasks/" + quietTask, officer).status()).isEqualTo(404);
        assertThat(api.delete("/analysis-feeds/" + quietFeed, officer).status()).isEqualTo(204);
        assertThat(api.get("/analysis-tasks?kind=RUNNING", enterprise).status()).isEqualTo(403);
        assertThat(api.get("/analysis-findings/" + findingId, enterprise).status()).isEqualTo(403);
    }

    /** A valid instruction key and value of each family. */
    private static Map<String, Object> instructionOf(AnalysisKind kind) {
        return switch (kind.family()) {
            case FACE -> Map.of("minFaceSide", 60);
            case FUSION -> Map.of("clusterDistance", 0.45);
            case BEHAVIOR -> Map.of("loiterSeconds", 20);
            case DIAGNOSIS -> Map.of("BLUR", 300);
            case PLATE -> Map.of("plateIntervalMs", 500);
        };
    }

    @ParameterizedTest
    @EnumSource(AnalysisKind.class)
    void everyKindHasTheSameManagementShape(AnalysisKind kind) {
        ApiClient api = new ApiClient(port);
        String k = kind.name();
        Reply view = api.get("/analysis-kinds/" + k, officer);
        assertThat(view.text("nameZh")).isEqualTo(kind.nameZh());
        assertThat(view.text("detector")).isEqualTo(kind.family().detector());
        // 流类型管理 and 存储管理
        assertThat(api.put("/analysis-kinds/" + k + "/stream-types", officer, Map.of("streamTypes", List.of("RTSP")))
                .status()).isEqualTo(403);
        Reply types = api.put("/analysis-kinds/" + k + "/stream-types", admin, Map.of("streamTypes",
                List.of("RTSP", "FILE", "NON_STANDARD", "GB28181")));
        assertThat(types.body().get("streamTypes")).hasSize(4);
        Reply storage = api.put("/analysis-kinds/" + k + "/storage", admin, Map.of("keepSlices", false,
                "sliceSeconds", 10, "retentionDays", 90));
        assertThat(storage.body().get("retentionDays").asInt()).isEqualTo(90);

        // 接入数据源新增/修改/查询
        Reply feed = api.post("/analysis-feeds", officer, Map.of("kind", k, "name", "三亚凤凰机场 国内出发 " + k,
                "protocol", "GB28181", "sourceUrl", "rtsp://10.20.0.8:554/34020000001320000001"));
        assertThat(feed.status()).as(feed.body().toString()).isEqualTo(201);
        String feedId = feed.text("id");
        assertThat(api.put("/analysis-feeds/" + feedId, officer, Map.of("name", "国内出发 1 号", "enabled", true))
                .text("name")).isEqualTo("国内出发 1 号");
        assertThat(api.get("/analysis-feeds?size=200&kind=" + k, officer).body().get("content").findValuesAsText("id"))
                .contains(feedId);

        // 服务新增/修改/查询
        String serviceId = service(api, k, kind.family().detector(), 5);
        Reply changed = api.put("/analysis-services/" + serviceId, admin, Map.of("sampleFps", 8, "enabled", true));
        assertThat(changed.body().get("sampleFps").asDouble()).isEqualTo(8.0);
        assertThat(api.get("/analysis-services/" + serviceId, officer).body().get("version").asInt()).isEqualTo(2);
        assertThat(api.get("/analysis-services?kind=" + k, officer).body().findValuesAsText("id")).contains(serviceId);
        // a feed or service of another kind does not fit the task
        AnalysisKind other = kind == AnalysisKind.BLUR ? AnalysisKind.CROWD : AnalysisKind.BLUR;
        Reply otherFeed = api.post("/analysis-feeds", officer, Map.of("kind", other.name(), "name", "其他",
                "protocol", "RTSP", "sourceUrl", "rtsp://10.20.0.9:554/x"));
        Reply mismatch = api.post("/analysis-tasks", officer, Map.of("kind", k, "name", "x", "serviceId", serviceId,
                "feedId", otherFeed.text("id")));
        assertThat(mismatch.text("code")).isEqualTo("KIND_MISMATCH");

        // 任务新增/修改/查询 (a task at a time to come waits as SCHEDULED), 指令查询/修改/删除, 取消, 删除
        Reply created = api.post("/analysis-tasks", officer, Map.of("kind", k, "name", k + " 布设", "serviceId",
                serviceId, "feedId", feedId, "instruction", instructionOf(kind), "startAt",
                Instant.now().plusSeconds(86_400).toString()));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("SCHEDULED");
        String taskId = created.text("id");
        Reply modified = api.put("/analysis-tasks/" + taskId, officer, Map.of("name", k + " 布设（调整）", "serviceId",
                serviceId, "feedId", feedId, "maxSeconds", 120));
        assertThat(modified.text("status")).isEqualTo("CREATED");
        assertThat(modified.body().get("maxSeconds").asInt()).isEqualTo(120);
        assertThat(api.get("/analysis-tasks?size=200&kind=" + k, officer).body().get("content").findValuesAsText("id"))
                .contains(taskId);
        Reply ins = api.get("/analysis-tasks/" + taskId + "/instruction", officer);
        assertThat(ins.body().get("instruction").size()).isEqualTo(1);
        assertThat(ins.body().get("applied").asBoolean()).isFalse();
        Reply ins2 = api.put("/analysis-tasks/" + taskId + "/instruction", officer, instructionOf(kind));
        assertThat(ins2.body().get("version").asInt()).isEqualTo(2);
        assertThat(api.delete("/analysis-tasks/" + taskId + "/instruction", officer).body().get("version").asInt())
                .isEqualTo(3);
        Reply rescheduled = api.put("/analysis-tasks/" + taskId, officer, Map.of("serviceId", serviceId, "feedId", feedId,
                "startAt", Instant.now().plusSeconds(86_400).toString()));
        assertThat(rescheduled.text("status")).isEqualTo("SCHEDULED");
        assertThat(api.post("/analysis-tasks/" + taskId + "/cancellation", officer, Map.of()).text("status"))
                .isEqualTo("CANCELLED");
        assertThat(api.delete("/analysis-tasks/" + taskId, officer).status()).isEqualTo(204);

        // 服务删除, 接入数据源删除 once nothing uses them
        assertThat(api.delete("/analysis-services/" + serviceId, officer).status()).isEqualTo(403);
        assertThat(api.delete("/analysis-services/" + serviceId, admin).status()).isEqualTo(204);
        assertThat(api.get("/analysis-services/" + serviceId, officer).status()).isEqualTo(404);
        assertThat(api.delete("/analysis-feeds/" + feedId, officer).status()).isEqualTo(204);
        assertThat(api.delete("/analysis-feeds/" + otherFeed.text("id"), officer).status()).isEqualTo(204);
    }

    static BufferedImage blurred(int i) {
        int w = ImageQualityDiagnoserTest.W;
        int h = ImageQualityDiagnoserTest.H;
        BufferedImage small = new BufferedImage(w / 8, h / 8, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(ImageQualityDiagnoserTest.clean(i), 0, 0, w / 8, h / 8, null);
        g.dispose();
        BufferedImage out = new BufferedImage(w & ~1, h & ~1, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D o = out.createGraphics();
        o.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        o.drawImage(small, 0, 0, w, h, null);
        o.dispose();
        return out;
    }

    static BufferedImage sharp(int i) {
        BufferedImage c = ImageQualityDiagnoserTest.clean(i);
        return c.getSubimage(0, 0, c.getWidth() & ~1, c.getHeight() & ~1);
    }

    @Test
    void aBlurTaskFindsTheBlurredVideoAndAnUnreadableFileRaisesAnAnomalyThatIsRetriedAndClosed(@TempDir Path tmp)
            throws Exception {
        ApiClient api = new ApiClient(port);
        ImageQualityDiagnoserTest.load();
        int w = ImageQualityDiagnoserTest.W & ~1;
        int h = ImageQualityDiagnoserTest.H & ~1;
        Path blurry = TestMedia.clip(tmp.resolve("blurry.mp4"), w, h, 5, 10, AnalysisTaskIT::blurred);
        Path clean = TestMedia.clip(tmp.resolve("clean.mp4"), w, h, 5, 10, AnalysisTaskIT::sharp);
        String serviceId = service(api, "BLUR", "IMAGE_QUALITY_DIAGNOSER", 5);

        String blurTask = task(api, "BLUR", serviceId, upload(api, "BLUR", blurry), null, true);
        // 定时: a task given a start time waits as SCHEDULED and starts by itself
        Reply scheduled = api.post("/analysis-tasks", officer, Map.of("kind", "BLUR", "name", "清晰对照", "serviceId",
                serviceId, "feedId", upload(api, "BLUR", clean), "startAt", Instant.now().plusSeconds(2).toString()));
        assertThat(scheduled.text("status")).isEqualTo("SCHEDULED");
        String cleanTask = scheduled.text("id");
        assertThat(await(api, blurTask).get("status").asText()).isEqualTo("DONE");
        List<JsonNode> found = findings(api, blurTask);
        assertThat(found).extracting(f -> f.get("code").asText()).containsExactly("BLUR");
        assertThat(found.get(0).get("detail").get("measures").get("laplacianVariance").asDouble()).isLessThan(400);
        assertThat(await(api, cleanTask).get("status").asText()).isEqualTo("DONE");
        assertThat(findings(api, cleanTask)).isEmpty();

        // the instruction's threshold over the standard: a clean picture is "blurred" below an absurd threshold
        Reply strict = api.put("/analysis-tasks/" + cleanTask + "/instruction", officer, Map.of("BLUR", 1_000_000));
        assertThat(strict.body().get("effective").get("BLUR").asDouble()).isEqualTo(1_000_000.0);
        api.post("/analysis-tasks/" + cleanTask + "/runs", officer, Map.of());
        assertThat(await(api, cleanTask).get("status").asText()).isEqualTo("DONE");
        assertThat(findings(api, cleanTask)).extracting(f -> f.get("code").asText()).containsExactly("BLUR");

        // 存储任务异常预警/处置: an unreadable file fails the task with an anomaly and an alert; retry, then close
        Path junk = Files.writeString(tmp.resolve("junk.mp4"), "not a video");
        String junkTask = task(api, "BLUR", serviceId, upload(api, "BLUR", junk), null, true);
        JsonNode failed = await(api, junkTask);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("anomaly").asText()).isEqualTo("OPEN");
        assertThat(failed.get("errorZh").asText()).contains("视频无法解码");
        String anomalyAlert = failed.get("anomalyAlertId").asText();
        assertThat(jdbc.queryForObject("SELECT envelope::text FROM event_outbox WHERE aggregate_id = ?", String.class,
                anomalyAlert)).contains("analysis-task-anomaly");
        Reply retry = api.post("/analysis-tasks/" + junkTask + "/anomaly-handling", officer, Map.of("action", "RETRY"));
        assertThat(retry.status()).as(retry.body().toString()).isEqualTo(200);
        JsonNode again = await(api, junkTask);
        assertThat(again.get("runs").asInt()).isEqualTo(2);
        assertThat(again.get("anomaly").asText()).isEqualTo("OPEN");
        assertThat(again.get("anomalyAlertId").asText()).isNotEqualTo(anomalyAlert);
        Reply close = api.post("/analysis-tasks/" + junkTask + "/anomaly-handling", officer, Map.of("action", "CLOSE",
                "note", "文件损坏，已通知上传人重新导入"));
        assertThat(close.text("anomaly")).isEqualTo("HANDLED");
        assertThat(close.text("anomalyHandledBy")).isEqualTo("zhang.wei");
        assertThat(api.post("/analysis-tasks/" + junkTask + "/anomaly-handling", officer, Map.of("action", "CLOSE"))
                .text("code")).isEqualTo("NO_ANOMALY");

        // 服务停用: a disabled service starts nothing
        api.put("/analysis-services/" + serviceId, admin, Map.of("sampleFps", 5, "enabled", false));
        assertThat(api.post("/analysis-tasks/" + blurTask + "/runs", officer, Map.of()).text("code"))
                .isEqualTo("ANALYSIS_SERVICE_DISABLED");
    }

    @Test
    void faceTasksCheckEveryFaceAgainstTheFaceBaseLibraryAndFusionMergesTheSamePerson(@TempDir Path tmp)
            throws Exception {
        ApiClient api = new ApiClient(port);
        // faces no other test enrols or tracks (their trajectories and searches stay their own)
        RgbImage group6 = TestMedia.sample("sample6");
        BufferedImage personA = TestMedia.isolated(group6, 1081, 297, 321, 286);
        BufferedImage personB = TestMedia.isolated(group6, 1447, 301, 306, 282);
        String photo = Base64.getEncoder().encodeToString(TestMedia.jpeg(personA));
        Reply enrolled = api.post("/face-base-records", officer, Map.of("personCode", "P4601001990TASK01", "name",
                "王某某", "idNo", "460100199001010038", "source", "一人一码", "photoBase64", photo));
        assertThat(enrolled.status()).as(enrolled.body().toString()).isEqualTo(201);
        // every record of this face in the library (another test may have enrolled the same photograph)
        Reply same = api.post("/identity-checks", officer, Map.of("photoBase64", photo, "topK", 20, "exact", true));
        Set<String> sameFace = new HashSet<>();
        same.body().forEach(c -> {
            if (c.get("match").asBoolean()) {
                sameFace.add(c.get("faceBaseRecordId").asText());
            }
        });
        assertThat(sameFace).contains(enrolled.text("id"));

        Path clip = TestMedia.clip(tmp.resolve("hall.mp4"), 1280, 720, 10, 20, List.of(
                new Sprite(TestMedia.variant(personA, 0.7, 1.1f), i -> new int[] {40, 200}),
                new Sprite(TestMedia.variant(personA, 0.55, 0.9f), i -> new int[] {480, 260}),
                new Sprite(TestMedia.variant(personB, 0.7, 1.0f), i -> new int[] {880, 200})));

        // 人像解析: each face stored, described, checked against the face base library
        String portraitService = service(api, "PORTRAIT", "FACE_PIPELINE", 5);
        String portraitTask = task(api, "PORTRAIT", portraitService, upload(api, "PORTRAIT", clip), null, true);
        assertThat(await(api, portraitTask).get("status").asText()).isEqualTo("DONE");
        List<JsonNode> faces = findings(api, portraitTask);
        assertThat(faces).isNotEmpty();
        List<JsonNode> matched = faces.stream().filter(f -> f.get("code").asText().equals("FACE_MATCHED")).toList();
        assertThat(matched).isNotEmpty();
        assertThat(matched).allMatch(f -> sameFace.contains(f.get("faceRecordId").asText()));
        assertThat(matched).allMatch(f -> f.get("box") == null && f.get("detail").get("box").get(0).asDouble() < 800);
        assertThat(faces.get(0).get("detail").get("attributes").has("gender")).isTrue();
        Reply snapshot = api.get("/analysis-findings/" + faces.get(0).get("id").asText() + "/snapshot", officer);
        assertThat(snapshot.status()).isEqualTo(200);
        assertThat(snapshot.raw()[0] & 0xff).isEqualTo(0xff);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM face_capture WHERE id = ?::uuid", Integer.class,
                faces.get(0).get("captureId").asText())).isEqualTo(1);

        // 以图搜脸: bound to the enrolled record, only A's faces are found; a record that does not exist is refused
        String searchService = service(api, "FACE_SEARCH", "FACE_PIPELINE", 5);
        String searchFeed = upload(api, "FACE_SEARCH", clip);
        assertThat(api.post("/analysis-tasks", officer, Map.of("kind", "FACE_SEARCH", "name", "x", "serviceId",
                searchService, "feedId", searchFeed, "instruction", Map.of("probeRecordId", "not-a-record"))).text("code"))
                .isEqualTo("INSTRUCTION_INVALID");
        assertThat(api.post("/analysis-tasks", officer, Map.of("kind", "FACE_SEARCH", "name", "x", "serviceId",
                searchService, "feedId", searchFeed, "instruction", Map.of("probeRecordId",
                        java.util.UUID.randomUUID().toString()))).text("code")).isEqualTo("FACE_RECORD_NOT_FOUND");
        String searchTask = task(api, "FACE_SEARCH", searchService, searchFeed,
                Map.of("probeRecordId", enrolled.text("id")), true);
        assertThat(await(api, searchTask).get("status").asText()).isEqualTo("DONE");
        List<JsonNode> searched = findings(api, searchTask);
        assertThat(searched).extracting(f -> f.get("code").asText()).contains("PROBE_MATCH");
        assertThat(searched).filteredOn(f -> f.get("detail").get("box").get(0).asDouble() >= 800).isNotEmpty()
                .allMatch(f -> f.get("code").asText().equals("FACE"));
        assertThat(searched).filteredOn(f -> f.get("code").asText().equals("PROBE_MATCH"))
                .allMatch(f -> f.get("detail").get("box").get(0).asDouble() < 800);
        assertThat(api.get("/analysis-tasks/" + searchTask + "/instruction", officer).body().get("effective")
                .get("probeRecordId").asText()).isEqualTo(enrolled.text("id"));

        // 算法融合: the same faces, merged by person: both shots of A in one cluster, B in another
        String fusionService = service(api, "FUSION", "FUSION", 5);
        String fusionTask = task(api, "FUSION", fusionService, upload(api, "FUSION", clip), null, true);
        assertThat(await(api, fusionTask).get("status").asText()).isEqualTo("DONE");
        List<JsonNode> fused = findings(api, fusionTask).stream().filter(f -> f.get("family").asText().equals("FACE"))
                .toList();
        Map<String, Set<Integer>> clusterBySprite = new HashMap<>();
        for (JsonNode f : fused) {
            double x = f.get("detail").get("box").get(0).asDouble();
            String sprite = x < 400 ? "A1" : x < 800 ? "A2" : "B";
            clusterBySprite.computeIfAbsent(sprite, k -> new HashSet<>()).add(f.get("clusterNo").asInt());
        }
        assertThat(clusterBySprite.keySet()).as(fused.toString()).containsExactlyInAnyOrder("A1", "A2", "B");
        assertThat(clusterBySprite.get("A1")).hasSize(1).isEqualTo(clusterBySprite.get("A2"));
        assertThat(clusterBySprite.get("B")).hasSize(1).doesNotContainAnyElementsOf(clusterBySprite.get("A1"));
    }

    @Test
    void aVehicleControlTaskReadsEachPlateOfAnUploadedVideoOnce(@TempDir Path tmp) throws Exception {
        ApiClient api = new ApiClient(port);
        BufferedImage scene;
        try (var in = AnalysisTaskIT.class.getResourceAsStream("/plates/qiong-b6d789.jpg")) {
            scene = javax.imageio.ImageIO.read(in);
        }
        BufferedImage even = scene.getSubimage(0, 0, scene.getWidth() & ~1, scene.getHeight() & ~1);
        Path clip = TestMedia.clip(tmp.resolve("gate.mp4"), even.getWidth(), even.getHeight(), 2, 6, i -> even);
        String serviceId = service(api, "VEHICLE_CONTROL", "PLATE_READER", 2);
        String taskId = task(api, "VEHICLE_CONTROL", serviceId, upload(api, "VEHICLE_CONTROL", clip),
                Map.of("plateIntervalMs", 1000), true);
        JsonNode done = await(api, taskId);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        List<JsonNode> found = findings(api, taskId);
        assertThat(found).as(found.toString()).hasSize(1);
        assertThat(found.get(0).get("code").asText()).isEqualTo("PLATE");
        assertThat(found.get(0).get("detail").get("plateNumber").asText()).isEqualTo("琼B6D789");
        assertThat(found.get(0).get("snapshotKey").asText()).isNotBlank();
        assertThat(api.get("/analysis-findings/" + found.get(0).get("id").asText() + "/snapshot", officer).status())
                .isEqualTo(200);
    }

    /**
     * 重点旅客布控 as a work mode of the engine: an approved key-passenger watch-list on a camera, a video of that camera
     * analysed by a key-passenger control task; the face found is matched and its alert reaches the bound officer
     * (only him: the officer who ran the task is not bound to the control).
     */
    @Test
    void aKeyPassengerControlTaskOnACamerasVideoRaisesTheWatchListAlert(@TempDir Path tmp) throws Exception {
        ApiClient api = new ApiClient(port);
        String reviewer = tokens.user("li.qiang", "customs-reviewer").organization("/haikou-customs").mint();
        BufferedImage person = TestMedia.isolated(TestMedia.sample("sample6"), 592, 393, 286, 259);
        Reply enrolled = api.post("/face-base-records", officer, Map.of("personCode", "P4601001990TASK02", "name",
                "黄某某", "idNo", "460100199001010054", "source", "一人一码", "photoBase64",
                Base64.getEncoder().encodeToString(TestMedia.jpeg(person))));
        assertThat(enrolled.status()).as(enrolled.body().toString()).isEqualTo(201);
        Reply camera = api.post("/cameras", officer, Map.of("deviceCode", "46010000001320000315", "name",
                "美兰机场国内出发重点旅客通道", "cameraType", "FACE_CAPTURE", "protocol", "FILE", "sourceUrl", "/dev/null",
                "portCode", "HAK"));
        assertThat(camera.status()).as(camera.body().toString()).isEqualTo(201);
        String cameraId = camera.text("id");
        Reply control = api.post("/watchlist-tasks", officer, Map.of("name", "重点旅客布控-黄某某", "kind", "KEY_PASSENGER",
                "maxDistance", 0.6, "cameraIds", List.of(cameraId), "officers", List.of("lin.feng"), "instruction",
                "发现后通知现场关员", "targets", List.of(Map.of("faceBaseRecordId", enrolled.text("id")))));
        assertThat(control.status()).as(control.body().toString()).isEqualTo(201);
        // 布控任务修改: before review, by its submitter only
        String colleague = tokens.user("wu.gang", "customs-officer").mint();
        String controlPath = "/watchlist-tasks/" + control.text("id");
        assertThat(api.put(controlPath, colleague, Map.of("name", "x")).status()).isEqualTo(403);
        Reply revised = api.put(controlPath, officer, Map.of("name", "重点旅客布控-黄某某（修订）", "maxDistance", 0.55,
                "instruction", "发现后通知现场关员并留存影像"));
        assertThat(revised.status()).as(revised.body().toString()).isEqualTo(200);
        assertThat(revised.text("name")).isEqualTo("重点旅客布控-黄某某（修订）");
        // 布控指令查询: the revised instruction is what the task now reads
        assertThat(api.get(controlPath, colleague).text("instruction")).isEqualTo("发现后通知现场关员并留存影像");
        assertThat(api.get(controlPath + "/history", officer).body().findValuesAsText("action")).contains("REVISED");
        assertThat(api.post(controlPath + "/review", reviewer, Map.of("approve", true)).text("status"))
                .isEqualTo("ACTIVE");
        assertThat(api.put(controlPath, officer, Map.of("name", "y")).status()).isEqualTo(409);
        assertThat(api.get(controlPath + "/monitoring", officer).body().get("hits").asLong()).isZero();
        // a list of another kind (人脸基础信息库布控) over the same person and camera: the key-passenger work mode does
        // not answer for it
        Reply other = api.post("/watchlist-tasks", officer, Map.of("name", "人脸基础库布控-黄某某", "kind", "FACE_BASE",
                "maxDistance", 0.6, "cameraIds", List.of(cameraId), "officers", List.of("lin.feng"),
                "targets", List.of(Map.of("faceBaseRecordId", enrolled.text("id")))));
        assertThat(other.status()).as(other.body().toString()).isEqualTo(201);
        String otherPath = "/watchlist-tasks/" + other.text("id");
        assertThat(api.post(otherPath + "/review", reviewer, Map.of("approve", true)).text("status"))
                .isEqualTo("ACTIVE");

        Path clip = TestMedia.clip(tmp.resolve("key.mp4"), 1280, 720, 10, 20, List.of(
                new Sprite(TestMedia.variant(person, 0.7, 1.05f), i -> new int[] {100 + i * 10, 200})));
        Reply feed = api.multipart("/analysis-feeds/uploads", officer, "key.mp4", Files.readAllBytes(clip),
                Map.of("kind", "KEY_PASSENGER_CONTROL", "cameraId", cameraId));
        assertThat(feed.status()).as(feed.body().toString()).isEqualTo(201);
        assertThat(feed.text("cameraId")).isEqualTo(cameraId);
        String serviceId = service(api, "KEY_PASSENGER_CONTROL", "FACE_PIPELINE", 5);
        String taskId = task(api, "KEY_PASSENGER_CONTROL", serviceId, feed.text("id"), null, true);
        assertThat(await(api, taskId).get("status").asText()).isEqualTo("DONE");
        List<String> alertIds = new ArrayList<>();
        findings(api, taskId).forEach(f -> f.get("detail").get("watchlistAlertIds").forEach(a -> alertIds.add(a.asText())));
        assertThat(alertIds).isNotEmpty();
        // the officer bound to the control (not the one who ran the task) receives it
        String bound = tokens.user("lin.feng", "customs-officer").mint();
        Reply alert = api.get("/alerts/" + alertIds.get(0), bound);
        assertThat(alert.status()).as(alert.body().toString()).isEqualTo(200);
        assertThat(alert.body().toString()).contains(control.text("id"));
        // an officer not bound to the control does not see its alert
        assertThat(api.get("/alerts/" + alertIds.get(0), colleague).status()).isEqualTo(403);
        // 布控任务监控: the hits, open, on this camera
        Reply monitoring = api.get(controlPath + "/monitoring", reviewer);
        assertThat(monitoring.body().get("hits").asLong()).isEqualTo(alertIds.size());
        assertThat(monitoring.body().get("open").asLong()).isEqualTo(alertIds.size());
        assertThat(monitoring.body().get("cameras").get(0).asText()).isEqualTo(cameraId);
        // every alert the task reported is its own kind's list's; the face-base list on the camera got no hit from it
        for (String alertId : alertIds) {
            assertThat(api.get("/alerts/" + alertId, bound).body().toString()).contains(control.text("id"))
                    .doesNotContain(other.text("id"));
        }
        assertThat(api.get(otherPath + "/monitoring", reviewer).body().get("hits").asLong()).isZero();

        // 移动单兵应用: each channel's feeds are the officer's own (add, change, list, delete)
        for (String channel : List.of("RISK_TRAVELER", "RISK_VEHICLE", "HANDLING_FEEDBACK", "MONITORING", "WATCHLIST")) {
            Reply f = api.post("/mobile/feeds", bound, Map.of("channel", channel, "name", channel + " 试用"));
            assertThat(f.status()).as(f.body().toString()).isEqualTo(201);
            String fid = f.text("id");
            assertThat(api.put("/mobile/feeds/" + fid, bound, Map.of("name", "停用", "enabled", false)).body()
                    .get("enabled").asBoolean()).isFalse();
            assertThat(api.get("/mobile/feeds?channel=" + channel, bound).body().findValuesAsText("id")).contains(fid);
            assertThat(api.get("/mobile/feeds/" + fid, colleague).status()).isEqualTo(404);
            assertThat(api.delete("/mobile/feeds/" + fid, colleague).status()).isEqualTo(404);
            assertThat(api.delete("/mobile/feeds/" + fid, bound).status()).isEqualTo(204);
        }
        // what the channels deliver: the person alert (on its camera only), the control with its instruction, the camera
        Reply traveler = api.post("/mobile/feeds", bound, Map.of("channel", "RISK_TRAVELER", "name", "重点旅客通道",
                "cameraIds", List.of(cameraId)));
        assertThat(api.get("/mobile/notifications?channel=RISK_TRAVELER", bound).body().findValuesAsText("id"))
                .contains(alertIds.get(0));
        String otherCamera = api.post("/cameras", officer, Map.of("deviceCode", "46010000001320000317", "name",
                "美兰机场国际出发通道", "cameraType", "FACE_CAPTURE", "protocol", "FILE", "sourceUrl", "/dev/null",
                "portCode", "HAK")).text("id");
        api.put("/mobile/feeds/" + traveler.text("id"), bound, Map.of("cameraIds", List.of(otherCamera), "enabled", true));
        assertThat(api.get("/mobile/notifications?channel=RISK_TRAVELER", bound).body().findValuesAsText("id"))
                .doesNotContain(alertIds.get(0));
        api.post("/mobile/feeds", bound, Map.of("channel", "RISK_VEHICLE", "name", "车辆"));
        assertThat(api.get("/mobile/notifications?channel=RISK_VEHICLE", bound).body().findValuesAsText("id"))
                .doesNotContain(alertIds.get(0));
        api.post("/mobile/feeds", bound, Map.of("channel", "WATCHLIST", "name", "AR 眼镜布控"));
        Reply controls = api.get("/mobile/notifications?channel=WATCHLIST", bound);
        assertThat(controls.body().findValuesAsText("id")).contains(control.text("id"));
        assertThat(controls.body().findValuesAsText("detail")).contains("发现后通知现场关员并留存影像");
        api.post("/mobile/feeds", bound, Map.of("channel", "MONITORING", "name", "通道画面", "cameraIds", List.of(cameraId)));
        assertThat(api.get("/mobile/notifications?channel=MONITORING", bound).body().findValuesAsText("id"))
                .containsExactly(cameraId);
        // the colleague's feed of the same channel delivers nothing of a control he is not bound to
        api.post("/mobile/feeds", colleague, Map.of("channel", "RISK_TRAVELER", "name", "全部"));
        assertThat(api.get("/mobile/notifications?channel=RISK_TRAVELER", colleague).body().findValuesAsText("id"))
                .doesNotContain(alertIds.get(0));
        // 预警处置结果反馈: once handled, the alert reaches the feedback channel with its result
        assertThat(api.post("/alerts/" + alertIds.get(0) + "/handling", bound, Map.of("result", "VERIFIED_RELEASED",
                "note", "核实为本人，放行")).status()).isEqualTo(200);
        api.post("/mobile/feeds", bound, Map.of("channel", "HANDLING_FEEDBACK", "name", "处置反馈"));
        Reply feedback = api.get("/mobile/notifications?channel=HANDLING_FEEDBACK", bound);
        assertThat(feedback.body().findValuesAsText("id")).contains(alertIds.get(0));
        assertThat(feedback.body().findValuesAsText("handlingResult")).contains("VERIFIED_RELEASED");
    }

    /** 风险分析业务模型: a model weighs a camera's findings over its window; its external service answers the level. */
    @Test
    void aRiskModelWeighsTheFindingsOfACamerasTasksIntoALevel(@TempDir Path tmp) throws Exception {
        ApiClient api = new ApiClient(port);
        Reply camera = api.post("/cameras", officer, Map.of("deviceCode", "46010000001320000316", "name",
                "秀英港旅检大厅 3 号", "cameraType", "BOX", "protocol", "FILE", "sourceUrl", "/dev/null", "portCode", "XYG"));
        assertThat(camera.status()).as(camera.body().toString()).isEqualTo(201);
        String cameraId = camera.text("id");
        Path running = TestMedia.clip(tmp.resolve("hall-run.mp4"), BehaviorAnalyzerTest.W, BehaviorAnalyzerTest.H, 10, 45,
                i -> BehaviorAnalyzerTest.frame(i < 20 ? List.of(new Figure(20 + i * 3.2, 70))
                        : List.of(new Figure(20 + i * 3.2, 70), new Figure(Math.min(310, 10 + (i - 20) * 19.2), 120)),
                        null, i).toBufferedImage());
        Reply feed = api.multipart("/analysis-feeds/uploads", officer, "hall-run.mp4", Files.readAllBytes(running),
                Map.of("kind", "RUNNING", "cameraId", cameraId));
        assertThat(feed.status()).as(feed.body().toString()).isEqualTo(201);
        String taskId = task(api, "RUNNING", service(api, "RUNNING", "BEHAVIOR_ANALYZER", 10), feed.text("id"), null, true);
        assertThat(await(api, taskId).get("status").asText()).isEqualTo("DONE");
        long runners = findings(api, taskId).stream().filter(f -> f.get("code").asText().equals("RUNNING")).count();
        assertThat(runners).isPositive();

        // 风险模型新增/修改/查询: administrators only; thresholds in order; one code once
        Map<String, Object> model = Map.of("code", "HALL-RUN-" + cameraId.substring(0, 8), "name", "旅检大厅奔跑风险",
                "windowMinutes", 60, "mediumScore", 5, "highScore", 15);
        assertThat(api.post("/risk-models", officer, model).status()).isEqualTo(403);
        Reply bad = api.post("/risk-models", admin, Map.of("code", "BAD", "name", "x", "windowMinutes", 60,
                "mediumScore", 20, "highScore", 10));
        assertThat(bad.text("code")).isEqualTo("THRESHOLD_INVALID");
        Reply created = api.post("/risk-models", admin, model);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String modelId = created.text("id");
        assertThat(api.post("/risk-models", admin, model).text("code")).isEqualTo("RISK_MODEL_CODE_TAKEN");
        Reply changed = api.put("/risk-models/" + modelId, admin, Map.of("name", "旅检大厅异常奔跑风险", "windowMinutes",
                120, "mediumScore", 5, "highScore", 15, "enabled", true));
        assertThat(changed.body().get("windowMinutes").asInt()).isEqualTo(120);
        assertThat(api.get("/risk-models", officer).body().findValuesAsText("id")).contains(modelId);

        // 风险模型接入数据源新增/修改/删除/查询
        assertThat(api.post("/risk-models/" + modelId + "/feeds", admin, Map.of("kind", "NOPE", "weight", 1))
                .text("code")).isEqualTo("ANALYSIS_KIND_INVALID");
        assertThat(api.post("/risk-models/" + modelId + "/feeds", admin, Map.of("kind", "CROWD", "weight", 0))
                .status()).isEqualTo(400);
        Reply run = api.post("/risk-models/" + modelId + "/feeds", admin, Map.of("kind", "RUNNING", "code", "RUNNING",
                "weight", 10));
        assertThat(run.status()).isEqualTo(201);
        String crowd = api.post("/risk-models/" + modelId + "/feeds", admin, Map.of("kind", "CROWD", "weight", 3))
                .text("id");
        assertThat(api.put("/risk-models/" + modelId + "/feeds/" + crowd, admin, Map.of("weight", 4)).body()
                .get("weight").asDouble()).isEqualTo(4.0);
        assertThat(api.get("/risk-models/" + modelId + "/feeds", officer).body()).hasSize(2);
        assertThat(api.delete("/risk-models/" + modelId + "/feeds/" + crowd, admin).status()).isEqualTo(204);
        assertThat(api.get("/risk-models/" + modelId + "/feeds", officer).body()).hasSize(1);

        // 风险模型对外服务新增/修改/查询/计算
        Reply service = api.post("/risk-model-services", admin, Map.of("modelId", modelId, "name", "旅客风险研判",
                "consumer", "passenger-service"));
        assertThat(service.status()).isEqualTo(201);
        String serviceId = service.text("id");
        assertThat(api.put("/risk-model-services/" + serviceId, admin, Map.of("name", "旅客风险研判服务", "enabled", true))
                .text("name")).isEqualTo("旅客风险研判服务");
        assertThat(api.get("/risk-model-services?modelId=" + modelId, officer).body().findValuesAsText("id"))
                .contains(serviceId);
        Reply assessed = api.post("/risk-model-services/" + serviceId + "/evaluations", officer,
                Map.of("cameraId", cameraId));
        assertThat(assessed.status()).as(assessed.body().toString()).isEqualTo(200);
        double score = 10.0 * runners;
        assertThat(assessed.body().get("score").asDouble()).isEqualTo(score);
        assertThat(assessed.text("level")).isEqualTo(score >= 15 ? "HIGH" : "MEDIUM");
        assertThat(assessed.body().get("contributions").get(0).get("findings").asLong()).isEqualTo(runners);
        Reply elsewhere = api.post("/risk-model-services/" + serviceId + "/evaluations", officer,
                Map.of("cameraId", java.util.UUID.randomUUID().toString()));
        assertThat(elsewhere.body().get("score").asDouble()).isZero();
        assertThat(elsewhere.text("level")).isEqualTo("LOW");
        // before the findings were made the window held none
        Reply before = api.post("/risk-model-services/" + serviceId + "/evaluations", officer,
                Map.of("cameraId", cameraId, "at", Instant.now().minusSeconds(7200).toString()));
        assertThat(before.body().get("score").asDouble()).isZero();
        assertThat(api.get("/risk-model-services/" + serviceId, officer).body().get("evaluations").asInt()).isEqualTo(3);

        // 风险模型/对外服务删除; a model with services is only disabled
        assertThat(api.delete("/risk-models/" + modelId, admin).text("code")).isEqualTo("RISK_MODEL_IN_USE");
        api.put("/risk-model-services/" + serviceId, admin, Map.of("enabled", false));
        assertThat(api.post("/risk-model-services/" + serviceId + "/evaluations", officer, Map.of()).text("code"))
                .isEqualTo("RISK_SERVICE_DISABLED");
        assertThat(api.delete("/risk-model-services/" + serviceId, officer).status()).isEqualTo(403);
        assertThat(api.delete("/risk-model-services/" + serviceId, admin).status()).isEqualTo(204);
        assertThat(api.delete("/risk-models/" + modelId, admin).status()).isEqualTo(204);
        assertThat(api.get("/risk-models/" + modelId, officer).status()).isEqualTo(404);
    }

    /**
     * 行为分析结果与人脸基础库校验: the faces in the frame that completed a behaviour are checked against the face base
     * library; a runner in a hall where an enrolled person stands carries that person's record.
     */
    @Test
    void aBehaviourCarriesTheFaceBaseCheckOfTheFacesInItsFrame(@TempDir Path tmp) throws Exception {
        ApiClient api = new ApiClient(port);
        BufferedImage person = TestMedia.isolated(TestMedia.sample("sample6"), 1081, 297, 321, 286);
        String photo = Base64.getEncoder().encodeToString(TestMedia.jpeg(person));
        Reply enrolled = api.post("/face-base-records", officer, Map.of("personCode", "P4601001990TASK03", "name",
                "周某某", "idNo", "460100199001010070", "source", "一人一码", "photoBase64", photo));
        assertThat(enrolled.status()).as(enrolled.body().toString()).isEqualTo(201);
        Set<String> sameFace = new HashSet<>();
        api.post("/identity-checks", officer, Map.of("photoBase64", photo, "topK", 20, "exact", true)).body()
                .forEach(c -> {
                    if (c.get("match").asBoolean()) {
                        sameFace.add(c.get("faceBaseRecordId").asText());
                    }
                });
        BufferedImage face = TestMedia.variant(person, 0.25, 1.0f);
        Path hall = TestMedia.clip(tmp.resolve("hall-face.mp4"), 640, 360, 10, 45, i -> {
            BufferedImage scene = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = scene.createGraphics();
            g.drawImage(BehaviorAnalyzerTest.frame(i < 20 ? List.of(new Figure(20 + i * 3.2, 70))
                    : List.of(new Figure(20 + i * 3.2, 70), new Figure(Math.min(310, 10 + (i - 20) * 19.2), 120)),
                    null, i).toBufferedImage(), 0, 0, 640, 360, null);
            // an enrolled person standing at the side of the hall the whole time
            g.drawImage(face, 470, 10, null);
            g.dispose();
            return scene;
        });
        String taskId = task(api, "RUNNING", service(api, "RUNNING", "BEHAVIOR_ANALYZER", 10),
                upload(api, "RUNNING", hall), null, true);
        assertThat(await(api, taskId).get("status").asText()).isEqualTo("DONE");
        List<JsonNode> found = findings(api, taskId);
        assertThat(found).extracting(f -> f.get("code").asText()).containsOnly("RUNNING").isNotEmpty();
        JsonNode runner = found.get(0);
        assertThat(runner.get("detail").get("persons")).as(runner.toString()).isNotEmpty();
        assertThat(sameFace).contains(runner.get("faceRecordId").asText());
        assertThat(runner.get("similarity").asDouble()).isGreaterThan(0.5);
    }
}
