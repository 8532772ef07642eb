package cn.hnsw.video.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.simulators.harness.SimulatorKeys;
import cn.hnsw.simulators.harness.SimulatorsHarness;
import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.testsupport.spring.TestInfrastructureInitializer;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import cn.hnsw.video.support.TestMedia;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 智能设备对接 on the real path: conversion and cleansing rules stored as data by administrators turn a device
 * gateway's own record format into standard face records (fields renamed, its local time converted, its PNG turned
 * into JPEG) and reject bad records with the rule's name; accepted faces become captures; a cascade link pulls a
 * subordinate platform's captures over sealed messages (the simulator in the test JVM) and a second pull brings only
 * what is new.
 */
@ServiceIntegrationTest
class FaceIntakeIT {

    static final SimulatorKeys KEYS = SimulatorKeys.of("cascade-face-platform");
    static final SimulatorsHarness SIMULATORS = SimulatorsHarness.start(KEYS, new TestInfrastructureInitializer());
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @DynamicPropertySource
    static void partners(DynamicPropertyRegistry r) {
        KEYS.platformProperties().forEach((k, v) -> r.add(k, () -> v));
        r.add("hnsw.partners.endpoint", SIMULATORS::partnerEndpoint);
    }

    @AfterAll
    static void stop() {
        SIMULATORS.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ComparisonSubscriptionService subscriptions;

    final TestTokens tokens = TestTokens.issuer();
    final HttpClient http = HttpClient.newHttpClient();
    final String admin = tokens.user("ops.chen", "platform-admin").mint();
    final String officer = tokens.user("zhang.wei", "customs-officer").mint();
    final String trader = tokens.user("trader.li", "enterprise-user").mint();

    static String png(String sample, int x, int y, int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(TestMedia.isolated(TestMedia.sample(sample), x, y, w, h), "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    static String wall() {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(180, 170, 150));
        g.fillRect(0, 0, 320, 240);
        g.dispose();
        return Base64.getEncoder().encodeToString(TestMedia.jpeg(img));
    }

    static String local(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.ofHours(8)).format(LOCAL);
    }

    static Map<String, Object> rule(String stage, String name, String source, String op, String field, String p,
            int ordinal) {
        Map<String, Object> m = new HashMap<>();
        m.put("stage", stage);
        m.put("name", name);
        m.put("sourceCode", source);
        m.put("operation", op);
        m.put("field", field);
        m.put("parameter", p);
        m.put("ordinal", ordinal);
        return m;
    }

    static Map<String, Object> raw(String xh, String sbbh, String zpsj, String tpnr) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lsh", xh);
        m.put("sbbh", sbbh);
        m.put("zpsj", zpsj);
        m.put("tpnr", tpnr);
        return m;
    }

    /** The gateway's own format: lsh, sbbh, zpsj (yyyyMMddHHmmss, UTC+8), tpnr (PNG). */
    List<String> gatewayRules(ApiClient api, String source) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> r : List.of(
                rule("CONVERT", "流水号映射", source, "RENAME", "recordId", "lsh", 1),
                rule("CONVERT", "设备编号映射", source, "RENAME", "deviceCode", "sbbh", 2),
                rule("CONVERT", "抓拍时间映射", source, "RENAME", "capturedAt", "zpsj", 3),
                rule("CONVERT", "抓拍时间格式转换", source, "TIME_FORMAT", "capturedAt", "yyyyMMddHHmmss|+08:00", 4),
                rule("CONVERT", "图片字段映射", source, "RENAME", "photoBase64", "tpnr", 5),
                rule("CONVERT", "图片转 JPEG", source, "IMAGE_JPEG", "photoBase64", null, 6),
                rule("CLEANSE", "设备编码须为 20 位国标编码", source, "PATTERN", "deviceCode", "\\d{20}", 7),
                rule("CLEANSE", "抓拍时间不能晚于当前", source, "NOT_FUTURE", "capturedAt", "300", 8))) {
            Reply created = api.post("/face-intake-rules", admin, r);
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            ids.add(created.text("id"));
        }
        return ids;
    }

    @Test
    void rulesAsDataConvertAndCleanseCollectedRecordsAndTheAcceptedFacesBecomeCaptures() throws Exception {
        ApiClient api = new ApiClient(port);
        // rules: administrators only change them; a rule that does not fit its field is refused and nothing stored
        Map<String, Object> bad = rule("CONVERT", "错配", "GW-HAIKOU", "TIME_FORMAT", "deviceCode", "yyyy|+08:00", 1);
        assertThat(api.post("/face-intake-rules", officer, bad).status()).isEqualTo(403);
        Reply refused = api.post("/face-intake-rules", admin, bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("RULE_INVALID");
        Map<String, Object> badRegex = rule("CLEANSE", "坏正则", "GW-HAIKOU", "PATTERN", "deviceCode", "([", 1);
        assertThat(api.post("/face-intake-rules", admin, badRegex).status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM face_intake_rule WHERE source_code = 'GW-HAIKOU'",
                Integer.class)).isZero();
        List<String> ids = gatewayRules(api, "GW-HAIKOU");
        assertThat(api.get("/face-intake-rules", trader).status()).isEqualTo(403);
        JsonNode cleansing = api.get("/face-intake-rules?stage=CLEANSE", officer).body();
        assertThat(cleansing.toString()).contains("设备编码须为 20 位国标编码").doesNotContain("图片转 JPEG");

        // a rule modified: the pattern now takes the 20-digit code or the gateway's short code GW-nnn
        Map<String, Object> change = new HashMap<>(rule("CLEANSE", "设备编码须为国标或网关编码", null, "PATTERN",
                "deviceCode", "\\d{20}|GW-\\d{3}", 7));
        change.remove("stage");
        change.put("sourceCode", "GW-HAIKOU");
        assertThat(api.put("/face-intake-rules/" + ids.get(6), officer, change).status()).isEqualTo(403);
        Reply changed = api.put("/face-intake-rules/" + ids.get(6), admin, change);
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.text("parameter")).isEqualTo("\\d{20}|GW-\\d{3}");
        assertThat(changed.text("stage")).isEqualTo("CLEANSE");
        assertThat(changed.text("updatedBy")).isEqualTo("ops.chen");

        Instant at = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> batch = new ArrayList<>();
        batch.add(raw("R-1", "46010000001320000101", local(at), png("sample1", 768, 401, 305, 273)));
        batch.add(raw("R-2", "GW-007", local(at), png("sample2", 1424, 152, 274, 259)));
        batch.add(raw("R-3", "CAM 12", local(at), png("sample3", 1011, 246, 346, 314)));
        batch.add(raw("R-4", "46010000001320000101", null, png("sample3", 1011, 246, 346, 314)));
        batch.add(raw("R-5", "46010000001320000101", local(Instant.now().plus(2, ChronoUnit.HOURS)),
                png("sample3", 1011, 246, 346, 314)));
        batch.add(raw("R-6", "46010000001320000101", "2026/11/27 10:00", png("sample3", 1011, 246, 346, 314)));
        batch.add(raw("R-7", "46010000001320000101", local(at), wall()));
        Map<String, Object> body = Map.of("sourceCode", "GW-HAIKOU", "records", batch);
        assertThat(api.post("/face-collections", trader, body).status()).isEqualTo(403);
        assertThat(api.post("/face-collections", officer, Map.of("sourceCode", "GW-HAIKOU", "records", List.of()))
                .status()).isEqualTo(400);
        Reply collected = api.post("/face-collections", officer, body);
        assertThat(collected.status()).as(collected.body().toString()).isEqualTo(200);
        JsonNode result = collected.body();
        assertThat(result.get("received").asInt()).isEqualTo(7);
        assertThat(result.get("accepted").asInt()).isEqualTo(2);
        assertThat(result.get("rejected").asInt()).isEqualTo(5);
        assertThat(result.get("faces").asInt()).isEqualTo(2);
        Map<String, String> reasons = new HashMap<>();
        result.get("rejections").forEach(r -> reasons.put(r.get("recordRef").asText(), r.get("rejectedBy").asText()));
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of("R-3", "设备编码须为国标或网关编码", "R-4",
                "CAPTURE_TIME_MISSING", "R-5", "抓拍时间不能晚于当前", "R-6", "抓拍时间格式转换", "R-7", "NO_FACE"));
        // the accepted faces are captures: device code and the converted time, the snapshot a JPEG
        String captureId = result.get("captureIds").get(0).asText();
        Map<String, Object> capture = jdbc.queryForMap("SELECT device_code, captured_at, source, snapshot_key "
                + "FROM face_capture WHERE id = ?::uuid", captureId);
        assertThat(capture.get("device_code")).isEqualTo("46010000001320000101");
        assertThat(((Timestamp) capture.get("captured_at")).toInstant()).isEqualTo(at);
        assertThat(capture.get("source")).isEqualTo("collection:GW-HAIKOU");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM face_capture WHERE source = 'collection:GW-HAIKOU'",
                Integer.class)).isEqualTo(2);
        // the batch and its rejections can be looked up later (结果反馈)
        String batchId = result.get("batchId").asText();
        assertThat(api.get("/face-collections?sourceCode=GW-HAIKOU", officer).body().toString()).contains(batchId);
        JsonNode rejections = api.get("/face-collections/" + batchId + "/rejections", officer).body();
        assertThat(rejections.size()).isEqualTo(5);
        assertThat(rejections.get(0).get("recordRef").asText()).isEqualTo("R-3");
        assertThat(api.get("/face-collections/" + batchId + "/rejections", trader).status()).isEqualTo(403);

        // a record already in the standard shape from another system needs no conversion (通过标准化接口)
        Map<String, Object> standard = Map.of("recordId", "S-1", "deviceCode", "46010000001320000102", "capturedAt",
                at.toString(), "photoBase64", png("sample2", 1424, 152, 274, 259));
        Reply std = api.post("/face-collections", officer, Map.of("sourceCode", "EXT-SYS", "records",
                List.of(standard)));
        assertThat(std.status()).as(std.body().toString()).isEqualTo(200);
        assertThat(std.body().get("accepted").asInt()).isEqualTo(1);

        // a deleted rule no longer applies: without the pattern check the short code passes
        assertThat(api.delete("/face-intake-rules/" + ids.get(6), officer).status()).isEqualTo(403);
        assertThat(api.delete("/face-intake-rules/" + ids.get(6), admin).status()).isEqualTo(204);
        assertThat(api.delete("/face-intake-rules/" + ids.get(6), admin).status()).isEqualTo(404);
        Reply again = api.post("/face-collections", officer, Map.of("sourceCode", "GW-HAIKOU", "records",
                List.of(batch.get(2))));
        assertThat(again.body().get("accepted").asInt()).as(again.body().toString()).isEqualTo(1);

        // a conversion rule modified: the gateway now sends the device code as sbbm
        Map<String, Object> renamed = new HashMap<>(rule("CONVERT", "设备编号映射（sbbm）", "GW-HAIKOU", "RENAME",
                "deviceCode", "sbbm", 2));
        renamed.remove("stage");
        assertThat(api.put("/face-intake-rules/" + ids.get(1), officer, renamed).status()).isEqualTo(403);
        assertThat(api.put("/face-intake-rules/" + ids.get(1), admin, renamed).status()).isEqualTo(200);
        Map<String, Object> newFormat = raw("R-8", null, local(at), png("sample1", 768, 401, 305, 273));
        newFormat.put("sbbm", "46010000001320000103");
        Reply renamedIn = api.post("/face-collections", officer, Map.of("sourceCode", "GW-HAIKOU", "records",
                List.of(newFormat)));
        assertThat(renamedIn.body().get("accepted").asInt()).as(renamedIn.body().toString()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT device_code FROM face_capture WHERE id = ?::uuid", String.class,
                renamedIn.body().get("captureIds").get(0).asText())).isEqualTo("46010000001320000103");
        // a conversion rule deleted: without the time format the gateway's local time is no longer understood
        assertThat(api.delete("/face-intake-rules/" + ids.get(3), officer).status()).isEqualTo(403);
        assertThat(api.delete("/face-intake-rules/" + ids.get(3), admin).status()).isEqualTo(204);
        Reply unconverted = api.post("/face-collections", officer, Map.of("sourceCode", "GW-HAIKOU", "records",
                List.of(newFormat)));
        assertThat(unconverted.body().get("rejections").get(0).get("rejectedBy").asText())
                .isEqualTo("CAPTURE_TIME_INVALID");
    }

    @Test
    void aCascadeLinkPullsTheSubordinatePlatformsNewCapturesThroughItsRules() throws Exception {
        ApiClient api = new ApiClient(port);
        simulator("POST", "/v1/cascade-face-platform/reset", "[]");
        Map<String, Object> link = Map.of("code", "CASCADE-SANYA", "name", "三亚凤凰机场人脸抓拍平台", "partnerId",
                "cascade-face-platform", "pageSize", 10);
        assertThat(api.post("/face-cascade-links", officer, link).status()).isEqualTo(403);
        Reply created = api.post("/face-cascade-links", admin, link);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String linkId = created.text("id");
        assertThat(api.post("/face-cascade-links", admin, link).status()).isEqualTo(409);
        assertThat(api.get("/face-cascade-links", officer).body().toString()).contains("CASCADE-SANYA");
        // the subordinate platform's format: xh (sequence), sbbh, zpsj, tpnr — the rules are scoped to the link's code
        gatewayRules(api, "CASCADE-SANYA");
        Map<String, Object> seqRule = rule("CONVERT", "序号映射", "CASCADE-SANYA", "RENAME", "recordId", "xh", 0);
        assertThat(api.post("/face-intake-rules", admin, seqRule).status()).isEqualTo(201);

        Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> first = List.of(
                raw(null, "46010000001320000201", local(at), png("sample1", 768, 401, 305, 273)),
                raw(null, "bad code", local(at), png("sample2", 1424, 152, 274, 259)));
        simulator("POST", "/v1/cascade-face-platform/captures", ApiClient.JSON.writeValueAsString(first));

        assertThat(api.post("/face-cascade-links/" + linkId + "/pulls", officer, Map.of()).status()).isEqualTo(403);
        Reply pulled = api.post("/face-cascade-links/" + linkId + "/pulls", admin, Map.of());
        assertThat(pulled.status()).as(pulled.body().toString()).isEqualTo(200);
        assertThat(pulled.body().get("received").asInt()).isEqualTo(2);
        assertThat(pulled.body().get("accepted").asInt()).isEqualTo(1);
        assertThat(pulled.body().get("rejections").get(0).get("recordRef").asText()).isEqualTo("2");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM face_capture WHERE source = 'cascade:CASCADE-SANYA'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT last_seq FROM face_cascade_link WHERE id = ?::uuid", Long.class,
                linkId)).isEqualTo(2L);

        // nothing new: an empty pull; one more capture: only that one
        assertThat(api.post("/face-cascade-links/" + linkId + "/pulls", admin, Map.of()).body().get("received")
                .asInt()).isZero();
        simulator("POST", "/v1/cascade-face-platform/captures", ApiClient.JSON.writeValueAsString(List.of(
                raw(null, "46010000001320000202", local(at), png("sample3", 1011, 246, 346, 314)))));
        Reply third = api.post("/face-cascade-links/" + linkId + "/pulls", admin, Map.of());
        assertThat(third.body().get("received").asInt()).isEqualTo(1);
        assertThat(third.body().get("accepted").asInt()).isEqualTo(1);

        // the subordinate platform down: 503, the link's position unchanged
        simulator("POST", "/v1/cascade-face-platform/captures", ApiClient.JSON.writeValueAsString(List.of(
                raw(null, "46010000001320000202", local(at), png("sample3", 1011, 246, 346, 314)))));
        simulator("PUT", "/v1/cascade-face-platform/reachability", "{\"reachable\":false}");
        Reply down = api.post("/face-cascade-links/" + linkId + "/pulls", admin, Map.of());
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.text("code")).isEqualTo("CASCADE_UNAVAILABLE");
        assertThat(jdbc.queryForObject("SELECT last_seq FROM face_cascade_link WHERE id = ?::uuid", Long.class,
                linkId)).isEqualTo(3L);
        simulator("PUT", "/v1/cascade-face-platform/reachability", "{\"reachable\":true}");

        // modified (disabled): a pull is refused; deleted
        Map<String, Object> change = Map.of("name", "三亚凤凰机场人脸平台", "partnerId", "cascade-face-platform",
                "pageSize", 5, "enabled", false);
        assertThat(api.put("/face-cascade-links/" + linkId, officer, change).status()).isEqualTo(403);
        Reply disabled = api.put("/face-cascade-links/" + linkId, admin, change);
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.body().get("pageSize").asInt()).isEqualTo(5);
        Reply refusedPull = api.post("/face-cascade-links/" + linkId + "/pulls", admin, Map.of());
        assertThat(refusedPull.status()).isEqualTo(409);
        assertThat(refusedPull.text("code")).isEqualTo("LINK_DISABLED");
        assertThat(api.delete("/face-cascade-links/" + linkId, officer).status()).isEqualTo(403);
        assertThat(api.delete("/face-cascade-links/" + linkId, admin).status()).isEqualTo(204);
        assertThat(api.get("/face-cascade-links", officer).body().toString()).doesNotContain("CASCADE-SANYA");
    }

    @Test
    void aThemeDataServicePushesItsRowsToTheSubordinatePlatform() throws Exception {
        ApiClient api = new ApiClient(port);
        simulator("POST", "/v1/cascade-face-platform/reset", "[]");
        String tag = "PUSH-" + UUID.randomUUID().toString().substring(0, 8);
        for (String n : List.of("1", "2")) {
            jdbc.update("INSERT INTO face_base_record (id, person_code, name, id_no, source, photo_key) VALUES "
                    + "(?, ?, ?, '46010019900101000' || ?, ?, 'faces/x.jpg')", UUID.randomUUID(), tag + "-" + n,
                    "推送旅客" + n, n, tag);
        }
        String storeId = api.post("/theme-stores", admin, Map.of("code", tag, "nameZh", "推送主题库", "nameEn",
                "Push store", "category", "FACE_BASE")).text("id");
        Reply feed = api.post("/theme-stores/" + storeId + "/feeds", admin, Map.of("name", "人脸基础信息", "dataset",
                "FACE_BASE_RECORDS", "fields", List.of("personCode", "name"), "conditions",
                List.of(Map.of("field", "personCode", "op", "PREFIX", "value", tag))));
        assertThat(feed.status()).as(feed.body().toString()).isEqualTo(201);
        String taskId = api.post("/theme-stores/" + storeId + "/tasks", admin, Map.of("name", "入库")).text("id");
        assertThat(api.post("/theme-store-tasks/" + taskId + "/runs", admin, Map.of()).body().get("stored").asInt())
                .isEqualTo(2);
        Reply svc = api.post("/theme-services", admin, Map.of("code", tag + "-SVC", "name", "人脸信息推送服务", "storeId",
                storeId, "roles", List.of("customs-officer")));
        assertThat(svc.status()).isEqualTo(201);
        String svcPath = "/theme-services/" + svc.text("id");

        // 数据推送服务接口: administrators push, over sealed messages, to the subordinate platform
        Map<String, Object> push = Map.of("partnerId", "cascade-face-platform");
        assertThat(api.post(svcPath + "/pushes", officer, push).status()).isEqualTo(403);
        Reply pushed = api.post(svcPath + "/pushes", admin, push);
        assertThat(pushed.status()).as(pushed.body().toString()).isEqualTo(200);
        assertThat(pushed.body().get("pushed").asInt()).isEqualTo(2);
        assertThat(pushed.body().get("accepted").asInt()).isEqualTo(2);
        HttpResponse<String> received = simulatorGet("/v1/cascade-face-platform/received");
        JsonNode rows = ApiClient.JSON.readTree(received.body());
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.get(0).get("serviceCode").asText()).isEqualTo(tag + "-SVC");
        assertThat(rows.toString()).contains("推送旅客1").contains("推送旅客2");

        // the platform down: 503; the service switched off: 409
        simulator("PUT", "/v1/cascade-face-platform/reachability", "{\"reachable\":false}");
        Reply down = api.post(svcPath + "/pushes", admin, push);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.text("code")).isEqualTo("PUSH_UNAVAILABLE");
        simulator("PUT", "/v1/cascade-face-platform/reachability", "{\"reachable\":true}");
        api.put(svcPath, admin, Map.of("name", "停用", "roles", List.of("customs-officer"), "enabled", false));
        assertThat(api.post(svcPath + "/pushes", admin, push).text("code")).isEqualTo("SERVICE_DISABLED");
        assertThat(ApiClient.JSON.readTree(simulatorGet("/v1/cascade-face-platform/received").body()).size())
                .isEqualTo(2);
    }

    /**
     * 数据服务级联接口 against the subordinate platform simulator, sealed both ways: 查询检索 finds its captures by
     * field conditions in its own field names; 数据操作 adds, updates and deletes a person record there, each kept with
     * the answer, a refused one (an update of a record it does not hold) a 409 that changes nothing there; bad
     * operations 400; administrators operate, officers query and read, enterprise users neither; a disabled link and
     * an unreachable platform do nothing.
     */
    @Test
    void aCascadeLinkQueriesTheSubordinatePlatformAndOperatesOnItsRecords() throws Exception {
        ApiClient api = new ApiClient(port);
        simulator("POST", "/v1/cascade-face-platform/reset", "[]");
        String linkId = api.post("/face-cascade-links", admin, Map.of("code", "CASCADE-QIONGHAI", "name",
                "琼海博鳌人脸抓拍平台", "partnerId", "cascade-face-platform")).text("id");
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        simulator("POST", "/v1/cascade-face-platform/captures", ApiClient.JSON.writeValueAsString(List.of(
                raw(null, "46010000001320000301", local(at), "x"), raw(null, "46010000001320000302", local(at), "y"),
                raw(null, "46010000001320000301", local(at.plusSeconds(60)), "z"))));

        // 查询检索: by the device's number, newest first; enterprise users are refused
        Map<String, Object> query = Map.of("equals", Map.of("sbbh", "46010000001320000301"), "limit", 10);
        assertThat(api.post("/face-cascade-links/" + linkId + "/queries", trader, query).status()).isEqualTo(403);
        Reply found = api.post("/face-cascade-links/" + linkId + "/queries", officer, query);
        assertThat(found.status()).as(found.body().toString()).isEqualTo(200);
        assertThat(found.body().size()).isEqualTo(2);
        assertThat(found.body().get(0).get("xh").asInt()).isEqualTo(3);
        assertThat(api.post("/face-cascade-links/" + linkId + "/queries", officer, Map.of("equals",
                Map.of("sbbh", "nothing-here"))).body().size()).isZero();

        // 数据操作: add, update, delete a person record on the subordinate platform
        Map<String, Object> add = Map.of("operation", "ADD", "recordType", "PERSON", "recordId", "QH-0001", "fields",
                Map.of("xm", "符海", "zjhm", "460100199001010101"));
        assertThat(api.post("/face-cascade-links/" + linkId + "/operations", officer, add).status()).isEqualTo(403);
        Reply bad = api.post("/face-cascade-links/" + linkId + "/operations", admin, Map.of("operation", "MERGE",
                "recordType", "PERSON", "recordId", "QH-0001", "fields", Map.of("xm", "符海")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("code")).isEqualTo("OPERATION_INVALID");
        assertThat(api.post("/face-cascade-links/" + linkId + "/operations", admin, Map.of("operation", "UPDATE",
                "recordType", "PERSON", "recordId", "QH-0001")).text("code")).isEqualTo("OPERATION_INVALID");
        assertThat(simulatorGet("/v1/cascade-face-platform/records").body()).isEqualTo("{}");
        Reply added = api.post("/face-cascade-links/" + linkId + "/operations", admin, add);
        assertThat(added.status()).as(added.body().toString()).isEqualTo(200);
        assertThat(added.body().get("applied").asBoolean()).isTrue();
        Reply again = api.post("/face-cascade-links/" + linkId + "/operations", admin, add);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().toString()).contains("RECORD_EXISTS");
        assertThat(api.post("/face-cascade-links/" + linkId + "/operations", admin, Map.of("operation", "UPDATE",
                "recordType", "PERSON", "recordId", "QH-0001", "fields", Map.of("xm", "符海生"))).status())
                .isEqualTo(200);
        assertThat(ApiClient.JSON.readTree(simulatorGet("/v1/cascade-face-platform/records").body())
                .get("PERSON/QH-0001").get("xm").asText()).isEqualTo("符海生");
        Reply missing = api.post("/face-cascade-links/" + linkId + "/operations", admin, Map.of("operation", "UPDATE",
                "recordType", "PERSON", "recordId", "QH-0404", "fields", Map.of("xm", "无此人")));
        assertThat(missing.status()).isEqualTo(409);
        assertThat(missing.text("code")).isEqualTo("OPERATION_REFUSED");
        assertThat(simulatorGet("/v1/cascade-face-platform/records").body()).doesNotContain("QH-0404");
        assertThat(api.post("/face-cascade-links/" + linkId + "/operations", admin, Map.of("operation", "DELETE",
                "recordType", "PERSON", "recordId", "QH-0001")).status()).isEqualTo(200);
        assertThat(simulatorGet("/v1/cascade-face-platform/records").body()).isEqualTo("{}");
        JsonNode log = api.get("/face-cascade-links/" + linkId + "/operations", officer).body();
        assertThat(log.size()).isEqualTo(5);
        assertThat(log.get(0).get("operation").asText()).isEqualTo("DELETE");
        assertThat(log.get(1).get("applied").asBoolean()).isFalse();
        assertThat(log.get(1).get("reason").asText()).isEqualTo("RECORD_NOT_FOUND");

        // unreachable: 503, nothing recorded; disabled: 409
        simulator("PUT", "/v1/cascade-face-platform/reachability", "{\"reachable\":false}");
        Reply down = api.post("/face-cascade-links/" + linkId + "/operations", admin, add);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.text("code")).isEqualTo("CASCADE_UNAVAILABLE");
        assertThat(api.get("/face-cascade-links/" + linkId + "/operations", officer).body().size()).isEqualTo(5);
        simulator("PUT", "/v1/cascade-face-platform/reachability", "{\"reachable\":true}");
        api.put("/face-cascade-links/" + linkId, admin, Map.of("name", "停用", "partnerId", "cascade-face-platform",
                "enabled", false));
        assertThat(api.post("/face-cascade-links/" + linkId + "/queries", officer, query).text("code"))
                .isEqualTo("LINK_DISABLED");
        assertThat(api.post("/face-cascade-links/" + linkId + "/operations", admin, add).text("code"))
                .isEqualTo("LINK_DISABLED");
    }

    /** A watch-list task of the kind and one hit of it at the distance, raised now. */
    private String hit(UUID taskId, double distance) {
        String alertId = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO watchlist_hit (id, alert_id, task_id, plate_number, distance, occurred_at, "
                + "snapshot_key, recipients, status) VALUES (?, ?, ?, ?, ?, now(), 'snap/x.jpg', '{}', 'RAISED')",
                UUID.randomUUID(), alertId, taskId, "琼A" + alertId.substring(0, 5).toUpperCase(), distance);
        return alertId;
    }

    private UUID watchlistTask(String kind) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO watchlist_task (id, name, kind, status, max_distance, camera_ids, officers, "
                + "alert_level, created_by) VALUES (?, ?, ?, 'ACTIVE', 0.6, '{}', '{}', 'HIGH', 'ops.chen')", id,
                "订阅测试 " + kind, kind);
        return id;
    }

    /**
     * 比对订阅服务接口: a platform subscribes to the face-base watch-list hits up to a distance; the hits raised after
     * it that fit are pushed to it sealed, each once; a push the platform does not answer moves nothing and the
     * next push sends the same hit; administrators keep subscriptions, officers read, bad ones change nothing.
     */
    @Test
    void aSubscribingPlatformIsPushedTheComparisonResultsThatFitItsSubscriptionEachOnce() throws Exception {
        ApiClient api = new ApiClient(port);
        simulator("POST", "/v1/cascade-face-platform/reset", "[]");
        UUID faceBase = watchlistTask("FACE_BASE");
        UUID random = watchlistTask("RANDOM");
        hit(faceBase, 0.2); // raised before the subscription: not pushed
        Map<String, Object> sub = new HashMap<>(Map.of("code", "SUB-PROVINCE", "name", "省级平台人脸比对订阅",
                "partnerId", "cascade-face-platform", "watchlistKind", "FACE_BASE", "maxDistance", 0.5));
        assertThat(api.post("/comparison-subscriptions", officer, sub).status()).isEqualTo(403);
        Map<String, Object> bad = new HashMap<>(sub);
        bad.put("watchlistKind", "FACE_SKETCH");
        Reply refused = api.post("/comparison-subscriptions", admin, bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("SUBSCRIPTION_INVALID");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM comparison_subscription WHERE code = 'SUB-PROVINCE'",
                Integer.class)).isZero();
        Thread.sleep(20);
        Reply created = api.post("/comparison-subscriptions", admin, sub);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(api.get("/comparison-subscriptions", officer).body().toString()).contains("SUB-PROVINCE");
        assertThat(api.get("/comparison-subscriptions", trader).status()).isEqualTo(403);
        Thread.sleep(20);

        String near = hit(faceBase, 0.31);
        hit(faceBase, 0.72); // too far
        hit(random, 0.1); // another kind
        assertThat(api.post("/comparison-subscriptions/" + id + "/pushes", officer, Map.of()).status())
                .isEqualTo(403);
        Reply pushed = api.post("/comparison-subscriptions/" + id + "/pushes", admin, Map.of());
        assertThat(pushed.status()).as(pushed.body().toString()).isEqualTo(200);
        assertThat(pushed.body().get("pushed").asInt()).isEqualTo(1);
        assertThat(pushed.body().get("accepted").asInt()).isEqualTo(1);
        JsonNode results = ApiClient.JSON.readTree(simulatorGet("/v1/cascade-face-platform/results").body());
        assertThat(results.size()).isEqualTo(1);
        assertThat(results.get(0).get("alertId").asText()).isEqualTo(near);
        assertThat(results.get(0).get("subscription").asText()).isEqualTo("SUB-PROVINCE");
        assertThat(api.post("/comparison-subscriptions/" + id + "/pushes", admin, Map.of()).body().get("pushed")
                .asInt()).isZero();

        // the platform does not answer: 503, nothing moves; back up, the scheduled push sends the hit once
        simulator("PUT", "/v1/cascade-face-platform/reachability", "{\"reachable\":false}");
        String later = hit(faceBase, 0.4);
        Reply down = api.post("/comparison-subscriptions/" + id + "/pushes", admin, Map.of());
        assertThat(down.status()).isEqualTo(503);
        assertThat(subscriptions.pushDue()).isZero();
        assertThat(api.get("/comparison-subscriptions/" + id, officer).text("lastError")).contains("unavailable");
        simulator("PUT", "/v1/cascade-face-platform/reachability", "{\"reachable\":true}");
        assertThat(subscriptions.pushDue()).isEqualTo(1);
        results = ApiClient.JSON.readTree(simulatorGet("/v1/cascade-face-platform/results").body());
        assertThat(results.size()).isEqualTo(2);
        assertThat(results.get(1).get("alertId").asText()).isEqualTo(later);
        JsonNode after = api.get("/comparison-subscriptions/" + id, officer).body();
        assertThat(after.get("pushed").asInt()).isEqualTo(2);
        assertThat(after.hasNonNull("lastError")).isFalse();

        // switched off: no push
        assertThat(api.put("/comparison-subscriptions/" + id, admin, Map.of("name", "停用", "enabled", false))
                .status()).isEqualTo(200);
        hit(faceBase, 0.3);
        assertThat(api.post("/comparison-subscriptions/" + id + "/pushes", admin, Map.of()).text("code"))
                .isEqualTo("SUBSCRIPTION_DISABLED");
        subscriptions.pushDue();
        assertThat(ApiClient.JSON.readTree(simulatorGet("/v1/cascade-face-platform/results").body()).size())
                .isEqualTo(2);
    }

    private HttpResponse<String> simulatorGet(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SIMULATORS.baseUrl() + path))
                .header("Authorization", "Bearer " + admin).GET().build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return r;
    }

    private void simulator(String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SIMULATORS.baseUrl() + path))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isLessThan(300);
    }
}
