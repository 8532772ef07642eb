package cn.hnsw.portsituation.basedata;

import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 高点/低点摄像机信息维护 through the API on the real database: add, edit, confirm, search and paging, the high/low
 * pairing, delete refused while paired, Excel export that imports again, all-or-nothing import, refusals that change
 * nothing, and who may do what (with the operation log).
 */
class CamerasIT extends PortSituationIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    JdbcTemplate jdbc;

    static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static Map<String, Object> camera(String code, String kind, String high) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "nameZh", "新海港" + code, "nameEn", "Xinhai " + code,
                "kind", kind, "portCode", "XINHAI_PORT", "latitude", 20.055, "longitude", 110.155,
                "streamUrl", "rtsp://10.8.1.20:554/Streaming/Channels/101"));
        if (high != null) {
            body.put("highCameraCode", high);
        }
        return body;
    }

    @Test
    void camerasAreAddedPairedEditedConfirmedSearchedAndDeletedByOperatorsOnly() {
        String high = code("XH-H");
        String low = code("XH-L");
        Api.Reply created = api.post("/v1/base-data/cameras", operator, camera(high, "HIGH", null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("DRAFT");
        String highId = created.json().get("id").asText();
        JsonNode lowCamera = api.post("/v1/base-data/cameras", operator, camera(low, "LOW", high)).json();
        assertThat(lowCamera.get("highCameraCode").asText()).isEqualTo(high);

        // confirm, then an edit makes it a draft again
        JsonNode confirmed = api.post("/v1/base-data/cameras/" + highId + "/confirmation", operator, Map.of()).json();
        assertThat(confirmed.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("confirmedBy").asText()).isEqualTo("xingzhiyuan");
        Map<String, Object> edit = camera(high, "HIGH", null);
        edit.put("nameZh", "新海港高点一号");
        JsonNode edited = api.put("/v1/base-data/cameras/" + highId, operator, edit).json();
        assertThat(edited.get("nameZh").asText()).isEqualTo("新海港高点一号");
        assertThat(edited.get("status").asText()).isEqualTo("DRAFT");

        // search and paging; officers may read
        JsonNode page = api.get("/v1/base-data/cameras?q=" + high.substring(5) + "&size=1&page=0", maritime).json();
        assertThat(page.get("totalElements").asLong()).isEqualTo(1);
        assertThat(page.get("content").get(0).get("code").asText()).isEqualTo(high);
        JsonNode lows = api.get("/v1/base-data/cameras?kind=LOW&portCode=XINHAI_PORT&size=200", customs).json();
        assertThat(lows.get("content")).extracting(n -> n.get("code").asText()).contains(low).doesNotContain(high);
        assertThat(api.get("/v1/base-data/cameras?size=500", customs).status()).isEqualTo(400);

        // the high-point camera cannot go while a low-point camera is paired with it
        Api.Reply inUse = api.delete("/v1/base-data/cameras/" + highId, operator);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().get("code").asText()).isEqualTo("CAMERA_IN_USE");
        assertThat(api.delete("/v1/base-data/cameras/" + lowCamera.get("id").asText(), operator).status()).isEqualTo(204);
        assertThat(api.delete("/v1/base-data/cameras/" + highId, operator).status()).isEqualTo(204);
        assertThat(api.get("/v1/base-data/cameras/" + highId, operator).status()).isEqualTo(404);

        // officers read but do not change; travellers and enterprises do not read
        assertThat(api.post("/v1/base-data/cameras", maritime, camera(code("XH-H"), "HIGH", null)).status()).isEqualTo(403);
        assertThat(api.get("/v1/base-data/cameras", tokens.user("youke", "traveler").mint()).status()).isEqualTo(403);
        assertThat(api.get("/v1/base-data/cameras",
                tokens.user("qiye", "enterprise-admin").enterprise("91460000MA5T000001").mint()).status()).isEqualTo(403);
        // every change is in the operation log
        assertThat(Api.await(java.time.Duration.ofSeconds(10), () -> {
            Long n = jdbc.queryForObject("SELECT count(*) FROM audit_operation_log WHERE action LIKE '%/base-data/cameras%'"
                    + " AND actor_name = 'xingzhiyuan'", Long.class);
            return n != null && n >= 6 ? n : null;
        })).isGreaterThanOrEqualTo(6);
    }

    @Test
    void badCamerasAreRefusedAndChangeNothing() {
        String high = code("XH-H");
        assertThat(api.post("/v1/base-data/cameras", operator, camera(high, "HIGH", null)).status()).isEqualTo(201);
        long before = jdbc.queryForObject("SELECT count(*) FROM camera", Long.class);
        List<Map<String, Object>> bad = List.of(
                camera("bad code", "HIGH", null),
                camera(code("XH-L"), "LOW", null),
                camera(code("XH-L"), "LOW", "NO-SUCH-CAMERA"),
                camera(code("XH-H"), "HIGH", high),
                camera(code("XH-H"), "MEDIUM", null),
                with(camera(code("XH-H"), "HIGH", null), "portCode", "ATLANTIS"),
                with(camera(code("XH-H"), "HIGH", null), "latitude", 40.0),
                with(camera(code("XH-H"), "HIGH", null), "streamUrl", "rtsp://admin:12345@10.8.1.20/ch1"),
                with(camera(code("XH-H"), "HIGH", null), "nameZh", ""));
        for (Map<String, Object> body : bad) {
            Api.Reply r = api.post("/v1/base-data/cameras", operator, body);
            assertThat(r.status()).as(body.toString()).isEqualTo(400);
            assertThat(r.json().get("code").asText()).isEqualTo("CAMERA_INVALID");
        }
        Api.Reply taken = api.post("/v1/base-data/cameras", operator, camera(high, "HIGH", null));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM camera", Long.class)).isEqualTo(before);
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }

    @Test
    void anExportImportsAgainAndABadImportChangesNothing() throws Exception {
        String high = code("YP-H");
        String low1 = code("YP-L");
        String low2 = code("YP-L");
        // a file with a high-point camera and two low-point ones that name it (the file's own high point)
        byte[] file = workbook(List.of(
                new String[] {high, "洋浦港高点", "Yangpu high point", "高点", "YANGPU_PORT", "19.727", "109.19", "", ""},
                new String[] {low1, "洋浦港卡口低点1", "", "LOW", "YANGPU_PORT", "19.728", "109.191", high, "rtsp://10.9.0.5/1"},
                new String[] {low2, "洋浦港卡口低点2", "", "低点", "YANGPU_PORT", "19.729", "109.192", high, ""}));
        Api.Reply imported = api.postRaw("/v1/base-data/cameras/import", operator, XLSX, file);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("created").asInt()).isEqualTo(3);

        Api.Reply export = api.get("/v1/base-data/cameras/export?portCode=YANGPU_PORT&q=" + low1, operator);
        assertThat(export.status()).isEqualTo(200);
        List<Row> rows;
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(export.bytes()));
             Stream<Row> s = wb.getFirstSheet().openStream()) {
            rows = s.toList();
        }
        assertThat(rows.getFirst().getCellText(0)).contains("编号");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).getCellText(0)).isEqualTo(low1);
        assertThat(rows.get(1).getCellText(7)).isEqualTo(high);
        assertThat(rows.get(1).getCellText(8)).isEqualTo("rtsp://10.9.0.5/1");
        // the export imports again: the camera is updated, not duplicated
        Api.Reply again = api.postRaw("/v1/base-data/cameras/import", operator, XLSX, export.bytes());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("updated").asInt()).isEqualTo(1);
        assertThat(again.json().get("created").asInt()).isZero();

        // one bad row refuses the whole file, naming the rows
        long before = jdbc.queryForObject("SELECT count(*) FROM camera", Long.class);
        String fresh = code("YP-H");
        byte[] bad = workbook(List.of(
                new String[] {fresh, "洋浦港新高点", "", "HIGH", "YANGPU_PORT", "19.73", "109.2", "", ""},
                new String[] {code("YP-L"), "坐标错误", "", "LOW", "YANGPU_PORT", "北纬19", "109.2", fresh, ""},
                new String[] {code("YP-L"), "无对应高点", "", "LOW", "YANGPU_PORT", "19.73", "109.2", "", ""},
                new String[] {low2, "重复", "", "LOW", "YANGPU_PORT", "19.73", "109.2", high, ""},
                new String[] {low2, "重复", "", "LOW", "YANGPU_PORT", "19.73", "109.2", high, ""}));
        Api.Reply refused = api.postRaw("/v1/base-data/cameras/import", operator, XLSX, bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asText()).isEqualTo("CAMERA_IMPORT_INVALID");
        assertThat(refused.json().get("messageEn").asText()).contains("row 3").contains("row 4").contains("row 6");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM camera", Long.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE code = ?", Long.class, fresh)).isZero();
        // not a workbook at all; and officers may not import
        assertThat(api.postRaw("/v1/base-data/cameras/import", operator, XLSX, "garbage".getBytes()).status())
                .isEqualTo(400);
        assertThat(api.postRaw("/v1/base-data/cameras/import", maritime, XLSX, file).status()).isEqualTo(403);
    }

    static byte[] workbook(List<String[]> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet sheet = wb.newWorksheet("cameras");
        for (int c = 0; c < CameraService.HEADERS.length; c++) {
            sheet.value(0, c, CameraService.HEADERS[c]);
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int c = 0; c < row.length; c++) {
                if (!row[c].isEmpty()) {
                    sheet.value(r + 1, c, row[c]);
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }
}
