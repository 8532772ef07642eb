package cn.hnsw.portsituation.basedata;

import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import cn.hnsw.portsituation.ais.AisReceiver;
import cn.hnsw.portsituation.ais.Nmea;
import com.fasterxml.jackson.databind.JsonNode;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 港区、区域、区域点位 through the API on the real database and broker: add, edit, confirm, search and paging, delete
 * refused while in use, Excel export that imports again and all-or-nothing import, refusals that change nothing, who
 * may do what (with the operation log), and a confirmed restricted zone watched by the AIS warnings.
 */
class AreasIT extends PortSituationIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AisReceiver receiver;

    static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static List<double[]> square(double lat, double lon, double half) {
        return List.of(new double[] {lon - half, lat - half}, new double[] {lon + half, lat - half},
                new double[] {lon + half, lat + half}, new double[] {lon - half, lat + half});
    }

    static Map<String, Object> portArea(String code) {
        return new HashMap<>(Map.of("code", code, "nameZh", "洋浦港区" + code, "nameEn", "Yangpu area " + code,
                "portCode", "YANGPU_PORT", "latitude", 19.73, "longitude", 109.19, "description", "集装箱及散货作业"));
    }

    static Map<String, Object> zone(String code, String area, String kind, List<double[]> polygon) {
        return new HashMap<>(Map.of("code", code, "nameZh", "重点区域" + code, "kind", kind, "portAreaCode", area,
                "polygon", polygon, "level", "HIGH", "active", true));
    }

    static Map<String, Object> point(String code, String zone, double lat, double lon) {
        return new HashMap<>(Map.of("code", code, "nameZh", "卡口点位" + code, "zoneCode", zone, "kind", "GATE",
                "latitude", lat, "longitude", lon));
    }

    @Test
    void portAreasZonesAndPointsAreMaintainedConfirmedSearchedAndDeletedByOperatorsOnly() {
        String area = code("YP");
        Api.Reply created = api.post("/v1/base-data/port-areas", operator, portArea(area));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("DRAFT");
        String areaId = created.json().get("id").asText();
        JsonNode confirmed = api.post("/v1/base-data/port-areas/" + areaId + "/confirmation", operator, Map.of()).json();
        assertThat(confirmed.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("confirmedBy").asText()).isEqualTo("xingzhiyuan");
        Map<String, Object> edit = portArea(area);
        edit.put("nameZh", "洋浦港区（扩建）");
        JsonNode edited = api.put("/v1/base-data/port-areas/" + areaId, operator, edit).json();
        assertThat(edited.get("nameZh").asText()).isEqualTo("洋浦港区（扩建）");
        assertThat(edited.get("status").asText()).isEqualTo("DRAFT");
        JsonNode page = api.get("/v1/base-data/port-areas?portCode=YANGPU_PORT&q=" + area + "&size=1", customs).json();
        assertThat(page.get("totalElements").asLong()).isEqualTo(1);
        assertThat(api.get("/v1/base-data/port-areas?portCode=YANGPU_PORT", customs).json().get("content"))
                .extracting(n -> n.get("code").asText()).contains("YANGPU-YANGPU", "YANGPU-SHENTOU");

        // a key area on land with a gate point inside it
        String zone = code("YP-KEY");
        Api.Reply z = api.post("/v1/base-data/zones", operator,
                zone(zone, area, "FIRST_LINE", square(19.73, 109.19, 0.01)));
        assertThat(z.status()).as(z.body()).isEqualTo(201);
        assertThat(z.json().get("portCode").asText()).isEqualTo("YANGPU_PORT");
        String zoneId = z.json().get("id").asText();
        String gate = code("YP-GATE");
        Api.Reply p = api.post("/v1/base-data/zone-points", operator, point(gate, zone, 19.731, 109.191));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        String pointId = p.json().get("id").asText();
        assertThat(api.post("/v1/base-data/zone-points/" + pointId + "/confirmation", operator, Map.of()).json()
                .get("status").asText()).isEqualTo("CONFIRMED");
        JsonNode pts = api.get("/v1/base-data/zone-points?zoneCode=" + zone, maritime).json();
        assertThat(pts.get("content")).extracting(n -> n.get("code").asText()).containsExactly(gate);
        assertThat(api.get("/v1/base-data/zones?kind=FIRST_LINE&portAreaCode=" + area, maritime).json()
                .get("totalElements").asLong()).isEqualTo(1);

        // nothing goes while something refers to it
        Api.Reply areaInUse = api.delete("/v1/base-data/port-areas/" + areaId, operator);
        assertThat(areaInUse.status()).isEqualTo(409);
        assertThat(areaInUse.json().get("code").asText()).isEqualTo("IN_USE");
        assertThat(api.delete("/v1/base-data/zones/" + zoneId, operator).status()).isEqualTo(409);
        assertThat(api.delete("/v1/base-data/zone-points/" + pointId, operator).status()).isEqualTo(204);
        assertThat(api.delete("/v1/base-data/zones/" + zoneId, operator).status()).isEqualTo(204);
        assertThat(api.delete("/v1/base-data/port-areas/" + areaId, operator).status()).isEqualTo(204);
        assertThat(api.get("/v1/base-data/port-areas/" + areaId, operator).status()).isEqualTo(404);

        // officers read but do not change; travellers and enterprises do not read
        assertThat(api.post("/v1/base-data/port-areas", maritime, portArea(code("YP"))).status()).isEqualTo(403);
        assertThat(api.post("/v1/base-data/zones", customs, zone(code("Z"), "YANGPU-YANGPU", "YARD",
                square(19.73, 109.19, 0.01))).status()).isEqualTo(403);
        assertThat(api.get("/v1/base-data/zones", tokens.user("youke", "traveler").mint()).status()).isEqualTo(403);
        assertThat(api.get("/v1/base-data/zone-points",
                tokens.user("qiye", "enterprise-admin").enterprise("91460000MA5T000001").mint()).status()).isEqualTo(403);
        assertThat(Api.await(Duration.ofSeconds(10), () -> {
            Long n = jdbc.queryForObject("SELECT count(*) FROM audit_operation_log WHERE (action LIKE '%/base-data/zone%'"
                    + " OR action LIKE '%/base-data/port-areas%') AND actor_name = 'xingzhiyuan'", Long.class);
            return n != null && n >= 9 ? n : null;
        })).isGreaterThanOrEqualTo(9);
    }

    @Test
    void badAreasZonesAndPointsAreRefusedInBothLanguagesAndChangeNothing() {
        long areas = jdbc.queryForObject("SELECT count(*) FROM port_area", Long.class);
        long zones = jdbc.queryForObject("SELECT count(*) FROM zone", Long.class);
        long points = jdbc.queryForObject("SELECT count(*) FROM zone_point", Long.class);
        for (Map<String, Object> bad : List.of(with(portArea("bad code"), "code", "bad code"),
                with(portArea(code("YP")), "portCode", "ATLANTIS"), with(portArea(code("YP")), "latitude", 40.0),
                with(portArea(code("YP")), "nameZh", ""))) {
            Api.Reply r = api.post("/v1/base-data/port-areas", operator, bad);
            assertThat(r.status()).as(bad.toString()).isEqualTo(400);
            assertThat(r.json().get("code").asText()).isEqualTo("PORT_AREA_INVALID");
        }
        assertThat(api.post("/v1/base-data/port-areas", operator, portArea("YANGPU-YANGPU")).status()).isEqualTo(409);
        List<double[]> bowTie = List.of(new double[] {109.18, 19.72}, new double[] {109.20, 19.74},
                new double[] {109.20, 19.72}, new double[] {109.18, 19.74});
        for (Map<String, Object> bad : List.of(zone(code("Z"), "NO-SUCH-AREA", "YARD", square(19.73, 109.19, 0.01)),
                zone(code("Z"), "YANGPU-YANGPU", "LAKE", square(19.73, 109.19, 0.01)),
                zone(code("Z"), "YANGPU-YANGPU", "YARD", bowTie),
                zone(code("Z"), "YANGPU-YANGPU", "YARD", square(49.73, 9.19, 0.01)),
                zone(code("Z"), "YANGPU-YANGPU", "CHANNEL", square(19.73, 109.19, 0.01)),
                with(zone(code("Z"), "YANGPU-YANGPU", "YARD", square(19.73, 109.19, 0.01)), "speedLimitKnots", 12))) {
            Api.Reply r = api.post("/v1/base-data/zones", operator, bad);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("code").asText()).isEqualTo("ZONE_INVALID");
        }
        String zone = code("YP-YARD");
        assertThat(api.post("/v1/base-data/zones", operator, zone(zone, "YANGPU-YANGPU", "YARD",
                square(19.73, 109.19, 0.01))).status()).isEqualTo(201);
        zones++;
        Api.Reply outside = api.post("/v1/base-data/zone-points", operator, point(code("P"), zone, 19.80, 109.19));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().get("code").asText()).isEqualTo("POINT_INVALID");
        assertThat(outside.json().get("messageEn").asText()).contains("outside zone " + zone);
        Api.Reply badKind = api.post("/v1/base-data/zone-points", operator,
                with(point(code("P"), zone, 19.73, 109.19), "kind", "TOWER"));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("messageZh").asText()).startsWith("区域点位信息无效");
        assertThat(badKind.json().get("messageEn").asText()).startsWith("The zone point is invalid");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM port_area", Long.class)).isEqualTo(areas);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM zone", Long.class)).isEqualTo(zones);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM zone_point", Long.class)).isEqualTo(points);
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }

    @Test
    void zonesAndPointsExportAndImportAgainAndABadImportChangesNothing() throws Exception {
        String zone = code("XH-KEY");
        String p1 = code("XH-P");
        String p2 = code("XH-P");
        byte[] zones = workbook(List.<String[]>of(new String[] {zone, "新海港查验区", "Xinhai inspection area", "INSPECTION", "XINHAI",
                "110.15 20.05; 110.16 20.05; 110.16 20.06; 110.15 20.06", "", "MEDIUM", "是"}));
        Api.Reply imported = api.postRaw("/v1/base-data/zones/import", operator, XLSX, zones);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("created").asInt()).isEqualTo(1);
        byte[] points = workbook(List.<String[]>of(new String[] {p1, "查验区入口", "", zone, "CHECKPOINT", "20.051", "110.151"},
                new String[] {p2, "查验区出口", "exit", zone, "GATE", "20.059", "110.159"}));
        Api.Reply pi = api.postRaw("/v1/base-data/zone-points/import", operator, XLSX, points);
        assertThat(pi.status()).as(pi.body()).isEqualTo(200);
        assertThat(pi.json().get("created").asInt()).isEqualTo(2);

        // the export holds what was imported and imports again as updates
        Api.Reply zoneExport = api.get("/v1/base-data/zones/export?q=" + zone, operator);
        assertThat(zoneExport.status()).isEqualTo(200);
        List<Row> rows = rows(zoneExport.bytes());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).getCellText(0)).isEqualTo(zone);
        assertThat(rows.get(1).getCellText(5)).startsWith("110.15 20.05");
        Api.Reply again = api.postRaw("/v1/base-data/zones/import", operator, XLSX, zoneExport.bytes());
        assertThat(again.json().get("updated").asInt()).isEqualTo(1);
        Api.Reply pointExport = api.get("/v1/base-data/zone-points/export?zoneCode=" + zone, maritime);
        assertThat(rows(pointExport.bytes())).hasSize(3);
        Api.Reply pointsAgain = api.postRaw("/v1/base-data/zone-points/import", operator, XLSX, pointExport.bytes());
        assertThat(pointsAgain.json().get("updated").asInt()).isEqualTo(2);

        // one bad row refuses the whole file
        long before = jdbc.queryForObject("SELECT count(*) FROM zone_point", Long.class);
        byte[] bad = workbook(List.<String[]>of(new String[] {code("XH-P"), "好点位", "", zone, "GATE", "20.055", "110.155"},
                new String[] {code("XH-P"), "区域外点位", "", zone, "GATE", "20.20", "110.155"},
                new String[] {code("XH-P"), "坏坐标", "", zone, "GATE", "北纬二十度", "110.155"}));
        Api.Reply refused = api.postRaw("/v1/base-data/zone-points/import", operator, XLSX, bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asText()).isEqualTo("IMPORT_INVALID");
        assertThat(refused.json().get("messageEn").asText()).contains("row 3").contains("row 4");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM zone_point", Long.class)).isEqualTo(before);
        assertThat(api.postRaw("/v1/base-data/zones/import", operator, XLSX, "not excel".getBytes()).status())
                .isEqualTo(400);
        assertThat(api.postRaw("/v1/base-data/zones/import", maritime, XLSX, zones).status()).isEqualTo(403);
    }

    @Test
    void aConfirmedRestrictedZoneIsWatchedByTheAisWarnings() throws Exception {
        int mmsi = 413_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
        String zone = code("NOGO");
        double lat = 19.60 + ThreadLocalRandom.current().nextInt(100) * 0.001;
        Api.Reply created = api.post("/v1/base-data/zones", operator,
                zone(zone, "YANGPU-SHENTOU", "RESTRICTED", square(lat, 108.90, 0.0004)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        // a draft zone is not watched yet
        sendTcp(Nmea.position(mmsi, lat, 108.90, 6.0, 90, 0));
        Thread.sleep(1500);
        assertThat(alertFor(mmsi)).isNull();

        api.post("/v1/base-data/zones/" + created.json().get("id").asText() + "/confirmation", operator, Map.of());
        sendTcp(Nmea.position(mmsi, lat - 0.01, 108.90, 6.0, 0, 0));
        sendTcp(Nmea.position(mmsi, lat, 108.90, 6.0, 0, 0));
        JsonNode alert = Api.await(Duration.ofSeconds(30), () -> alertFor(mmsi));
        assertThat(alert.get("attributes").get("areaCode").asText()).isEqualTo(zone);
    }

    JsonNode alertFor(int mmsi) {
        for (JsonNode a : api.get("/v1/alerts?type=restricted-area-entry&size=200", customs).json().get("content")) {
            if (a.get("attributes").path("mmsi").asText().equals(String.valueOf(mmsi))) {
                return a;
            }
        }
        return null;
    }

    void sendTcp(List<String> lines) throws Exception {
        try (Socket s = new Socket("127.0.0.1", receiver.tcpPort())) {
            OutputStream out = s.getOutputStream();
            for (String line : lines) {
                out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            Thread.sleep(100);
        }
    }

    static List<Row> rows(byte[] xlsx) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             Stream<Row> s = wb.getFirstSheet().openStream()) {
            return s.toList();
        }
    }

    static byte[] workbook(List<String[]> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet sheet = wb.newWorksheet("data");
        sheet.value(0, 0, "header");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).length; c++) {
                sheet.value(r + 1, c, rows.get(r)[c]);
            }
        }
        wb.finish();
        return out.toByteArray();
    }
}
