package cn.hnsw.video.themes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 重点人员类型管理 (FP 201) and 作业主题库类型管理 (FP 225) as data on the real path: officers query, administrators add,
 * modify and delete; a bad code or kind is refused (zh + en) with nothing stored; the key-person library, its feeds
 * and the theme stores take only a type that exists; a type in use and a built-in type are not deleted.
 */
@ServiceIntegrationTest
class VideoTypeIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final TestTokens tokens = TestTokens.issuer();
    final String admin = tokens.user("ops.chen", "platform-admin").mint();
    final String officer = tokens.user("zhang.wei", "customs-officer").mint();
    final String trader = tokens.user("trader.li", "enterprise-user").mint();

    int types(String kind, String code) {
        return jdbc.queryForObject("SELECT count(*) FROM video_type WHERE kind = ? AND code = ?", Integer.class, kind,
                code);
    }

    @Test
    void keyPersonTypesAreDataAndTheLibraryAndItsFeedsTakeOnlyATypeThatExists() {
        ApiClient api = new ApiClient(port);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String code = "KP-" + suffix;

        Reply listed = api.get("/video-types/KEY_PERSON", officer);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().findValuesAsText("code")).contains("走私嫌疑", "涉私");
        assertThat(api.get("/video-types/KEY_PERSON", trader).status()).isEqualTo(403);

        Map<String, Object> type = new HashMap<>(Map.of("code", code, "nameZh", "涉毒人员", "nameEn",
                "Drug-related person"));
        assertThat(api.post("/video-types/KEY_PERSON", officer, type).status()).isEqualTo(403);
        assertThat(types("KEY_PERSON", code)).isZero();
        Map<String, Object> bad = new HashMap<>(type);
        bad.put("code", "two words");
        Reply refused = api.post("/video-types/KEY_PERSON", admin, bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("VIDEO_TYPE_CODE_INVALID");
        assertThat(refused.body().toString()).contains("类型编码无效").contains("Invalid type code");
        assertThat(types("KEY_PERSON", "two words")).isZero();
        assertThat(api.post("/video-types/PASSENGER", admin, type).text("code")).isEqualTo("VIDEO_TYPE_KIND_INVALID");

        Reply added = api.post("/video-types/KEY_PERSON", admin, type);
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        assertThat(added.body().path("builtin").asBoolean()).isFalse();
        assertThat(api.post("/video-types/KEY_PERSON", admin, type).status()).isEqualTo(409);
        Map<String, Object> rename = Map.of("nameZh", "涉毒重点人员", "nameEn", "Drug-related key person");
        assertThat(api.put("/video-types/KEY_PERSON/" + code, officer, rename).status()).isEqualTo(403);
        Reply renamed = api.put("/video-types/KEY_PERSON/" + code, admin, rename);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(api.get("/video-types/KEY_PERSON/" + code, officer).text("nameZh")).isEqualTo("涉毒重点人员");

        // the library binds a person only under a type that exists; nothing stored otherwise
        UUID record = UUID.randomUUID();
        jdbc.update("INSERT INTO face_base_record (id, person_code, name, id_no, source, photo_key) VALUES "
                + "(?, ?, ?, ?, ?, ?)", record, "VT-" + suffix, "林三", null, "VT-IT", "faces/" + record + ".jpg");
        Reply unknown = api.post("/persons-of-interest", officer, Map.of("faceBaseRecordId", record, "category",
                "NO-SUCH-" + suffix, "reason", "测试"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("code")).isEqualTo("VIDEO_TYPE_UNKNOWN");
        assertThat(unknown.body().toString()).contains("重点人员类型").contains("key-person type");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM person_of_interest WHERE face_base_record_id = ?",
                Integer.class, record)).isZero();

        // a key-person feed names a type that exists; the type it names is in use
        Map<String, Object> feed = new HashMap<>(Map.of("code", "VT-FEED-" + suffix, "name", "涉毒重点人员名单",
                "sourceType", "BORDER_INSPECTION", "partnerId", "population-registry", "pageSize", 10,
                "poiCategory", "NO-SUCH-" + suffix));
        assertThat(api.post("/face-data-feeds", admin, feed).text("code")).isEqualTo("VIDEO_TYPE_UNKNOWN");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM face_data_feed WHERE code = ?", Integer.class,
                "VT-FEED-" + suffix)).isZero();
        feed.put("poiCategory", code);
        Reply created = api.post("/face-data-feeds", admin, feed);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(api.get("/video-types/KEY_PERSON/" + code, officer).body().path("uses").asInt()).isEqualTo(1);
        Reply inUse = api.delete("/video-types/KEY_PERSON/" + code, admin);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.text("code")).isEqualTo("VIDEO_TYPE_IN_USE");
        assertThat(types("KEY_PERSON", code)).isOne();
        assertThat(api.delete("/video-types/KEY_PERSON/走私嫌疑", admin).text("code")).isEqualTo("VIDEO_TYPE_BUILTIN");

        assertThat(api.delete("/face-data-feeds/" + created.text("id"), admin).status()).isLessThan(300);
        assertThat(api.delete("/video-types/KEY_PERSON/" + code, officer).status()).isEqualTo(403);
        assertThat(api.delete("/video-types/KEY_PERSON/" + code, admin).status()).isEqualTo(204);
        assertThat(api.get("/video-types/KEY_PERSON/" + code, officer).status()).isEqualTo(404);
    }

    @Test
    void themeStoreTypesAreDataAndAStoreTakesOnlyATypeThatExists() {
        ApiClient api = new ApiClient(port);
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String code = "PORT_OPS_" + suffix.replaceAll("[^A-Z0-9]", "X");

        Reply listed = api.get("/video-types/THEME_STORE", officer);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().findValuesAsText("code")).contains("FACE_BASE", "KEY_PERSON", "OPERATIONS",
                "CUSTOM");
        assertThat(api.get("/video-types/THEME_STORE", trader).status()).isEqualTo(403);

        Map<String, Object> type = new HashMap<>(Map.of("code", code, "nameZh", "港口作业主题库", "nameEn",
                "Port operations store"));
        Map<String, Object> lower = new HashMap<>(type);
        lower.put("code", "port-ops");
        assertThat(api.post("/video-types/THEME_STORE", admin, lower).text("code"))
                .isEqualTo("VIDEO_TYPE_CODE_INVALID");
        assertThat(types("THEME_STORE", "port-ops")).isZero();

        // a store of a type not yet added is refused and not stored
        Map<String, Object> store = new HashMap<>(Map.of("code", "VT-" + suffix, "nameZh", "港口作业库", "nameEn",
                "Port operations", "category", code));
        Reply early = api.post("/theme-stores", admin, store);
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.text("code")).isEqualTo("CATEGORY_INVALID");
        assertThat(early.body().toString()).contains("主题库类型不存在").contains("No such theme store type");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM theme_store WHERE code = ?", Integer.class,
                "VT-" + suffix)).isZero();

        assertThat(api.post("/video-types/THEME_STORE", officer, type).status()).isEqualTo(403);
        assertThat(api.post("/video-types/THEME_STORE", admin, type).status()).isEqualTo(201);
        Reply made = api.post("/theme-stores", admin, store);
        assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
        assertThat(made.text("category")).isEqualTo(code);

        Reply inUse = api.delete("/video-types/THEME_STORE/" + code, admin);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.body().toString()).contains("不能删除").contains("cannot be deleted");
        assertThat(api.delete("/video-types/THEME_STORE/OPERATIONS", admin).text("code"))
                .isEqualTo("VIDEO_TYPE_BUILTIN");
        assertThat(types("THEME_STORE", "OPERATIONS")).isOne();

        assertThat(api.delete("/theme-stores/" + made.text("id"), admin).status()).isLessThan(300);
        assertThat(api.delete("/video-types/THEME_STORE/" + code, admin).status()).isEqualTo(204);
        assertThat(types("THEME_STORE", code)).isZero();
    }
}
