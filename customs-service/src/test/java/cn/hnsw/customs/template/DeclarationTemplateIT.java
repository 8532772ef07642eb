package cn.hnsw.customs.template;

import cn.hnsw.customs.CustomsIntegrationTestBase;
import cn.hnsw.customs.validation.UnifiedSocialCreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.hnsw.customs.declaration.DeclarationFixtures.header;
import static cn.hnsw.customs.declaration.DeclarationFixtures.item;
import static cn.hnsw.customs.declaration.DeclarationFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 初始值模版, 录入模版 and the second line's export initial values (FP 106–115, 315–319, 357–363): set, change, delete,
 * apply to a new declaration, the log; each enterprise sees only its own, officers none.
 */
class DeclarationTemplateIT extends CustomsIntegrationTestBase {

    static final String ENTERPRISE_H = UnifiedSocialCreditCode.complete("91460108MA5T00HJK");
    static final String ENTERPRISE_J = UnifiedSocialCreditCode.complete("91460108MA5T00JKL");

    @Test
    void anInitialValueTemplateFillsWhatANewDeclarationLeftBlankAndIsKeptWithItsLog() {
        String h = enterpriseToken(ENTERPRISE_H);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("declareCustoms", "6401");
        values.put("entryExitCustoms", "6401");
        values.put("supervisionMode", "0110");
        values.put("transportMode", "2");
        values.put("declarantUscc", ENTERPRISE_H);
        values.put("declarantName", "海南模版报关行");
        Map<String, Object> template = new HashMap<>(Map.of("kind", "INITIAL_VALUE", "declarationType", "SECOND_LINE_GENERAL",
                "importExport", "EXPORT", "name", "二线出口常用", "header", values));
        HttpResponse<String> created = post("/v1/declaration-templates", h, template);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created.body()).path("id").asText();
        assertThat(json(created.body()).path("version").asInt()).isEqualTo(1);

        // Refusals change nothing: the same name again, items in an initial-value template, no name.
        HttpResponse<String> twice = post("/v1/declaration-templates", h, template);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(json(twice.body()).path("code").asText()).isEqualTo("TEMPLATE_NAME_TAKEN");
        assertThat(twice.body()).contains("已有同名模版");
        Map<String, Object> withItems = new HashMap<>(template);
        withItems.put("name", "带商品");
        withItems.put("items", List.of(item("3907610000", "聚酯切片")));
        HttpResponse<String> itemsRefused = post("/v1/declaration-templates", h, withItems);
        assertThat(itemsRefused.statusCode()).isEqualTo(400);
        assertThat(json(itemsRefused.body()).path("code").asText()).isEqualTo("TEMPLATE_INVALID");
        Map<String, Object> unnamed = new HashMap<>(template);
        unnamed.put("name", " ");
        assertThat(post("/v1/declaration-templates", h, unnamed).statusCode()).isEqualTo(400);
        assertThat(json(get("/v1/declaration-templates?direction=EXPORT", h).body()).findValuesAsText("name"))
                .containsExactly("二线出口常用");

        // Applied: blank header fields take the template's values, filled ones keep their own; then temp-saved.
        Map<String, Object> own = header(ENTERPRISE_H);
        own.remove("declareCustoms");
        own.remove("transportMode");
        own.put("entryExitCustoms", "6400");
        HttpResponse<String> applied = post("/v1/declaration-templates/" + id + "/application", h,
                request("SECOND_LINE_GENERAL", own, List.of(item("3907610000", "聚酯切片"))));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        JsonNode filled = json(applied.body());
        assertThat(filled.path("header").path("declareCustoms").asText()).isEqualTo("6401");
        assertThat(filled.path("header").path("transportMode").asText()).isEqualTo("2");
        assertThat(filled.path("header").path("entryExitCustoms").asText()).isEqualTo("6400");
        assertThat(filled.path("items")).hasSize(1);
        HttpResponse<String> saved = post("/v1/declarations", h, JSON.convertValue(filled, Map.class));
        assertThat(saved.statusCode()).as(saved.body()).isBetween(200, 201);
        assertThat(json(saved.body()).path("declaration").path("header").path("declareCustoms").asText()).isEqualTo("6401");
        // A template for another declaration type is refused.
        HttpResponse<String> mismatch = post("/v1/declaration-templates/" + id + "/application", h,
                request("FIRST_LINE_GENERAL", header(ENTERPRISE_H), List.of()));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(json(mismatch.body()).path("code").asText()).isEqualTo("TEMPLATE_TYPE_MISMATCH");

        // Changed with its version; a stale version is refused.
        values.put("declareCustoms", "6402");
        Map<String, Object> change = new HashMap<>(template);
        change.put("header", values);
        change.put("version", 1);
        HttpResponse<String> changed = put("/v1/declaration-templates/" + id, h, change);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed.body()).path("header").path("declareCustoms").asText()).isEqualTo("6402");
        assertThat(json(changed.body()).path("version").asInt()).isEqualTo(2);
        HttpResponse<String> stale = put("/v1/declaration-templates/" + id, h, change);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale.body()).path("code").asText()).isEqualTo("TEMPLATE_VERSION_CONFLICT");

        // Another enterprise and officers cannot see, apply or delete it.
        String j = enterpriseToken(ENTERPRISE_J);
        assertThat(get("/v1/declaration-templates/" + id, j).statusCode()).isEqualTo(404);
        assertThat(json(get("/v1/declaration-templates", j).body())).isEmpty();
        assertThat(delete("/v1/declaration-templates/" + id, j).statusCode()).isEqualTo(404);
        assertThat(get("/v1/declaration-templates", officerToken()).statusCode()).isEqualTo(403);

        // Deleted; the log (配置记录) holds the three changes, newest first, for this enterprise only.
        assertThat(delete("/v1/declaration-templates/" + id, h).statusCode()).isEqualTo(204);
        assertThat(get("/v1/declaration-templates/" + id, h).statusCode()).isEqualTo(404);
        JsonNode log = json(get("/v1/declaration-templates/logs?direction=EXPORT", h).body());
        assertThat(log.path("content").findValuesAsText("action")).containsExactly("DELETED", "CHANGED", "CREATED");
        assertThat(log.path("content").findValuesAsText("actor")).containsOnly("declarant-" + ENTERPRISE_H.substring(12));
        assertThat(json(get("/v1/declaration-templates/logs", j).body()).path("totalElements").asLong()).isZero();
    }

    @Test
    void directReleaseAndSecondLineTemplatesAreSetChangedAndDeletedAndAnEntryTemplateBringsItsItems() {
        String h = enterpriseToken(ENTERPRISE_H);
        // 径予放行初始值模版 and 二线初始值模版: set, change, delete.
        for (String type : List.of("DIRECT_RELEASE", "SECOND_LINE_DOMESTIC_SALE")) {
            Map<String, Object> initial = new HashMap<>(Map.of("kind", "INITIAL_VALUE", "declarationType", type,
                    "importExport", "IMPORT", "name", type + " 初始值", "header", Map.of("declareCustoms", "6400")));
            HttpResponse<String> set = post("/v1/declaration-templates", h, initial);
            assertThat(set.statusCode()).as(set.body()).isEqualTo(201);
            String tid = json(set.body()).path("id").asText();
            initial.put("header", Map.of("declareCustoms", "6401", "levyNature", "101"));
            initial.put("version", 1);
            JsonNode changed = json(put("/v1/declaration-templates/" + tid, h, initial).body());
            assertThat(changed.path("header").path("levyNature").asText()).isEqualTo("101");
            assertThat(json(get("/v1/declaration-templates?kind=INITIAL_VALUE&type=" + type, h).body())
                    .findValuesAsText("id")).containsExactly(tid);
            assertThat(delete("/v1/declaration-templates/" + tid, h).statusCode()).isEqualTo(204);
            assertThat(json(get("/v1/declaration-templates?kind=INITIAL_VALUE&type=" + type, h).body())).isEmpty();
        }

        // 径予放行录入模版: the goods items come with it.
        Map<String, Object> entry = new HashMap<>(Map.of("kind", "ENTRY", "declarationType", "DIRECT_RELEASE",
                "importExport", "IMPORT", "name", "聚酯切片进口", "header", Map.of("supervisionMode", "0110"),
                "items", List.of(item("3907610000", "聚酯切片"), item("3907690000", "纤维级聚酯切片"))));
        HttpResponse<String> created = post("/v1/declaration-templates", h, entry);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created.body()).path("id").asText();
        JsonNode applied = json(post("/v1/declaration-templates/" + id + "/application", h,
                request("DIRECT_RELEASE", header(ENTERPRISE_H), List.of())).body());
        assertThat(applied.path("items").findValuesAsText("hsCode")).containsExactly("3907610000", "3907690000");
        // A declaration with its own items keeps them.
        JsonNode kept = json(post("/v1/declaration-templates/" + id + "/application", h,
                request("DIRECT_RELEASE", header(ENTERPRISE_H), List.of(item("2203000000", "啤酒")))).body());
        assertThat(kept.path("items").findValuesAsText("hsCode")).containsExactly("2203000000");
        // Changed (one item fewer) and deleted, each logged.
        entry.put("items", List.of(item("3907610000", "聚酯切片")));
        entry.put("version", 1);
        assertThat(json(put("/v1/declaration-templates/" + id, h, entry).body()).path("items")).hasSize(1);
        assertThat(delete("/v1/declaration-templates/" + id, h).statusCode()).isEqualTo(204);
        assertThat(json(get("/v1/declaration-templates/logs?size=100", h).body()).path("content").findValuesAsText("name"))
                .contains("聚酯切片进口", "DIRECT_RELEASE 初始值", "SECOND_LINE_DOMESTIC_SALE 初始值");
    }
}
