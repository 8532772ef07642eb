package cn.hnsw.portsituation.basedata;

import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 物流线路、场所标签、联网平台 through the API on the real database: add, edit, enable/disable, search, delete, labels
 * linked to business data that exists, refusals in both languages that change nothing, and who may do what.
 */
class CatalogueIT extends PortSituationIT {

    @Autowired
    JdbcTemplate jdbc;

    static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static Map<String, Object> route(String code, String trade, String mode, String port) {
        return new HashMap<>(Map.of("code", code, "nameZh", "洋浦—钦州内贸集装箱航线", "nameEn", "Yangpu–Qinzhou feeder",
                "trade", trade, "mode", mode, "portCode", port, "origin", "洋浦港", "destination", "钦州港"));
    }

    static Map<String, Object> platform(String code, String protocol, String gb) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "nameZh", "秀英港视频联网平台", "protocol", protocol,
                "host", "10.46.8.20", "port", 5060, "portCode", "XIUYING_PORT", "enabled", true));
        if (gb != null) {
            body.put("gbDeviceId", gb);
        }
        return body;
    }

    @Test
    void logisticsRoutesAreAddedEditedEnabledDisabledSearchedAndDeleted() {
        String code = code("YP-QZ");
        Api.Reply created = api.post("/v1/base-data/logistics-routes", operator, route(code, "DOMESTIC", "SEA", "YANGPU_PORT"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("enabled").asBoolean()).isTrue();
        String id = created.json().get("id").asText();
        Map<String, Object> edit = route(code, "FOREIGN", "SEA", "YANGPU_PORT");
        edit.put("destination", "新加坡港");
        JsonNode edited = api.put("/v1/base-data/logistics-routes/" + id, operator, edit).json();
        assertThat(edited.get("trade").asText()).isEqualTo("FOREIGN");
        assertThat(edited.get("destination").asText()).isEqualTo("新加坡港");
        JsonNode disabled = api.put("/v1/base-data/logistics-routes/" + id + "/enabled", operator,
                Map.of("enabled", false)).json();
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        String air = code("HAK-AIR");
        Api.Reply airRoute = api.post("/v1/base-data/logistics-routes", operator,
                route(air, "DOMESTIC", "AIR", "MEILAN_AIRPORT"));
        assertThat(airRoute.status()).isEqualTo(201);
        String airId = airRoute.json().get("id").asText();
        Map<String, Object> airEdit = route(air, "DOMESTIC", "AIR", "MEILAN_AIRPORT");
        airEdit.put("destination", "广州白云机场");
        assertThat(api.put("/v1/base-data/logistics-routes/" + airId, operator, airEdit).json().get("destination")
                .asText()).isEqualTo("广州白云机场");
        assertThat(api.put("/v1/base-data/logistics-routes/" + airId + "/enabled", operator, Map.of("enabled", false))
                .json().get("enabled").asBoolean()).isFalse();
        assertThat(api.put("/v1/base-data/logistics-routes/" + airId + "/enabled", operator, Map.of("enabled", true))
                .json().get("enabled").asBoolean()).isTrue();

        JsonNode foreignSea = api.get("/v1/base-data/logistics-routes?trade=FOREIGN&mode=SEA&enabled=false&q=" + code,
                customs).json();
        assertThat(foreignSea.get("content")).extracting(n -> n.get("code").asText()).containsExactly(code);
        JsonNode airRoutes = api.get("/v1/base-data/logistics-routes?mode=AIR&size=200", maritime).json();
        assertThat(airRoutes.get("content")).extracting(n -> n.get("code").asText()).contains(air).doesNotContain(code);
        assertThat(api.get("/v1/base-data/logistics-routes/" + id, customs).json().get("destination").asText())
                .isEqualTo("新加坡港");

        // refusals: unknown trade, a sea route at an airport, same origin and destination, a taken code
        long before = jdbc.queryForObject("SELECT count(*) FROM logistics_route", Long.class);
        Map<String, Object> sameEnds = route(code("R"), "DOMESTIC", "SEA", "XINHAI_PORT");
        sameEnds.put("destination", "洋浦港");
        for (Map<String, Object> bad : List.of(route(code("R"), "BARTER", "SEA", "YANGPU_PORT"),
                route(code("R"), "DOMESTIC", "SEA", "MEILAN_AIRPORT"), route(code("R"), "DOMESTIC", "AIR", "XINHAI_PORT"),
                sameEnds, route("lower case", "DOMESTIC", "SEA", "YANGPU_PORT"))) {
            Api.Reply r = api.post("/v1/base-data/logistics-routes", operator, bad);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("code").asText()).isEqualTo("ROUTE_INVALID");
            assertThat(r.json().get("messageZh").asText()).startsWith("物流线路信息无效");
        }
        assertThat(api.post("/v1/base-data/logistics-routes", operator, route(code, "DOMESTIC", "SEA", "YANGPU_PORT"))
                .status()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM logistics_route", Long.class)).isEqualTo(before);

        assertThat(api.put("/v1/base-data/logistics-routes/" + id + "/enabled", customs, Map.of("enabled", true))
                .status()).isEqualTo(403);
        assertThat(api.delete("/v1/base-data/logistics-routes/" + id, maritime).status()).isEqualTo(403);
        assertThat(api.delete("/v1/base-data/logistics-routes/" + id, operator).status()).isEqualTo(204);
        assertThat(api.get("/v1/base-data/logistics-routes/" + id, operator).status()).isEqualTo(404);
        assertThat(api.delete("/v1/base-data/logistics-routes/" + airId, operator).status()).isEqualTo(204);
    }

    @Test
    void siteLabelsAreLinkedOnlyToBusinessDataThatExistsAndFoundByWhatTheyLabel() {
        String gate = jdbc.queryForObject("SELECT code FROM gate ORDER BY code LIMIT 1", String.class);
        String label = code("KEY");
        Api.Reply created = api.post("/v1/base-data/site-labels", operator, Map.of("code", label, "nameZh", "重点监管场所",
                "nameEn", "Key supervision site", "color", "#E6A23C", "links", List.of(
                        Map.of("targetType", "GATE", "targetCode", gate),
                        Map.of("targetType", "PORT_AREA", "targetCode", "YANGPU-SHENTOU"),
                        Map.of("targetType", "PORT", "targetCode", "XINHAI_PORT"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.json().get("links")).hasSize(3);

        JsonNode onGate = api.get("/v1/base-data/site-labels?targetType=GATE&targetCode=" + gate, customs).json();
        assertThat(onGate.get("content")).extracting(n -> n.get("code").asText()).contains(label);
        JsonNode onOtherPort = api.get("/v1/base-data/site-labels?targetType=PORT&targetCode=YANGPU_PORT&q=" + label,
                customs).json();
        assertThat(onOtherPort.get("totalElements").asLong()).isZero();

        // an edit replaces the links
        JsonNode edited = api.put("/v1/base-data/site-labels/" + id, operator, Map.of("nameZh", "查验场所",
                "color", "#409EFF", "links", List.of(Map.of("targetType", "PORT", "targetCode", "YANGPU_PORT")))).json();
        assertThat(edited.get("links")).extracting(n -> n.get("targetCode").asText()).containsExactly("YANGPU_PORT");

        long links = jdbc.queryForObject("SELECT count(*) FROM site_label_link", Long.class);
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("nameZh", "标签", "links", List.of(Map.of("targetType", "GATE", "targetCode", "NO-SUCH-GATE"))),
                Map.<String, Object>of("nameZh", "标签", "links", List.of(Map.of("targetType", "SHIP", "targetCode", "X"))),
                Map.<String, Object>of("nameZh", "标签", "color", "red"),
                Map.<String, Object>of("nameZh", ""))) {
            Api.Reply r = api.put("/v1/base-data/site-labels/" + id, operator, bad);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("code").asText()).isEqualTo("LABEL_INVALID");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM site_label_link", Long.class)).isEqualTo(links);
        assertThat(api.get("/v1/base-data/site-labels/" + id, maritime).json().get("nameZh").asText()).isEqualTo("查验场所");
        assertThat(api.post("/v1/base-data/site-labels", customs, Map.of("code", code("KEY"), "nameZh", "x")).status())
                .isEqualTo(403);
        assertThat(api.delete("/v1/base-data/site-labels/" + id, operator).status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM site_label_link WHERE label_id = ?::uuid", Long.class, id))
                .isZero();
    }

    @Test
    void videoPlatformsAreMaintainedWithTheirProtocolRules() {
        String code = code("XY-GB");
        Api.Reply created = api.post("/v1/base-data/video-platforms", operator,
                platform(code, "GB28181", "46010600002000000001"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        Map<String, Object> edit = platform(code, "RTSP", null);
        edit.put("port", 554);
        edit.put("enabled", false);
        JsonNode edited = api.put("/v1/base-data/video-platforms/" + id, operator, edit).json();
        assertThat(edited.get("protocol").asText()).isEqualTo("RTSP");
        assertThat(edited.get("port").asInt()).isEqualTo(554);
        assertThat(edited.get("enabled").asBoolean()).isFalse();
        JsonNode list = api.get("/v1/base-data/video-platforms?protocol=RTSP&portCode=XIUYING_PORT&q=" + code, border())
                .json();
        assertThat(list.get("content")).extracting(n -> n.get("code").asText()).containsExactly(code);

        long before = jdbc.queryForObject("SELECT count(*) FROM video_platform", Long.class);
        Map<String, Object> badPort = platform(code("P"), "RTSP", null);
        badPort.put("port", 70000);
        Map<String, Object> badHost = platform(code("P"), "RTSP", null);
        badHost.put("host", "http://10.0.0.1/");
        for (Map<String, Object> bad : List.of(platform(code("P"), "GB28181", null), platform(code("P"), "GB28181", "4601"),
                platform(code("P"), "RTSP", "46010600002000000001"), platform(code("P"), "SIP", null), badPort, badHost)) {
            Api.Reply r = api.post("/v1/base-data/video-platforms", operator, bad);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("code").asText()).isEqualTo("PLATFORM_INVALID");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM video_platform", Long.class)).isEqualTo(before);
        assertThat(api.post("/v1/base-data/video-platforms", customs, platform(code("P"), "HLS", null)).status())
                .isEqualTo(403);
        assertThat(api.get("/v1/base-data/video-platforms", tokens.user("youke", "traveler").mint()).status())
                .isEqualTo(403);
        assertThat(api.delete("/v1/base-data/video-platforms/" + id, operator).status()).isEqualTo(204);
        assertThat(Api.await(Duration.ofSeconds(10), () -> {
            Long n = jdbc.queryForObject("SELECT count(*) FROM audit_operation_log WHERE action LIKE"
                    + " '%/base-data/video-platforms%' AND actor_name = 'xingzhiyuan'", Long.class);
            return n != null && n >= 3 ? n : null;
        })).isGreaterThanOrEqualTo(3);
    }

    String border() {
        return tokens.user("chenbian", "border-officer").organization("/海口边检站").mint();
    }
}
