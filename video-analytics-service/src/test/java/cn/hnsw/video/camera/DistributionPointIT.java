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

    /**
     * 视频信号分发 / 分发管理 / 分发提示: an administrator distributes a camera's signal through a point to a receiving
     * organisation and stops it; the receiver is told through the outbox each time; a point that is down or full,
     * a second distribution of the same camera to the same receiver and a receiver that is not an organisation path
     * change nothing; officers see the distributions to their organisation or a unit below it, no others.
     */
    @Test
    void anAdministratorDistributesACameraSignalToAnOrganisationWhichIsToldAndSeesIt() {
        ApiClient api = new ApiClient(port);
        String suffix = String.valueOf(System.nanoTime()).substring(5, 11);
        String point = "DP-SIG-" + suffix;
        String meilan = "/haikou-customs/meilan-" + suffix;
        String meilanOfficer = tokens.user("lin.hai", "customs-officer").organization(meilan).mint();
        String sanyaOfficer = tokens.user("wu.yan", "customs-officer").organization("/sanya-customs-" + suffix).mint();
        String trader = tokens.user("trader.li", "enterprise-user").mint();
        assertThat(api.post("/distribution-points", admin, Map.of("code", point, "nameZh", "秀英港分发点", "capacity", 2))
                .status()).isEqualTo(201);
        String cam1 = api.post("/cameras", officer, Map.of("deviceCode", point + "-C1", "name", "秀英港一号闸口",
                "cameraType", "BOX", "protocol", "RTSP", "sourceUrl", "rtsp://10.9.9.1/live")).text("id");
        String cam2 = api.post("/cameras", officer, Map.of("deviceCode", point + "-C2", "name", "秀英港二号闸口",
                "cameraType", "BOX", "protocol", "RTSP", "sourceUrl", "rtsp://10.9.9.2/live")).text("id");

        Map<String, Object> toMeilan = Map.of("cameraId", cam1, "pointCode", point, "receiverOrg", meilan + "/command",
                "receiverName", "美兰海关指挥中心", "purpose", "旅检现场联合查验");
        assertThat(api.post("/signal-distributions", officer, toMeilan).status()).isEqualTo(403);
        assertThat(api.get("/signal-distributions", trader).status()).isEqualTo(403);
        Map<String, Object> noPath = new java.util.HashMap<>(toMeilan);
        noPath.put("receiverOrg", "meilan");
        Reply bad = api.post("/signal-distributions", admin, noPath);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().toString()).containsPattern("[\\u4e00-\\u9fa5]");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal_distribution WHERE point_code = ?", Integer.class,
                point)).isZero();

        Reply started = api.post("/signal-distributions", admin, toMeilan);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        assertThat(started.text("status")).isEqualTo("ACTIVE");
        assertThat(started.text("cameraCode")).isEqualTo(point + "-C1");
        String id = started.text("id");
        // 分发提示: the receiver is told through the outbox
        String notice = jdbc.queryForObject("SELECT envelope::text FROM event_outbox WHERE aggregate_id = ? AND "
                + "topic = ?", String.class, id, SignalDistributionService.TOPIC);
        assertThat(notice).contains("signal-distribution-started").contains(meilan + "/command")
                .contains("美兰海关指挥中心").contains(point + "-C1");

        Reply twice = api.post("/signal-distributions", admin, toMeilan);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("code")).isEqualTo("ALREADY_DISTRIBUTED");
        Map<String, Object> cam2ToMeilan = new java.util.HashMap<>(toMeilan);
        cam2ToMeilan.put("cameraId", cam2);
        assertThat(api.post("/signal-distributions", admin, cam2ToMeilan).status()).isEqualTo(201);
        // the point carries two signals: a third waits until one stops
        Map<String, Object> toSanya = new java.util.HashMap<>(toMeilan);
        toSanya.put("receiverOrg", "/sanya-customs-" + suffix);
        toSanya.put("receiverName", "三亚海关");
        Reply full = api.post("/signal-distributions", admin, toSanya);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.text("code")).isEqualTo("POINT_FULL");
        // a point that is offline distributes nothing
        jdbc.update("UPDATE distribution_point SET capacity = 10, status = 'OFFLINE' WHERE code = ?", point);
        Reply down = api.post("/signal-distributions", admin, toSanya);
        assertThat(down.status()).isEqualTo(409);
        assertThat(down.text("code")).isEqualTo("POINT_DOWN");
        jdbc.update("UPDATE distribution_point SET capacity = 2, status = 'ONLINE' WHERE code = ?", point);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal_distribution WHERE point_code = ?", Integer.class,
                point)).isEqualTo(2);

        // officers of the receiving organisation see its distributions; others see none and are refused one
        assertThat(api.get("/signal-distributions?pointCode=" + point, meilanOfficer).body().size()).isEqualTo(2);
        assertThat(api.get("/signal-distributions/" + id, meilanOfficer).status()).isEqualTo(200);
        assertThat(api.get("/signal-distributions?pointCode=" + point, sanyaOfficer).body().size()).isZero();
        Reply hidden = api.get("/signal-distributions/" + id, sanyaOfficer);
        assertThat(hidden.status()).isEqualTo(403);
        assertThat(hidden.text("code")).isEqualTo("DISTRIBUTION_NOT_VISIBLE");
        assertThat(api.get("/signal-distributions?pointCode=" + point + "&status=ACTIVE", admin).body().size())
                .isEqualTo(2);

        // a point distributing signals is not deleted
        jdbc.update("UPDATE camera SET distribution_point_code = NULL WHERE device_code LIKE ?", point + "%");
        Reply inUse = api.delete("/distribution-points/" + point, admin);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.text("code")).isEqualTo("POINT_DISTRIBUTING");

        // stopped: the receiver is told, a second stop is refused, the freed place takes the waiting one
        assertThat(api.post("/signal-distributions/" + id + "/stop", meilanOfficer, Map.of()).status()).isEqualTo(403);
        Reply stopped = api.post("/signal-distributions/" + id + "/stop", admin, Map.of("reason", "查验结束"));
        assertThat(stopped.status()).as(stopped.body().toString()).isEqualTo(200);
        assertThat(stopped.text("status")).isEqualTo("STOPPED");
        assertThat(stopped.text("stoppedBy")).isEqualTo("zhao.min");
        assertThat(jdbc.queryForObject("SELECT envelope::text FROM event_outbox WHERE aggregate_id = ? AND "
                + "envelope::text LIKE '%signal-distribution-stopped%'", String.class, id)).contains("查验结束");
        assertThat(api.post("/signal-distributions/" + id + "/stop", admin, Map.of()).text("code"))
                .isEqualTo("DISTRIBUTION_STOPPED");
        assertThat(api.post("/signal-distributions", admin, toSanya).status()).isEqualTo(201);
        assertThat(api.get("/signal-distributions?cameraId=" + cam1, admin).body().size()).isEqualTo(2);
    }
}
