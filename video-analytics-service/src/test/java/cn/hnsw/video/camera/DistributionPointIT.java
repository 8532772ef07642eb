package cn.hnsw.video.camera;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 视频信号分发点 kept by hand on the real path: an administrator adds, changes and deletes a point, a point that still
 * serves a camera is not deleted, a bad capacity changes nothing, officers only read the list.
 */
@ServiceIntegrationTest
class DistributionPointIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final TestTokens tokens = TestTokens.issuer();
    final String officer = tokens.user("zhang.wei", "customs-officer").mint();
    final String admin = tokens.user("zhao.min", "platform-admin").mint();

    @Test
    void anAdministratorAddsChangesAndDeletesAPointThatServesNoCamera() {
        ApiClient api = new ApiClient(port);
        String code = "DP-MANUAL-" + String.valueOf(System.nanoTime()).substring(0, 6);
        Map<String, Object> point = Map.of("code", code, "nameZh", "新海港分发点", "nameEn", "Xinhai port point",
                "portCode", "HAK", "capacity", 64);
        assertThat(api.post("/distribution-points", officer, point).status()).isEqualTo(403);
        Reply added = api.post("/distribution-points", admin, point);
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        assertThat(api.post("/distribution-points", admin, point).status()).isEqualTo(409);
        assertThat(api.get("/distribution-points", officer).body().toString()).contains(code).contains("新海港分发点");

        Map<String, Object> change = Map.of("nameZh", "新海港一号分发点", "nameEn", "Xinhai port point 1", "portCode",
                "HAK", "capacity", 128);
        assertThat(api.put("/distribution-points/" + code, officer, change).status()).isEqualTo(403);
        assertThat(api.put("/distribution-points/" + code, admin, Map.of("nameZh", "x", "capacity", 0)).status())
                .isEqualTo(400);
        Reply changed = api.put("/distribution-points/" + code, admin, change);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("capacity").asInt()).isEqualTo(128);
        assertThat(api.put("/distribution-points/NOPE-" + code, admin, change).status()).isEqualTo(404);

        // a point serving a camera stays; once the camera moves away it can go
        Reply camera = api.post("/cameras", officer, Map.of("deviceCode", code + "-CAM", "name", "分发点测试摄像机",
                "cameraType", "BOX", "protocol", "RTSP", "sourceUrl", "rtsp://10.9.9.9/live"));
        assertThat(camera.status()).isEqualTo(201);
        jdbc.update("UPDATE camera SET distribution_point_code = ? WHERE id = ?::uuid", code, camera.text("id"));
        assertThat(api.delete("/distribution-points/" + code, officer).status()).isEqualTo(403);
        Reply inUse = api.delete("/distribution-points/" + code, admin);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.text("code")).isEqualTo("POINT_IN_USE");
        jdbc.update("UPDATE camera SET distribution_point_code = NULL WHERE id = ?::uuid", camera.text("id"));
        assertThat(api.delete("/distribution-points/" + code, admin).status()).isEqualTo(204);
        assertThat(api.get("/distribution-points", officer).body().toString()).doesNotContain(code);
    }
}
