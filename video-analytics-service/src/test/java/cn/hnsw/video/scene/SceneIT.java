package cn.hnsw.video.scene;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 监管场景 and 运行场所 through HTTP: administrators configure and bind, officers read, others see nothing. */
@ServiceIntegrationTest
class SceneIT {

    @LocalServerPort
    int port;

    @Test
    void venuesHoldScenesAndScenesBindCameras() {
        ApiClient api = new ApiClient(port);
        TestTokens tokens = TestTokens.issuer();
        String officer = tokens.user("zhang.wei", "customs-officer").mint();
        String admin = tokens.user("zhao.min", "platform-admin").mint();
        String trader = tokens.user("trader.li", "enterprise-user").mint();
        Reply camera = api.post("/cameras", officer, Map.of("deviceCode", "46010000001320000401", "name",
                "美兰机场 T2 出岛旅检通道 1 号", "cameraType", "FACE_CAPTURE", "protocol", "FILE", "sourceUrl", "/dev/null",
                "portCode", "HAK"));
        assertThat(camera.status()).isEqualTo(201);
        String cameraId = camera.text("id");

        // 运行场所新增/修改/查询
        Map<String, Object> venue = Map.of("code", "HAK-T2", "name", "海口美兰国际机场 T2 航站楼", "portCode", "HAK",
                "address", "海口市美兰区");
        assertThat(api.post("/venues", officer, venue).status()).isEqualTo(403);
        Reply v = api.post("/venues", admin, venue);
        assertThat(v.status()).as(v.body().toString()).isEqualTo(201);
        String venueId = v.text("id");
        assertThat(api.post("/venues", admin, venue).text("code")).isEqualTo("SCENE_CODE_TAKEN");
        assertThat(api.put("/venues/" + venueId, admin, Map.of("name", "美兰机场 T2", "portCode", "HAK")).text("name"))
                .isEqualTo("美兰机场 T2");
        assertThat(api.get("/venues?portCode=HAK", officer).body().findValuesAsText("id")).contains(venueId);

        // 监管场景新增/修改/查询; unknown analysis kinds are refused
        assertThat(api.post("/supervision-scenes", admin, Map.of("code", "X", "name", "x", "sceneType",
                "DEPARTURE_CHANNEL", "analysisKinds", List.of("TELEPATHY"))).text("code")).isEqualTo("ANALYSIS_KIND_INVALID");
        Reply s = api.post("/supervision-scenes", admin, Map.of("code", "HAK-T2-DEP-1", "name", "T2 出岛旅检通道",
                "sceneType", "DEPARTURE_CHANNEL", "analysisKinds", List.of("PORTRAIT", "RUNNING")));
        assertThat(s.status()).as(s.body().toString()).isEqualTo(201);
        String sceneId = s.text("id");
        Reply changed = api.put("/supervision-scenes/" + sceneId, admin, Map.of("analysisKinds",
                List.of("PORTRAIT", "RUNNING", "CROWD")));
        assertThat(changed.body().get("analysisKinds")).hasSize(3);
        assertThat(changed.text("sceneType")).isEqualTo("DEPARTURE_CHANNEL");

        // 监管场景绑定 (cameras) and 运行场所绑定 (scenes)
        assertThat(api.put("/supervision-scenes/" + sceneId + "/cameras", officer, Map.of("ids", List.of(cameraId)))
                .status()).isEqualTo(403);
        assertThat(api.put("/supervision-scenes/" + sceneId + "/cameras", admin, Map.of("ids",
                List.of(java.util.UUID.randomUUID()))).text("code")).isEqualTo("CAMERA_NOT_FOUND");
        Reply bound = api.put("/supervision-scenes/" + sceneId + "/cameras", admin, Map.of("ids", List.of(cameraId)));
        assertThat(bound.body().get("cameraIds").get(0).asText()).isEqualTo(cameraId);
        assertThat(api.get("/supervision-scenes?cameraId=" + cameraId, officer).body().findValuesAsText("id"))
                .containsExactly(sceneId);
        Reply held = api.put("/venues/" + venueId + "/scenes", admin, Map.of("ids", List.of(sceneId)));
        assertThat(held.body().get("sceneIds").get(0).asText()).isEqualTo(sceneId);
        assertThat(api.get("/supervision-scenes/" + sceneId, officer).text("venueId")).isEqualTo(venueId);
        assertThat(api.get("/venues", trader).status()).isEqualTo(403);

        // 删除: a venue that holds scenes stays; released, it goes
        assertThat(api.delete("/venues/" + venueId, admin).text("code")).isEqualTo("VENUE_IN_USE");
        assertThat(api.delete("/supervision-scenes/" + sceneId, admin).status()).isEqualTo(204);
        assertThat(api.get("/supervision-scenes/" + sceneId, officer).status()).isEqualTo(404);
        assertThat(api.delete("/venues/" + venueId, admin).status()).isEqualTo(204);
        assertThat(api.get("/venues/" + venueId, officer).status()).isEqualTo(404);
    }
}
