package cn.hnsw.video.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import cn.hnsw.video.support.TestMedia;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 诊断标准类型 on the real path: an administrator defines a type as thresholds over the measured faults; a diagnosis
 * task naming the type in its instruction is judged by the type's thresholds (a dim hall's dark picture is normal
 * under the dim-hall type and a brightness fault under the base standard); thresholds are added, changed and
 * deleted within a type and checked against each other; built-in types and types in use are not deleted.
 */
@ServiceIntegrationTest
class DiagnosisStandardTypeIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final TestTokens tokens = TestTokens.issuer();
    final String officer = tokens.user("zhang.wei", "customs-officer").mint();
    final String admin = tokens.user("zhao.min", "platform-admin").mint();
    final String trader = tokens.user("trader.li", "enterprise-user").mint();

    /** A clean frame at a fifth of its light: an unlit hall. */
    static BufferedImage dim(int i) {
        BufferedImage c = ImageQualityDiagnoserTest.clean(i);
        BufferedImage out = new BufferedImage(c.getWidth() & ~1, c.getHeight() & ~1, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int rgb = c.getRGB(x, y);
                int r = ((rgb >> 16) & 0xff) / 5;
                int g = ((rgb >> 8) & 0xff) / 5;
                int b = (rgb & 0xff) / 5;
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    @Test
    void anOperatorDefinedStandardTypeJudgesTheTasksThatNameItAndCannotBeDeletedWhileInUse(@TempDir Path tmp)
            throws Exception {
        ApiClient api = new ApiClient(port);
        // the built-in types are listed with their effective thresholds; officers read, enterprises do not
        Reply listed = api.get("/diagnosis-standard-types", officer);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().toString()).contains("GENERAL").contains("NIGHT");
        assertThat(api.get("/diagnosis-standard-types", trader).status()).isEqualTo(403);
        JsonNode night = api.get("/diagnosis-standard-types/NIGHT", officer).body();
        assertThat(night.get("effective").get("BRIGHTNESS_LOW").asDouble()).isEqualTo(12.0);
        assertThat(night.get("effective").get("BLUR").asDouble()).isEqualTo(jdbc.queryForObject(
                "SELECT threshold FROM diagnosis_standard WHERE fault = 'BLUR'", Double.class));
        assertThat(api.delete("/diagnosis-standard-types/NIGHT", admin).text("code"))
                .isEqualTo("STANDARD_TYPE_BUILTIN");

        // 新增: administrators only; thresholds that contradict each other or name no fault are refused
        Map<String, Object> type = new HashMap<>(Map.of("code", "DIM_HALL", "nameZh", "暗光候检厅标准", "nameEn",
                "Dim hall standard", "thresholds", Map.of("BRIGHTNESS_LOW", 10.0)));
        assertThat(api.post("/diagnosis-standard-types", officer, type).status()).isEqualTo(403);
        Map<String, Object> contradicting = new HashMap<>(type);
        contradicting.put("thresholds", Map.of("BRIGHTNESS_LOW", 230.0));
        Reply refused = api.post("/diagnosis-standard-types", admin, contradicting);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("THRESHOLDS_INCONSISTENT");
        Map<String, Object> unknown = new HashMap<>(type);
        unknown.put("thresholds", Map.of("GLARE", 3.0));
        assertThat(api.post("/diagnosis-standard-types", admin, unknown).text("code")).isEqualTo("FAULT_UNKNOWN");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM diagnosis_standard_type WHERE code = 'DIM_HALL'",
                Integer.class)).isZero();
        Reply created = api.post("/diagnosis-standard-types", admin, type);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(api.post("/diagnosis-standard-types", admin, type).status()).isEqualTo(409);

        // 阈值新增 / 修改 / 删除 within the type
        Map<String, Object> contrast = Map.of("fault", "LOW_CONTRAST", "threshold", 4.0);
        assertThat(api.post("/diagnosis-standard-types/DIM_HALL/thresholds", officer, contrast).status())
                .isEqualTo(403);
        Reply added = api.post("/diagnosis-standard-types/DIM_HALL/thresholds", admin, contrast);
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        assertThat(added.body().get("own").get("LOW_CONTRAST").asDouble()).isEqualTo(4.0);
        assertThat(api.post("/diagnosis-standard-types/DIM_HALL/thresholds", admin, contrast).text("code"))
                .isEqualTo("TYPE_THRESHOLD_EXISTS");
        assertThat(api.post("/diagnosis-standard-types/DIM_HALL/thresholds", admin, Map.of("fault", "SNOW",
                "threshold", 1.5)).text("code")).isEqualTo("THRESHOLDS_INCONSISTENT");
        Reply snow = api.post("/diagnosis-standard-types/DIM_HALL/thresholds", admin, Map.of("fault", "SNOW",
                "threshold", 0.2));
        assertThat(snow.status()).isEqualTo(201);
        Reply changed = api.put("/diagnosis-standard-types/DIM_HALL/thresholds/SNOW", admin, Map.of("threshold", 0.1));
        assertThat(changed.body().get("effective").get("SNOW").asDouble()).isEqualTo(0.1);
        assertThat(api.put("/diagnosis-standard-types/DIM_HALL/thresholds/SNOW", officer, Map.of("threshold", 0.3))
                .status()).isEqualTo(403);
        Reply removed = api.delete("/diagnosis-standard-types/DIM_HALL/thresholds/SNOW", admin);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().get("own").has("SNOW")).isFalse();
        assertThat(removed.body().get("effective").get("SNOW").asDouble()).isEqualTo(jdbc.queryForObject(
                "SELECT threshold FROM diagnosis_standard WHERE fault = 'SNOW'", Double.class));
        assertThat(api.delete("/diagnosis-standard-types/DIM_HALL/thresholds/SNOW", admin).status()).isEqualTo(404);
        // 类型修改: the names
        Reply renamed = api.put("/diagnosis-standard-types/DIM_HALL", admin, Map.of("nameZh", "暗光大厅诊断标准",
                "nameEn", "Dim hall diagnosis standard"));
        assertThat(renamed.text("nameZh")).isEqualTo("暗光大厅诊断标准");
        assertThat(renamed.text("updatedBy")).isEqualTo("zhao.min");

        // the same dark video: a brightness fault by the base standard, normal by the dim-hall type
        ImageQualityDiagnoserTest.load();
        int w = ImageQualityDiagnoserTest.W & ~1;
        int h = ImageQualityDiagnoserTest.H & ~1;
        Path dark = TestMedia.clip(tmp.resolve("dark.mp4"), w, h, 5, 10, DiagnosisStandardTypeIT::dim);
        Reply service = api.post("/analysis-services", admin, Map.of("kind", "BRIGHTNESS", "name", "亮度诊断服务",
                "detector", "IMAGE_QUALITY_DIAGNOSER", "sampleFps", 5));
        assertThat(service.status()).as(service.body().toString()).isEqualTo(201);
        String serviceId = service.text("id");
        Reply unknownType = api.post("/analysis-tasks", officer, task(serviceId, upload(api, dark), "NO_SUCH_TYPE"));
        assertThat(unknownType.status()).isEqualTo(404);
        assertThat(unknownType.text("code")).isEqualTo("STANDARD_TYPE_NOT_FOUND");
        String baseTask = api.post("/analysis-tasks", officer, task(serviceId, upload(api, dark), null)).text("id");
        Reply typed = api.post("/analysis-tasks", officer, task(serviceId, upload(api, dark), "DIM_HALL"));
        assertThat(typed.status()).as(typed.body().toString()).isEqualTo(201);
        String typedTask = typed.text("id");
        assertThat(api.get("/analysis-tasks/" + typedTask + "/instruction", officer).body().get("effective")
                .get("BRIGHTNESS_LOW").asDouble()).isEqualTo(10.0);
        assertThat(await(api, baseTask).get("status").asText()).isEqualTo("DONE");
        assertThat(await(api, typedTask).get("status").asText()).isEqualTo("DONE");
        assertThat(findings(api, baseTask)).containsExactly("BRIGHTNESS");
        assertThat(findings(api, typedTask)).isEmpty();

        // 类型删除: not while a task names it; once the task is gone, yes
        assertThat(api.get("/diagnosis-standard-types/DIM_HALL", officer).body().get("tasksUsing").asInt())
                .isEqualTo(1);
        assertThat(api.delete("/diagnosis-standard-types/DIM_HALL", officer).status()).isEqualTo(403);
        Reply inUse = api.delete("/diagnosis-standard-types/DIM_HALL", admin);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.text("code")).isEqualTo("STANDARD_TYPE_IN_USE");
        assertThat(api.delete("/analysis-tasks/" + typedTask, officer).status()).isIn(200, 204);
        assertThat(api.delete("/diagnosis-standard-types/DIM_HALL", admin).status()).isEqualTo(204);
        assertThat(api.get("/diagnosis-standard-types/DIM_HALL", officer).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM diagnosis_standard_type_threshold WHERE type_code = "
                + "'DIM_HALL'", Integer.class)).isZero();
    }

    private String upload(ApiClient api, Path clip) throws Exception {
        Reply f = api.multipart("/analysis-feeds/uploads", officer, clip.getFileName().toString(),
                Files.readAllBytes(clip), Map.of("kind", "BRIGHTNESS"));
        assertThat(f.status()).as(f.body().toString()).isEqualTo(201);
        return f.text("id");
    }

    private static Map<String, Object> task(String serviceId, String feedId, String standardType) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "BRIGHTNESS", "name", "亮度诊断", "serviceId", serviceId,
                "feedId", feedId, "maxSeconds", 60, "start", true));
        if (standardType != null) {
            body.put("instruction", Map.of("standardType", standardType));
        }
        return body;
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

    private List<String> findings(ApiClient api, String taskId) {
        Reply r = api.get("/analysis-findings?size=200&taskId=" + taskId, officer);
        assertThat(r.status()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.body().get("content").forEach(f -> out.add(f.get("code").asText()));
        return out;
    }
}
