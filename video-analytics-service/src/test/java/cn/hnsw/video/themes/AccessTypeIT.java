package cn.hnsw.video.themes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Access types and their data items as data, on the real path: an administrator adds a key-person access type over
 * the face base records (items with names, value types, required flags and the source fields they map), officers
 * read it, bad items change nothing; a key-person theme store's feed names the type, and its task stores each row
 * under the items' names or fails it with the item that failed; the type changed (ID number no longer required), the
 * retry stores the row; a type in use and a built-in type are not deleted.
 */
@ServiceIntegrationTest
class AccessTypeIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final TestTokens tokens = TestTokens.issuer();
    final String admin = tokens.user("ops.chen", "platform-admin").mint();
    final String officer = tokens.user("zhang.wei", "customs-officer").mint();
    final String trader = tokens.user("trader.li", "enterprise-user").mint();

    UUID person(String code, String name, String idNo, String source) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO face_base_record (id, person_code, name, id_no, source, photo_key) VALUES "
                + "(?, ?, ?, ?, ?, ?)", id, code, name, idNo, source, "faces/" + id + ".jpg");
        return id;
    }

    static Map<String, Object> item(String name, String type, boolean required, String sourceField) {
        return Map.of("name", name, "labelZh", name, "valueType", type, "required", required, "sourceField",
                sourceField);
    }

    @Test
    void aKeyPersonAccessTypeIsDataAndItsFeedStoresRowsUnderItsItemsAndFailsThoseThatDoNotFit() {
        ApiClient api = new ApiClient(port);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String source = "ACCESS-IT-" + suffix;
        person("AT-1-" + suffix, "林一", "460100199001011111", source);
        UUID noId = person("AT-2-" + suffix, "林二", null, source);

        // the built-in external types are rows; officers read, enterprise users do not
        Reply listed = api.get("/data-access-types?source=EXTERNAL_FEED", officer);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().toString()).contains("POPULATION_REGISTRY").contains("ID_CARD_SYSTEM");
        assertThat(api.get("/data-access-types", trader).status()).isEqualTo(403);

        String code = "KP-ENTRY-" + suffix;
        List<Map<String, Object>> items = List.of(item("personCode", "STRING", true, "personCode"),
                item("fullName", "STRING", true, "name"), item("idNumber", "STRING", true, "idNo"),
                item("enrolledAt", "INSTANT", false, "createdAt"), item("origin", "STRING", true, "source"));
        Map<String, Object> type = new HashMap<>(Map.of("code", code, "nameZh", "重点人员入境接入", "nameEn",
                "Key persons at entry", "category", "KEY_PERSON", "source", "FACE_BASE_RECORDS", "items", items));
        assertThat(api.post("/data-access-types", officer, type).status()).isEqualTo(403);
        // an item mapped to a field the dataset lacks, a number type on a name, a category that does not exist
        Map<String, Object> bad = new HashMap<>(type);
        bad.put("items", List.of(item("photoKey", "STRING", true, "photoKey")));
        Reply refused = api.post("/data-access-types", admin, bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("ACCESS_ITEM_INVALID");
        assertThat(refused.body().toString()).contains("接入数据项无效").contains("Invalid access data item");
        bad.put("items", List.of(item("a", "DATE", true, "name")));
        assertThat(api.post("/data-access-types", admin, bad).status()).isEqualTo(400);
        bad.put("items", items);
        bad.put("category", "ARCHIVE");
        assertThat(api.post("/data-access-types", admin, bad).text("code")).isEqualTo("ACCESS_TYPE_INVALID");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM data_access_type WHERE code = ?", Integer.class, code))
                .isZero();
        Reply created = api.post("/data-access-types", admin, type);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().get("items").size()).isEqualTo(5);
        assertThat(api.post("/data-access-types", admin, type).status()).isEqualTo(409);
        assertThat(api.get("/data-access-types?category=KEY_PERSON", officer).body().toString()).contains(code);

        // a key-person store fed through the type: an operations type does not fit it
        Reply storeCreated = api.post("/theme-stores", admin, Map.of("code", "KP-AT-" + suffix, "nameZh", "重点人员库",
                "nameEn", "Key persons", "category", "KEY_PERSON"));
        assertThat(storeCreated.status()).as(storeCreated.body().toString()).isEqualTo(201);
        String storeId = storeCreated.text("id");
        String opsCode = "OPS-" + suffix;
        assertThat(api.post("/data-access-types", admin, Map.of("code", opsCode, "nameZh", "作业抓拍接入", "category",
                "OPERATIONS", "source", "FACE_CAPTURES", "items", List.of(item("device", "STRING", true,
                        "deviceCode")))).status()).isEqualTo(201);
        Reply mismatch = api.post("/theme-stores/" + storeId + "/feeds", admin, Map.of("name", "作业", "accessType",
                opsCode));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.text("code")).isEqualTo("ACCESS_TYPE_MISMATCH");
        Map<String, Object> feed = Map.of("name", "入境重点人员", "accessType", code, "conditions",
                List.of(ThemeStoreIT.cond("source", "EQ", source)));
        Reply feedCreated = api.post("/theme-stores/" + storeId + "/feeds", admin, feed);
        assertThat(feedCreated.status()).as(feedCreated.body().toString()).isEqualTo(201);
        String taskId = api.post("/theme-stores/" + storeId + "/tasks", admin, Map.of("name", "入库")).text("id");
        Reply run = api.post("/theme-store-tasks/" + taskId + "/runs", admin, Map.of());
        assertThat(run.status()).as(run.body().toString()).isEqualTo(200);
        assertThat(run.body().get("stored").asInt()).isEqualTo(1);
        assertThat(run.body().get("failed").asInt()).isEqualTo(1);
        JsonNode failures = api.get("/theme-store-tasks/" + taskId + "/failures", officer).body();
        assertThat(failures.get(0).get("sourceId").asText()).isEqualTo(noId.toString());
        assertThat(failures.get(0).get("reason").asText()).isEqualTo("idNumber is required");
        // stored under the items' names, not the dataset's
        String stored = jdbc.queryForObject("SELECT data::text FROM theme_store_row WHERE store_id = ?::uuid",
                String.class, storeId);
        assertThat(stored).contains("\"fullName\": \"林一\"").contains("\"idNumber\"").contains("\"enrolledAt\"")
                .doesNotContain("\"name\"");

        // 接入数据项修改: the ID number is no longer required; the retry stores the second person
        Map<String, Object> change = new HashMap<>(Map.of("nameZh", "重点人员入境接入（证件号可缺）", "category",
                "KEY_PERSON", "enabled", true, "items", List.of(item("personCode", "STRING", true, "personCode"),
                        item("fullName", "STRING", true, "name"), item("idNumber", "STRING", false, "idNo"),
                        item("origin", "STRING", true, "source"))));
        assertThat(api.put("/data-access-types/" + code, officer, change).status()).isEqualTo(403);
        Reply changed = api.put("/data-access-types/" + code, admin, change);
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.text("updatedBy")).isEqualTo("ops.chen");
        Reply retried = api.post("/theme-store-tasks/" + taskId + "/anomaly", admin, Map.of("action", "RETRY"));
        assertThat(retried.body().get("stored").asInt()).as(retried.body().toString()).isEqualTo(1);
        assertThat(retried.body().get("failed").asInt()).isZero();
        // a query page's columns are the items' names
        Reply page = api.post("/theme-stores/" + storeId + "/pages", admin, Map.of("name", "名单", "columns",
                List.of("personCode", "fullName")));
        assertThat(page.status()).as(page.body().toString()).isEqualTo(201);
        assertThat(api.get("/theme-store-pages/" + page.text("id") + "/rows", officer).body().toString())
                .contains("林二");

        // a disabled type takes no new feed; a type in use and a built-in type are not deleted
        change.put("enabled", false);
        assertThat(api.put("/data-access-types/" + code, admin, change).status()).isEqualTo(200);
        assertThat(api.post("/theme-stores/" + storeId + "/feeds", admin, feed).text("code"))
                .isEqualTo("ACCESS_TYPE_DISABLED");
        Reply inUse = api.delete("/data-access-types/" + code, admin);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.text("code")).isEqualTo("ACCESS_TYPE_IN_USE");
        assertThat(api.delete("/data-access-types/POPULATION_REGISTRY", admin).text("code"))
                .isEqualTo("ACCESS_TYPE_BUILTIN");
        assertThat(api.delete("/data-access-types/" + opsCode, officer).status()).isEqualTo(403);
        assertThat(api.delete("/data-access-types/" + opsCode, admin).status()).isEqualTo(204);
        assertThat(api.get("/data-access-types/" + opsCode, officer).status()).isEqualTo(404);
    }
}
