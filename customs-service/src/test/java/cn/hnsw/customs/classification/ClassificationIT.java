package cn.hnsw.customs.classification;

import cn.hnsw.customs.CustomsIntegrationTestBase;
import cn.hnsw.customs.validation.UnifiedSocialCreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.hnsw.customs.declaration.DeclarationFixtures.header;
import static cn.hnsw.customs.declaration.DeclarationFixtures.item;
import static cn.hnsw.customs.declaration.DeclarationFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 商品智能归类 and 归类结果校验 (FP 348–356, 535–549): BM25 over the seeded tariff table ranks the right commodity
 * first for goods named as declarants name them; a declared code is checked against the table and the suggestions;
 * every call is logged, and each enterprise reads only its own log and declarations.
 */
class ClassificationIT extends CustomsIntegrationTestBase {

    static final String ENTERPRISE_F = UnifiedSocialCreditCode.complete("91460108MA5T00FGH");
    static final String ENTERPRISE_G = UnifiedSocialCreditCode.complete("91460108MA5T00GHJ");

    @Test
    void knownCommoditiesAreClassifiedUnderTheirTariffCode() {
        String f = enterpriseToken(ENTERPRISE_F);
        Map<String, String> known = Map.of(
                "笔记本电脑 14英寸 16GB内存", "8471300000",
                "聚酯切片 瓶级", "3907610000",
                "法国波尔多红酒 750ml", "2204210000",
                "5G智能手机", "8517130000",
                "哑光口红", "3304100000",
                "保湿面霜 50ml", "3304990000",
                "Crude palm oil", "1511100000",
                "冷冻牛腩块", "0202300000",
                "单晶硅太阳能板 550W", "8541430000");
        known.forEach((goods, code) -> {
            HttpResponse<String> r = post("/v1/classification/suggestions", f, Map.of("name", goods));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(json(r.body()).path("suggestions").size()).as(goods + " → " + r.body()).isPositive();
            JsonNode first = json(r.body()).path("suggestions").get(0);
            assertThat(first.path("hsCode").asText()).as(goods + " → " + r.body()).isEqualTo(code);
            assertThat(first.path("rank").asInt()).isEqualTo(1);
            assertThat(first.path("relativeScore").asDouble()).isEqualTo(1.0);
            assertThat(first.path("heading").asText()).isEqualTo(code.substring(0, 4));
        });
        // Goods the table does not hold get no suggestion, and a name with nothing to search is refused.
        assertThat(json(post("/v1/classification/suggestions", f, Map.of("name", "zzqx")).body()).path("suggestions"))
                .isEmpty();
        HttpResponse<String> empty = post("/v1/classification/suggestions", f, Map.of("name", " 123 "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty.body()).path("code").asText()).isEqualTo("GOODS_NAME_REQUIRED");
        assertThat(empty.body()).contains("请填写商品名称");
    }

    @Test
    void aDeclaredCodeIsCheckedAgainstTheTariffTableAndTheGoodsName() {
        String f = enterpriseToken(ENTERPRISE_F);
        HttpResponse<String> r = post("/v1/classification/verifications", f, Map.of("items", List.of(
                Map.of("seq", 1, "hsCode", "3907610000", "name", "聚酯切片"),
                Map.of("seq", 2, "hsCode", "8471300000", "name", "智能手机"),
                Map.of("seq", 3, "hsCode", "1234567890", "name", "口红"),
                Map.of("seq", 4, "hsCode", "2203000000", "name", "zzqx"))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode v = json(r.body());
        assertThat(v.findValuesAsText("verdict")).containsExactly("CONSISTENT", "DOUBTFUL", "UNKNOWN_CODE", "NO_MATCH");
        assertThat(v.get(1).path("messageZh").asText()).contains("与商品名称“智能手机”不符").contains("8517130000");
        assertThat(v.get(1).path("declaredTariffName").asText()).startsWith("便携式自动数据处理设备");
        assertThat(v.get(2).path("messageZh").asText()).contains("不在税则库中").contains("3304100000");

        // A malformed code is refused before anything is logged.
        long logged = jdbc.queryForObject("SELECT count(*) FROM classification_log", Long.class);
        HttpResponse<String> bad = post("/v1/classification/verifications", f, Map.of("items", List.of(
                Map.of("hsCode", "39076", "name", "聚酯切片"))));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad.body()).path("code").asText()).isEqualTo("HS_CODE_INVALID");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM classification_log", Long.class)).isEqualTo(logged);
    }

    @Test
    void aStoredDeclarationsItemsAreVerifiedOnlyForItsEnterpriseAndEachCallIsLogged() {
        String f = enterpriseToken(ENTERPRISE_F);
        Map<String, Object> h = header(ENTERPRISE_F);
        HttpResponse<String> saved = post("/v1/declarations", f, request("FIRST_LINE_GENERAL", h,
                List.of(item("3907610000", "聚酯切片"), item("8471300000", "5G智能手机"))));
        assertThat(saved.statusCode()).as(saved.body()).isBetween(200, 201);
        String id = json(saved.body()).path("declaration").path("id").asText();

        JsonNode checked = json(get("/v1/classification/declarations/" + id, f).body());
        assertThat(checked.findValuesAsText("verdict")).containsExactly("CONSISTENT", "DOUBTFUL");
        assertThat(checked.get(1).path("suggestions").get(0).path("hsCode").asText()).isEqualTo("8517130000");
        // Officers check it too; another enterprise cannot see it.
        assertThat(get("/v1/classification/declarations/" + id, officerToken()).statusCode()).isEqualTo(200);
        assertThat(get("/v1/classification/declarations/" + id, enterpriseToken(ENTERPRISE_G)).statusCode()).isEqualTo(404);

        // The log: F sees its own calls, G none of them, the officer F's among all.
        JsonNode own = json(get("/v1/classification/logs?size=100", f).body());
        assertThat(own.path("content").findValuesAsText("declarationId")).contains(id);
        assertThat(own.path("content").findValuesAsText("enterpriseUscc")).containsOnly(ENTERPRISE_F);
        assertThat(json(get("/v1/classification/logs", enterpriseToken(ENTERPRISE_G)).body()).path("content")
                .findValuesAsText("enterpriseUscc")).doesNotContain(ENTERPRISE_F);
        assertThat(json(get("/v1/classification/logs?size=100", officerToken()).body()).path("content")
                .findValuesAsText("enterpriseUscc")).contains(ENTERPRISE_F);
    }

    @Test
    void anOperatorExtendsTheTariffTableAndTheClassifierUsesItAtOnce() {
        String f = enterpriseToken(ENTERPRISE_F);
        assertThat(json(post("/v1/classification/suggestions", f, Map.of("name", "电动游艇")).body())
                .path("suggestions").findValuesAsText("hsCode")).doesNotContain("8903329000");
        Map<String, Object> yacht = new HashMap<>(Map.of("nameZh", "其他长度超过7.5米但不超过24米的机动船",
                "nameEn", "Other motorboats of a length exceeding 7.5 m but not exceeding 24 m",
                "aliases", "游艇;电动游艇;休闲游艇", "legalUnit", "001"));
        // Enterprises and officers read the table and change nothing.
        assertThat(put("/v1/classification/tariff/8903329000", f, yacht).statusCode()).isEqualTo(403);
        assertThat(put("/v1/classification/tariff/8903329000", officerToken(), yacht).statusCode()).isEqualTo(403);
        HttpResponse<String> badCode = put("/v1/classification/tariff/89033", operatorToken(), yacht);
        assertThat(badCode.statusCode()).isEqualTo(400);
        assertThat(json(badCode.body()).path("code").asText()).isEqualTo("HS_CODE_INVALID");
        HttpResponse<String> saved = put("/v1/classification/tariff/8903329000", operatorToken(), yacht);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json(saved.body()).path("updatedBy").asText()).isEqualTo("ops.wang");

        JsonNode first = json(post("/v1/classification/suggestions", f, Map.of("name", "电动游艇")).body())
                .path("suggestions").get(0);
        assertThat(first.path("hsCode").asText()).isEqualTo("8903329000");
        assertThat(json(get("/v1/classification/tariff?q=游艇", f).body()).path("content").findValuesAsText("hsCode"))
                .containsExactly("8903329000");
        assertThat(get("/v1/classification/tariff/0000000000", f).statusCode()).isEqualTo(404);
        // The whole table pages for officers: the seeded commodities and the operator's.
        JsonNode table = json(get("/v1/classification/tariff?size=100", officerToken()).body());
        assertThat(table.path("totalElements").asLong()).isGreaterThanOrEqualTo(57);
        assertThat(table.path("content").findValuesAsText("hsCode")).contains("3907610000", "8903329000");
    }
}
