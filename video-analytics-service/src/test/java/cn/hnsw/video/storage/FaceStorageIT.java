package cn.hnsw.video.storage;

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
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The face base library filled from an external source: the population registry simulator in the test JVM, sealed
 * messages between them. A data feed is configured by an administrator only; a storage task reads the source page
 * by page, stores the good records through the enrolment path, skips a person already in the library and keeps every
 * failed record with its reason (no photo, a broken file, a picture without a face, a missing name); the task raises
 * one anomaly alert; a retry after the source fixed one record stores it and leaves the others open; an unreachable
 * source fails a task (with an alert) and makes a retry change nothing.
 */
@ServiceIntegrationTest
class FaceStorageIT {

    static final SimulatorKeys KEYS = SimulatorKeys.of("population-registry");
    static final SimulatorsHarness SIMULATORS = SimulatorsHarness.start(KEYS, new TestInfrastructureInitializer());

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
    FaceStorageService storage;

    final TestTokens tokens = TestTokens.issuer();
    final HttpClient http = HttpClient.newHttpClient();

    static String face(String sample, int x, int y, int w, int h) {
        return Base64.getEncoder().encodeToString(TestMedia.jpeg(TestMedia.isolated(TestMedia.sample(sample), x, y, w,
                h)));
    }

    /** A lit wall: a readable JPEG with no face on it. */
    static String wall() {
        BufferedImage img = new BufferedImage(480, 360, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(200, 190, 170), 480, 360, new Color(120, 110, 100)));
        g.fillRect(0, 0, 480, 360);
        g.dispose();
        return Base64.getEncoder().encodeToString(TestMedia.jpeg(img));
    }

    static Map<String, Object> person(String externalId, String personCode, String name, String photo) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("externalId", externalId);
        m.put("personCode", personCode);
        m.put("name", name);
        m.put("idNo", "46010019800101" + externalId.substring(externalId.length() - 4));
        m.put("photoBase64", photo);
        return m;
    }

    @Test
    void aStorageTaskImportsTheSourceKeepsFailuresWithReasonsAndARetryStoresTheFixedRecord() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = tokens.user("ops.chen", "platform-admin").mint();
        String officer = tokens.user("zhang.wei", "customs-officer").mint();
        String trader = tokens.user("trader.li", "enterprise-user").mint();
        assertThat(simulator("POST", "/v1/population-registry/reset", "{}", admin).statusCode()).isEqualTo(200);

        // the person already enrolled by hand is skipped by the task, not failed
        Reply manual = api.post("/face-base-records", officer, Map.of("personCode", "SRC-P-0004", "name", "旅客四",
                "photoBase64", face("sample5", 1376, 399, 273, 234)));
        assertThat(manual.status()).as(manual.body().toString()).isEqualTo(201);

        List<Map<String, Object>> people = new ArrayList<>();
        people.add(person("EXT-0001", "SRC-P-0001", "旅客一", face("sample1", 768, 401, 305, 273)));
        people.add(person("EXT-0002", "SRC-P-0002", "旅客二", face("sample2", 1424, 152, 274, 259)));
        people.add(person("EXT-0003", "SRC-P-0003", "旅客三", face("sample3", 1011, 246, 346, 314)));
        people.add(person("EXT-0004", "SRC-P-0004", "旅客四", face("sample5", 1376, 399, 273, 234)));
        people.add(person("EXT-0005", "SRC-P-0005", "旅客五", null));
        people.add(person("EXT-0006", "SRC-P-0006", "旅客六",
                Base64.getEncoder().encodeToString("not a picture".getBytes(StandardCharsets.UTF_8))));
        people.add(person("EXT-0007", "SRC-P-0007", "旅客七", wall()));
        people.add(person("EXT-0008", "SRC-P-0008", null, face("sample6", 159, 524, 350, 297)));
        assertThat(simulator("PUT", "/v1/population-registry/records", json(people), admin).statusCode())
                .isEqualTo(200);

        // data feeds: administrators only; enterprise users see nothing; bad input changes nothing
        Map<String, Object> source = Map.of("code", "POP-HAIKOU", "name", "海口市人口信息库", "sourceType",
                "POPULATION_REGISTRY", "partnerId", "population-registry", "pageSize", 3);
        assertThat(api.post("/face-data-feeds", officer, source).status()).isEqualTo(403);
        assertThat(api.get("/face-data-feeds", trader).status()).isEqualTo(403);
        Map<String, Object> badType = new HashMap<>(source);
        badType.put("sourceType", "FTP_DROP");
        Reply refused = api.post("/face-data-feeds", admin, badType);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("DATA_FEED_TYPE_INVALID");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM face_data_feed WHERE code = 'POP-HAIKOU'", Integer.class))
                .isZero();
        Reply created = api.post("/face-data-feeds", admin, source);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String sourceId = created.text("id");
        assertThat(api.post("/face-data-feeds", admin, source).status()).isEqualTo(409);
        assertThat(api.get("/face-data-feeds", officer).body().toString()).contains("POP-HAIKOU");

        // a storage task: started by an administrator, one at a time per source, watched until it ends
        assertThat(api.post("/face-storage-tasks", officer, Map.of("dataFeedId", sourceId)).status()).isEqualTo(403);
        Reply started = api.post("/face-storage-tasks", admin, Map.of("dataFeedId", sourceId));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        assertThat(started.text("status")).isEqualTo("RUNNING");
        String taskId = started.text("id");
        Reply second = api.post("/face-storage-tasks", admin, Map.of("dataFeedId", sourceId));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("code")).isEqualTo("STORAGE_TASK_RUNNING");
        JsonNode task = awaitEnd(api, officer, taskId);
        assertThat(task.get("status").asText()).as(task.toString()).isEqualTo("COMPLETED_WITH_FAILURES");
        assertThat(task.get("total").asInt()).isEqualTo(8);
        assertThat(task.get("processed").asInt()).isEqualTo(8);
        assertThat(task.get("stored").asInt()).isEqualTo(3);
        assertThat(task.get("skipped").asInt()).isEqualTo(1);
        assertThat(task.get("failed").asInt()).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM face_base_record r JOIN face_feature f ON "
                + "f.face_base_record_id = r.id AND f.library = 'FACE_BASE' WHERE r.source = 'POP-HAIKOU'",
                Integer.class)).isEqualTo(3);
        Map<String, String> reasons = reasons(api.get("/face-storage-tasks/" + taskId + "/failures", officer).body());
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of("EXT-0005", "PHOTO_MISSING", "EXT-0006",
                "IMAGE_UNREADABLE", "EXT-0007", "NO_FACE", "EXT-0008", "RECORD_INCOMPLETE"));
        // the stored people are found by face in the library
        Reply found = api.post("/identity-checks", officer, Map.of("photoBase64", face("sample2", 1424, 152, 274, 259),
                "library", "FACE_BASE", "topK", 10));
        assertThat(found.status()).as(found.body().toString()).isEqualTo(200);
        assertThat(found.body().toString()).contains("旅客二");
        // one anomaly alert for the task, through the outbox
        String alertId = task.get("alertId").asText();
        String envelope = jdbc.queryForObject("SELECT envelope::text FROM event_outbox WHERE aggregate_id = ?",
                String.class, alertId);
        assertThat(envelope).contains("face-storage-anomaly").contains(taskId).contains("\"failedRecords\":\"4\"");

        // the source fixes one record (a real photo now); a retry stores it, the others stay open with their reason
        people.set(6, person("EXT-0007", "SRC-P-0007", "旅客七", face("sample6", 159, 524, 350, 297)));
        simulator("PUT", "/v1/population-registry/records", json(List.of(people.get(6))), admin);
        assertThat(api.post("/face-storage-tasks/" + taskId + "/retries", officer, Map.of()).status()).isEqualTo(403);
        Reply retried = api.post("/face-storage-tasks/" + taskId + "/retries", admin, Map.of());
        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
        assertThat(retried.body().get("stored").asInt()).isEqualTo(4);
        assertThat(retried.body().get("failed").asInt()).isEqualTo(3);
        assertThat(retried.text("status")).isEqualTo("COMPLETED_WITH_FAILURES");
        JsonNode failures = api.get("/face-storage-tasks/" + taskId + "/failures", officer).body();
        for (JsonNode f : failures) {
            if ("EXT-0007".equals(f.get("externalId").asText())) {
                assertThat(f.get("status").asText()).isEqualTo("RESOLVED");
                assertThat(f.hasNonNull("faceBaseRecordId")).isTrue();
            } else {
                assertThat(f.get("status").asText()).isEqualTo("OPEN");
                assertThat(f.get("attempts").asInt()).isEqualTo(2);
            }
        }
        assertThat(api.get("/face-storage-tasks/" + taskId + "/failures?status=OPEN", officer).body().size())
                .isEqualTo(3);

        // the source goes down: a retry changes nothing (503), a new task fails with the reason and an alert
        simulator("PUT", "/v1/population-registry/reachability", "{\"reachable\":false}", admin);
        Reply down = api.post("/face-storage-tasks/" + taskId + "/retries", admin, Map.of());
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.text("code")).isEqualTo("FACE_SOURCE_UNAVAILABLE");
        JsonNode after = api.get("/face-storage-tasks/" + taskId, officer).body();
        assertThat(after.get("stored").asInt()).isEqualTo(4);
        assertThat(after.get("failed").asInt()).isEqualTo(3);
        assertThat(after.get("status").asText()).isEqualTo("COMPLETED_WITH_FAILURES");
        String failingId = api.post("/face-storage-tasks", admin, Map.of("dataFeedId", sourceId)).text("id");
        JsonNode failing = awaitEnd(api, officer, failingId);
        assertThat(failing.get("status").asText()).isEqualTo("FAILED");
        assertThat(failing.get("errorZh").asText()).contains("外部人脸数据源暂不可用");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE aggregate_id = ?", Integer.class,
                failing.get("alertId").asText())).isEqualTo(1);

        // back up: a new task finds everyone stored already and only the open failures again
        simulator("PUT", "/v1/population-registry/reachability", "{\"reachable\":true}", admin);
        String againId = api.post("/face-storage-tasks", admin, Map.of("dataFeedId", sourceId)).text("id");
        JsonNode again = awaitEnd(api, officer, againId);
        assertThat(again.get("stored").asInt()).isZero();
        assertThat(again.get("skipped").asInt()).isEqualTo(5);
        assertThat(again.get("failed").asInt()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM face_base_record WHERE source = 'POP-HAIKOU'",
                Integer.class)).isEqualTo(4);

        // a disabled source starts nothing
        assertThat(api.put("/face-data-feeds/" + sourceId + "/enabled", admin, Map.of("enabled", false)).status())
                .isEqualTo(200);
        Reply disabled = api.post("/face-storage-tasks", admin, Map.of("dataFeedId", sourceId));
        assertThat(disabled.status()).isEqualTo(409);
        assertThat(disabled.text("code")).isEqualTo("DATA_FEED_DISABLED");
    }

    @Test
    void aSourceIsModifiedByAnAdministratorAndDeletedOnlyOnceItsTasksAreGone() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = tokens.user("ops.chen", "platform-admin").mint();
        String officer = tokens.user("zhang.wei", "customs-officer").mint();
        assertThat(simulator("POST", "/v1/population-registry/reset", "{}", admin).statusCode()).isEqualTo(200);
        Reply created = api.post("/face-data-feeds", admin, Map.of("code", "POP-SANYA", "name", "三亚人口信息库",
                "sourceType", "POPULATION_REGISTRY", "partnerId", "population-registry"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().get("pageSize").asInt()).isEqualTo(50);
        String id = created.text("id");

        Map<String, Object> change = Map.of("name", "三亚市身份证信息系统", "sourceType", "ID_CARD_SYSTEM", "partnerId",
                "population-registry", "pageSize", 20);
        assertThat(api.put("/face-data-feeds/" + id, officer, change).status()).isEqualTo(403);
        Map<String, Object> bad = new HashMap<>(change);
        bad.put("pageSize", 0);
        assertThat(api.put("/face-data-feeds/" + id, admin, bad).status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT page_size FROM face_data_feed WHERE id = ?::uuid", Integer.class, id))
                .isEqualTo(50);
        Reply changed = api.put("/face-data-feeds/" + id, admin, change);
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.text("name")).isEqualTo("三亚市身份证信息系统");
        assertThat(changed.text("sourceType")).isEqualTo("ID_CARD_SYSTEM");
        assertThat(changed.body().get("pageSize").asInt()).isEqualTo(20);
        assertThat(changed.text("code")).isEqualTo("POP-SANYA");

        // an empty source: the task completes with nothing to store
        String taskId = api.post("/face-storage-tasks", admin, Map.of("dataFeedId", id)).text("id");
        JsonNode task = awaitEnd(api, officer, taskId);
        assertThat(task.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(task.get("total").asInt()).isZero();
        assertThat(task.hasNonNull("alertId")).isFalse();

        Reply inUse = api.delete("/face-data-feeds/" + id, admin);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.text("code")).isEqualTo("DATA_FEED_IN_USE");
        assertThat(api.delete("/face-storage-tasks/" + taskId, officer).status()).isEqualTo(403);
        assertThat(api.delete("/face-storage-tasks/" + taskId, admin).status()).isEqualTo(204);
        assertThat(api.get("/face-storage-tasks/" + taskId, officer).status()).isEqualTo(404);
        assertThat(api.delete("/face-data-feeds/" + id, officer).status()).isEqualTo(403);
        assertThat(api.delete("/face-data-feeds/" + id, admin).status()).isEqualTo(204);
        assertThat(api.get("/face-data-feeds", officer).body().toString()).doesNotContain("POP-SANYA");
    }

    /**
     * 重点人员信息库: a feed with a person-of-interest category stores the source's people into the face base and binds
     * each as a person of interest of that category (the PERSON_OF_INTEREST library finds them); a second run finds
     * them stored already and binds nobody twice.
     */
    @Test
    void aPersonOfInterestFeedBindsWhatItStoresOnce() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = tokens.user("ops.chen", "platform-admin").mint();
        String officer = tokens.user("zhang.wei", "customs-officer").mint();
        assertThat(simulator("POST", "/v1/population-registry/reset", "{}", admin).statusCode()).isEqualTo(200);
        String faceA = face("sample3", 1465, 331, 289, 271);
        String faceB = face("sample5", 273, 879, 383, 351);
        List<Map<String, Object>> people = List.of(person("EXT-0101", "POI-P-0101", "重点人员甲", faceA),
                person("EXT-0102", "POI-P-0102", "重点人员乙", faceB));
        assertThat(simulator("PUT", "/v1/population-registry/records", json(people), admin).statusCode()).isEqualTo(200);

        Map<String, Object> feed = new HashMap<>(Map.of("code", "POI-SMUGGLING", "name", "涉私重点人员名单", "sourceType",
                "BORDER_INSPECTION", "partnerId", "population-registry", "pageSize", 10, "poiCategory", "涉私"));
        assertThat(api.post("/face-data-feeds", officer, feed).status()).isEqualTo(403);
        Reply created = api.post("/face-data-feeds", admin, feed);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("poiCategory")).isEqualTo("涉私");
        String feedId = created.text("id");
        feed.put("name", "涉私重点人员名单（海关）");
        feed.remove("code");
        Reply changed = api.put("/face-data-feeds/" + feedId, admin, feed);
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.text("name")).isEqualTo("涉私重点人员名单（海关）");
        assertThat(changed.text("poiCategory")).isEqualTo("涉私");

        String taskId = api.post("/face-storage-tasks", admin, Map.of("dataFeedId", feedId)).text("id");
        JsonNode task = awaitEnd(api, officer, taskId);
        assertThat(task.get("status").asText()).as(task.toString()).isEqualTo("COMPLETED");
        assertThat(task.get("stored").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM person_of_interest p JOIN face_base_record r ON r.id = "
                + "p.face_base_record_id WHERE r.person_code IN ('POI-P-0101', 'POI-P-0102') AND p.category = '涉私'",
                Integer.class)).isEqualTo(2);
        Reply persons = api.get("/persons-of-interest", officer);
        assertThat(persons.body().findValuesAsText("category")).contains("涉私");
        Reply found = api.post("/identity-checks", officer, Map.of("photoBase64", faceB, "library",
                "PERSON_OF_INTEREST", "topK", 1, "exact", true));
        assertThat(found.body().get(0).get("label").asText()).isEqualTo("重点人员乙 / 涉私");

        // a second import: both already stored, skipped, and not bound again
        String again = api.post("/face-storage-tasks", admin, Map.of("dataFeedId", feedId)).text("id");
        JsonNode second = awaitEnd(api, officer, again);
        assertThat(second.get("skipped").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM person_of_interest p JOIN face_base_record r ON r.id = "
                + "p.face_base_record_id WHERE r.person_code IN ('POI-P-0101', 'POI-P-0102')", Integer.class))
                .isEqualTo(2);
        assertThat(api.get("/face-storage-tasks?dataFeedId=" + feedId, officer).body().findValuesAsText("id"))
                .contains(taskId, again);
    }

    /**
     * 布控对象接入/存储: a data feed that feeds a face-base watch-list task stores its records in the face base and makes
     * each a target of the task, once; only administrators configure it, and only for a face-base task.
     */
    @Test
    void aTargetFeedMakesWhatItStoresTargetsOfItsFaceBaseWatchlistTaskOnce() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = tokens.user("ops.chen", "platform-admin").mint();
        String officer = tokens.user("zhang.wei", "customs-officer").mint();
        assertThat(simulator("POST", "/v1/population-registry/reset", "{}", admin).statusCode()).isEqualTo(200);
        String faceA = face("sample3", 1465, 331, 289, 271);
        String faceB = face("sample5", 273, 879, 383, 351);
        // the task starts with one enrolled target; the feed brings that person again and a new one
        Reply seed = api.post("/face-base-records", officer, Map.of("personCode", "TGT-P-0201", "name", "布控对象甲",
                "photoBase64", faceA));
        assertThat(seed.status()).as(seed.body().toString()).isEqualTo(201);
        Reply submitted = api.post("/watchlist-tasks", officer, Map.of("name", "接入布控对象", "kind", "FACE_BASE",
                "officers", List.of("zhang.wei"), "targets", List.of(Map.of("faceBaseRecordId", seed.text("id")))));
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
        String watchTaskId = submitted.text("id");
        List<Map<String, Object>> people = List.of(person("EXT-0201", "TGT-P-0201", "布控对象甲", faceA),
                person("EXT-0202", "TGT-P-0202", "布控对象乙", faceB));
        assertThat(simulator("PUT", "/v1/population-registry/records", json(people), admin).statusCode()).isEqualTo(200);

        Map<String, Object> feed = new HashMap<>(Map.of("code", "WATCH-TARGETS", "name", "布控对象接入", "sourceType",
                "BORDER_INSPECTION", "partnerId", "population-registry", "pageSize", 10, "watchlistTaskId",
                watchTaskId));
        assertThat(api.post("/face-data-feeds", officer, feed).status()).isEqualTo(403);
        Map<String, Object> unknownTask = new HashMap<>(feed);
        unknownTask.put("watchlistTaskId", java.util.UUID.randomUUID().toString());
        assertThat(api.post("/face-data-feeds", admin, unknownTask).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM face_data_feed WHERE code = 'WATCH-TARGETS'",
                Integer.class)).isZero();
        Reply created = api.post("/face-data-feeds", admin, feed);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("watchlistTaskId")).isEqualTo(watchTaskId);
        String feedId = created.text("id");
        assertThat(api.get("/face-data-feeds", officer).body().findValuesAsText("watchlistTaskId")).contains(watchTaskId);

        String storageTask = api.post("/face-storage-tasks", admin, Map.of("dataFeedId", feedId)).text("id");
        JsonNode done = awaitEnd(api, officer, storageTask);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.get("stored").asInt()).isEqualTo(1);
        assertThat(done.get("skipped").asInt()).isEqualTo(1);
        Reply targets = api.get("/watchlist-tasks/" + watchTaskId + "/targets", officer);
        assertThat(targets.body().findValuesAsText("label")).containsExactlyInAnyOrder("布控对象甲", "布控对象乙");

        // 修改: the feed no longer feeds the task; a second import adds nothing to it
        feed.remove("code");
        feed.remove("watchlistTaskId");
        Reply changed = api.put("/face-data-feeds/" + feedId, admin, feed);
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.body().path("watchlistTaskId").asText(null)).isNull();
        assertThat(jdbc.queryForObject("SELECT watchlist_task_id FROM face_data_feed WHERE id = ?::uuid", java.util.UUID.class,
                feedId)).isNull();
        awaitEnd(api, officer, api.post("/face-storage-tasks", admin, Map.of("dataFeedId", feedId)).text("id"));
        assertThat(api.get("/watchlist-tasks/" + watchTaskId + "/targets", officer).body()).hasSize(2);
    }

    /**
     * 数据存储任务修改: a task's settings (batch, most records a run, duplicate key, interval, on/off) are changed by an
     * administrator only, never while a run is in progress, each change kept; the next run, by hand or on its
     * interval, follows the change.
     */
    @Test
    void aStorageTaskIsModifiedOnlyBetweenRunsAndItsNextRunFollowsTheChange() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = tokens.user("ops.chen", "platform-admin").mint();
        String officer = tokens.user("zhang.wei", "customs-officer").mint();
        assertThat(simulator("POST", "/v1/population-registry/reset", "{}", admin).statusCode()).isEqualTo(200);
        // a person enrolled by hand under another person code, with the ID number the source's EXT-9003 carries
        Reply manual = api.post("/face-base-records", officer, Map.of("personCode", "HAND-9003", "name", "旅客九",
                "idNo", "460100198001019003", "photoBase64", face("sample5", 1376, 399, 273, 234)));
        assertThat(manual.status()).as(manual.body().toString()).isEqualTo(201);
        // five records without photos: each read is a failure with its reason unless it is a duplicate
        List<Map<String, Object>> people = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            people.add(person("EXT-900" + i, "SRC-W-900" + i, "旅客" + i, null));
        }
        simulator("PUT", "/v1/population-registry/records", json(people), admin);
        String feedId = api.post("/face-data-feeds", admin, Map.of("code", "POP-WENCHANG", "name", "文昌人口信息库",
                "sourceType", "POPULATION_REGISTRY", "partnerId", "population-registry")).text("id");

        // settings given at the start; settings out of range start nothing
        Map<String, Object> first = new HashMap<>(Map.of("dataFeedId", feedId, "name", "文昌夜间入库",
                "batchSize", 2, "maxRecords", 3));
        assertThat(api.post("/face-storage-tasks", officer, first).status()).isEqualTo(403);
        Map<String, Object> badStart = new HashMap<>(first);
        badStart.put("dedupKey", "NAME");
        Reply badStarted = api.post("/face-storage-tasks", admin, badStart);
        assertThat(badStarted.status()).isEqualTo(400);
        assertThat(badStarted.text("code")).isEqualTo("SETTING_INVALID");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM face_storage_task t JOIN face_data_feed s ON s.id = "
                + "t.data_feed_id WHERE s.code = 'POP-WENCHANG'", Integer.class)).isZero();
        String taskId = api.post("/face-storage-tasks", admin, first).text("id");
        JsonNode run1 = awaitEnd(api, officer, taskId);
        assertThat(run1.get("total").asInt()).isEqualTo(5);
        assertThat(run1.get("processed").asInt()).as("at most three records a run").isEqualTo(3);
        assertThat(run1.get("failed").asInt()).isEqualTo(3);
        assertThat(run1.get("runs").asInt()).isEqualTo(1);
        assertThat(run1.get("settings").get("dedupKey").asText()).isEqualTo("PERSON_CODE");

        Map<String, Object> change = new HashMap<>();
        change.put("name", "文昌定时入库");
        change.put("batchSize", 4);
        change.put("maxRecords", null);
        change.put("dedupKey", "ID_NO");
        change.put("intervalMinutes", 1);
        change.put("enabled", true);
        // officers may look but not change; bad settings: 400 in Chinese and English, nothing changed
        assertThat(api.put("/face-storage-tasks/" + taskId, officer, change).status()).isEqualTo(403);
        Map<String, Object> bad = new HashMap<>(change);
        bad.put("dedupKey", "NAME");
        Reply refused = api.put("/face-storage-tasks/" + taskId, admin, bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("SETTING_INVALID");
        assertThat(refused.body().toString()).contains("入库任务设置无效").contains("Invalid storage task setting");
        Map<String, Object> badInterval = new HashMap<>(change);
        badInterval.put("intervalMinutes", 0);
        assertThat(api.put("/face-storage-tasks/" + taskId, admin, badInterval).status()).isEqualTo(400);
        assertThat(jdbc.queryForMap("SELECT max_records, dedup_key, interval_minutes FROM face_storage_task WHERE "
                + "id = ?::uuid", taskId)).containsEntry("max_records", 3).containsEntry("dedup_key", "PERSON_CODE")
                .containsEntry("interval_minutes", null);

        // a run in progress (the state a run or a retry holds while it reads the source): no change, 409, logged
        jdbc.update("UPDATE face_storage_task SET status = 'RUNNING' WHERE id = ?::uuid", taskId);
        Reply busy = api.put("/face-storage-tasks/" + taskId, admin, change);
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.text("code")).isEqualTo("TASK_BUSY");
        assertThat(api.post("/face-storage-tasks/" + taskId + "/runs", admin, Map.of()).status()).isEqualTo(409);
        jdbc.update("UPDATE face_storage_task SET status = 'COMPLETED_WITH_FAILURES' WHERE id = ?::uuid", taskId);
        assertThat(jdbc.queryForObject("SELECT max_records FROM face_storage_task WHERE id = ?::uuid", Integer.class,
                taskId)).isEqualTo(3);
        String logged = "SELECT count(*) FROM video_operation_log WHERE username = 'ops.chen' AND action = ? AND "
                + "status = 409";
        for (int i = 0; i < 50 && jdbc.queryForObject(logged, Integer.class, "PUT /face-storage-tasks/" + taskId) == 0;
                i++) {
            Thread.sleep(100);
        }
        assertThat(jdbc.queryForObject(logged, Integer.class, "PUT /face-storage-tasks/" + taskId)).isEqualTo(1);

        Reply changed = api.put("/face-storage-tasks/" + taskId, admin, change);
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.body().get("settings").hasNonNull("maxRecords")).isFalse();
        assertThat(changed.text("modifiedBy")).isEqualTo("ops.chen");
        JsonNode changes = api.get("/face-storage-tasks/" + taskId + "/changes", officer).body();
        assertThat(changes.size()).isEqualTo(1);
        assertThat(changes.get(0).get("before").get("maxRecords").asInt()).isEqualTo(3);
        assertThat(changes.get(0).get("after").get("dedupKey").asText()).isEqualTo("ID_NO");

        // not due yet: the last run ended under a minute ago; due once it is a minute old, the run reads every
        // record and takes EXT-9003 for the person stored by hand under another code
        jdbc.update("UPDATE face_storage_task SET finished_at = now() WHERE id = ?::uuid", taskId);
        assertThat(storage.runDue()).isZero();
        jdbc.update("UPDATE face_storage_task SET finished_at = now() - interval '2 minutes' WHERE id = ?::uuid",
                taskId);
        storage.runDue();
        JsonNode run2 = awaitRuns(api, officer, taskId, 2);
        assertThat(run2.get("runs").asInt()).isEqualTo(2);
        assertThat(run2.get("processed").asInt()).isEqualTo(5);
        assertThat(run2.get("skipped").asInt()).isEqualTo(1);
        assertThat(run2.get("failed").asInt()).isEqualTo(4);
        assertThat(reasons(api.get("/face-storage-tasks/" + taskId + "/failures", officer).body()))
                .doesNotContainKey("EXT-9003").hasSize(4);

        // switched off: not run by hand nor on its interval
        change.put("enabled", false);
        assertThat(api.put("/face-storage-tasks/" + taskId, admin, change).status()).isEqualTo(200);
        Reply off = api.post("/face-storage-tasks/" + taskId + "/runs", admin, Map.of());
        assertThat(off.status()).isEqualTo(409);
        assertThat(off.text("code")).isEqualTo("TASK_DISABLED");
        jdbc.update("UPDATE face_storage_task SET finished_at = now() - interval '2 minutes' WHERE id = ?::uuid",
                taskId);
        storage.runDue();
        assertThat(api.get("/face-storage-tasks/" + taskId, officer).body().get("runs").asInt()).isEqualTo(2);
        // on again, run by hand: the third run
        change.put("enabled", true);
        change.put("intervalMinutes", null);
        assertThat(api.put("/face-storage-tasks/" + taskId, admin, change).status()).isEqualTo(200);
        assertThat(api.post("/face-storage-tasks/" + taskId + "/runs", officer, Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/face-storage-tasks/" + taskId + "/runs", admin, Map.of()).status()).isEqualTo(202);
        assertThat(awaitRuns(api, officer, taskId, 3).get("processed").asInt()).isEqualTo(5);
        assertThat(api.get("/face-storage-tasks/" + taskId + "/changes", officer).body().size()).isEqualTo(3);
    }

    /**
     * 数据源类型 as data: an administrator's own access type over the external feed, requiring the ID number, is a
     * feed's source type; its storage task fails a record without one (the item named) and a disabled type takes no
     * new feed.
     */
    @Test
    void anOperatorsSourceTypeRequiringTheIdNumberFailsRecordsWithoutOne() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = tokens.user("ops.chen", "platform-admin").mint();
        String officer = tokens.user("zhang.wei", "customs-officer").mint();
        assertThat(simulator("POST", "/v1/population-registry/reset", "{}", admin).statusCode()).isEqualTo(200);
        Map<String, Object> withoutId = person("EXT-8001", "SRC-T-8001", "旅客甲",
                Base64.getEncoder().encodeToString("not a picture".getBytes(StandardCharsets.UTF_8)));
        withoutId.put("idNo", null);
        Map<String, Object> withId = person("EXT-8002", "SRC-T-8002", "旅客乙",
                Base64.getEncoder().encodeToString("not a picture".getBytes(StandardCharsets.UTF_8)));
        simulator("PUT", "/v1/population-registry/records", json(List.of(withoutId, withId)), admin);

        Map<String, Object> feed = Map.of("code", "PORT-ENTRY", "name", "口岸入境人员", "sourceType", "PORT_ENTRY_ID",
                "partnerId", "population-registry");
        assertThat(api.post("/face-data-feeds", admin, feed).text("code")).isEqualTo("DATA_FEED_TYPE_INVALID");
        List<Map<String, Object>> items = List.of(
                Map.of("name", "externalId", "valueType", "STRING", "required", true, "sourceField", "externalId"),
                Map.of("name", "personCode", "valueType", "STRING", "required", true, "sourceField", "personCode"),
                Map.of("name", "name", "valueType", "STRING", "required", true, "sourceField", "name"),
                Map.of("name", "idNo", "valueType", "STRING", "required", true, "sourceField", "idNo"),
                Map.of("name", "photo", "valueType", "IMAGE", "required", true, "sourceField", "photo"));
        Reply type = api.post("/data-access-types", admin, Map.of("code", "PORT_ENTRY_ID", "nameZh", "口岸入境证件信息",
                "category", "FACE_BASE", "source", "EXTERNAL_FEED", "items", items));
        assertThat(type.status()).as(type.body().toString()).isEqualTo(201);
        Reply created = api.post("/face-data-feeds", admin, feed);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String taskId = api.post("/face-storage-tasks", admin, Map.of("dataFeedId", created.text("id"))).text("id");
        JsonNode done = awaitEnd(api, officer, taskId);
        assertThat(done.get("failed").asInt()).isEqualTo(2);
        Map<String, String> reasons = reasons(api.get("/face-storage-tasks/" + taskId + "/failures", officer).body());
        // the record without an ID number stops at the type's item; the other reaches the picture and fails there
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of("EXT-8001", "ACCESS_ITEM_INVALID",
                "EXT-8002", "IMAGE_UNREADABLE"));
        assertThat(api.get("/face-storage-tasks/" + taskId + "/failures", officer).body().toString())
                .contains("idNo is required");

        Map<String, Object> off = Map.of("nameZh", "口岸入境证件信息", "category", "FACE_BASE", "enabled", false,
                "items", items);
        assertThat(api.put("/data-access-types/PORT_ENTRY_ID", admin, off).status()).isEqualTo(200);
        Map<String, Object> second = new HashMap<>(feed);
        second.put("code", "PORT-ENTRY-2");
        assertThat(api.post("/face-data-feeds", admin, second).text("code")).isEqualTo("ACCESS_TYPE_DISABLED");
        assertThat(api.delete("/data-access-types/PORT_ENTRY_ID", admin).text("code")).isEqualTo("ACCESS_TYPE_IN_USE");
    }

    private static JsonNode awaitRuns(ApiClient api, String token, String taskId, int runs)
            throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        JsonNode t = null;
        while (System.nanoTime() < deadline) {
            t = api.get("/face-storage-tasks/" + taskId, token).body();
            if (t.get("runs").asInt() >= runs && !"RUNNING".equals(t.get("status").asText())) {
                return t;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("storage task run " + runs + " not ended: " + t);
    }

    private static JsonNode awaitEnd(ApiClient api, String token, String taskId) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        JsonNode t = null;
        while (System.nanoTime() < deadline) {
            t = api.get("/face-storage-tasks/" + taskId, token).body();
            if (!"RUNNING".equals(t.get("status").asText())) {
                return t;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("storage task still running: " + t);
    }

    private static Map<String, String> reasons(JsonNode failures) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode f : failures) {
            out.put(f.get("externalId").asText(), f.get("reasonCode").asText());
            assertThat(f.get("reasonZh").asText()).isNotBlank();
            assertThat(f.get("reasonEn").asText()).isNotBlank();
        }
        return out;
    }

    private static String json(Object o) throws Exception {
        return ApiClient.JSON.writeValueAsString(o);
    }

    private HttpResponse<String> simulator(String method, String path, String json, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SIMULATORS.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isLessThan(300);
        return r;
    }
}
