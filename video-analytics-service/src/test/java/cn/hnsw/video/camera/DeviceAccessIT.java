package cn.hnsw.video.camera;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 设备物联管理 on the real path: a camera's access (type and protocol) is changed by an officer, an unknown type or a
 * device code already taken is refused and changes nothing, cameras are found by code or name page by page, and
 * only an administrator deletes one; reviewers look, enterprises see nothing.
 */
@ServiceIntegrationTest
class DeviceAccessIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final TestTokens tokens = TestTokens.issuer();
    final String officer = tokens.user("zhang.wei", "customs-officer").mint();
    final String reviewer = tokens.user("li.qiang", "customs-reviewer").mint();
    final String admin = tokens.user("zhao.min", "platform-admin").mint();
    final String trader = tokens.user("trader.li", "enterprise-user").mint();

    @Test
    void aCamerasAccessIsChangedFoundAndDeletedByTheRightRolesOnly() {
        ApiClient api = new ApiClient(port);
        String tag = String.valueOf(System.nanoTime()).substring(0, 6);
        Map<String, Object> camera = new HashMap<>(Map.of("deviceCode", "46010000001310" + tag, "name",
                "新海港出岛旅检大厅 " + tag, "cameraType", "BOX", "protocol", "RTSP", "sourceUrl",
                "rtsp://10.1.2.3/live/" + tag, "portCode", "HAK"));
        Reply created = api.post("/cameras", officer, camera);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("id");
        Map<String, Object> other = new HashMap<>(camera);
        other.put("deviceCode", "46010000001311" + tag);
        other.put("name", "新海港出岛通道 " + tag);
        assertThat(api.post("/cameras", officer, other).status()).isEqualTo(201);

        // 设备接入类型管理 / 设备接入修改: the access type (camera type, protocol, address) changes
        Map<String, Object> change = new HashMap<>(camera);
        change.put("cameraType", "FACE_CAPTURE");
        change.put("protocol", "GB28181");
        change.put("sourceUrl", "gb28181://34020000002000000001/" + tag);
        assertThat(api.put("/cameras/" + id, reviewer, change).status()).isEqualTo(403);
        Reply changed = api.put("/cameras/" + id, officer, change);
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.text("cameraType")).isEqualTo("FACE_CAPTURE");
        assertThat(changed.text("protocol")).isEqualTo("GB28181");
        Map<String, Object> badType = new HashMap<>(change);
        badType.put("cameraType", "THERMAL_DRONE");
        assertThat(api.put("/cameras/" + id, officer, badType).status()).isEqualTo(400);
        Map<String, Object> taken = new HashMap<>(change);
        taken.put("deviceCode", other.get("deviceCode"));
        Reply clash = api.put("/cameras/" + id, officer, taken);
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.text("code")).isEqualTo("DEVICE_CODE_TAKEN");
        assertThat(jdbc.queryForObject("SELECT camera_type || '/' || protocol || '/' || device_code FROM camera "
                + "WHERE id = ?::uuid", String.class, id)).isEqualTo("FACE_CAPTURE/GB28181/46010000001310" + tag);

        // 设备接入查询: by code or name, paged; reviewers look, enterprises do not
        Reply byName = api.get("/cameras?q=" + tag + "&size=1", reviewer);
        assertThat(byName.status()).isEqualTo(200);
        assertThat(byName.body().get("totalElements").asInt()).isEqualTo(2);
        assertThat(byName.body().get("content").size()).isEqualTo(1);
        assertThat(api.get("/cameras?q=46010000001311" + tag, officer).body().get("content").get(0).get("name")
                .asText()).isEqualTo("新海港出岛通道 " + tag);
        assertThat(api.get("/cameras/" + id, reviewer).text("protocol")).isEqualTo("GB28181");
        assertThat(api.get("/cameras?q=" + tag, trader).status()).isEqualTo(403);

        // 设备接入删除: administrators only
        assertThat(api.delete("/cameras/" + id, officer).status()).isEqualTo(403);
        assertThat(api.delete("/cameras/" + id, admin).status()).isEqualTo(204);
        assertThat(api.get("/cameras/" + id, officer).status()).isEqualTo(404);
        assertThat(api.get("/cameras?q=" + tag, officer).body().get("totalElements").asInt()).isEqualTo(1);
    }
    @Test
    void aCameraThatHasCapturedFacesIsRefusedDeletionAndOneWithoutStillDeletes() {
        ApiClient api = new ApiClient(port);
        String tag = String.valueOf(System.nanoTime()).substring(0, 6);
        Map<String, Object> camera = new HashMap<>(Map.of("deviceCode", "46010000001320" + tag, "name",
                "美兰机场国际到达 " + tag, "cameraType", "FACE_CAPTURE", "protocol", "RTSP", "sourceUrl",
                "rtsp://10.1.2.4/live/" + tag, "portCode", "HAK"));
        Reply created = api.post("/cameras", officer, camera);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("id");
        jdbc.update("INSERT INTO face_capture (id, camera_id, device_code, captured_at, box, detector_score, "
                + "snapshot_key, source) VALUES (gen_random_uuid(), ?::uuid, ?, now(), '{1,2,30,40}', 0.93, ?, 'CAMERA')",
                id, camera.get("deviceCode"), "faces/" + tag + ".jpg");

        // 设备接入删除 of a camera whose captures are kept: refused with a problem detail, nothing removed
        Reply refused = api.delete("/cameras/" + id, admin);
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("CAMERA_IN_USE");
        assertThat(refused.text("messageZh")).contains("仍有抓拍");
        assertThat(refused.text("messageEn")).contains("still has captures");
        assertThat(api.get("/cameras/" + id, officer).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM face_capture WHERE camera_id = ?::uuid", Integer.class,
                id)).isEqualTo(1);

        // a camera without captures still deletes
        Map<String, Object> bare = new HashMap<>(camera);
        bare.put("deviceCode", "46010000001321" + tag);
        String bareId = api.post("/cameras", officer, bare).text("id");
        assertThat(api.delete("/cameras/" + bareId, admin).status()).isEqualTo(204);
        assertThat(api.get("/cameras/" + bareId, officer).status()).isEqualTo(404);
    }
}
