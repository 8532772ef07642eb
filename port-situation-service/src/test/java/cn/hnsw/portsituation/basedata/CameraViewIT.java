package cn.hnsw.portsituation.basedata;

import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 高点/低点摄像机信息列表与查看 (S2 FP 531, 539, 541, 549) through the real API and PostgreSQL: the high and the low
 * cameras listed apart for officers, and the read-only view of a camera with its pairing (a high camera's low cameras,
 * a low camera's high camera); refused for another port to a port-limited officer and to non-officers.
 */
class CameraViewIT extends PortSituationIT {

    String create(Map<String, Object> body) {
        Api.Reply r = api.post("/v1/base-data/cameras", operator, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    @Test
    void officersListHighAndLowCamerasApartAndViewACameraWithItsPairing() {
        String high = AreasIT.code("VIEW-H");
        String low1 = AreasIT.code("VIEW-L1");
        String low2 = AreasIT.code("VIEW-L2");
        String highId = create(CamerasIT.camera(high, "HIGH", null));
        String low1Id = create(CamerasIT.camera(low1, "LOW", high));
        String low2Id = create(CamerasIT.camera(low2, "LOW", high));
        Map<String, Object> yangpuBody = CamerasIT.camera(AreasIT.code("VIEW-YP"), "HIGH", null);
        yangpuBody.put("portCode", "YANGPU_PORT");
        String yangpuId = create(yangpuBody);
        try {
            // the lists, one kind each
            JsonNode highs = api.get("/v1/base-data/cameras?kind=HIGH&q=" + high + "&size=50", customs).json();
            assertThat(highs.get("content").findValuesAsText("code")).containsExactly(high);
            JsonNode lows = api.get("/v1/base-data/cameras?kind=LOW&q=VIEW-L&size=200", maritime).json();
            assertThat(lows.get("content").findValuesAsText("code")).contains(low1, low2).doesNotContain(high);
            lows.get("content").forEach(c -> assertThat(c.get("kind").asText()).isEqualTo("LOW"));

            // the view of a high camera: its low cameras
            JsonNode view = api.get("/v1/base-data/cameras/" + highId + "/view", customs).json();
            assertThat(view.get("camera").get("code").asText()).isEqualTo(high);
            assertThat(view.get("lowCameras").findValuesAsText("code")).containsExactly(low1, low2);
            // of a low camera: its high camera
            JsonNode lowView = api.get("/v1/base-data/cameras/" + low2Id + "/view", maritime).json();
            assertThat(lowView.get("camera").get("kind").asText()).isEqualTo("LOW");
            assertThat(lowView.get("highCamera").get("code").asText()).isEqualTo(high);
            assertThat(lowView.has("lowCameras")).isFalse();

            // refused: unknown camera, non-officers, another port to a port-limited officer
            Api.Reply missing = api.get("/v1/base-data/cameras/" + UUID.randomUUID() + "/view", customs);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("code").asText()).isEqualTo("CAMERA_NOT_FOUND");
            assertThat(api.get("/v1/base-data/cameras/" + highId + "/view", tokens.user("youke", "traveler").mint())
                    .status()).isEqualTo(403);
            String username = "xhview" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
            String officer = tokens.user(username, "customs-officer").organization("/海口海关").mint();
            assertThat(api.get("/v1/base-data/cameras/" + yangpuId + "/view", officer).status()).isEqualTo(200);
            String opName = "xhcamop" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
            String portOperator = tokens.user(opName, "sw-operator").mint();
            String userId = PortAdminITAccess.registerXinhai(api, operator, username);
            String opId = PortAdminITAccess.registerXinhai(api, operator, opName);
            try {
                // an operator limited to Xinhai keeps Xinhai's cameras only, and imports nothing
                Map<String, Object> other = CamerasIT.camera(AreasIT.code("VIEW-YP2"), "HIGH", null);
                other.put("portCode", "YANGPU_PORT");
                PortScopeIT.refused(api.post("/v1/base-data/cameras", portOperator, other));
                PortScopeIT.refused(api.put("/v1/base-data/cameras/" + yangpuId, portOperator, yangpuBody));
                PortScopeIT.refused(api.post("/v1/base-data/cameras/" + yangpuId + "/confirmation", portOperator, Map.of()));
                PortScopeIT.refused(api.delete("/v1/base-data/cameras/" + yangpuId, portOperator));
                Map<String, Object> moved = CamerasIT.camera(high, "HIGH", null);
                moved.put("portCode", "YANGPU_PORT");
                PortScopeIT.refused(api.put("/v1/base-data/cameras/" + highId, portOperator, moved));
                for (String path : List.of("/v1/base-data/cameras/import", "/v1/base-data/zones/import",
                        "/v1/base-data/zone-points/import")) {
                    Api.Reply imported = api.postRaw(path, portOperator, "application/octet-stream", new byte[] {1, 2, 3});
                    assertThat(imported.status()).as(path).isEqualTo(403);
                    assertThat(imported.json().get("code").asText()).isEqualTo("IMPORT_SCOPE");
                    assertThat(imported.json().get("messageZh").asText()).contains("XINHAI_PORT");
                }
                assertThat(api.get("/v1/base-data/cameras/" + yangpuId, customs).json().get("portCode").asText())
                        .isEqualTo("YANGPU_PORT");
                Api.Reply own = api.post("/v1/base-data/cameras", portOperator, CamerasIT.camera(AreasIT.code("VIEW-XH2"),
                        "HIGH", null));
                assertThat(own.status()).as(own.body()).isEqualTo(201);
                assertThat(api.delete("/v1/base-data/cameras/" + own.json().get("id").asText(), portOperator).status())
                        .isEqualTo(204);

                PortScopeIT.refused(api.get("/v1/base-data/cameras/" + yangpuId + "/view", officer));
                assertThat(api.get("/v1/base-data/cameras/" + highId + "/view", officer).json().get("lowCameras")
                        .findValuesAsText("code")).containsExactly(low1, low2);
                PortScopeIT.refused(api.get("/v1/base-data/cameras?kind=HIGH&portCode=YANGPU_PORT", officer));
            } finally {
                api.delete("/v1/base-data/port-users/" + userId, operator);
                api.delete("/v1/base-data/port-users/" + opId, operator);
            }
        } finally {
            api.delete("/v1/base-data/cameras/" + low1Id, operator);
            api.delete("/v1/base-data/cameras/" + low2Id, operator);
            api.delete("/v1/base-data/cameras/" + highId, operator);
            api.delete("/v1/base-data/cameras/" + yangpuId, operator);
        }
    }
}
