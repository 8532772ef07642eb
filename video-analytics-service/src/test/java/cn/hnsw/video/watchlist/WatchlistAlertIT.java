package cn.hnsw.video.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.common.events.Alert;
import cn.hnsw.testsupport.embedded.SharedInfrastructure;
import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.face.RgbImage;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import cn.hnsw.video.support.TestMedia;
import cn.hnsw.video.support.TestMedia.Sprite;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The watch-list path end to end on the real database, broker and object storage: enrol a person, submit a task
 * bound to one officer, review it (four eyes), run a clip in which that person walks past, and check that exactly the
 * bound officer receives the alert with its snapshot, that others can neither see nor handle it, and that handling
 * closes it. A second person in the clip raises nothing.
 */
@ServiceIntegrationTest
class WatchlistAlertIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    final TestTokens tokens = TestTokens.issuer();
    String officer;
    String colleague;
    String reviewer;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        officer = tokens.user("zhang.wei", "customs-officer").organization("/haikou-customs/meilan").mint();
        colleague = tokens.user("wang.fang", "customs-officer").organization("/haikou-customs/meilan").mint();
        reviewer = tokens.user("li.qiang", "customs-reviewer").organization("/haikou-customs").mint();
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void aWatchedPersonWalkingPastACameraAlertsOnlyTheBoundOfficerAndHandlingClosesTheAlert(@TempDir Path tmp)
            throws Exception {
        RgbImage group3 = TestMedia.sample("sample3");
        RgbImage group5 = TestMedia.sample("sample5");
        BufferedImage personA = TestMedia.region(group3, 517, 350, 332, 277, 0.35);
        BufferedImage personB = TestMedia.region(group5, 1029, 218, 305, 288, 0.35);

        Reply camera = api.post("/cameras", officer, Map.of("deviceCode", "46010000001320000001", "name",
                "美兰机场出港安检通道 1 号", "cameraType", "FACE_CAPTURE", "protocol", "FILE", "sourceUrl",
                "/dev/null", "portCode", "HAK", "latitude", 19.9349, "longitude", 110.4590));
        assertThat(camera.status()).isEqualTo(201);
        String cameraId = camera.text("id");

        Reply enrolled = api.post("/face-base-records", officer, Map.of("personCode", "P460100199001010011", "name",
                "陈某某", "idNo", "460100199001010011", "source", "一人一码", "photoBase64", b64(TestMedia.jpeg(personA))));
        assertThat(enrolled.status()).as(enrolled.body().toString()).isEqualTo(201);
        assertThat(enrolled.text("idNoMasked")).isEqualTo("4601**********0011");
        String recordId = enrolled.text("id");

        // a group photo is no enrolment photo, and a text file is no photo at all: refused, nothing stored
        Reply group = api.post("/face-base-records", officer, Map.of("personCode", "P2", "name", "多人",
                "photoBase64", b64(RgbImage.readRaw(Path.of("target/face-samples/sample3.rgb")).toJpeg())));
        assertThat(group.status()).isEqualTo(422);
        assertThat(group.text("code")).isEqualTo("MULTIPLE_FACES");
        Reply junk = api.post("/face-base-records", officer, Map.of("personCode", "P3", "name", "乱码",
                "photoBase64", b64("not an image".getBytes())));
        assertThat(junk.status()).isEqualTo(422);
        assertThat(junk.text("messageZh")).contains("图片无法解析");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM face_base_record WHERE person_code IN ('P2', 'P3')",
                Integer.class)).isZero();

        Map<String, Object> task = Map.of("name", "重点人员布控-陈某某", "kind", "FACE_BASE", "maxDistance", 0.6,
                "cameraIds", List.of(cameraId), "officers", List.of("zhang.wei"), "instruction", "发现后立即核查",
                "targets", List.of(Map.of("faceBaseRecordId", recordId)));
        Reply submitted = api.post("/watchlist-tasks", officer, task);
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
        assertThat(submitted.text("status")).isEqualTo("PENDING_REVIEW");
        String taskId = submitted.text("id");

        Path clip = TestMedia.clip(tmp.resolve("pass.mp4"), 1280, 720, 10, 30, List.of(
                new Sprite(TestMedia.variant(personA, 0.8, 1.12f), i -> new int[] {60 + i * 20, 180}),
                new Sprite(TestMedia.variant(personB, 0.8, 0.95f), i -> new int[] {900, 250})));
        byte[] video = Files.readAllBytes(clip);
        // the browser test (web/e2e/video-watchlist.spec.ts) uploads the same photo and clip
        Path media = Files.createDirectories(Path.of("target", "e2e-media"));
        Files.write(media.resolve("person.jpg"), TestMedia.jpeg(personA));
        Files.write(media.resolve("pass.mp4"), video);

        // before review the task is not active: the same clip raises nothing
        Reply early = api.multipart("/offline-videos", officer, "pass.mp4", video,
                Map.of("cameraId", cameraId, "recordedAt", "2026-11-27T01:00:00Z", "sampleFps", "2"));
        assertThat(early.status()).as(early.body().toString()).isEqualTo(200);
        assertThat(early.body().get("faces").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(early.body().get("hits").asInt()).isZero();

        // an officer cannot review; the reviewer can
        assertThat(api.post("/watchlist-tasks/" + taskId + "/review", officer, Map.of("approve", true)).status())
                .isEqualTo(403);
        Reply approved = api.post("/watchlist-tasks/" + taskId + "/review", reviewer, Map.of("approve", true,
                "comment", "同意布控"));
        assertThat(approved.text("status")).isEqualTo("ACTIVE");

        // 布控反馈服务: where a face-base hit is fed back besides the task's officers; administrators manage them
        String admin = tokens.user("zhao.min", "platform-admin").mint();
        String desk = tokens.user("sun.li", "customs-officer").organization("/haikou-customs").mint();
        String paused = tokens.user("zhou.jie", "customs-officer").organization("/haikou-customs").mint();
        String feedback = "/watchlist-feedback-services";
        Reply byOfficer = api.post(feedback, officer, Map.of("kind", "FACE_BASE", "name", "值班席",
                "recipients", List.of("zhang.wei")));
        assertThat(byOfficer.status()).isEqualTo(403);
        Reply vehicleKind = api.post(feedback, admin, Map.of("kind", "RISK_VEHICLE", "name", "车辆",
                "recipients", List.of("sun.li")));
        assertThat(vehicleKind.status()).isEqualTo(400);
        assertThat(vehicleKind.text("code")).isEqualTo("FEEDBACK_KIND_INVALID");
        assertThat(api.post(feedback, admin, Map.of("kind", "FACE_BASE", "name", "无人", "recipients", List.of()))
                .status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM watchlist_feedback_service", Integer.class)).isZero();
        Reply deskService = api.post(feedback, admin, Map.of("kind", "FACE_BASE", "name", "指挥中心值班席",
                "recipients", List.of("sun.li")));
        assertThat(deskService.status()).as(deskService.body().toString()).isEqualTo(201);
        Reply imageService = api.post(feedback, admin, Map.of("kind", "FACE_IMAGE", "name", "图片布控值班席",
                "recipients", List.of("wang.fang")));
        assertThat(imageService.status()).isEqualTo(201);
        Reply pausedService = api.post(feedback, admin, Map.of("kind", "FACE_BASE", "name", "夜班席",
                "recipients", List.of("zhou.jie")));
        String pausedId = pausedService.text("id");
        // 配置/修改: renamed and switched off; the kind cannot change
        Reply switchedOff = api.put(feedback + "/" + pausedId, admin, Map.of("kind", "FACE_BASE", "name",
                "夜班席（停用）", "recipients", List.of("zhou.jie"), "enabled", false));
        assertThat(switchedOff.status()).as(switchedOff.body().toString()).isEqualTo(200);
        assertThat(switchedOff.body().get("enabled").asBoolean()).isFalse();
        assertThat(switchedOff.text("name")).isEqualTo("夜班席（停用）");
        assertThat(api.put(feedback + "/" + pausedId, admin, Map.of("kind", "FACE_IMAGE", "name", "x",
                "recipients", List.of("zhou.jie"))).status()).isEqualTo(400);
        assertThat(api.put(feedback + "/" + pausedId, officer, Map.of("kind", "FACE_BASE", "name", "x",
                "recipients", List.of("zhang.wei"))).status()).isEqualTo(403);
        Reply temporary = api.post(feedback, admin, Map.of("kind", "FACE_BASE", "name", "临时席",
                "recipients", List.of("wang.fang")));
        assertThat(api.delete(feedback + "/" + temporary.text("id"), officer).status()).isEqualTo(403);
        assertThat(api.delete(feedback + "/" + temporary.text("id"), admin).status()).isEqualTo(204);
        assertThat(api.delete(feedback + "/" + temporary.text("id"), admin).status()).isEqualTo(404);
        Reply faceBaseServices = api.get(feedback + "?kind=FACE_BASE", officer);
        assertThat(faceBaseServices.body()).hasSize(2);

        try (KafkaConsumer<String, String> consumer = alertConsumer()) {
            Reply run = api.multipart("/offline-videos", officer, "pass.mp4", video,
                    Map.of("cameraId", cameraId, "recordedAt", "2026-11-27T02:00:00Z", "sampleFps", "2"));
            assertThat(run.status()).isEqualTo(200);
            // the person passes for 3 s; repeats within the window raise one alert, person B raises none
            assertThat(run.body().get("hits").asInt()).isEqualTo(1);
            String alertId = run.body().get("alertIds").get(0).asText();

            JsonNode event = awaitAlert(consumer, alertId);
            JsonNode data = event.get("data");
            assertThat(data.get("type").asText()).isEqualTo("watchlist-hit");
            // the bound officer and the enabled face-base feedback service; not the switched-off one, not the
            // face-image service
            assertThat(data.get("recipients")).hasSize(2);
            assertThat(data.get("recipients").get(0).asText()).isEqualTo("zhang.wei");
            assertThat(data.get("recipients").get(1).asText()).isEqualTo("sun.li");
            assertThat(api.get("/alerts", desk).body().get("totalElements").asInt()).isEqualTo(1);
            assertThat(api.get("/alerts", paused).body().get("totalElements").asInt()).isZero();
            assertThat(data.get("attributes").get("cameraId").asText()).isEqualTo(cameraId);
            assertThat(data.get("attributes").get("targetLabel").asText()).isEqualTo("陈某某");
            assertThat(Double.parseDouble(data.get("attributes").get("distance").asText())).isLessThan(0.6);
            assertThat(data.get("portCode").asText()).isEqualTo("HAK");

            Reply snapshot = api.get("/alerts/" + alertId + "/snapshot", officer);
            assertThat(snapshot.status()).isEqualTo(200);
            assertThat(RgbImage.decode(snapshot.raw())).isNotNull();
            // the alert's clip: the sampled frames from before the hit to after it, as MP4 that FFmpeg reads back
            Reply alertClip = api.get("/alerts/" + alertId + "/clip", officer);
            assertThat(alertClip.status()).isEqualTo(200);
            Path clipFile = Files.write(tmp.resolve("alert-clip.mp4"), alertClip.raw());
            int clipFrames = 0;
            try (org.bytedeco.javacv.FFmpegFrameGrabber grabber = new org.bytedeco.javacv.FFmpegFrameGrabber(
                    clipFile.toFile())) {
                grabber.start();
                assertThat(grabber.getImageWidth()).isEqualTo(1280);
                assertThat(grabber.getImageHeight()).isEqualTo(720);
                while (grabber.grabImage() != null) {
                    clipFrames++;
                }
                grabber.stop();
            }
            assertThat(clipFrames).isBetween(2, 7);
            assertThat(api.get("/alerts/" + alertId + "/clip", colleague).status()).isEqualTo(403);

            // only the bound officer sees and handles it
            assertThat(api.get("/alerts", officer).body().get("totalElements").asInt()).isEqualTo(1);
            assertThat(api.get("/alerts", colleague).body().get("totalElements").asInt()).isZero();
            assertThat(api.get("/alerts/" + alertId, colleague).status()).isEqualTo(403);
            Reply notMine = api.post("/alerts/" + alertId + "/handling", colleague, Map.of("result", "INTERCEPTED"));
            assertThat(notMine.status()).isEqualTo(403);
            assertThat(notMine.text("code")).isEqualTo("NOT_BOUND_OFFICER");

            Reply handled = api.post("/alerts/" + alertId + "/handling", officer, Map.of("result", "INTERCEPTED",
                    "note", "已在安检口拦截核查"));
            assertThat(handled.status()).isEqualTo(200);
            assertThat(handled.text("status")).isEqualTo("HANDLED");
            assertThat(api.post("/alerts/" + alertId + "/handling", officer, Map.of("result", "FALSE_ALARM")).status())
                    .isEqualTo(409);
            assertThat(api.get("/alerts?status=RAISED", officer).body().get("totalElements").asInt()).isZero();
        } finally {
            // the feedback services are this test's own: other tests' face-base hits go to their officers only
            jdbc.update("DELETE FROM watchlist_feedback_service");
        }

        // once the person is on the whitelist, passing the camera again raises nothing
        assertThat(api.post("/feature-libraries/WHITELIST/entries", officer, Map.of("faceBaseRecordId", recordId,
                "label", "白名单-陈某某")).status()).isEqualTo(201);
        Reply whitelisted = api.multipart("/offline-videos", officer, "pass.mp4", video,
                Map.of("cameraId", cameraId, "recordedAt", "2026-11-27T03:00:00Z", "sampleFps", "2"));
        assertThat(whitelisted.body().get("faces").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(whitelisted.body().get("hits").asInt()).isZero();

        // trajectory: the person's sightings in time order, across both runs
        Reply trajectory = api.get("/face-base-records/" + recordId + "/trajectory", officer);
        assertThat(trajectory.status()).isEqualTo(200);
        List<java.time.Instant> times = new ArrayList<>();
        trajectory.body().forEach(s -> times.add(java.time.Instant.parse(s.get("capturedAt").asText())));
        assertThat(times).isNotEmpty().isSorted();
        assertThat(times.get(0)).isBetween(java.time.Instant.parse("2026-11-27T01:00:00Z"),
                java.time.Instant.parse("2026-11-27T01:00:05Z"));
        assertThat(times.get(times.size() - 1)).isBetween(java.time.Instant.parse("2026-11-27T03:00:00Z"),
                java.time.Instant.parse("2026-11-27T03:00:05Z"));
    }

    @Test
    void withdrawalAndReControlTakeEffectOnlyAfterAnotherPersonsReview() {
        RgbImage single = TestMedia.sample("sample2");
        String photo = b64(TestMedia.jpeg(TestMedia.onCanvas(TestMedia.isolated(single, 1424, 152, 274, 259), 800, 600,
                150, 60)));
        Reply submitted = api.post("/watchlist-tasks", officer, Map.of("name", "图片布控", "kind", "FACE_IMAGE",
                "officers", List.of("zhang.wei"), "targets", List.of(Map.of("photoBase64", photo, "label", "嫌疑人甲"))));
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
        String id = submitted.text("id");
        String admin = tokens.user("zhao.min", "platform-admin").mint();
        String adminTask = api.post("/watchlist-tasks", admin, Map.of("name", "自审", "kind", "FACE_IMAGE",
                "officers", List.of("zhang.wei"), "targets", List.of(Map.of("photoBase64", photo)))).text("id");
        Reply self = api.post("/watchlist-tasks/" + adminTask + "/review", admin, Map.of("approve", true));
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.text("code")).isEqualTo("SELF_REVIEW");

        // a task that never took effect can be deleted by its submitter (or an administrator), nobody else
        String draft = api.post("/watchlist-tasks", officer, Map.of("name", "误建任务", "kind", "FACE_IMAGE",
                "officers", List.of("zhang.wei"), "targets", List.of(Map.of("photoBase64", photo)))).text("id");
        Reply notMine = api.delete("/watchlist-tasks/" + draft, colleague);
        assertThat(notMine.status()).isEqualTo(403);
        assertThat(notMine.text("code")).isEqualTo("NOT_TASK_SUBMITTER");
        assertThat(api.delete("/watchlist-tasks/" + draft, reviewer).status()).isEqualTo(403);
        assertThat(api.delete("/watchlist-tasks/" + draft, officer).status()).isEqualTo(204);
        assertThat(api.get("/watchlist-tasks/" + draft, officer).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM watchlist_target WHERE task_id = ?::uuid", Integer.class,
                draft)).isZero();
        // the administrator may delete a task of someone else that was rejected
        api.post("/watchlist-tasks/" + adminTask + "/review", reviewer, Map.of("approve", false));
        assertThat(api.delete("/watchlist-tasks/" + adminTask, admin).status()).isEqualTo(204);

        assertThat(api.post("/watchlist-tasks/" + id + "/withdrawal", officer, Map.of()).status()).isEqualTo(409);
        api.post("/watchlist-tasks/" + id + "/review", reviewer, Map.of("approve", true));
        // once active it is withdrawn, not deleted: its history stays
        Reply activeDelete = api.delete("/watchlist-tasks/" + id, officer);
        assertThat(activeDelete.status()).isEqualTo(409);
        assertThat(activeDelete.text("code")).isEqualTo("TASK_STATE_INVALID");
        Reply withdrawal = api.post("/watchlist-tasks/" + id + "/withdrawal", officer, Map.of("reason", "任务结束"));
        assertThat(withdrawal.text("status")).isEqualTo("ACTIVE");
        assertThat(withdrawal.text("pendingAction")).isEqualTo("WITHDRAWAL");
        assertThat(api.post("/watchlist-tasks/" + id + "/review", reviewer, Map.of("approve", true)).text("status"))
                .isEqualTo("WITHDRAWN");
        assertThat(api.post("/watchlist-tasks/" + id + "/recontrol", officer, Map.of()).text("pendingAction"))
                .isEqualTo("RECONTROL");
        assertThat(api.post("/watchlist-tasks/" + id + "/review", reviewer, Map.of("approve", false)).text("status"))
                .isEqualTo("WITHDRAWN");
        assertThat(api.get("/watchlist-tasks/" + id + "/history", officer).body()).hasSize(6);

        Reply noOfficer = api.post("/watchlist-tasks", officer, Map.of("name", "x", "kind", "FACE_IMAGE",
                "officers", List.of(), "targets", List.of(Map.of("photoBase64", photo))));
        assertThat(noOfficer.status()).isEqualTo(400);
    }

    static byte[] plateScene(String name) throws Exception {
        try (var in = WatchlistAlertIT.class.getResourceAsStream("/plates/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aRiskVehiclePassingACameraAlertsItsOfficerWithTheSnapshotAndOtherPlatesRaiseNothing(@TempDir Path tmp)
            throws Exception {
        String driverOfficer = tokens.user("sun.li", "customs-officer").organization("/haikou-customs/xiuying").mint();
        String other = tokens.user("zhou.jie", "customs-officer").organization("/haikou-customs/xiuying").mint();
        Reply camera = api.post("/cameras", driverOfficer, Map.of("deviceCode", "46010000001320000077", "name",
                "秀英港进港车道 2 号", "cameraType", "BOX", "protocol", "FILE", "sourceUrl", "/dev/null", "portCode",
                "XYG"));
        assertThat(camera.status()).as(camera.body().toString()).isEqualTo(201);
        String cameraId = camera.text("id");
        byte[] watched = plateScene("qiong-a12345.jpg");

        // a number that is no plate is refused, and nothing is stored
        Reply bad = api.post("/watchlist-tasks", driverOfficer, Map.of("name", "风险车辆-错误", "kind", "RISK_VEHICLE",
                "officers", List.of("sun.li"), "targets", List.of(Map.of("plateNumber", "ABC123"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("code")).isEqualTo("PLATE_INVALID");
        assertThat(bad.text("messageZh")).contains("车牌号无效");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM watchlist_task WHERE name = '风险车辆-错误'", Integer.class))
                .isZero();

        Reply submitted = api.post("/watchlist-tasks", driverOfficer, Map.of("name", "风险车辆布控-琼A12345", "kind",
                "RISK_VEHICLE", "cameraIds", List.of(cameraId), "officers", List.of("sun.li"), "instruction",
                "拦截检查车辆", "targets", List.of(Map.of("plateNumber", "琼A·12345", "label", "涉私车辆"))));
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
        String taskId = submitted.text("id");
        assertThat(api.get("/watchlist-tasks/" + taskId + "/targets", driverOfficer).body().get(0).get("plateNumber")
                .asText()).isEqualTo("琼A12345");

        // before review the plate is read but raises nothing
        Reply early = api.post("/plate-recognitions", driverOfficer, Map.of("cameraId", cameraId, "imageBase64",
                b64(watched), "capturedAt", "2026-11-27T04:00:00Z"));
        assertThat(early.status()).as(early.body().toString()).isEqualTo(200);
        assertThat(early.body().get("plates").get(0).get("plateNumber").asText()).isEqualTo("琼A12345");
        assertThat(early.body().get("alertIds")).isEmpty();

        assertThat(api.post("/watchlist-tasks/" + taskId + "/review", reviewer, Map.of("approve", true)).text("status"))
                .isEqualTo("ACTIVE");
        try (KafkaConsumer<String, String> consumer = alertConsumer()) {
            Reply hit = api.post("/plate-recognitions", driverOfficer, Map.of("cameraId", cameraId, "imageBase64",
                    b64(watched), "capturedAt", "2026-11-27T04:01:00Z"));
            assertThat(hit.body().get("alertIds")).hasSize(1);
            String alertId = hit.body().get("alertIds").get(0).asText();
            JsonNode data = awaitAlert(consumer, alertId).get("data");
            assertThat(data.get("type").asText()).isEqualTo("risk-vehicle-hit");
            assertThat(data.get("recipients")).hasSize(1);
            assertThat(data.get("recipients").get(0).asText()).isEqualTo("sun.li");
            assertThat(data.get("attributes").get("plateNumber").asText()).isEqualTo("琼A12345");
            assertThat(data.get("attributes").get("targetLabel").asText()).isEqualTo("涉私车辆");
            assertThat(data.get("attributes").get("cameraId").asText()).isEqualTo(cameraId);
            assertThat(data.get("portCode").asText()).isEqualTo("XYG");
            assertThat(data.get("titleZh").asText()).contains("琼A12345");

            Reply snapshot = api.get("/alerts/" + alertId + "/snapshot", driverOfficer);
            assertThat(snapshot.status()).isEqualTo(200);
            assertThat(snapshot.raw()).isEqualTo(watched);
            assertThat(api.get("/alerts/" + alertId, driverOfficer).text("plateNumber")).isEqualTo("琼A12345");
            assertThat(api.get("/alerts/" + alertId, other).status()).isEqualTo(403);
        }

        // the same car again within the repeat window, another car, and a road without one raise nothing
        Reply again = api.post("/plate-recognitions", driverOfficer, Map.of("cameraId", cameraId, "imageBase64",
                b64(watched), "capturedAt", "2026-11-27T04:01:20Z"));
        assertThat(again.body().get("alertIds")).isEmpty();
        Reply otherCar = api.post("/plate-recognitions", driverOfficer, Map.of("cameraId", cameraId, "imageBase64",
                b64(plateScene("qiong-b6d789.jpg")), "capturedAt", "2026-11-27T04:02:00Z"));
        assertThat(otherCar.body().get("plates").get(0).get("plateNumber").asText()).isEqualTo("琼B6D789");
        assertThat(otherCar.body().get("alertIds")).isEmpty();
        Reply quiet = api.post("/plate-recognitions", driverOfficer, Map.of("cameraId", cameraId, "imageBase64",
                b64(plateScene("quiet-road.jpg")), "capturedAt", "2026-11-27T04:03:00Z"));
        assertThat(quiet.body().get("plates")).isEmpty();
        assertThat(quiet.body().get("alertIds")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM watchlist_hit WHERE task_id = ?::uuid", Integer.class,
                taskId)).isEqualTo(1);

        // a clip from the lane camera: an empty road for 1.5 s, then the car stands at the barrier for 2.5 s; plates are
        // read once per second of video while the task watches that camera: one alert (the repeat window holds the rest)
        BufferedImage road = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(plateScene("quiet-road.jpg")));
        BufferedImage car = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(watched));
        byte[] lane = Files.readAllBytes(TestMedia.clip(tmp.resolve("lane.mp4"), 960, 540, 10, 40,
                i -> i < 15 ? road : car));
        Reply run = api.multipart("/offline-videos", driverOfficer, "lane.mp4", lane,
                Map.of("cameraId", cameraId, "recordedAt", "2026-11-27T05:00:00Z", "sampleFps", "2"));
        assertThat(run.status()).as(run.body().toString()).isEqualTo(200);
        assertThat(run.body().get("hits").asInt()).isEqualTo(1);
        String laneAlert = run.body().get("alertIds").get(0).asText();
        JsonNode laneHit = api.get("/alerts/" + laneAlert, driverOfficer).body();
        assertThat(laneHit.get("plateNumber").asText()).isEqualTo("琼A12345");
        assertThat(java.time.Instant.parse(laneHit.get("occurredAt").asText())).isBetween(
                java.time.Instant.parse("2026-11-27T05:00:01Z"), java.time.Instant.parse("2026-11-27T05:00:03Z"));
    }

    /**
     * 随机布控: a random-control task has no targets but a sampling rate; it passes the same review, and once active a
     * face captured on its camera that the draw picks raises a random-check alert with the snapshot to its officers
     * only. At rate 1 every capture is picked (the rate itself is checked in {@code WatchlistTaskTest}).
     */
    @Test
    void aRandomControlTaskPicksCapturesOnItsCameraForACheckAfterReview() throws Exception {
        String checker = tokens.user("he.min", "customs-officer").organization("/haikou-customs/meilan").mint();
        Reply camera = api.post("/cameras", checker, Map.of("deviceCode", "46010000001320000088", "name",
                "美兰机场国内到达通道 3 号", "cameraType", "FACE_CAPTURE", "protocol", "FILE", "sourceUrl", "/dev/null",
                "portCode", "HAK"));
        assertThat(camera.status()).as(camera.body().toString()).isEqualTo(201);
        String cameraId = camera.text("id");
        // refused: no rate, a rate outside (0, 1], targets on a random task, a rate on another kind
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("name", "随机-无比例", "kind", "RANDOM", "officers", List.of("he.min")),
                Map.of("name", "随机-零", "kind", "RANDOM", "officers", List.of("he.min"), "samplingRate", 0),
                Map.of("name", "随机-超", "kind", "RANDOM", "officers", List.of("he.min"), "samplingRate", 1.5),
                Map.of("name", "随机-对象", "kind", "RANDOM", "officers", List.of("he.min"), "samplingRate", 0.1,
                        "targets", List.of(Map.of("plateNumber", "琼A12345"))),
                Map.of("name", "随机-车辆", "kind", "RISK_VEHICLE", "officers", List.of("he.min"), "samplingRate", 0.1,
                        "targets", List.of(Map.of("plateNumber", "琼A12345"))))) {
            Reply refused = api.post("/watchlist-tasks", checker, bad);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.text("code")).isEqualTo("SAMPLING_RATE_INVALID");
            assertThat(refused.text("messageZh")).contains("抽查比例无效");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM watchlist_task WHERE name LIKE '随机-%'", Integer.class))
                .isZero();

        Reply submitted = api.post("/watchlist-tasks", checker, Map.of("name", "到达通道随机抽查", "kind", "RANDOM",
                "cameraIds", List.of(cameraId), "officers", List.of("he.min"), "instruction", "抽中旅客引导至查验台",
                "samplingRate", 1.0));
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
        assertThat(submitted.body().get("samplingRate").asDouble()).isEqualTo(1.0);
        String taskId = submitted.text("id");
        String photo = b64(TestMedia.jpeg(TestMedia.region(TestMedia.sample("sample5"), 1029, 218, 305, 288, 0.35)));

        // pending review: nothing is picked
        Reply early = api.post("/face-captures", checker, Map.of("deviceCode", "46010000001320000088", "cameraId",
                cameraId, "capturedAt", "2026-11-27T06:00:00Z", "photoBase64", photo));
        assertThat(early.status()).as(early.body().toString()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM watchlist_hit WHERE task_id = ?::uuid", Integer.class,
                taskId)).isZero();

        assertThat(api.post("/watchlist-tasks/" + taskId + "/review", reviewer, Map.of("approve", true)).text("status"))
                .isEqualTo("ACTIVE");
        try (KafkaConsumer<String, String> consumer = alertConsumer()) {
            Reply picked = api.post("/face-captures", checker, Map.of("deviceCode", "46010000001320000088", "cameraId",
                    cameraId, "capturedAt", "2026-11-27T06:01:00Z", "photoBase64", photo));
            assertThat(picked.status()).isEqualTo(200);
            String alertId = jdbc.queryForObject("SELECT alert_id FROM watchlist_hit WHERE task_id = ?::uuid",
                    String.class, taskId);
            assertThat(picked.body().get("alertIds").toString()).contains(alertId);
            JsonNode data = awaitAlert(consumer, alertId).get("data");
            assertThat(data.get("type").asText()).isEqualTo("random-check");
            assertThat(data.get("recipients")).hasSize(1);
            assertThat(data.get("recipients").get(0).asText()).isEqualTo("he.min");
            assertThat(data.get("attributes").get("cameraId").asText()).isEqualTo(cameraId);
            assertThat(data.get("attributes").get("instruction").asText()).isEqualTo("抽中旅客引导至查验台");
            assertThat(data.get("titleZh").asText()).contains("随机布控");
            assertThat(api.get("/alerts/" + alertId + "/snapshot", checker).status()).isEqualTo(200);
            // a capture handed in as a photo has no video: no clip
            Reply noClip = api.get("/alerts/" + alertId + "/clip", checker);
            assertThat(noClip.status()).isEqualTo(404);
            assertThat(noClip.text("code")).isEqualTo("CLIP_NOT_FOUND");
            assertThat(api.get("/alerts/" + alertId, colleague).status()).isEqualTo(403);
        }
        // another camera's captures are not this task's to pick
        api.post("/face-captures", checker, Map.of("deviceCode", "46010000001320000089", "capturedAt",
                "2026-11-27T06:02:00Z", "photoBase64", photo));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM watchlist_hit WHERE task_id = ?::uuid", Integer.class,
                taskId)).isEqualTo(1);
    }

    private KafkaConsumer<String, String> alertConsumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "video-it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(Alert.TOPIC));
        return consumer;
    }

    private static JsonNode awaitAlert(KafkaConsumer<String, String> consumer, String alertId) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                JsonNode event = ApiClient.JSON.readTree(r.value());
                if (alertId.equals(event.path("data").path("alertId").asText())) {
                    assertThat(r.key()).isEqualTo(alertId);
                    return event;
                }
            }
        }
        throw new AssertionError("alert " + alertId + " not published on " + Alert.TOPIC);
    }
}
