package cn.hnsw.video.analysistask;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 离岛免税回流布控 on the real path: a duty-free backflow control task (the analysis service called on a camera's
 * video, FP 1055) matches the faces of the video against the active duty-free backflow watch-lists only (FP 1056): the
 * traveller on a reviewed duty-free list raises that list's alert, while a key-passenger list over the same person
 * and camera gets nothing from it; the result comes back as findings with the alert, seen by the bound officer only
 * and closed by handling (FP 1057).
 */
@ServiceIntegrationTest
class DutyFreeBackflowControlIT {

    @LocalServerPort
    int port;

    final TestTokens tokens = TestTokens.issuer();
    final String officer = tokens.user("zhang.wei", "customs-officer").mint();
    final String admin = tokens.user("zhao.min", "platform-admin").mint();
    final String reviewer = tokens.user("li.qiang", "customs-reviewer").organization("/haikou-customs").mint();
    final String bound = tokens.user("he.min", "customs-officer").mint();
    final String colleague = tokens.user("wu.gang", "customs-officer").mint();

    @Test
    void aDutyFreeBackflowTaskAnswersOnlyForDutyFreeListsAndItsAlertReachesTheBoundOfficer(@TempDir Path tmp)
            throws Exception {
        ApiClient api = new ApiClient(port);
        String tag = String.valueOf(System.nanoTime()).substring(0, 6);
        BufferedImage person = TestMedia.isolated(TestMedia.sample("sample2"), 1424, 152, 274, 259);
        Reply enrolled = api.post("/face-base-records", officer, Map.of("personCode", "DF-" + tag, "name", "回流旅客",
                "idNo", "46010019900101" + tag.substring(0, 4), "source", "一人一码", "photoBase64",
                Base64.getEncoder().encodeToString(TestMedia.jpeg(person))));
        assertThat(enrolled.status()).as(enrolled.body().toString()).isEqualTo(201);
        Reply camera = api.post("/cameras", officer, Map.of("deviceCode", "46010000001320" + tag, "name",
                "秀英港离岛免税提货点", "cameraType", "FACE_CAPTURE", "protocol", "FILE", "sourceUrl", "/dev/null",
                "portCode", "HAK"));
        assertThat(camera.status()).as(camera.body().toString()).isEqualTo(201);
        String cameraId = camera.text("id");
        String dutyFree = approved(api, "DUTY_FREE_BACKFLOW", "离岛免税回流布控-" + tag, cameraId, enrolled.text("id"));
        String keyPassenger = approved(api, "KEY_PASSENGER", "重点旅客布控-" + tag, cameraId, enrolled.text("id"));

        Path clip = TestMedia.clip(tmp.resolve("backflow.mp4"), 1280, 720, 10, 20, List.of(
                new Sprite(TestMedia.variant(person, 0.7, 1.05f), i -> new int[] {100 + i * 10, 200})));
        Reply feed = api.multipart("/analysis-feeds/uploads", officer, "backflow.mp4", Files.readAllBytes(clip),
                Map.of("kind", "DUTY_FREE_CONTROL", "cameraId", cameraId));
        assertThat(feed.status()).as(feed.body().toString()).isEqualTo(201);
        Reply service = api.post("/analysis-services", admin, Map.of("kind", "DUTY_FREE_CONTROL", "name",
                "离岛免税回流解析服务", "detector", "FACE_PIPELINE", "sampleFps", 5));
        assertThat(service.status()).as(service.body().toString()).isEqualTo(201);
        Reply task = api.post("/analysis-tasks", officer, Map.of("kind", "DUTY_FREE_CONTROL", "name", "回流布控计算",
                "serviceId", service.text("id"), "feedId", feed.text("id"), "maxSeconds", 60, "start", true));
        assertThat(task.status()).as(task.body().toString()).isEqualTo(201);
        String taskId = task.text("id");
        assertThat(await(api, taskId).get("status").asText()).isEqualTo("DONE");

        List<String> alertIds = new ArrayList<>();
        Reply findings = api.get("/analysis-findings?size=200&taskId=" + taskId, officer);
        findings.body().get("content").forEach(f -> f.path("detail").path("watchlistAlertIds")
                .forEach(a -> alertIds.add(a.asText())));
        assertThat(alertIds).isNotEmpty();
        for (String alertId : alertIds) {
            Reply alert = api.get("/alerts/" + alertId, bound);
            assertThat(alert.status()).as(alert.body().toString()).isEqualTo(200);
            assertThat(alert.body().toString()).contains(dutyFree).doesNotContain(keyPassenger);
            assertThat(api.get("/alerts/" + alertId, colleague).status()).isEqualTo(403);
        }
        assertThat(api.get("/watchlist-tasks/" + keyPassenger + "/monitoring", reviewer).body().get("hits").asLong())
                .isZero();
        assertThat(api.get("/watchlist-tasks/" + dutyFree + "/monitoring", reviewer).body().get("hits").asLong())
                .isEqualTo(alertIds.size());
        Reply handled = api.post("/alerts/" + alertIds.get(0) + "/handling", bound, Map.of("result",
                "VERIFIED_RELEASED", "note", "核实为本人，未发现回流商品"));
        assertThat(handled.status()).as(handled.body().toString()).isEqualTo(200);
        assertThat(api.get("/watchlist-tasks/" + dutyFree + "/monitoring", reviewer).body().get("open").asLong())
                .isEqualTo(alertIds.size() - 1);
    }

    private String approved(ApiClient api, String kind, String name, String cameraId, String recordId) {
        Reply control = api.post("/watchlist-tasks", officer, Map.of("name", name, "kind", kind, "maxDistance", 0.6,
                "cameraIds", List.of(cameraId), "officers", List.of("he.min"), "targets",
                List.of(Map.of("faceBaseRecordId", recordId))));
        assertThat(control.status()).as(control.body().toString()).isEqualTo(201);
        String id = control.text("id");
        assertThat(api.post("/watchlist-tasks/" + id + "/review", reviewer, Map.of("approve", true)).text("status"))
                .isEqualTo("ACTIVE");
        return id;
    }

    private JsonNode await(ApiClient api, String taskId) throws InterruptedException {
        long until = System.currentTimeMillis() + 240_000;
        while (true) {
            Reply t = api.get("/analysis-tasks/" + taskId, officer);
            String s = t.text("status");
            if (!s.equals("QUEUED") && !s.equals("RUNNING") && !s.equals("SCHEDULED")) {
                return t.body();
            }
            assertThat(System.currentTimeMillis()).as("task %s still %s", taskId, s).isLessThan(until);
            Thread.sleep(200);
        }
    }
}
