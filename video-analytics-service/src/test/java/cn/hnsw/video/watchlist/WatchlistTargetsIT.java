package cn.hnsw.video.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import cn.hnsw.video.support.TestMedia;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 布控对象管理 on the real path: the data items an administrator sets for face-image control are required of every
 * target (at submission and at entry, all or none, each failing entry named); targets are entered with a feedback per
 * entry and removed before review by the submitter only; the control instruction is removed with the history keeping
 * it; and the task query narrows by what the officer enters.
 */
@ServiceIntegrationTest
class WatchlistTargetsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    final TestTokens tokens = TestTokens.issuer();
    String officer;
    String colleague;
    String reviewer;
    String admin;
    final String tag = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        officer = tokens.user("zhang.wei", "customs-officer").organization("/haikou-customs/meilan").mint();
        colleague = tokens.user("wang.fang", "customs-officer").organization("/haikou-customs/meilan").mint();
        reviewer = tokens.user("li.qiang", "customs-reviewer").organization("/haikou-customs").mint();
        admin = tokens.user("zhao.min", "platform-admin").mint();
    }

    static String b64(BufferedImage img) {
        return Base64.getEncoder().encodeToString(TestMedia.jpeg(img));
    }

    static String face() {
        return b64(TestMedia.onCanvas(TestMedia.isolated(TestMedia.sample("sample2"), 1424, 152, 274, 259), 800, 600,
                150, 60));
    }

    static String noFace() {
        BufferedImage blank = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        return b64(blank);
    }

    private Map<String, Object> field(String kind, String code, String zh, String en, boolean required, int max) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", kind);
        m.put("code", code);
        m.put("labelZh", zh);
        m.put("labelEn", en);
        m.put("required", required);
        m.put("maxLength", max);
        return m;
    }

    @Test
    void dataItemsAreRequiredOfEveryTargetAndEntriesAreStoredAllOrNoneWithAFeedbackEach() {
        List<String> created = new ArrayList<>();
        try {
            // 数据项管理: administrators only; a kind without face targets, a bad code or a duplicate is refused
            Map<String, Object> idNo = field("FACE_IMAGE", "idNo" + tag.replaceAll("[^0-9a-z]", ""), "证件号码",
                    "ID number", true, 18);
            String idCode = (String) idNo.get("code");
            assertThat(api.post("/watchlist-fields", officer, idNo).status()).isEqualTo(403);
            assertThat(api.post("/watchlist-fields", admin, field("RISK_VEHICLE", "owner", "车主", "Owner", false, 20))
                    .text("code")).isEqualTo("WATCHLIST_FIELD_INVALID");
            assertThat(api.post("/watchlist-fields", admin, field("FACE_IMAGE", "Bad code", "x", "x", false, 20))
                    .status()).isEqualTo(400);
            Reply added = api.post("/watchlist-fields", admin, idNo);
            assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
            created.add(added.text("id"));
            assertThat(api.post("/watchlist-fields", admin, idNo).status()).isEqualTo(409);
            Reply reason = api.post("/watchlist-fields", admin, field("FACE_IMAGE", "reason" + tag.replaceAll(
                    "[^0-9a-z]", ""), "布控原因", "Reason", false, 64));
            created.add(reason.text("id"));
            String reasonCode = reason.text("code");
            assertThat(api.get("/watchlist-fields?kind=FACE_IMAGE", reviewer).body().findValuesAsText("id"))
                    .contains(created.get(0), created.get(1));
            Map<String, Object> relabel = field("FACE_IMAGE", idCode, "身份证件号码", "Identity document number",
                    true, 18);
            assertThat(api.put("/watchlist-fields/" + created.get(0), admin, relabel).text("labelZh"))
                    .isEqualTo("身份证件号码");
            Map<String, Object> rekind = new HashMap<>(relabel);
            rekind.put("kind", "FACE_BASE");
            assertThat(api.put("/watchlist-fields/" + created.get(0), admin, rekind).status()).isEqualTo(400);

            // submission: a target without the required item is refused, nothing stored
            String name = "数据项布控" + tag;
            Reply missing = api.post("/watchlist-tasks", officer, Map.of("name", name, "kind", "FACE_IMAGE",
                    "officers", List.of("zhang.wei"), "instruction", "发现后立即通知现场关员",
                    "targets", List.of(Map.of("photoBase64", face(), "label", "嫌疑人" + tag))));
            assertThat(missing.status()).as(missing.body().toString()).isEqualTo(422);
            assertThat(missing.text("code")).isEqualTo("TARGET_ENTRIES_REFUSED");
            assertThat(missing.body().toString()).contains("targets[0].fields." + idCode);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM watchlist_task WHERE name = ?", Integer.class, name))
                    .isZero();
            Reply submitted = api.post("/watchlist-tasks", officer, Map.of("name", name, "kind", "FACE_IMAGE",
                    "officers", List.of("zhang.wei"), "instruction", "发现后立即通知现场关员",
                    "organization", "/haikou-customs/meilan/" + tag,
                    "targets", List.of(Map.of("photoBase64", face(), "label", "嫌疑人" + tag,
                            "fields", Map.of(idCode, "460100199001010011")))));
            assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
            String task = submitted.text("id");
            JsonNode first = api.get("/watchlist-tasks/" + task + "/target-entries", reviewer).body();
            assertThat(first).hasSize(1);
            assertThat(first.get(0).get("fields").get(idCode).asText()).isEqualTo("460100199001010011");

            // 录入: one entry without a face and one with a too-long item: both named, none stored
            Reply refused = api.post("/watchlist-tasks/" + task + "/target-entries", officer, Map.of("targets",
                    List.of(Map.of("photoBase64", face(), "label", "同伙甲" + tag, "fields", Map.of(idCode,
                            "460100199001010022", reasonCode, "同行")),
                            Map.of("photoBase64", noFace(), "label", "无脸", "fields", Map.of(idCode, "1")),
                            Map.of("photoBase64", face(), "fields", Map.of(idCode, "4".repeat(19))))));
            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
            assertThat(refused.body().toString()).contains("targets[1].photoBase64").contains("NO_FACE")
                    .contains("targets[2].fields." + idCode).contains("TOO_LONG").doesNotContain("targets[0]");
            assertThat(api.get("/watchlist-tasks/" + task + "/targets", officer).body()).hasSize(1);

            // only the submitter enters targets, and a reviewer none
            List<Map<String, Object>> good = List.of(
                    Map.of("photoBase64", face(), "label", "同伙甲" + tag, "fields", Map.of(idCode,
                            "460100199001010022", reasonCode, "同行")));
            assertThat(api.post("/watchlist-tasks/" + task + "/target-entries", colleague, Map.of("targets", good))
                    .text("code")).isEqualTo("NOT_REVISION_SUBMITTER");
            assertThat(api.post("/watchlist-tasks/" + task + "/target-entries", reviewer, Map.of("targets", good))
                    .status()).isEqualTo(403);
            Reply entered = api.post("/watchlist-tasks/" + task + "/target-entries", officer, Map.of("targets", good));
            assertThat(entered.status()).as(entered.body().toString()).isEqualTo(201);
            JsonNode feedback = entered.body().get(0);
            assertThat(feedback.get("index").asInt()).isZero();
            assertThat(feedback.get("label").asText()).isEqualTo("同伙甲" + tag);
            assertThat(feedback.get("faceScore").asDouble()).isGreaterThan(0.5);
            String added2 = feedback.get("targetId").asText();
            JsonNode entries = api.get("/watchlist-tasks/" + task + "/target-entries", officer).body();
            assertThat(entries.findValuesAsText("id")).contains(added2).hasSize(2);
            assertThat(entries.findValuesAsText("enteredBy")).containsOnly("zhang.wei");

            // 特征管理: a target removed before review by its submitter only; an unknown one 404
            String firstTarget = first.get(0).get("id").asText();
            assertThat(api.delete("/watchlist-tasks/" + task + "/targets/" + firstTarget, colleague).status())
                    .isEqualTo(403);
            assertThat(api.delete("/watchlist-tasks/" + task + "/targets/" + UUID.randomUUID(), officer).status())
                    .isEqualTo(404);
            assertThat(api.delete("/watchlist-tasks/" + task + "/targets/" + firstTarget, officer).status())
                    .isEqualTo(204);
            assertThat(api.get("/watchlist-tasks/" + task + "/targets", officer).body().findValuesAsText("id"))
                    .containsExactly(added2);
            Reply last = api.delete("/watchlist-tasks/" + task + "/targets/" + added2, officer);
            assertThat(last.status()).isEqualTo(422);
            assertThat(last.text("code")).isEqualTo("TASK_WITHOUT_TARGETS");

            // 布控指令删除: not by a colleague; removed once, the history keeps the text
            assertThat(api.delete("/watchlist-tasks/" + task + "/instruction", colleague).text("code"))
                    .isEqualTo("NOT_TASK_SUBMITTER");
            Reply cleared = api.delete("/watchlist-tasks/" + task + "/instruction", officer);
            assertThat(cleared.status()).as(cleared.body().toString()).isEqualTo(200);
            assertThat(cleared.body().hasNonNull("instruction")).isFalse();
            assertThat(api.delete("/watchlist-tasks/" + task + "/instruction", officer).text("code"))
                    .isEqualTo("INSTRUCTION_ABSENT");
            JsonNode history = api.get("/watchlist-tasks/" + task + "/history", officer).body();
            assertThat(history.findValuesAsText("action")).contains("TARGETS_ENTERED", "TARGET_REMOVED",
                    "INSTRUCTION_REMOVED");
            assertThat(history.findValuesAsText("comment")).contains("发现后立即通知现场关员");

            // 布控查询: by a target's label, the kind, the submitter, the organisation, the bound officer, the period
            String base = "/watchlist-tasks?q=" + enc("同伙甲" + tag);
            assertThat(api.get(base, reviewer).body().get("content").findValuesAsText("id")).containsExactly(task);
            assertThat(api.get("/watchlist-tasks?q=" + enc(name) + "&kind=FACE_IMAGE&createdBy=zhang.wei"
                    + "&officer=zhang.wei&organization=" + enc("/haikou-customs/meilan/" + tag), officer).body()
                    .get("totalElements").asInt()).isEqualTo(1);
            assertThat(api.get("/watchlist-tasks?q=" + enc(name) + "&kind=FACE_BASE", officer).body()
                    .get("totalElements").asInt()).isZero();
            assertThat(api.get("/watchlist-tasks?q=" + enc(name) + "&officer=wang.fang", officer).body()
                    .get("totalElements").asInt()).isZero();
            assertThat(api.get("/watchlist-tasks?q=" + enc(name) + "&from=2099-01-01T00:00:00Z", officer).body()
                    .get("totalElements").asInt()).isZero();
            assertThat(api.get("/watchlist-tasks?q=" + enc(name) + "&status=PENDING_REVIEW&pendingReview=true",
                    officer).body().get("totalElements").asInt()).isEqualTo(1);
            assertThat(api.get("/watchlist-tasks?q=x&kind=NOPE", officer).status()).isEqualTo(400);
            assertThat(api.get("/watchlist-tasks?q=" + enc(name), tokens.user("li.na", "traveler").mint()).status())
                    .isEqualTo(403);

            // after the review the targets are fixed
            api.post("/watchlist-tasks/" + task + "/review", reviewer, Map.of("approve", false, "comment", "依据不足"));
            assertThat(api.post("/watchlist-tasks/" + task + "/target-entries", officer, Map.of("targets", good))
                    .status()).isEqualTo(409);
            assertThat(api.delete("/watchlist-tasks/" + task + "/instruction", officer).status()).isEqualTo(409);
        } finally {
            // the items are required of every face-image target: other tests of this JVM submit without them
            for (String id : created) {
                assertThat(api.delete("/watchlist-fields/" + id, admin).status()).isEqualTo(204);
            }
        }
        assertThat(api.delete("/watchlist-fields/" + created.get(0), admin).status()).isEqualTo(404);
    }

    @Test
    void aFaceBaseTaskCarriesItsKindsDataItemsIsFoundByTheQueryAndIsDeletedOnlyByItsSubmitter() {
        Reply record = api.post("/face-base-records", officer, Map.of("personCode", "WT" + tag, "name", "基础库对象" + tag,
                "photoBase64", face()));
        assertThat(record.status()).as(record.body().toString()).isEqualTo(201);
        String code = "basis" + tag.replaceAll("[^0-9a-z]", "");
        Reply item = api.post("/watchlist-fields", admin, field("FACE_BASE", code, "布控依据", "Legal basis", true, 64));
        assertThat(item.status()).as(item.body().toString()).isEqualTo(201);
        String task;
        try {
            String name = "基础库布控" + tag;
            Map<String, Object> target = new HashMap<>(Map.of("faceBaseRecordId", record.text("id")));
            Reply refused = api.post("/watchlist-tasks", officer, Map.of("name", name, "kind", "FACE_BASE",
                    "officers", List.of("zhang.wei"), "targets", List.of(target)));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().toString()).contains("targets[0].fields." + code);
            // a face-image item is not asked of a face-base target
            target.put("fields", Map.of(code, "海关法第六条"));
            Reply submitted = api.post("/watchlist-tasks", officer, Map.of("name", name, "kind", "FACE_BASE",
                    "officers", List.of("zhang.wei"), "targets", List.of(target)));
            assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
            task = submitted.text("id");
            JsonNode entries = api.get("/watchlist-tasks/" + task + "/target-entries", officer).body();
            assertThat(entries.get(0).get("label").asText()).isEqualTo("基础库对象" + tag);
            assertThat(entries.get(0).get("fields").get(code).asText()).isEqualTo("海关法第六条");
            // 人脸基础信息库特征管理: a second face entered from a photo with the item, then taken out again
            Reply entered = api.post("/watchlist-tasks/" + task + "/target-entries", officer, Map.of("targets",
                    List.of(Map.of("photoBase64", face(), "label", "现场照片" + tag, "fields", Map.of(code, "同上")))));
            assertThat(entered.status()).as(entered.body().toString()).isEqualTo(201);
            String second = entered.body().get(0).get("targetId").asText();
            assertThat(api.get("/watchlist-tasks/" + task + "/targets", reviewer).body()).hasSize(2);
            assertThat(api.delete("/watchlist-tasks/" + task + "/targets/" + second, officer).status())
                    .isEqualTo(204);
            assertThat(api.get("/watchlist-tasks/" + task + "/targets", reviewer).body().findValuesAsText("id"))
                    .doesNotContain(second).hasSize(1);
        } finally {
            assertThat(api.delete("/watchlist-fields/" + item.text("id"), admin).status()).isEqualTo(204);
        }
        // 人脸基础信息库任务查询: by kind and by the target's name, for officers and reviewers
        assertThat(api.get("/watchlist-tasks?kind=FACE_BASE&q=" + enc("基础库对象" + tag), reviewer).body()
                .get("content").findValuesAsText("id")).containsExactly(task);
        assertThat(api.get("/watchlist-tasks?kind=FACE_IMAGE&q=" + enc("基础库对象" + tag), officer).body()
                .get("totalElements").asInt()).isZero();
        // 人脸基础信息库任务删除: not by a colleague or a reviewer; by its submitter, with its targets
        assertThat(api.delete("/watchlist-tasks/" + task, colleague).status()).isEqualTo(403);
        assertThat(api.delete("/watchlist-tasks/" + task, reviewer).status()).isEqualTo(403);
        assertThat(api.delete("/watchlist-tasks/" + task, officer).status()).isEqualTo(204);
        assertThat(api.get("/watchlist-tasks?kind=FACE_BASE&q=" + enc("基础库对象" + tag), officer).body()
                .get("totalElements").asInt()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM watchlist_target WHERE task_id = ?::uuid", Integer.class,
                task)).isZero();
    }

    /**
     * 布控对象接入类型 / 接入数据项 (FP 328, 329): a watch-list access type's items are checked on every entry that comes
     * in under it, like a face data feed's records: an entry without a required item is refused with the item named,
     * and none of the batch is stored; a type of another category does not fit the intake.
     */
    @Test
    void targetEntriesUnderAWatchlistAccessTypeAreCheckedAgainstItsItems() {
        String code = "WL-TARGET-" + tag;
        Map<String, Object> type = Map.of("code", code, "nameZh", "布控对象接入", "nameEn", "Watch-list targets",
                "category", "WATCHLIST", "source", "EXTERNAL_FEED", "items", List.of(
                        Map.of("name", "targetName", "labelZh", "布控对象姓名", "valueType", "STRING", "required", true,
                                "sourceField", "name"),
                        Map.of("name", "picture", "labelZh", "照片", "valueType", "IMAGE", "required", true,
                                "sourceField", "photo")));
        assertThat(api.post("/data-access-types", officer, type).status()).isEqualTo(403);
        Reply added = api.post("/data-access-types", admin, type);
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);

        String name = "接入类型布控" + tag;
        Reply submitted = api.post("/watchlist-tasks", officer, Map.of("name", name, "kind", "FACE_IMAGE",
                "officers", List.of("zhang.wei"), "instruction", "发现后立即通知现场关员",
                "organization", "/haikou-customs/meilan/" + tag,
                "targets", List.of(Map.of("photoBase64", face(), "label", "嫌疑人" + tag))));
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
        String task = submitted.text("id");
        String count = "SELECT count(*) FROM watchlist_target WHERE task_id = ?::uuid";

        // the second entry lacks the required name: refused with the item named, the first not stored either
        Reply refused = api.post("/watchlist-tasks/" + task + "/target-entries", officer, Map.of("accessType", code,
                "targets", List.of(Map.of("photoBase64", face(), "label", "同伙甲" + tag),
                        Map.of("photoBase64", face()))));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("targets[1].accessType.targetName")
                .contains("ACCESS_ITEM_INVALID").contains("targetName is required").contains("接入数据项无效")
                .doesNotContain("targets[0]");
        assertThat(jdbc.queryForObject(count, Integer.class, task)).isOne();

        // a face base access type does not fit the watch-list intake; an unknown one is not found
        Reply mismatch = api.post("/watchlist-tasks/" + task + "/target-entries", officer, Map.of("accessType",
                "POPULATION_REGISTRY", "targets", List.of(Map.of("photoBase64", face(), "label", "同伙乙" + tag))));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.text("code")).isEqualTo("ACCESS_TYPE_MISMATCH");
        assertThat(api.post("/watchlist-tasks/" + task + "/target-entries", officer, Map.of("accessType",
                "NO-SUCH-" + tag, "targets", List.of(Map.of("photoBase64", face(), "label", "x")))).status())
                .isEqualTo(404);
        assertThat(jdbc.queryForObject(count, Integer.class, task)).isOne();

        // every item present: stored, with its feedback
        Reply entered = api.post("/watchlist-tasks/" + task + "/target-entries", officer, Map.of("accessType", code,
                "targets", List.of(Map.of("photoBase64", face(), "label", "同伙甲" + tag))));
        assertThat(entered.status()).as(entered.body().toString()).isEqualTo(201);
        assertThat(entered.body().get(0).path("label").asText()).isEqualTo("同伙甲" + tag);
        assertThat(jdbc.queryForObject(count, Integer.class, task)).isEqualTo(2);
        // the type named by the intake is the administrators' to change: a reviewer may not enter targets
        assertThat(api.post("/watchlist-tasks/" + task + "/target-entries", reviewer, Map.of("accessType", code,
                "targets", List.of(Map.of("photoBase64", face(), "label", "y")))).status()).isEqualTo(403);
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
