package cn.hnsw.video.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import cn.hnsw.video.support.TestMedia;
import cn.hnsw.video.support.TestMedia.Sprite;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 离岛免税回流布控 调用视频解析服务 / 计算 / 结果反馈 (FP 1055–1057): an approved duty-free-backflow list on a camera and
 * a video of that camera analysed by a duty-free control task of the engine; the traveller's face is matched against
 * that list only, and the alert reaches the officer bound to the list (not the one who ran the task, not a colleague);
 * a face-base list over the same person and camera gets no hit from this work mode.
 */
@ServiceIntegrationTest
class DutyFreeBackflowControlIT {

    @LocalServerPort
    int port;

    final TestTokens tokens = TestTokens.issuer();
    final String officer = tokens.user("zhang.wei", "customs-officer").organization("/haikou-customs/meilan").mint();
    final String admin = tokens.user("zhao.min", "platform-admin").mint();
    final String reviewer = tokens.user("li.qiang", "customs-reviewer").organization("/haikou-customs").mint();

    @Test
    void aDutyFreeControlTaskOnACamerasVideoAlertsTheOfficerBoundToTheBackflowList(@TempDir Path tmp)
            throws Exception {
        ApiClient api = new ApiClient(port);
        String tag = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        BufferedImage person = TestMedia.isolated(TestMedia.sample("sample1"), 768, 401, 305, 273);
        Reply enrolled = api.post("/face-base-records", officer, Map.of("personCode", "DF" + tag, "name",
                "回流旅客" + tag, "photoBase64", Base64.getEncoder().encodeToString(TestMedia.jpeg(person))));
        assertThat(enrolled.status()).as(enrolled.body().toString()).isEqualTo(201);
        Reply camera = api.post("/cameras", officer, Map.of("deviceCode", "46010000001320" + tag, "name",
                "新海港离岛免税提货点", "cameraType", "FACE_CAPTURE", "protocol", "FILE", "sourceUrl", "/dev/null",
                "portCode", "HAK"));
        assertThat(camera.status()).as(camera.body().toString()).isEqualTo(201);
        String cameraId = camera.text("id");
        Reply control = api.post("/watchlist-tasks", officer, Map.of("name", "离岛免税回流布控-" + tag, "kind",
                "DUTY_FREE_BACKFLOW", "maxDistance", 0.6, "cameraIds", List.of(cameraId), "officers",
                List.of("chen.hai"), "instruction", "核对离岛免税购物记录", "targets",
                List.of(Map.of("faceBaseRecordId", enrolled.text("id")))));
        assertThat(control.status()).as(control.body().toString()).isEqualTo(201);
        String controlPath = "/watchlist-tasks/" + control.text("id");
        assertThat(api.post(controlPath + "/review", reviewer, Map.of("approve", true)).text("status"))
                .isEqualTo("ACTIVE");
        Reply other = api.post("/watchlist-tasks", officer, Map.of("name", "人脸基础库布控-" + tag, "kind", "FACE_BASE",
                "maxDistance", 0.6, "cameraIds", List.of(cameraId), "officers", List.of("chen.hai"),
                "targets", List.of(Map.of("faceBaseRecordId", enrolled.text("id")))));
        String otherPath = "/watchlist-tasks/" + other.text("id");
        assertThat(api.post(otherPath + "/review", reviewer, Map.of("approve", true)).text("status"))
                .isEqualTo("ACTIVE");

        // 调用视频解析服务: a video of the camera through a duty-free control task
        Path clip = TestMedia.clip(tmp.resolve("duty-free.mp4"), 1280, 720, 10, 20, List.of(
                new Sprite(TestMedia.variant(person, 0.7, 1.05f), i -> new int[] {100 + i * 10, 200})));
        Reply feed = api.multipart("/analysis-feeds/uploads", officer, "duty-free.mp4", Files.readAllBytes(clip),
                Map.of("kind", "DUTY_FREE_CONTROL", "cameraId", cameraId));
        assertThat(feed.status()).as(feed.body().toString()).isEqualTo(201);
        Reply service = api.post("/analysis-services", admin, Map.of("kind", "DUTY_FREE_CONTROL", "name",
                "离岛免税回流布控服务" + tag, "detector", "FACE_PIPELINE", "sampleFps", 5));
        assertThat(service.status()).as(service.body().toString()).isEqualTo(201);
        Reply task = api.post("/analysis-tasks", officer, Map.of("kind", "DUTY_FREE_CONTROL", "name",
                "离岛免税回流布控任务" + tag, "serviceId", service.text("id"), "feedId", feed.text("id"),
                "maxSeconds", 60, "start", true));
        assertThat(task.status()).as(task.body().toString()).isEqualTo(201);
        // 计算
        JsonNode done = await(api, task.text("id"));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");

        // 结果反馈: the findings name the alerts; each alert is the backflow list's, delivered to its officer only
        Reply findings = api.get("/analysis-findings?size=200&taskId=" + task.text("id"), officer);
        List<String> alertIds = new ArrayList<>();
        findings.body().get("content").forEach(f -> f.get("detail").get("watchlistAlertIds")
                .forEach(a -> alertIds.add(a.asText())));
        assertThat(alertIds).isNotEmpty();
        String bound = tokens.user("chen.hai", "customs-officer").mint();
        for (String alertId : alertIds) {
            Reply alert = api.get("/alerts/" + alertId, bound);
            assertThat(alert.status()).as(alert.body().toString()).isEqualTo(200);
            assertThat(alert.body().toString()).contains(control.text("id")).doesNotContain(other.text("id"));
        }
        assertThat(api.get("/alerts/" + alertIds.get(0), officer).status()).isEqualTo(403);
        assertThat(api.get(controlPath + "/monitoring", reviewer).body().get("hits").asLong())
                .isEqualTo(alertIds.size());
        assertThat(api.get(otherPath + "/monitoring", reviewer).body().get("hits").asLong()).isZero();
    }

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
}
