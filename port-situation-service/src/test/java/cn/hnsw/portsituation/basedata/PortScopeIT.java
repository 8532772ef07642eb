package cn.hnsw.portsituation.basedata;

import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import cn.hnsw.portsituation.ais.AisPipeline;
import cn.hnsw.portsituation.ais.AisPosition;
import cn.hnsw.portsituation.gate.ContainerNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The port data scope ({@link PortScope}) beyond alerts, through the real API and PostgreSQL: an officer registered as a
 * port user of the Xinhai duty office sees the gates, gate passes, facilities, containers, match degree and AIS watch
 * areas of Xinhai only, and asking for Yangpu's is refused (403, zh/en); the same officer unregistered sees both ports.
 */
class PortScopeIT extends PortSituationIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AisPipeline pipeline;

    static String containerNo() {
        String base = "SCPU" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        for (int d = 0; d <= 9; d++) {
            if (ContainerNumbers.valid(base + d)) {
                return base + d;
            }
        }
        throw new IllegalStateException("no check digit for " + base);
    }

    UUID pass(String gateCode, String portCode, String flow, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO gate_pass (id, gate_code, port_code, flow, lane, state, partner_message, capture, captured_at,
                    recorded_at) VALUES (?, ?, ?, ?, 1, 'RECORDED', ?, ?::jsonb, ?, ?)
                """, id, gateCode, portCode, flow, "scope-" + id, "{\"gateCode\":\"" + gateCode + "\",\"lane\":1}",
                Timestamp.from(at), Timestamp.from(at));
        return id;
    }

    void facility(String code, String portCode, Instant at) {
        jdbc.update("""
                INSERT INTO facility (code, kind, port_code, name_zh, status, status_since, last_heartbeat_at,
                    heartbeat_timeout_s) VALUES (?, 'CAMERA', ?, '范围测试摄像机', 'ONLINE', ?, ?, 3600)
                """, code, portCode, Timestamp.from(at), Timestamp.from(at));
    }

    void position(String containerNo, String portCode, Instant at) {
        jdbc.update("""
                INSERT INTO container_position (event_id, container_no, port_code, latitude, longitude, place, stage,
                    trade, laden, occurred_at) VALUES (?, ?, ?, 20.0, 110.1, '堆场', 'IN_YARD', 'FOREIGN', true, ?)
                """, UUID.randomUUID().toString(), containerNo, portCode, Timestamp.from(at));
        jdbc.update("""
                INSERT INTO document_flow (event_id, document_no, kind, port_code, container_no, occurred_at)
                VALUES (?, ?, 'MANIFEST', ?, ?, ?)
                """, UUID.randomUUID().toString(), "MF" + containerNo, portCode, containerNo, Timestamp.from(at));
    }

    String area(String portCode, double lat, double lon) {
        String code = "SCOPE-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Api.Reply r = api.post("/v1/ais/watch-areas", maritime, Map.of("code", code, "nameZh", "范围测试区" + code,
                "nameEn", "Scope test area " + code, "kind", "ANCHORAGE", "portCode", portCode,
                "polygon", List.of(new double[] {lon - 0.01, lat - 0.01}, new double[] {lon + 0.01, lat - 0.01},
                        new double[] {lon + 0.01, lat + 0.01}, new double[] {lon - 0.01, lat + 0.01}),
                "level", "LOW", "active", false));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    static void refused(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        assertThat(reply.json().get("code").asText()).isEqualTo("PORT_SCOPE");
        assertThat(reply.json().get("messageZh").asText()).contains("XINHAI_PORT");
        assertThat(reply.json().get("messageEn").asText()).contains("XINHAI_PORT");
    }

    static List<String> ports(JsonNode nodes) {
        List<String> out = new ArrayList<>();
        nodes.forEach(n -> out.add(n.get("portCode").asText()));
        return out;
    }

    @Test
    void aRegisteredOfficerSeesThePortAreasZonesAndCamerasOfTheirPortOnly() {
        Map<String, Object> yangpuBody = AreasIT.portArea(AreasIT.code("SCOPE-YP"));
        Map<String, Object> xinhaiBody = AreasIT.portArea(AreasIT.code("SCOPE-XH"));
        xinhaiBody.put("portCode", "XINHAI_PORT");
        Api.Reply yangpuArea = api.post("/v1/base-data/port-areas", operator, yangpuBody);
        Api.Reply xinhaiArea = api.post("/v1/base-data/port-areas", operator, xinhaiBody);
        assertThat(yangpuArea.status()).as(yangpuArea.body()).isEqualTo(201);
        assertThat(xinhaiArea.status()).as(xinhaiArea.body()).isEqualTo(201);
        String yangpuAreaId = yangpuArea.json().get("id").asText();
        String xinhaiAreaId = xinhaiArea.json().get("id").asText();
        Map<String, Object> xinhaiCameraBody = CamerasIT.camera(AreasIT.code("SCOPE-XH-H"), "HIGH", null);
        Map<String, Object> yangpuCameraBody = CamerasIT.camera(AreasIT.code("SCOPE-YP-H"), "HIGH", null);
        yangpuCameraBody.put("portCode", "YANGPU_PORT");
        Api.Reply xinhaiCamera = api.post("/v1/base-data/cameras", operator, xinhaiCameraBody);
        Api.Reply yangpuCamera = api.post("/v1/base-data/cameras", operator, yangpuCameraBody);
        assertThat(xinhaiCamera.status()).as(xinhaiCamera.body()).isEqualTo(201);
        assertThat(yangpuCamera.status()).as(yangpuCamera.body()).isEqualTo(201);
        String xinhaiCameraId = xinhaiCamera.json().get("id").asText();
        String yangpuCameraId = yangpuCamera.json().get("id").asText();

        String username = "xhbase" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String officer = tokens.user(username, "customs-officer").organization("/海口海关").mint();
        // not registered: both ports
        assertThat(api.get("/v1/base-data/port-areas/" + yangpuAreaId, officer).status()).isEqualTo(200);
        assertThat(api.get("/v1/base-data/cameras/" + yangpuCameraId, officer).status()).isEqualTo(200);
        assertThat(ports(api.get("/v1/base-data/port-areas?size=200", officer).json().get("content")))
                .contains("XINHAI_PORT", "YANGPU_PORT");

        Api.Reply u = api.post("/v1/base-data/port-users", operator, PortAdminIT.body("code", username,
                "nameZh", "新海港值班员", "orgCode", "XINHAI_DUTY", "roles", List.of("DUTY_OFFICER")));
        assertThat(u.status()).as(u.body()).isEqualTo(201);
        String userId = u.json().get("id").asText();
        try {
            JsonNode areas = api.get("/v1/base-data/port-areas?size=200", officer).json().get("content");
            assertThat(ports(areas)).isNotEmpty().containsOnly("XINHAI_PORT");
            assertThat(areas.findValuesAsText("id")).contains(xinhaiAreaId).doesNotContain(yangpuAreaId);
            refused(api.get("/v1/base-data/port-areas?portCode=YANGPU_PORT", officer));
            refused(api.get("/v1/base-data/port-areas/" + yangpuAreaId, officer));
            assertThat(api.get("/v1/base-data/port-areas/" + xinhaiAreaId, officer).status()).isEqualTo(200);

            JsonNode cameras = api.get("/v1/base-data/cameras?size=200", officer).json().get("content");
            assertThat(ports(cameras)).isNotEmpty().containsOnly("XINHAI_PORT");
            assertThat(cameras.findValuesAsText("id")).contains(xinhaiCameraId).doesNotContain(yangpuCameraId);
            refused(api.get("/v1/base-data/cameras?portCode=YANGPU_PORT", officer));
            refused(api.get("/v1/base-data/cameras/export?portCode=YANGPU_PORT", officer));
            refused(api.get("/v1/base-data/cameras/" + yangpuCameraId, officer));
            assertThat(api.get("/v1/base-data/cameras/" + xinhaiCameraId, officer).status()).isEqualTo(200);

            JsonNode zones = api.get("/v1/base-data/zones?size=200", officer).json().get("content");
            zones.forEach(z -> assertThat(z.get("portCode").asText()).isEqualTo("XINHAI_PORT"));
            refused(api.get("/v1/base-data/zones?portCode=YANGPU_PORT", officer));
            refused(api.get("/v1/base-data/zones/export?portCode=YANGPU_PORT", officer));
        } finally {
            api.delete("/v1/base-data/port-users/" + userId, operator);
        }
        // unregistered again: both ports
        assertThat(api.get("/v1/base-data/port-areas/" + yangpuAreaId, officer).status()).isEqualTo(200);
        assertThat(api.get("/v1/base-data/cameras/" + yangpuCameraId, officer).status()).isEqualTo(200);
        api.delete("/v1/base-data/cameras/" + xinhaiCameraId, operator);
        api.delete("/v1/base-data/cameras/" + yangpuCameraId, operator);
        api.delete("/v1/base-data/port-areas/" + xinhaiAreaId, operator);
        api.delete("/v1/base-data/port-areas/" + yangpuAreaId, operator);
    }

    @Test
    void aRegisteredOfficerSeesTheGatesFacilitiesContainersAndAreasOfTheirPortOnly() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID xinhaiPass = pass("XINHAI-VEHICLE-ENTRY", "XINHAI_PORT", "VEHICLE", now);
        UUID yangpuPass = pass("YANGPU-CONTAINER-ENTRY", "YANGPU_PORT", "CONTAINER", now);
        String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String xinhaiCamera = "SCOPE-XH-" + suffix;
        String yangpuCamera = "SCOPE-YP-" + suffix;
        facility(xinhaiCamera, "XINHAI_PORT", now);
        facility(yangpuCamera, "YANGPU_PORT", now);
        String xinhaiBox = containerNo();
        String yangpuBox = containerNo();
        position(xinhaiBox, "XINHAI_PORT", now.minusSeconds(60));
        position(yangpuBox, "YANGPU_PORT", now.minusSeconds(60));
        String xinhaiArea = area("XINHAI_PORT", 19.90, 110.60);
        String yangpuArea = area("YANGPU_PORT", 19.60, 109.00);

        String username = "xhscope" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String officer = tokens.user(username, "maritime-officer").organization("/海南海事局").mint();
        // not registered: the platform role alone decides, both ports
        assertThat(ports(api.get("/v1/gates", officer).json())).contains("XINHAI_PORT", "YANGPU_PORT");
        assertThat(api.get("/v1/gates/passes/" + yangpuPass, officer).status()).isEqualTo(200);
        assertThat(api.get("/v1/facilities/" + yangpuCamera + "/incidents", officer).status()).isEqualTo(200);
        assertThat(api.get("/v1/containers/" + yangpuBox, officer).status()).isEqualTo(200);

        Api.Reply u = api.post("/v1/base-data/port-users", operator, PortAdminIT.body("code", username,
                "nameZh", "新海港值班员", "orgCode", "XINHAI_DUTY", "roles", List.of("DUTY_OFFICER")));
        assertThat(u.status()).as(u.body()).isEqualTo(201);
        String userId = u.json().get("id").asText();
        try {
            // gates and gate records
            assertThat(ports(api.get("/v1/gates", officer).json())).isNotEmpty().containsOnly("XINHAI_PORT");
            JsonNode passes = api.get("/v1/gates/passes?size=200", officer).json();
            assertThat(ports(passes.get("content"))).isNotEmpty().containsOnly("XINHAI_PORT");
            assertThat(passes.get("content").findValuesAsText("id")).contains(xinhaiPass.toString())
                    .doesNotContain(yangpuPass.toString());
            refused(api.get("/v1/gates/passes?portCode=YANGPU_PORT", officer));
            refused(api.get("/v1/gates/passes?gateCode=YANGPU-CONTAINER-ENTRY", officer));
            refused(api.get("/v1/gates/passes/" + yangpuPass, officer));
            assertThat(api.get("/v1/gates/passes/" + xinhaiPass, officer).status()).isEqualTo(200);
            refused(api.get("/v1/gates/YANGPU-CONTAINER-ENTRY/display", officer));
            assertThat(api.get("/v1/gates/XINHAI-VEHICLE-ENTRY/display", officer).status()).isEqualTo(200);

            // facilities
            JsonNode facilities = api.get("/v1/facilities?size=200", officer).json();
            assertThat(ports(facilities.get("content"))).isNotEmpty().containsOnly("XINHAI_PORT");
            assertThat(facilities.get("content").findValuesAsText("code")).contains(xinhaiCamera)
                    .doesNotContain(yangpuCamera);
            refused(api.get("/v1/facilities?portCode=YANGPU_PORT", officer));
            assertThat(ports(api.get("/v1/facilities/summary", officer).json())).isNotEmpty()
                    .containsOnly("XINHAI_PORT");
            refused(api.get("/v1/facilities/summary?portCode=YANGPU_PORT", officer));
            refused(api.get("/v1/facilities/" + yangpuCamera + "/incidents", officer));
            assertThat(api.get("/v1/facilities/" + xinhaiCamera + "/incidents", officer).status()).isEqualTo(200);

            // containers, trajectory and match degree
            assertThat(api.get("/v1/containers/" + xinhaiBox, officer).json().get("portCode").asText())
                    .isEqualTo("XINHAI_PORT");
            refused(api.get("/v1/containers/" + yangpuBox, officer));
            assertThat(api.get("/v1/containers/" + yangpuBox + "/track", officer).json().get("points")).isEmpty();
            assertThat(api.get("/v1/containers/" + xinhaiBox + "/track", officer).json().get("points")).hasSize(1);
            assertThat(api.get("/v1/containers?portCode=XINHAI_PORT", officer).json().get("containers")
                    .findValuesAsText("containerNo")).contains(xinhaiBox);
            refused(api.get("/v1/containers?portCode=YANGPU_PORT", officer));
            assertThat(ports(api.get("/v1/match-degree", officer).json())).containsExactly("XINHAI_PORT");
            refused(api.get("/v1/match-degree/YANGPU_PORT/unmatched", officer));
            assertThat(api.get("/v1/match-degree/XINHAI_PORT/unmatched", officer).status()).isEqualTo(200);

            // AIS watch areas: listed, changed and drawn for their own port only
            List<String> areaIds = api.get("/v1/ais/watch-areas", officer).json().findValuesAsText("id");
            assertThat(areaIds).contains(xinhaiArea).doesNotContain(yangpuArea);
            assertThat(ports(api.get("/v1/ais/watch-areas", officer).json())).containsOnly("XINHAI_PORT");
            refused(api.delete("/v1/ais/watch-areas/" + yangpuArea, officer));
            refused(api.post("/v1/ais/watch-areas/" + yangpuArea + "/confirmation", officer, Map.of()));
            Map<String, Object> drawn = new java.util.HashMap<>(Map.of("code", "SCOPE-YP2-" + suffix, "nameZh", "越权区",
                    "nameEn", "Out of scope", "kind", "ANCHORAGE", "portCode", "YANGPU_PORT",
                    "polygon", List.of(new double[] {109.0, 19.5}, new double[] {109.02, 19.5},
                            new double[] {109.02, 19.52}), "level", "LOW", "active", false));
            refused(api.post("/v1/ais/watch-areas", officer, drawn));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM zone WHERE code = ?", Long.class,
                    "SCOPE-YP2-" + suffix)).isZero();
        } finally {
            api.delete("/v1/base-data/port-users/" + userId, operator);
            api.delete("/v1/ais/watch-areas/" + xinhaiArea, maritime);
            api.delete("/v1/ais/watch-areas/" + yangpuArea, maritime);
        }
        // unregistered again: both ports
        assertThat(api.get("/v1/containers/" + yangpuBox, officer).status()).isEqualTo(200);
        assertThat(ports(api.get("/v1/match-degree", officer).json())).contains("XINHAI_PORT", "YANGPU_PORT");
        // the rows of this test leave the counts of the other tests as they were
        jdbc.update("DELETE FROM gate_pass WHERE id IN (?, ?)", xinhaiPass, yangpuPass);
        jdbc.update("DELETE FROM facility WHERE code IN (?, ?)", xinhaiCamera, yangpuCamera);
        jdbc.update("DELETE FROM container_position WHERE container_no IN (?, ?)", xinhaiBox, yangpuBox);
        jdbc.update("DELETE FROM document_flow WHERE container_no IN (?, ?)", xinhaiBox, yangpuBox);
    }

    String confirmedArea(String portCode, double lat, double lon) {
        String id = area(portCode, lat, lon);
        Api.Reply c = api.post("/v1/ais/watch-areas/" + id + "/confirmation", maritime, Map.of());
        assertThat(c.status()).as(c.body()).isEqualTo(200);
        return id;
    }

    static List<Integer> mmsis(JsonNode nodes) {
        List<Integer> out = new ArrayList<>();
        nodes.forEach(n -> out.add(n.get("mmsi").asInt()));
        return out;
    }

    @Test
    void aRegisteredOfficerSeesTheVesselsInTheirPortsWatersOnlyAndTheCommandCentreSeesAll() throws Exception {
        // two confirmed (not watched) water areas far from the other tests' ships, one per port
        String xinhaiArea = confirmedArea("XINHAI_PORT", 18.30, 108.30);
        String yangpuArea = confirmedArea("YANGPU_PORT", 18.40, 108.40);
        int base = ThreadLocalRandom.current().nextInt(100_000, 990_000);
        int inXinhai = 412_000_000 + base;
        int inYangpu = 413_000_000 + base;
        int leftXinhai = 414_000_000 + base;
        Instant t0 = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        pipeline.accept(new AisPosition(inXinhai, t0, 18.300, 108.300, 0.2f, 0f, 0, 5, "scope-feeder"));
        pipeline.accept(new AisPosition(inYangpu, t0, 18.400, 108.400, 0.1f, 0f, 0, 5, "scope-feeder"));
        // in Xinhai's waters, then out at sea (slow: under the 1 kn of ais-off): a Xinhai vessel in the past, none now
        pipeline.accept(new AisPosition(leftXinhai, t0, 18.302, 108.302, 0.5f, 90f, 90, 0, "scope-feeder"));
        pipeline.accept(new AisPosition(leftXinhai, t0.plusSeconds(20), 18.350, 108.350, 0.6f, 90f, 90, 0,
                "scope-feeder"));
        assertThat(pipeline.writer().drain(Duration.ofSeconds(10))).isTrue();
        String from = t0.minusSeconds(5).toString();
        String to = t0.plusSeconds(30).toString();
        String early = t0.plusSeconds(5).toString();
        String late = t0.plusSeconds(25).toString();

        String username = "xhais" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String officer = tokens.user(username, "maritime-officer").organization("/海南海事局").mint();
        String commander = "hncmd" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String command = tokens.user(commander, "maritime-officer").organization("/海南海事局").mint();
        // not registered (as the customs query module is): every vessel
        assertThat(api.get("/v1/ais/vessels/" + inYangpu, officer).status()).isEqualTo(200);
        assertThat(api.get("/v1/ais/vessels/" + leftXinhai, officer).status()).isEqualTo(200);
        assertThat(api.get("/v1/ais/vessels/" + inYangpu, customs).status()).isEqualTo(200);

        Api.Reply u = api.post("/v1/base-data/port-users", operator, PortAdminIT.body("code", username,
                "nameZh", "新海港值班员", "orgCode", "XINHAI_DUTY", "roles", List.of("DUTY_OFFICER")));
        assertThat(u.status()).as(u.body()).isEqualTo(201);
        String userId = u.json().get("id").asText();
        Api.Reply c = api.post("/v1/base-data/port-users", operator, PortAdminIT.body("code", commander,
                "nameZh", "指挥中心值班员", "orgCode", "HN_COMMAND", "roles", List.of("DUTY_OFFICER")));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        String commanderId = c.json().get("id").asText();
        try {
            // live list and detail: the vessel now in Xinhai's waters only
            assertThat(mmsis(api.get("/v1/ais/vessels?name=" + inXinhai, officer).json().get("content")))
                    .containsExactly(inXinhai);
            assertThat(api.get("/v1/ais/vessels?name=" + inYangpu, officer).json().get("content")).isEmpty();
            assertThat(api.get("/v1/ais/vessels?name=" + leftXinhai, officer).json().get("content")).isEmpty();
            assertThat(mmsis(api.get("/v1/ais/vessels?minLat=18.2&maxLat=18.5&minLon=108.2&maxLon=108.5&size=200",
                    officer).json().get("content"))).contains(inXinhai).doesNotContain(inYangpu, leftXinhai);
            assertThat(api.get("/v1/ais/vessels/" + inXinhai, officer).status()).isEqualTo(200);
            refused(api.get("/v1/ais/vessels/" + inYangpu, officer));
            refused(api.get("/v1/ais/vessels/" + leftXinhai, officer));

            // historical positions: where it lay in Xinhai's waters at the moment asked
            List<Integer> atEarly = mmsis(api.get("/v1/ais/positions?at=" + early, officer).json());
            assertThat(atEarly).contains(inXinhai, leftXinhai).doesNotContain(inYangpu);
            List<Integer> atLate = mmsis(api.get("/v1/ais/positions?at=" + late, officer).json());
            assertThat(atLate).contains(inXinhai).doesNotContain(inYangpu, leftXinhai);

            // track playback: cut to the fixes in Xinhai's waters
            JsonNode track = api.get("/v1/ais/vessels/" + leftXinhai + "/track?from=" + from + "&to=" + to, officer)
                    .json().get("points");
            assertThat(track).hasSize(1);
            assertThat(track.get(0).get("latitude").asDouble()).isEqualTo(18.302);
            assertThat(api.get("/v1/ais/vessels/" + inYangpu + "/track?from=" + from + "&to=" + to, officer)
                    .json().get("points")).isEmpty();

            // the command centre's organisation is limited to no port: every vessel, whole tracks
            assertThat(api.get("/v1/ais/vessels/" + inYangpu, command).status()).isEqualTo(200);
            assertThat(api.get("/v1/ais/vessels/" + leftXinhai, command).status()).isEqualTo(200);
            assertThat(mmsis(api.get("/v1/ais/positions?at=" + late, command).json()))
                    .contains(inXinhai, inYangpu, leftXinhai);
            assertThat(api.get("/v1/ais/vessels/" + leftXinhai + "/track?from=" + from + "&to=" + to, command)
                    .json().get("points")).hasSize(2);
            // the customs query module, not registered as a port user, keeps every vessel too
            assertThat(api.get("/v1/ais/vessels/" + inYangpu, customs).status()).isEqualTo(200);
        } finally {
            api.delete("/v1/base-data/port-users/" + userId, operator);
            api.delete("/v1/base-data/port-users/" + commanderId, operator);
        }
        // unregistered again: every vessel
        assertThat(api.get("/v1/ais/vessels/" + inYangpu, officer).status()).isEqualTo(200);
        assertThat(api.get("/v1/ais/vessels/" + leftXinhai + "/track?from=" + from + "&to=" + to, officer)
                .json().get("points")).hasSize(2);
        api.delete("/v1/ais/watch-areas/" + xinhaiArea, maritime);
        api.delete("/v1/ais/watch-areas/" + yangpuArea, maritime);
    }
}
