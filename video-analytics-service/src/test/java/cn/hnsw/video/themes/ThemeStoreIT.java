package cn.hnsw.video.themes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Theme stores on the real path: a key-person theme store draws on the face base records and persons of interest
 * (rows written as the library writes them); a processing task keeps the rows its feeds' conditions select, fails
 * those without an ID number with an anomaly alert, is retried after the source is fixed and closed with a note; a
 * query page shows chosen columns filtered and sorted; a data service serves the page to the roles it names only.
 */
@ServiceIntegrationTest
class ThemeStoreIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final TestTokens tokens = TestTokens.issuer();
    final String admin = tokens.user("ops.chen", "platform-admin").mint();
    final String officer = tokens.user("zhang.wei", "customs-officer").mint();
    final String reviewer = tokens.user("wang.fang", "customs-reviewer").mint();
    final String trader = tokens.user("trader.li", "enterprise-user").mint();

    UUID person(String code, String name, String idNo) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO face_base_record (id, person_code, name, id_no, source, photo_key) VALUES "
                + "(?, ?, ?, ?, 'THEME-IT', ?)", id, code, name, idNo, "faces/" + id + ".jpg");
        return id;
    }

    static Map<String, Object> cond(String field, String op, String value) {
        Map<String, Object> m = new HashMap<>();
        m.put("field", field);
        m.put("op", op);
        m.put("value", value);
        return m;
    }

    @Test
    void aKeyPersonThemeStoreIsFilledByItsTaskQueriedByPageAndServedOnlyToTheRolesItNames() {
        ApiClient api = new ApiClient(port);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UUID p1 = person("TH-1-" + suffix, "王海", "460100199001010011");
        UUID p2 = person("TH-2-" + suffix, "李明", "460100199001010022");
        UUID p3 = person("TH-3-" + suffix, "王强", null);
        UUID p4 = person("TH-4-" + suffix, "陈静", "460100199001010044");
        jdbc.update("INSERT INTO person_of_interest (id, face_base_record_id, category, reason, created_by) VALUES "
                + "(?, ?, 'THEME_IT_WATCH', '走私前科', 'ops.chen')", UUID.randomUUID(), p1);

        // 接入类型与数据项: the datasets and their fields
        Reply datasets = api.get("/theme-datasets", officer);
        assertThat(datasets.status()).isEqualTo(200);
        assertThat(datasets.body().toString()).contains("PERSONS_OF_INTEREST").contains("idNo");
        assertThat(api.get("/theme-datasets", trader).status()).isEqualTo(403);

        // 主题库新增: administrators; a bad category changes nothing
        Map<String, Object> store = new HashMap<>(Map.of("code", "KP-" + suffix, "nameZh", "重点人员主题库", "nameEn",
                "Key-person theme store", "category", "KEY_PERSON"));
        assertThat(api.post("/theme-stores", officer, store).status()).isEqualTo(403);
        Map<String, Object> bad = new HashMap<>(store);
        bad.put("category", "ARCHIVE");
        assertThat(api.post("/theme-stores", admin, bad).text("code")).isEqualTo("CATEGORY_INVALID");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM theme_store WHERE code = ?", Integer.class,
                "KP-" + suffix)).isZero();
        Reply created = api.post("/theme-stores", admin, store);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String storeId = created.text("id");
        assertThat(api.post("/theme-stores", admin, store).status()).isEqualTo(409);
        Map<String, Object> storeChange = new HashMap<>(Map.of("nameZh", "重点人员信息主题库", "nameEn",
                "Key-person information store", "category", "KEY_PERSON", "description", "重点人员与人脸基础信息"));
        assertThat(api.put("/theme-stores/" + storeId, officer, storeChange).status()).isEqualTo(403);
        Reply storeChanged = api.put("/theme-stores/" + storeId, admin, storeChange);
        assertThat(storeChanged.status()).isEqualTo(200);
        assertThat(storeChanged.text("nameZh")).isEqualTo("重点人员信息主题库");
        assertThat(storeChanged.text("updatedBy")).isEqualTo("ops.chen");

        // 数据源管理, 字段筛选, 处理逻辑: the face base records of this source with an ID number required
        Map<String, Object> feed = Map.of("name", "人脸基础信息", "dataset", "FACE_BASE_RECORDS", "fields",
                List.of("personCode", "name", "idNo", "source"), "conditions", List.of(cond("source", "EQ", "THEME-IT"),
                        cond("personCode", "PREFIX", "TH-"), cond("idNo", "REQUIRED", null)));
        assertThat(api.post("/theme-stores/" + storeId + "/feeds", officer, feed).status()).isEqualTo(403);
        Map<String, Object> badField = new HashMap<>(feed);
        badField.put("fields", List.of("personCode", "photoKey"));
        assertThat(api.post("/theme-stores/" + storeId + "/feeds", admin, badField).text("code"))
                .isEqualTo("FIELD_INVALID");
        Reply feedCreated = api.post("/theme-stores/" + storeId + "/feeds", admin, feed);
        assertThat(feedCreated.status()).as(feedCreated.body().toString()).isEqualTo(201);
        String feedId = feedCreated.text("id");
        Reply poiFeed = api.post("/theme-stores/" + storeId + "/feeds", admin, Map.of("name", "重点人员", "dataset",
                "PERSONS_OF_INTEREST", "fields", List.of("personCode", "name", "category"), "conditions",
                List.of(cond("category", "EQ", "THEME_IT_WATCH"))));
        assertThat(poiFeed.status()).isEqualTo(201);

        // 数据处理任务: stored, failed with reasons and one alert
        assertThat(api.post("/theme-stores/" + storeId + "/tasks", officer, Map.of("name", "每日入库")).status())
                .isEqualTo(403);
        String taskId = api.post("/theme-stores/" + storeId + "/tasks", admin, Map.of("name", "每日入库")).text("id");
        assertThat(api.post("/theme-store-tasks/" + taskId + "/runs", officer, Map.of()).status()).isEqualTo(403);
        Reply run = api.post("/theme-store-tasks/" + taskId + "/runs", admin, Map.of());
        assertThat(run.status()).as(run.body().toString()).isEqualTo(200);
        assertThat(run.text("status")).isEqualTo("COMPLETED_WITH_FAILURES");
        assertThat(run.body().get("stored").asInt()).isEqualTo(4);
        assertThat(run.body().get("failed").asInt()).isEqualTo(1);
        assertThat(run.text("anomaly")).isEqualTo("OPEN");
        String alertId = run.text("alertId");
        assertThat(jdbc.queryForObject("SELECT envelope::text FROM event_outbox WHERE aggregate_id = ?", String.class,
                alertId)).contains("theme-store-anomaly").contains(taskId);
        JsonNode failures = api.get("/theme-store-tasks/" + taskId + "/failures", officer).body();
        assertThat(failures.size()).isEqualTo(1);
        assertThat(failures.get(0).get("sourceId").asText()).isEqualTo(p3.toString());
        assertThat(failures.get(0).get("reason").asText()).isEqualTo("idNo is empty");
        // a second run stores nothing twice
        Reply again = api.post("/theme-store-tasks/" + taskId + "/runs", admin, Map.of());
        assertThat(again.body().get("stored").asInt()).isZero();
        assertThat(again.body().get("runs").asInt()).isEqualTo(2);

        // 异常处置: the source fixes the record and a retry stores it; a new failure is closed with a note
        jdbc.update("UPDATE face_base_record SET id_no = '460100199001010033' WHERE id = ?", p3);
        assertThat(api.post("/theme-store-tasks/" + taskId + "/anomaly", officer, Map.of("action", "RETRY")).status())
                .isEqualTo(403);
        Reply retried = api.post("/theme-store-tasks/" + taskId + "/anomaly", admin, Map.of("action", "RETRY"));
        assertThat(retried.body().get("stored").asInt()).as(retried.body().toString()).isEqualTo(1);
        assertThat(retried.body().get("failed").asInt()).isZero();
        assertThat(retried.text("anomaly")).isEqualTo("HANDLED");
        assertThat(api.post("/theme-store-tasks/" + taskId + "/anomaly", admin, Map.of("action", "RETRY")).text("code"))
                .isEqualTo("NO_ANOMALY");
        person("TH-5-" + suffix, "赵六", " ");
        assertThat(api.post("/theme-store-tasks/" + taskId + "/runs", admin, Map.of()).text("anomaly"))
                .isEqualTo("OPEN");
        assertThat(api.post("/theme-store-tasks/" + taskId + "/anomaly", admin, Map.of("action", "CLOSE")).status())
                .isEqualTo(400);
        Reply closed = api.post("/theme-store-tasks/" + taskId + "/anomaly", admin, Map.of("action", "CLOSE", "note",
                "证件号缺失，已通知数据源补录"));
        assertThat(closed.text("anomaly")).isEqualTo("HANDLED");
        assertThat(closed.text("handledBy")).isEqualTo("ops.chen");

        // 主题库查询: the store with its row count, paged
        JsonNode rows = api.get("/theme-stores/" + storeId + "/rows?size=50", officer).body();
        assertThat(rows.get("totalElements").asInt()).isEqualTo(5);
        assertThat(api.get("/theme-stores?category=KEY_PERSON&q=KP-" + suffix, officer).body().get("content").get(0)
                .get("rows").asInt()).isEqualTo(5);

        // 查询页面: the people named 王, two columns, person code descending
        Map<String, Object> page = new HashMap<>(Map.of("name", "王姓人员", "columns", List.of("personCode", "name"),
                "conditions", List.of(cond("name", "CONTAINS", "王"), cond("idNo", "REQUIRED", null)), "sortField",
                "personCode", "sortDesc", true));
        assertThat(api.post("/theme-stores/" + storeId + "/pages", officer, page).status()).isEqualTo(403);
        Reply pageCreated = api.post("/theme-stores/" + storeId + "/pages", admin, page);
        assertThat(pageCreated.status()).as(pageCreated.body().toString()).isEqualTo(201);
        String pageId = pageCreated.text("id");
        JsonNode shown = api.get("/theme-store-pages/" + pageId + "/rows", officer).body();
        assertThat(codes(shown)).containsExactly("TH-3-" + suffix, "TH-1-" + suffix);
        assertThat(shown.get("content").get(0).has("idNo")).isFalse();
        page.put("sortDesc", false);
        page.put("conditions", List.of(cond("name", "CONTAINS", "王"), cond("idNo", "GT", "460100199001010020")));
        Reply pageChanged = api.put("/theme-store-pages/" + pageId, admin, page);
        assertThat(pageChanged.status()).isEqualTo(200);
        assertThat(codes(api.get("/theme-store-pages/" + pageId + "/rows", officer).body()))
                .containsExactly("TH-3-" + suffix);

        // 数据服务: the page served to reviewers only
        Map<String, Object> svc = new HashMap<>(Map.of("code", "KP-SVC-" + suffix, "name", "重点人员查询服务",
                "storeId", storeId, "pageId", pageId, "roles", List.of("customs-reviewer")));
        assertThat(api.post("/theme-services", officer, svc).status()).isEqualTo(403);
        Reply svcCreated = api.post("/theme-services", admin, svc);
        assertThat(svcCreated.status()).as(svcCreated.body().toString()).isEqualTo(201);
        String svcId = svcCreated.text("id");
        assertThat(api.get("/theme-services?storeId=" + storeId, officer).body().toString()).contains("KP-SVC-" + suffix);
        Reply denied = api.get("/theme-services/KP-SVC-" + suffix + "/rows", officer);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.text("code")).isEqualTo("SERVICE_FORBIDDEN");
        Reply served = api.get("/theme-services/KP-SVC-" + suffix + "/rows", reviewer);
        assertThat(served.status()).as(served.body().toString()).isEqualTo(200);
        assertThat(codes(served.body())).containsExactly("TH-3-" + suffix);
        Reply widened = api.put("/theme-services/" + svcId, admin, Map.of("name", "重点人员查询服务", "pageId", pageId,
                "roles", List.of("customs-reviewer", "customs-officer")));
        assertThat(widened.status()).isEqualTo(200);
        assertThat(api.get("/theme-services/KP-SVC-" + suffix + "/rows", officer).status()).isEqualTo(200);
        assertThat(api.put("/theme-services/" + svcId, admin, Map.of("name", "停用", "pageId", pageId, "roles",
                List.of("customs-officer"), "enabled", false)).status()).isEqualTo(200);
        assertThat(api.get("/theme-services/KP-SVC-" + suffix + "/rows", officer).text("code"))
                .isEqualTo("SERVICE_DISABLED");

        // 修改 / 删除: task, feed, page and store, each with what holds it back
        Reply taskChanged = api.put("/theme-store-tasks/" + taskId, admin, Map.of("name", "人员入库", "feedId", feedId,
                "enabled", false));
        assertThat(taskChanged.text("feedId")).isEqualTo(feedId);
        assertThat(api.post("/theme-store-tasks/" + taskId + "/runs", admin, Map.of()).text("code"))
                .isEqualTo("TASK_DISABLED");
        Reply feedChanged = api.put("/theme-store-feeds/" + feedId, admin, Map.of("name", "人脸基础信息（姓名）",
                "fields", List.of("personCode", "name"), "conditions", List.of(cond("personCode", "PREFIX", "TH-"))));
        assertThat(feedChanged.status()).as(feedChanged.body().toString()).isEqualTo(200);
        assertThat(api.put("/theme-store-feeds/" + feedId, admin, Map.of("name", "x", "fields", List.of("name"),
                "conditions", List.of(cond("idNo", "REQUIRED", null)))).text("code")).isEqualTo("FIELD_INVALID");
        assertThat(api.delete("/theme-stores/" + storeId, admin).text("code")).isEqualTo("STORE_IN_USE");
        assertThat(api.delete("/theme-store-pages/" + pageId, admin).text("code")).isEqualTo("PAGE_IN_USE");
        assertThat(api.delete("/theme-services/" + svcId, officer).status()).isEqualTo(403);
        assertThat(api.delete("/theme-services/" + svcId, admin).status()).isEqualTo(204);
        assertThat(api.delete("/theme-store-pages/" + pageId, admin).status()).isEqualTo(204);
        assertThat(api.delete("/theme-store-tasks/" + taskId, admin).status()).isEqualTo(204);
        assertThat(api.delete("/theme-store-feeds/" + poiFeed.text("id"), admin).status()).isEqualTo(204);
        assertThat(api.get("/theme-stores/" + storeId + "/rows", officer).body().get("totalElements").asInt())
                .isEqualTo(4);
        assertThat(api.delete("/theme-stores/" + storeId, admin).status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM theme_store_row WHERE store_id = ?::uuid", Integer.class,
                storeId)).isZero();
        assertThat(api.get("/theme-stores/" + storeId, officer).status()).isEqualTo(404);
    }

    UUID capture(String deviceCode, UUID cameraId, String capturedAt, double score) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO face_capture (id, camera_id, device_code, captured_at, box, detector_score, "
                + "snapshot_key, source) VALUES (?, ?, ?, ?::timestamptz, '{1,2,3,4}', ?, ?, 'theme-it')", id, cameraId,
                deviceCode, capturedAt, score, "captures/" + id + ".jpg");
        return id;
    }

    @Test
    void anOperationsThemeStoreKeepsTheConfidentCapturesOfItsGateAndServesThemToOfficers() {
        ApiClient api = new ApiClient(port);
        String code = "46010000001320" + String.valueOf(System.nanoTime()).substring(0, 6);
        UUID camera = UUID.randomUUID();
        jdbc.update("INSERT INTO camera (id, device_code, name, camera_type, protocol, source_url) VALUES "
                + "(?, ?, '海口港旅客通道 3 号', 'FACE_CAPTURE', 'RTSP', 'rtsp://10.0.0.3/live')", camera, code);
        capture(code, camera, "2026-11-27T01:00:00Z", 0.93);
        capture(code, camera, "2026-11-27T02:00:00Z", 0.88);
        capture(code, camera, "2026-11-27T03:00:00Z", 0.41);
        UUID orphan = capture(code, null, "2026-11-27T04:00:00Z", 0.97);

        String storeId = api.post("/theme-stores", admin, Map.of("code", "OPS-" + code, "nameZh", "旅客通道作业主题库",
                "nameEn", "Passenger lane operations store", "category", "OPERATIONS")).text("id");
        // 作业主题库接入数据源: the gate's captures, a confident detection only, the camera required
        Map<String, Object> feed = Map.of("name", "通道抓拍", "dataset", "FACE_CAPTURES", "fields",
                List.of("deviceCode", "capturedAt", "detectorScore", "cameraId"), "conditions",
                List.of(cond("deviceCode", "EQ", code), cond("detectorScore", "GE", "0.8"),
                        cond("cameraId", "REQUIRED", null)));
        Reply feedCreated = api.post("/theme-stores/" + storeId + "/feeds", admin, feed);
        assertThat(feedCreated.status()).as(feedCreated.body().toString()).isEqualTo(201);
        assertThat(api.get("/theme-stores/" + storeId + "/feeds", officer).body().get(0).get("dataset").asText())
                .isEqualTo("FACE_CAPTURES");
        assertThat(api.get("/theme-stores/" + storeId + "/feeds", trader).status()).isEqualTo(403);

        // 作业主题库存储任务: add, query, run (monitor), failure alert and close, modify, delete
        Reply task = api.post("/theme-stores/" + storeId + "/tasks", admin, Map.of("name", "通道抓拍入库", "feedId",
                feedCreated.text("id")));
        assertThat(task.status()).isEqualTo(201);
        String taskId = task.text("id");
        assertThat(api.get("/theme-store-tasks?storeId=" + storeId, officer).body().size()).isEqualTo(1);
        Reply run = api.post("/theme-store-tasks/" + taskId + "/runs", admin, Map.of());
        assertThat(run.body().get("stored").asInt()).as(run.body().toString()).isEqualTo(2);
        assertThat(run.body().get("failed").asInt()).isEqualTo(1);
        assertThat(run.text("anomaly")).isEqualTo("OPEN");
        assertThat(api.get("/theme-store-tasks/" + taskId + "/failures", officer).body().get(0).get("sourceId")
                .asText()).isEqualTo(orphan.toString());
        assertThat(api.get("/theme-store-tasks/" + taskId, officer).text("status"))
                .isEqualTo("COMPLETED_WITH_FAILURES");
        assertThat(api.post("/theme-store-tasks/" + taskId + "/anomaly", admin, Map.of("action", "CLOSE", "note",
                "该抓拍来自级联平台，无本地摄像机")).text("anomaly")).isEqualTo("HANDLED");
        Reply renamed = api.put("/theme-store-tasks/" + taskId, admin, Map.of("name", "通道抓拍每日入库"));
        assertThat(renamed.text("name")).isEqualTo("通道抓拍每日入库");
        assertThat(renamed.body().hasNonNull("feedId")).isFalse();

        // 作业主题库信息服务: a page of the afternoon's captures after 01:30, served to officers
        Reply page = api.post("/theme-stores/" + storeId + "/pages", admin, Map.of("name", "01:30 之后",
                "columns", List.of("capturedAt", "detectorScore"), "conditions",
                List.of(cond("capturedAt", "GT", "2026-11-27T01:30:00Z")), "sortField", "capturedAt"));
        assertThat(page.status()).as(page.body().toString()).isEqualTo(201);
        Reply svc = api.post("/theme-services", admin, Map.of("code", "OPS-SVC-" + code, "name", "通道作业数据服务",
                "storeId", storeId, "pageId", page.text("id"), "roles", List.of("customs-officer")));
        assertThat(svc.status()).isEqualTo(201);
        Reply served = api.get("/theme-services/OPS-SVC-" + code + "/rows", officer);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body().get("totalElements").asInt()).isEqualTo(1);
        assertThat(served.body().get("content").get(0).get("detectorScore").asText()).startsWith("0.88");
        assertThat(api.get("/theme-services/OPS-SVC-" + code + "/rows", reviewer).status()).isEqualTo(403);
        assertThat(api.post("/theme-services", admin, Map.of("code", "OPS-BAD-" + code, "name", "x", "storeId",
                storeId, "roles", List.of("Not A Role"))).text("code")).isEqualTo("ROLES_INVALID");

        assertThat(api.delete("/theme-store-tasks/" + taskId, officer).status()).isEqualTo(403);
        assertThat(api.delete("/theme-store-tasks/" + taskId, admin).status()).isEqualTo(204);
        assertThat(api.get("/theme-store-tasks/" + taskId, officer).status()).isEqualTo(404);
        assertThat(api.delete("/theme-store-feeds/" + feedCreated.text("id"), admin).status()).isEqualTo(204);
    }

    private static List<String> codes(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("content").forEach(r -> out.add(r.get("personCode").asText()));
        return out;
    }
}
