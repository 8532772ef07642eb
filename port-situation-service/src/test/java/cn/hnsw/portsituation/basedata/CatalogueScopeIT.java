package cn.hnsw.portsituation.basedata;

import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data scope of a port (FP 606–627) on the site labels and the video platforms of the base data, through the real
 * API and PostgreSQL: an officer or operator registered as a Xinhai port user reads and changes only Xinhai's labels and
 * platforms (another port's, or the command centre's shared ones, are refused with {@code PORT_SCOPE} and left as they
 * were); the command centre (an officer not limited to a port) reads and changes all of them.
 */
class CatalogueScopeIT extends PortSituationIT {

    @Autowired
    JdbcTemplate jdbc;

    static Map<String, Object> label(String code, String port, List<Map<String, Object>> links) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "nameZh", "重点监管场所", "color", "#E6A23C",
                "links", links));
        if (port != null) {
            body.put("portCode", port);
        }
        return body;
    }

    static Map<String, Object> link(String type, String code) {
        return Map.of("targetType", type, "targetCode", code);
    }

    static Map<String, Object> platform(String code, String port) {
        Map<String, Object> body = CatalogueIT.platform(code, "HLS", null);
        body.put("portCode", port);
        return body;
    }

    String created(Api.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    @Test
    void aPortLimitedOperatorReadsAndChangesOnlyItsOwnPortsSiteLabels() {
        String xinhaiGate = jdbc.queryForObject("SELECT code FROM gate WHERE port_code = 'XINHAI_PORT' ORDER BY code"
                + " LIMIT 1", String.class);
        String yangpuGate = jdbc.queryForObject("SELECT code FROM gate WHERE port_code = 'YANGPU_PORT' ORDER BY code"
                + " LIMIT 1", String.class);
        String prefix = CatalogueIT.code("SCOPE");
        // the command centre's operator labels any port's records, and shared labels
        String xinhaiId = created(api.post("/v1/base-data/site-labels", operator, label(prefix + "-XH", "XINHAI_PORT",
                List.of(link("GATE", xinhaiGate), link("PORT_AREA", "XINHAI"), link("PORT", "XINHAI_PORT")))));
        String yangpuId = created(api.post("/v1/base-data/site-labels", operator, label(prefix + "-YP", "YANGPU_PORT",
                List.of(link("GATE", yangpuGate), link("PORT_AREA", "YANGPU-SHENTOU")))));
        String sharedId = created(api.post("/v1/base-data/site-labels", operator, label(prefix + "-ALL", null,
                List.of(link("PORT", "XINHAI_PORT"), link("PORT", "YANGPU_PORT")))));
        // a label of a port links only that port's records
        for (Map<String, Object> link : List.of(link("GATE", yangpuGate), link("PORT", "YANGPU_PORT"),
                link("PORT_AREA", "YANGPU-YANGPU"))) {
            Api.Reply r = api.post("/v1/base-data/site-labels", operator, label(prefix + "-BAD", "XINHAI_PORT",
                    List.of(link)));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("code").asText()).isEqualTo("LABEL_INVALID");
            assertThat(r.json().get("messageZh").asText()).contains("不属于口岸");
        }
        JsonNode all = api.get("/v1/base-data/site-labels?size=50&q=" + prefix, customs).json();
        assertThat(all.get("content").findValuesAsText("code")).containsExactlyInAnyOrder(prefix + "-XH",
                prefix + "-YP", prefix + "-ALL");
        assertThat(api.get("/v1/base-data/site-labels?size=50&portCode=YANGPU_PORT&q=" + prefix, customs).json()
                .get("content").findValuesAsText("code")).containsExactly(prefix + "-YP");

        String opName = "xhlabop" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String portOperator = tokens.user(opName, "sw-operator").mint();
        String offName = "xhlabof" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String portOfficer = tokens.user(offName, "customs-officer").organization("/海口海关").mint();
        String opId = PortAdminITAccess.registerXinhai(api, operator, opName);
        String offId = PortAdminITAccess.registerXinhai(api, operator, offName);
        try {
            // reads: Xinhai's label only
            for (String who : List.of(portOperator, portOfficer)) {
                assertThat(api.get("/v1/base-data/site-labels?size=50&q=" + prefix, who).json().get("content")
                        .findValuesAsText("code")).containsExactly(prefix + "-XH");
                assertThat(api.get("/v1/base-data/site-labels/" + xinhaiId, who).status()).isEqualTo(200);
                PortScopeIT.refused(api.get("/v1/base-data/site-labels/" + yangpuId, who));
                PortScopeIT.refused(api.get("/v1/base-data/site-labels/" + sharedId, who));
                PortScopeIT.refused(api.get("/v1/base-data/site-labels?portCode=YANGPU_PORT", who));
            }
            // changes: another port's and the shared labels are refused and stay as they were
            Map<String, Object> rename = label(prefix + "-YP", "YANGPU_PORT", List.of(link("GATE", yangpuGate)));
            rename.put("nameZh", "改名");
            PortScopeIT.refused(api.put("/v1/base-data/site-labels/" + yangpuId, portOperator, rename));
            PortScopeIT.refused(api.put("/v1/base-data/site-labels/" + sharedId, portOperator,
                    label(prefix + "-ALL", "XINHAI_PORT", List.of(link("PORT", "XINHAI_PORT")))));
            PortScopeIT.refused(api.delete("/v1/base-data/site-labels/" + yangpuId, portOperator));
            PortScopeIT.refused(api.delete("/v1/base-data/site-labels/" + sharedId, portOperator));
            PortScopeIT.refused(api.post("/v1/base-data/site-labels", portOperator, label(prefix + "-YP2", "YANGPU_PORT",
                    List.of(link("GATE", yangpuGate)))));
            PortScopeIT.refused(api.post("/v1/base-data/site-labels", portOperator, label(prefix + "-NONE", null,
                    List.of())));
            // moving its own label to another port is refused too
            PortScopeIT.refused(api.put("/v1/base-data/site-labels/" + xinhaiId, portOperator, label(prefix + "-XH",
                    "YANGPU_PORT", List.of(link("GATE", yangpuGate)))));
            assertThat(api.get("/v1/base-data/site-labels/" + yangpuId, customs).json().get("nameZh").asText())
                    .isEqualTo("重点监管场所");
            assertThat(api.get("/v1/base-data/site-labels/" + xinhaiId, customs).json().get("portCode").asText())
                    .isEqualTo("XINHAI_PORT");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM site_label WHERE code LIKE ?", Long.class,
                    prefix + "%")).isEqualTo(3);
            // its own port's labels: edited, added and deleted; an officer limited to the port only reads
            Map<String, Object> edit = label(prefix + "-XH", "XINHAI_PORT", List.of(link("GATE", xinhaiGate)));
            edit.put("nameZh", "查验场所");
            JsonNode edited = api.put("/v1/base-data/site-labels/" + xinhaiId, portOperator, edit).json();
            assertThat(edited.get("nameZh").asText()).isEqualTo("查验场所");
            assertThat(edited.get("links").findValuesAsText("targetCode")).containsExactly(xinhaiGate);
            String ownId = created(api.post("/v1/base-data/site-labels", portOperator, label(prefix + "-XH2",
                    "XINHAI_PORT", List.of(link("PORT", "XINHAI_PORT")))));
            assertThat(api.post("/v1/base-data/site-labels", portOfficer, label(prefix + "-XH3", "XINHAI_PORT",
                    List.of())).status()).isEqualTo(403);
            assertThat(api.delete("/v1/base-data/site-labels/" + ownId, portOperator).status()).isEqualTo(204);
        } finally {
            api.delete("/v1/base-data/port-users/" + opId, operator);
            api.delete("/v1/base-data/port-users/" + offId, operator);
            for (String id : List.of(xinhaiId, yangpuId, sharedId)) {
                api.delete("/v1/base-data/site-labels/" + id, operator);
            }
        }
    }

    @Test
    void aPortLimitedOperatorReadsAndChangesOnlyItsOwnPortsVideoPlatforms() {
        String prefix = CatalogueIT.code("VPS");
        String xinhaiId = created(api.post("/v1/base-data/video-platforms", operator, platform(prefix + "-XH",
                "XINHAI_PORT")));
        String yangpuId = created(api.post("/v1/base-data/video-platforms", operator, platform(prefix + "-YP",
                "YANGPU_PORT")));
        String sharedId = created(api.post("/v1/base-data/video-platforms", operator, platform(prefix + "-ALL", null)));
        assertThat(api.get("/v1/base-data/video-platforms?size=50&q=" + prefix, maritime).json().get("content")
                .findValuesAsText("code")).containsExactlyInAnyOrder(prefix + "-XH", prefix + "-YP", prefix + "-ALL");

        String opName = "xhvpop" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String portOperator = tokens.user(opName, "sw-operator").mint();
        String offName = "xhvpof" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String portOfficer = tokens.user(offName, "maritime-officer").organization("/海南海事局").mint();
        String opId = PortAdminITAccess.registerXinhai(api, operator, opName);
        String offId = PortAdminITAccess.registerXinhai(api, operator, offName);
        try {
            for (String who : List.of(portOperator, portOfficer)) {
                assertThat(api.get("/v1/base-data/video-platforms?size=50&q=" + prefix, who).json().get("content")
                        .findValuesAsText("code")).containsExactly(prefix + "-XH");
                assertThat(api.get("/v1/base-data/video-platforms/" + xinhaiId, who).status()).isEqualTo(200);
                PortScopeIT.refused(api.get("/v1/base-data/video-platforms/" + yangpuId, who));
                PortScopeIT.refused(api.get("/v1/base-data/video-platforms/" + sharedId, who));
                PortScopeIT.refused(api.get("/v1/base-data/video-platforms?portCode=YANGPU_PORT", who));
                // the platform's streams, cameras and recordings are read through the same scope
                PortScopeIT.refused(api.get("/v1/base-data/video-platforms/" + yangpuId + "/streams", who));
                PortScopeIT.refused(api.get("/v1/base-data/video-platforms/" + sharedId + "/cameras", who));
            }
            Map<String, Object> rename = platform(prefix + "-YP", "YANGPU_PORT");
            rename.put("nameZh", "改名");
            PortScopeIT.refused(api.put("/v1/base-data/video-platforms/" + yangpuId, portOperator, rename));
            PortScopeIT.refused(api.put("/v1/base-data/video-platforms/" + xinhaiId, portOperator,
                    platform(prefix + "-XH", "YANGPU_PORT")));
            PortScopeIT.refused(api.delete("/v1/base-data/video-platforms/" + yangpuId, portOperator));
            PortScopeIT.refused(api.delete("/v1/base-data/video-platforms/" + sharedId, portOperator));
            PortScopeIT.refused(api.post("/v1/base-data/video-platforms", portOperator, platform(prefix + "-YP2",
                    "YANGPU_PORT")));
            PortScopeIT.refused(api.post("/v1/base-data/video-platforms", portOperator, platform(prefix + "-NONE",
                    null)));
            assertThat(api.get("/v1/base-data/video-platforms/" + yangpuId, maritime).json().get("nameZh").asText())
                    .isEqualTo("秀英港视频联网平台");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM video_platform WHERE code LIKE ?", Long.class,
                    prefix + "%")).isEqualTo(3);

            Map<String, Object> edit = platform(prefix + "-XH", "XINHAI_PORT");
            edit.put("nameZh", "新海港视频联网平台");
            assertThat(api.put("/v1/base-data/video-platforms/" + xinhaiId, portOperator, edit).json().get("nameZh")
                    .asText()).isEqualTo("新海港视频联网平台");
            String ownId = created(api.post("/v1/base-data/video-platforms", portOperator, platform(prefix + "-XH2",
                    "XINHAI_PORT")));
            assertThat(api.post("/v1/base-data/video-platforms", portOfficer, platform(prefix + "-XH3", "XINHAI_PORT"))
                    .status()).isEqualTo(403);
            assertThat(api.delete("/v1/base-data/video-platforms/" + ownId, portOperator).status()).isEqualTo(204);
        } finally {
            api.delete("/v1/base-data/port-users/" + opId, operator);
            api.delete("/v1/base-data/port-users/" + offId, operator);
            for (String id : List.of(xinhaiId, yangpuId, sharedId)) {
                api.delete("/v1/base-data/video-platforms/" + id, operator);
            }
        }
    }
}
