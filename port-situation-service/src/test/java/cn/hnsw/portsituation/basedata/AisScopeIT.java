package cn.hnsw.portsituation.basedata;

import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import cn.hnsw.portsituation.ais.AisPipeline;
import cn.hnsw.portsituation.ais.AisPosition;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The port data scope on the AIS statistics and on confirming water areas, through the real API and PostgreSQL: an
 * officer limited to Xinhai gets the statistics of the vessels in Xinhai's confirmed waters only (no feed-wide counters),
 * the command centre the whole feed; an officer limited to a port drafts water areas of their port but cannot confirm
 * them (a confirmed area widens the vessels they see), nor anything of another port; the command centre confirms.
 */
class AisScopeIT extends PortSituationIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AisPipeline pipeline;

    String area(String token, String portCode, double lat, double lon) {
        String code = "AISSCOPE-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Api.Reply r = api.post("/v1/ais/watch-areas", token, Map.of("code", code, "nameZh", "统计范围区" + code,
                "nameEn", "Statistics scope area " + code, "kind", "ANCHORAGE", "portCode", portCode,
                "polygon", AreasIT.square(lat, lon, 0.01), "level", "LOW", "active", false));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    String status(String id) {
        return jdbc.queryForObject("SELECT status FROM zone WHERE id = ?::uuid", String.class, id);
    }

    static long typeCount(JsonNode stats, String type) {
        for (JsonNode n : stats.get("vesselsByType")) {
            if (type.equals(n.get("shipType").asText())) {
                return n.get("count").asLong();
            }
        }
        return 0;
    }

    @Test
    void aPortLimitedOfficerGetsTheStatisticsOfTheirWatersAndCannotConfirmWaterAreas() throws Exception {
        String xinhaiArea = area(maritime, "XINHAI_PORT", 18.10, 108.10);
        String yangpuArea = area(maritime, "YANGPU_PORT", 18.20, 108.20);
        assertThat(api.post("/v1/ais/watch-areas/" + xinhaiArea + "/confirmation", maritime, Map.of()).status())
                .isEqualTo(200);
        assertThat(api.post("/v1/ais/watch-areas/" + yangpuArea + "/confirmation", maritime, Map.of()).status())
                .isEqualTo(200);
        int base = ThreadLocalRandom.current().nextInt(100_000, 990_000);
        int inXinhai = 415_000_000 + base;
        int inYangpu = 416_000_000 + base;
        Instant t0 = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        pipeline.accept(new AisPosition(inXinhai, t0, 18.100, 108.100, 0.2f, 0f, 0, 5, "stats-scope"));
        pipeline.accept(new AisPosition(inYangpu, t0, 18.200, 108.200, 0.1f, 0f, 0, 5, "stats-scope"));
        assertThat(pipeline.writer().drain(Duration.ofSeconds(10))).isTrue();

        String username = "xhstat" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String officer = tokens.user(username, "maritime-officer").organization("/海南海事局").mint();
        String commander = "hnstat" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String command = tokens.user(commander, "maritime-officer").organization("/海南海事局").mint();
        String opName = "xhop" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String portOperator = tokens.user(opName, "sw-operator").mint();
        // not registered: the whole feed
        JsonNode unregistered = api.get("/v1/ais/statistics", officer).json();
        assertThat(unregistered.has("feeders")).isTrue();
        assertThat(unregistered.get("vessels").asInt()).isGreaterThanOrEqualTo(2);

        List<String> userIds = new java.util.ArrayList<>();
        for (String[] u : List.of(new String[] {username, "XINHAI_DUTY"}, new String[] {commander, "HN_COMMAND"},
                new String[] {opName, "XINHAI_DUTY"})) {
            Api.Reply r = api.post("/v1/base-data/port-users", operator, PortAdminIT.body("code", u[0],
                    "nameZh", "统计范围值班员", "orgCode", u[1], "roles", List.of("DUTY_OFFICER")));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            userIds.add(r.json().get("id").asText());
        }
        String draft = null;
        String zoneId = null;
        String ownZoneId = null;
        String pointId = null;
        try {
            // statistics: the vessels now in Xinhai's confirmed waters, the same as the officer's live list
            JsonNode stats = api.get("/v1/ais/statistics", officer).json();
            assertThat(stats.get("portCode").asText()).isEqualTo("XINHAI_PORT");
            assertThat(stats.has("feeders")).isFalse();
            assertThat(stats.has("positionReports")).isFalse();
            assertThat(stats.has("reportsPerHour")).isFalse();
            JsonNode visible = api.get("/v1/ais/vessels?size=200", officer).json();
            assertThat(stats.get("vessels").asLong()).isEqualTo(visible.get("totalElements").asLong());
            assertThat(visible.get("content").findValuesAsText("mmsi")).contains(String.valueOf(inXinhai))
                    .doesNotContain(String.valueOf(inYangpu));
            long typed = 0;
            for (JsonNode n : stats.get("vesselsByType")) {
                typed += n.get("count").asLong();
            }
            assertThat(typed).isEqualTo(stats.get("vessels").asLong());
            assertThat(typeCount(stats, "UNKNOWN")).isPositive();
            // the command centre: the whole feed, more vessels than Xinhai's waters hold
            JsonNode all = api.get("/v1/ais/statistics", command).json();
            assertThat(all.has("feeders")).isTrue();
            assertThat(all.get("vessels").asLong()).isGreaterThan(stats.get("vessels").asLong());

            // confirming: a draft of their own port is refused to the port-limited officer and stays a draft
            draft = area(officer, "XINHAI_PORT", 18.15, 108.15);
            Api.Reply refused = api.post("/v1/ais/watch-areas/" + draft + "/confirmation", officer, Map.of());
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.json().get("code").asText()).isEqualTo("WATERS_CONFIRM_SCOPE");
            assertThat(refused.json().get("messageZh").asText()).contains("XINHAI_PORT").contains("指挥中心");
            assertThat(refused.json().get("messageEn").asText()).contains("command centre");
            assertThat(status(draft)).isEqualTo("DRAFT");
            // another port's area: the port scope refuses first
            Api.Reply other = api.post("/v1/ais/watch-areas/" + yangpuArea + "/confirmation", officer, Map.of());
            assertThat(other.status()).isEqualTo(403);
            assertThat(other.json().get("code").asText()).isEqualTo("PORT_SCOPE");
            // the command centre (no port limit) confirms
            Api.Reply confirmed = api.post("/v1/ais/watch-areas/" + draft + "/confirmation", command, Map.of());
            assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
            assertThat(status(draft)).isEqualTo("CONFIRMED");

            // base data: a water zone of Yangpu cannot be confirmed by an operator limited to Xinhai
            Api.Reply zone = api.post("/v1/base-data/zones", operator, AreasIT.zone(AreasIT.code("AISSCOPE"),
                    "YANGPU-SHENTOU", "ANCHORAGE", AreasIT.square(18.25, 108.25, 0.001)));
            assertThat(zone.status()).as(zone.body()).isEqualTo(201);
            zoneId = zone.json().get("id").asText();
            Api.Reply zoneRefused = api.post("/v1/base-data/zones/" + zoneId + "/confirmation", portOperator, Map.of());
            assertThat(zoneRefused.status()).as(zoneRefused.body()).isEqualTo(403);
            assertThat(zoneRefused.json().get("code").asText()).isEqualTo("PORT_SCOPE");
            assertThat(status(zoneId)).isEqualTo("DRAFT");
            assertThat(api.post("/v1/base-data/zones/" + zoneId + "/confirmation", operator, Map.of()).status())
                    .isEqualTo(200);
            // nor changed, deleted or drawn in another port's area by them; in their own port's area: drawn, not confirmed
            Map<String, Object> yangpuZone = AreasIT.zone(zone.json().get("code").asText(), "YANGPU-SHENTOU", "ANCHORAGE",
                    AreasIT.square(18.26, 108.26, 0.001));
            PortScopeIT.refused(api.put("/v1/base-data/zones/" + zoneId, portOperator, yangpuZone));
            PortScopeIT.refused(api.delete("/v1/base-data/zones/" + zoneId, portOperator));
            assertThat(status(zoneId)).isEqualTo("CONFIRMED");
            String otherCode = AreasIT.code("AISSCOPE-YP");
            PortScopeIT.refused(api.post("/v1/base-data/zones", portOperator, AreasIT.zone(otherCode, "YANGPU-SHENTOU",
                    "ANCHORAGE", AreasIT.square(18.27, 108.27, 0.001))));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM zone WHERE code = ?", Long.class, otherCode)).isZero();
            PortScopeIT.refused(api.post("/v1/base-data/port-areas", portOperator, AreasIT.portArea(AreasIT.code("SCOPE-YP"))));
            Api.Reply own = api.post("/v1/base-data/zones", portOperator, AreasIT.zone(AreasIT.code("AISSCOPE-XH"), "XINHAI",
                    "ANCHORAGE", AreasIT.square(18.28, 108.28, 0.001)));
            assertThat(own.status()).as(own.body()).isEqualTo(201);
            ownZoneId = own.json().get("id").asText();
            Api.Reply ownRefused = api.post("/v1/base-data/zones/" + ownZoneId + "/confirmation", portOperator, Map.of());
            assertThat(ownRefused.status()).isEqualTo(403);
            assertThat(ownRefused.json().get("code").asText()).isEqualTo("WATERS_CONFIRM_SCOPE");
            // zone points: of their port's zones only (read and changed)
            String yangpuPoint = AreasIT.code("AISSCOPE-PY");
            Api.Reply pointReply = api.post("/v1/base-data/zone-points", operator,
                    AreasIT.point(yangpuPoint, zone.json().get("code").asText(), 18.25, 108.25));
            assertThat(pointReply.status()).as(pointReply.body()).isEqualTo(201);
            pointId = pointReply.json().get("id").asText();
            PortScopeIT.refused(api.get("/v1/base-data/zone-points/" + pointId, portOperator));
            PortScopeIT.refused(api.delete("/v1/base-data/zone-points/" + pointId, portOperator));
            PortScopeIT.refused(api.post("/v1/base-data/zone-points/" + pointId + "/confirmation", portOperator, Map.of()));
            PortScopeIT.refused(api.post("/v1/base-data/zone-points", portOperator,
                    AreasIT.point(AreasIT.code("AISSCOPE-PY2"), zone.json().get("code").asText(), 18.25, 108.25)));
            assertThat(api.get("/v1/base-data/zone-points?q=" + yangpuPoint, portOperator).json().get("content")).isEmpty();
            assertThat(api.get("/v1/base-data/zone-points?q=" + yangpuPoint, operator).json().get("content")).hasSize(1);
            assertThat(api.get("/v1/base-data/zone-points/" + pointId, customs).status()).isEqualTo(200);
            // moving their zone into another port's area is refused too
            PortScopeIT.refused(api.put("/v1/base-data/zones/" + ownZoneId, portOperator, AreasIT.zone(
                    own.json().get("code").asText(), "YANGPU-SHENTOU", "ANCHORAGE", AreasIT.square(18.28, 108.28, 0.001))));
            assertThat(status(ownZoneId)).isEqualTo("DRAFT");
        } finally {
            for (String id : userIds) {
                api.delete("/v1/base-data/port-users/" + id, operator);
            }
            for (String id : new String[] {xinhaiArea, yangpuArea, draft}) {
                if (id != null) {
                    api.delete("/v1/ais/watch-areas/" + id, maritime);
                }
            }
            if (pointId != null) {
                api.delete("/v1/base-data/zone-points/" + pointId, operator);
            }
            for (String id : new String[] {zoneId, ownZoneId}) {
                if (id != null) {
                    api.delete("/v1/base-data/zones/" + id, operator);
                }
            }
        }
        // unregistered again: the whole feed
        assertThat(api.get("/v1/ais/statistics", officer).json().has("feeders")).isTrue();
    }
}
