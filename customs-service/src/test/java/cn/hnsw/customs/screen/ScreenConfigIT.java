package cn.hnsw.customs.screen;

import cn.hnsw.customs.CustomsIntegrationTestBase;
import cn.hnsw.customs.validation.UnifiedSocialCreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.hnsw.customs.declaration.DeclarationFixtures.header;
import static cn.hnsw.customs.declaration.DeclarationFixtures.item;
import static cn.hnsw.customs.declaration.DeclarationFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 录入界面配置 and 查询界面配置 (FP 142–147, 193–198) with the second line's data-item and template management
 * (FP 612–672): operators keep which fields a screen shows, checked against the declaration model; enterprises and
 * officers read; a required entry field holds the declaration back; the query screen's goods-item condition filters.
 */
class ScreenConfigIT extends CustomsIntegrationTestBase {

    static final String ENTERPRISE_S = UnifiedSocialCreditCode.complete("91460108MA5T00QCM");
    static final String PET = "3907610000";
    static final String ROBOT_PART = "8479909000";

    static Map<String, Object> field(String section, String field) {
        Map<String, Object> f = new HashMap<>();
        f.put("section", section);
        f.put("field", field);
        return f;
    }

    static Map<String, Object> field(String section, String field, boolean required, String defaultValue) {
        Map<String, Object> f = field(section, field);
        f.put("required", required);
        f.put("defaultValue", defaultValue);
        return f;
    }

    static Map<String, Object> template(int version, List<Map<String, Object>> fields) {
        Map<String, Object> t = new HashMap<>();
        t.put("fields", fields);
        t.put("version", version);
        return t;
    }

    static List<String> names(JsonNode config, String section) {
        List<String> names = new ArrayList<>();
        for (JsonNode f : config.path("fields")) {
            if (f.path("section").asText().equals(section)) {
                names.add(f.path("field").asText());
            }
        }
        return names;
    }

    void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = json(response.body());
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("messageZh").asText()).isNotBlank();
        assertThat(problem.path("messageEn").asText()).isNotBlank();
    }

    int version(String path) {
        return json(get(path, operatorToken()).body()).path("version").asInt();
    }

    @Test
    void operatorsKeepTheDirectReleaseEntryScreenFieldByFieldAndARequiredFieldHoldsTheDeclarationBack() {
        String k = enterpriseToken(ENTERPRISE_S);
        String base = "/v1/screen-configs/DIRECT_RELEASE/ENTRY";
        assertThat(put("/v1/zero-tariff/qualifications/" + ENTERPRISE_S, operatorToken(), Map.of("enterpriseUscc", ENTERPRISE_S,
                "enterpriseName", "海南享惠企业S", "validFrom", "2025-12-18", "revoked", false)).statusCode()).isEqualTo(200);
        put("/v1/zero-tariff/whitelist/" + PET, operatorToken(), Map.of("hsCode", PET, "nameZh", "聚对苯二甲酸乙二醇酯",
                "category", "原辅料"));
        put("/v1/direct-release/levy-natures", operatorToken(), Map.of("codes", List.of("101")));

        // 调取: the standard screen shows every field of the model, nothing required.
        JsonNode standard = json(get(base, k).body());
        assertThat(standard.path("version").asInt()).isZero();
        assertThat(names(standard, "HEADER")).contains("billOfLadingNo", "contractNo", "goodsAttributes")
                .doesNotContain("levyNatureConfirmed");
        assertThat(names(standard, "ITEM")).startsWith("hsCode").doesNotContain("seq");
        JsonNode catalog = json(get("/v1/screen-configs/catalog", k).body());
        assertThat(catalog.path("ITEM_CONDITION").get(0).path("labelZh").asText()).isEqualTo("商品编号");

        List<Map<String, Object>> fields = new ArrayList<>(List.of(field("HEADER", "billOfLadingNo", true, null),
                field("HEADER", "vesselName"), field("HEADER", "voyageNo"), field("HEADER", "contractNo"),
                field("HEADER", "remark", false, "一线径予放行"), field("ITEM", "hsCode", true, null), field("ITEM", "name"),
                field("ITEM", "quantity")));
        try {
            // Enterprises and officers read, never change.
            assertThat(put(base, k, template(0, fields)).statusCode()).isEqualTo(403);
            assertThat(put(base, officerToken(), template(0, fields)).statusCode()).isEqualTo(403);
            assertThat(post(base + "/fields?version=0", k, field("HEADER", "packages")).statusCode()).isEqualTo(403);
            assertThat(get(base + "/history", k).statusCode()).isEqualTo(403);

            // 配置校验 / 错误信息处理: a field the model lacks, a section the screen lacks, no HS code: 400, nothing kept.
            List<Map<String, Object>> unknown = new ArrayList<>(fields);
            unknown.add(field("HEADER", "shipColour"));
            HttpResponse<String> refused = put(base, operatorToken(), template(0, unknown));
            assertProblem(refused, 400, "SCREEN_FIELD_UNKNOWN");
            assertThat(json(refused.body()).path("messageEn").asText()).contains("shipColour");
            List<Map<String, Object>> wrongSection = new ArrayList<>(fields);
            wrongSection.add(field("RESULT", "preEntryNo"));
            assertProblem(put(base, operatorToken(), template(0, wrongSection)), 400, "SCREEN_SECTION_INVALID");
            assertProblem(put(base, operatorToken(), template(0, fields.subList(0, 5))), 400, "SCREEN_CONFIG_INVALID");
            List<Map<String, Object>> twice = new ArrayList<>(fields);
            twice.add(field("ITEM", "name"));
            assertProblem(put(base, operatorToken(), template(0, twice)), 409, "SCREEN_FIELD_DUPLICATE");
            assertThat(version(base)).isZero();

            // 录入模版新增 (FP 627, 628): header and item fields in the order sent.
            HttpResponse<String> set = put(base, operatorToken(), template(0, fields));
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            JsonNode config = json(set.body());
            int v = config.path("version").asInt();
            assertThat(v).isPositive();
            assertThat(names(config, "HEADER")).containsExactly("billOfLadingNo", "vesselName", "voyageNo", "contractNo", "remark");
            assertThat(names(config, "ITEM")).containsExactly("hsCode", "name", "quantity");
            assertThat(config.path("fields").get(4).path("defaultValue").asText()).isEqualTo("一线径予放行");
            assertThat(config.path("updatedBy").asText()).isNotBlank();
            // An enterprise's entry screen now reads this configuration.
            assertThat(names(json(get(base, k).body()), "HEADER")).hasSize(5);

            // 数据项新增 (FP 612): an item field at position 2; again, or unknown, refused; a stale version refused.
            HttpResponse<String> added = post(base + "/fields?version=" + v, operatorToken(),
                    Map.of("section", "ITEM", "field", "unit", "position", 2));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            config = json(added.body());
            assertThat(names(config, "ITEM")).containsExactly("hsCode", "unit", "name", "quantity");
            v = config.path("version").asInt();
            assertProblem(post(base + "/fields?version=" + v, operatorToken(), field("ITEM", "unit")), 409, "SCREEN_FIELD_DUPLICATE");
            assertProblem(post(base + "/fields?version=" + v, operatorToken(), field("ITEM", "colour")), 400, "SCREEN_FIELD_UNKNOWN");
            assertProblem(post(base + "/fields?version=" + (v - 1), operatorToken(), field("HEADER", "packages")), 409,
                    "SCREEN_CONFIG_VERSION_CONFLICT");

            // 数据项修改 (FP 615, 616): the contract number first and required; an item field moved.
            HttpResponse<String> changed = put(base + "/fields/HEADER/contractNo?version=" + v, operatorToken(),
                    Map.of("position", 1, "required", true));
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            config = json(changed.body());
            assertThat(names(config, "HEADER")).containsExactly("contractNo", "billOfLadingNo", "vesselName", "voyageNo", "remark");
            assertThat(config.path("fields").get(0).path("required").asBoolean()).isTrue();
            assertThat(config.path("fields").get(0).path("position").asInt()).isEqualTo(1);
            v = config.path("version").asInt();
            config = json(put(base + "/fields/ITEM/quantity?version=" + v, operatorToken(), Map.of("position", 3)).body());
            assertThat(names(config, "ITEM")).containsExactly("hsCode", "unit", "quantity", "name");
            v = config.path("version").asInt();

            // 数据项删除 (FP 619, 620); deleting a field not shown is 404, deleting the HS code breaks the rule.
            HttpResponse<String> removed = delete(base + "/fields/HEADER/vesselName?version=" + v, operatorToken());
            assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
            v = json(removed.body()).path("version").asInt();
            assertThat(names(json(removed.body()), "HEADER")).doesNotContain("vesselName");
            assertProblem(delete(base + "/fields/HEADER/vesselName?version=" + v, operatorToken()), 404, "SCREEN_FIELD_NOT_FOUND");
            assertProblem(delete(base + "/fields/ITEM/hsCode?version=" + v, operatorToken()), 400, "SCREEN_CONFIG_INVALID");
            removed = delete(base + "/fields/ITEM/name?version=" + v, operatorToken());
            v = json(removed.body()).path("version").asInt();

            // 数据项查询 (FP 623, 624): a section's fields, filtered by name or label.
            JsonNode found = json(get(base + "/fields/HEADER?q=合同", k).body());
            assertThat(found).hasSize(1);
            assertThat(found.get(0).path("field").asText()).isEqualTo("contractNo");
            assertThat(json(get(base + "/fields/ITEM", k).body())).hasSize(3);
            assertProblem(get(base + "/fields/RESULT", k), 400, "SCREEN_SECTION_INVALID");
            // The query itself is logged (日志处理 of 数据项查询).
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM audit_operation_log WHERE action = 'screen-config-fields-queried'
                    AND business_id = 'DIRECT_RELEASE/ENTRY' AND detail = 'HEADER q=合同'""", Integer.class)).isPositive();

            // 录入界面配置校验: the draft saves without the contract number; declaring it is refused until it is filled.
            Map<String, Object> declaration = request("DIRECT_RELEASE", header(ENTERPRISE_S), List.of(item(PET, "聚酯切片")));
            HttpResponse<String> saved = post("/v1/declarations", k, declaration);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
            String id = json(saved.body()).path("declaration").path("id").asText();
            HttpResponse<String> held = post("/v1/declarations/" + id + "/submission", k, "");
            assertProblem(held, 400, "SCREEN_REQUIRED_FIELD_MISSING");
            assertThat(json(held.body()).path("messageZh").asText()).contains("合同协议号");
            assertThat(json(get("/v1/declarations/" + id, k).body()).path("status").asText()).isEqualTo("DRAFT");
            @SuppressWarnings("unchecked")
            Map<String, Object> filled = (Map<String, Object>) declaration.get("header");
            filled.put("contractNo", "HT-2026-0815");
            assertThat(put("/v1/declarations/" + id, k, declaration).statusCode()).isEqualTo(200);
            HttpResponse<String> declared = post("/v1/declarations/" + id + "/submission", k, "");
            assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);

            // 日志处理: every change kept with its version, its author and the field list after it.
            JsonNode history = json(get(base + "/history", operatorToken()).body());
            List<String> actions = new ArrayList<>();
            history.forEach(h -> actions.add(h.path("action").asText()));
            assertThat(actions.subList(0, 6)).containsExactly("field-removed", "field-removed", "field-changed",
                    "field-changed", "field-added", "template-created");
            assertThat(history.get(0).path("version").asInt()).isEqualTo(v);
            assertThat(history.get(0).path("fields").asText()).contains("HEADER:contractNo!", "ITEM:hsCode!")
                    .doesNotContain("vesselName");
            Integer audited = jdbc.queryForObject("SELECT count(*) FROM audit_operation_log WHERE action LIKE 'screen-config-%'",
                    Integer.class);
            assertThat(audited).isGreaterThanOrEqualTo(6);
        } finally {
            int current = version(base);
            if (current > 0) {
                assertThat(delete(base + "?version=" + current, operatorToken()).statusCode()).isEqualTo(200);
            }
        }
        assertThat(version(base)).isZero();
    }

    @Test
    void theSecondLineQueryScreenKeepsItsConditionsAndResultColumnsAndTheItemConditionFilters() {
        String k = enterpriseToken(ENTERPRISE_S);
        String base = "/v1/screen-configs/SECOND_LINE_DOMESTIC_SALE/QUERY";
        JsonNode standard = json(get(base, k).body());
        assertThat(standard.path("version").asInt()).isZero();
        assertThat(names(standard, "HEADER_CONDITION")).contains("preEntryNo", "billOfLadingNo", "status");
        assertThat(names(standard, "ITEM_CONDITION")).containsExactly("hsCode");
        assertThat(names(standard, "RESULT")).contains("preEntryNo", "customsNo", "submittedAt").doesNotContain("id");
        try {
            List<Map<String, Object>> fields = new ArrayList<>(List.of(field("HEADER_CONDITION", "billOfLadingNo"),
                    field("HEADER_CONDITION", "status"), field("ITEM_CONDITION", "hsCode"), field("RESULT", "preEntryNo"),
                    field("RESULT", "status"), field("RESULT", "createdAt")));
            assertThat(put(base, k, template(0, fields)).statusCode()).isEqualTo(403);
            // A condition the list cannot filter by, a required or defaulted query field, no pre-entry column: 400.
            List<Map<String, Object>> notAFilter = new ArrayList<>(fields);
            notAFilter.add(field("HEADER_CONDITION", "vesselName"));
            assertProblem(put(base, operatorToken(), template(0, notAFilter)), 400, "SCREEN_FIELD_UNKNOWN");
            List<Map<String, Object>> required = new ArrayList<>(fields);
            required.set(0, field("HEADER_CONDITION", "billOfLadingNo", true, null));
            assertProblem(put(base, operatorToken(), template(0, required)), 400, "SCREEN_CONFIG_INVALID");
            List<Map<String, Object>> noNumber = new ArrayList<>(fields);
            noNumber.remove(3);
            assertProblem(put(base, operatorToken(), template(0, noNumber)), 400, "SCREEN_CONFIG_INVALID");
            assertProblem(put(base, operatorToken(), template(0, List.of(field("HEADER", "remark")))), 400,
                    "SCREEN_SECTION_INVALID");
            assertThat(version(base)).isZero();

            // 查询模版新增 (FP 659, 660) and 查询数据项 add/modify/delete (FP 643, 644, 647, 648, 651, 652).
            HttpResponse<String> set = put(base, operatorToken(), template(0, fields));
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            int v = json(set.body()).path("version").asInt();
            JsonNode config = json(post(base + "/fields?version=" + v, operatorToken(),
                    Map.of("section", "RESULT", "field", "customsNo", "position", 2)).body());
            assertThat(names(config, "RESULT")).containsExactly("preEntryNo", "customsNo", "status", "createdAt");
            v = config.path("version").asInt();
            config = json(post(base + "/fields?version=" + v, operatorToken(), field("HEADER_CONDITION", "from")).body());
            v = config.path("version").asInt();
            config = json(put(base + "/fields/HEADER_CONDITION/status?version=" + v, operatorToken(), Map.of("position", 1)).body());
            assertThat(names(config, "HEADER_CONDITION")).containsExactly("status", "billOfLadingNo", "from");
            v = config.path("version").asInt();
            assertProblem(put(base + "/fields/RESULT/status?version=" + v, operatorToken(), Map.of("defaultValue", "DRAFT")),
                    400, "SCREEN_CONFIG_INVALID");
            config = json(delete(base + "/fields/RESULT/createdAt?version=" + v, operatorToken()).body());
            assertThat(names(config, "RESULT")).containsExactly("preEntryNo", "customsNo", "status");
            v = config.path("version").asInt();
            // 查询模版查询 (FP 671–674): officers read the conditions the screen offers; a section the query screen lacks is
            // 400; the query is logged.
            assertProblem(get(base + "/fields/HEADER", officerToken()), 400, "SCREEN_SECTION_INVALID");
            assertThat(json(get(base + "/fields/ITEM_CONDITION", officerToken()).body()).get(0).path("field").asText())
                    .isEqualTo("hsCode");
            assertThat(names(json(get(base, officerToken()).body()), "HEADER_CONDITION")).containsExactly("status",
                    "billOfLadingNo", "from");
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM audit_operation_log WHERE action = 'screen-config-fields-queried'
                    AND business_id = 'SECOND_LINE_DOMESTIC_SALE/QUERY' AND detail = 'ITEM_CONDITION'""", Integer.class))
                    .isPositive();

            // The goods-item condition really filters the declaration list.
            String pet = json(post("/v1/declarations", k, request("SECOND_LINE_GENERAL", header(ENTERPRISE_S),
                    List.of(item(PET, "聚酯切片")))).body()).path("declaration").path("preEntryNo").asText();
            String part = json(post("/v1/declarations", k, request("SECOND_LINE_GENERAL", header(ENTERPRISE_S),
                    List.of(item(ROBOT_PART, "机器零件")))).body()).path("declaration").path("preEntryNo").asText();
            JsonNode listed = json(get("/v1/declarations?type=SECOND_LINE_GENERAL&hsCode=847990", k).body());
            List<String> numbers = new ArrayList<>();
            listed.path("content").forEach(d -> numbers.add(d.path("preEntryNo").asText()));
            assertThat(numbers).contains(part).doesNotContain(pet);

            // 查询模版删除 (FP 667, 668): the standard screen again; enterprises cannot; a second delete is 404.
            assertThat(delete(base + "?version=" + v, k).statusCode()).isEqualTo(403);
            HttpResponse<String> reset = delete(base + "?version=" + v, operatorToken());
            assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
            assertThat(json(reset.body()).path("version").asInt()).isZero();
            assertProblem(delete(base + "?version=0", operatorToken()), 404, "SCREEN_CONFIG_NOT_FOUND");
            JsonNode history = json(get(base + "/history", operatorToken()).body());
            assertThat(history.get(0).path("action").asText()).isEqualTo("template-deleted");
            // A new template after a delete continues the version count (history keys stay unique).
            HttpResponse<String> again = put(base, operatorToken(), template(0, fields));
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(json(again.body()).path("version").asInt()).isGreaterThan(history.get(0).path("version").asInt());
        } finally {
            int current = version(base);
            if (current > 0) {
                delete(base + "?version=" + current, operatorToken());
            }
        }
    }

    /**
     * 高级查询设置 of the first-line and second-line general lists (FP 822, 1107): each type keeps its own advanced-query
     * conditions and result columns; a condition the list cannot filter by is refused; enterprises do not change it;
     * officers read it; another type's screen stays standard.
     */
    @ParameterizedTest
    @ValueSource(strings = {"FIRST_LINE_GENERAL", "SECOND_LINE_GENERAL"})
    void theGeneralListsKeepTheirOwnAdvancedQuerySettings(String type) {
        String base = "/v1/screen-configs/" + type + "/QUERY";
        String other = "/v1/screen-configs/" + (type.startsWith("FIRST") ? "SECOND_LINE_GENERAL" : "FIRST_LINE_GENERAL") + "/QUERY";
        assertThat(version(base)).isZero();
        List<Map<String, Object>> fields = new ArrayList<>(List.of(field("HEADER_CONDITION", "status"),
                field("HEADER_CONDITION", "billOfLadingNo"), field("ITEM_CONDITION", "hsCode"), field("RESULT", "preEntryNo"),
                field("RESULT", "customsNo"), field("RESULT", "status")));
        try {
            assertThat(put(base, enterpriseToken(ENTERPRISE_S), template(0, fields)).statusCode()).isEqualTo(403);
            List<Map<String, Object>> notAFilter = new ArrayList<>(fields);
            notAFilter.add(field("HEADER_CONDITION", "vesselName"));
            assertProblem(put(base, operatorToken(), template(0, notAFilter)), 400, "SCREEN_FIELD_UNKNOWN");
            assertThat(version(base)).isZero();

            HttpResponse<String> set = put(base, operatorToken(), template(0, fields));
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            JsonNode read = json(get(base, officerToken()).body());
            assertThat(read.path("version").asInt()).isPositive();
            assertThat(names(read, "HEADER_CONDITION")).containsExactly("status", "billOfLadingNo");
            assertThat(names(read, "RESULT")).containsExactly("preEntryNo", "customsNo", "status");
            assertThat(version(other)).isZero();
            assertThat(json(get(base + "/history", operatorToken()).body()).get(0).path("action").asText())
                    .isEqualTo("template-created");
        } finally {
            int current = version(base);
            if (current > 0) {
                delete(base + "?version=" + current, operatorToken());
            }
        }
    }

    @Test
    void theSecondLineEntryTemplateAndTheDirectReleaseQueryScreenAreKeptTheSameWay() {
        String k = enterpriseToken(ENTERPRISE_S);
        String entry = "/v1/screen-configs/SECOND_LINE_DOMESTIC_SALE/ENTRY";
        String query = "/v1/screen-configs/DIRECT_RELEASE/QUERY";
        try {
            // 二线录入模版新增 (FP 627, 628): header and item fields; an enterprise cannot; an unknown item field is 400.
            List<Map<String, Object>> fields = new ArrayList<>(List.of(field("HEADER", "verificationListNo", true, null),
                    field("HEADER", "supervisionMode", false, "1234"), field("ITEM", "hsCode", true, null),
                    field("ITEM", "legalQuantity"), field("ITEM", "currency", false, "CNY")));
            assertThat(put(entry, k, template(0, fields)).statusCode()).isEqualTo(403);
            List<Map<String, Object>> unknown = new ArrayList<>(fields);
            unknown.add(field("ITEM", "taxAmount"));
            assertProblem(put(entry, operatorToken(), template(0, unknown)), 400, "SCREEN_FIELD_UNKNOWN");
            HttpResponse<String> created = put(entry, operatorToken(), template(0, fields));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            int v = json(created.body()).path("version").asInt();
            // 录入模版修改 (FP 631, 632): the header and item lists changed as a whole; a stale version is refused.
            fields.add(field("HEADER", "ledgerNo"));
            fields.add(1, field("ITEM", "name"));
            assertProblem(put(entry, operatorToken(), template(v - 1, fields)), 409, "SCREEN_CONFIG_VERSION_CONFLICT");
            HttpResponse<String> changed = put(entry, operatorToken(), template(v, fields));
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            v = json(changed.body()).path("version").asInt();
            // 录入模版查询 (FP 639, 640): enterprises read the header and item fields with their defaults.
            JsonNode read = json(get(entry, k).body());
            assertThat(names(read, "HEADER")).containsExactly("verificationListNo", "supervisionMode", "ledgerNo");
            assertThat(names(read, "ITEM")).containsExactly("name", "hsCode", "legalQuantity", "currency");
            assertThat(json(get(entry + "/fields/ITEM?q=币制", k).body()).get(0).path("defaultValue").asText()).isEqualTo("CNY");
            assertThat(json(get(entry + "/fields/HEADER?q=verification", officerToken()).body()).get(0).path("required").asBoolean())
                    .isTrue();
            // 录入数据项 (FP 612, 615, 619): header field added, changed, removed one by one.
            v = json(post(entry + "/fields?version=" + v, operatorToken(), field("HEADER", "contractNo")).body()).path("version").asInt();
            JsonNode config = json(put(entry + "/fields/HEADER/supervisionMode?version=" + v, operatorToken(),
                    Map.of("defaultValue", "0110", "required", true)).body());
            assertThat(config.path("fields").get(1).path("defaultValue").asText()).isEqualTo("0110");
            v = config.path("version").asInt();
            config = json(delete(entry + "/fields/HEADER/ledgerNo?version=" + v, operatorToken()).body());
            assertThat(names(config, "HEADER")).containsExactly("verificationListNo", "supervisionMode", "contractNo");
            v = config.path("version").asInt();
            assertThat(delete(entry + "/fields/HEADER/contractNo?version=" + v, k).statusCode()).isEqualTo(403);
            // 录入模版删除 (FP 635, 636): the standard screen again, kept in the log.
            HttpResponse<String> deleted = delete(entry + "?version=" + v, operatorToken());
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
            assertThat(names(json(get(entry, k).body()), "HEADER")).contains("vesselName", "ledgerNo");
            List<String> actions = new ArrayList<>();
            json(get(entry + "/history", operatorToken()).body()).forEach(h -> actions.add(h.path("action").asText()));
            assertThat(actions.subList(0, 6)).containsExactly("template-deleted", "field-removed", "field-changed",
                    "field-added", "template-changed", "template-created");

            // 径予放行查询界面配置 (FP 193–198): configured, checked, read by the enterprise, logged.
            JsonNode standard = json(get(query, k).body());
            assertThat(standard.path("version").asInt()).isZero();
            List<Map<String, Object>> queryFields = List.of(field("HEADER_CONDITION", "billOfLadingNo"),
                    field("ITEM_CONDITION", "hsCode"), field("RESULT", "preEntryNo"), field("RESULT", "submittedAt"));
            assertThat(put(query, k, template(0, queryFields)).statusCode()).isEqualTo(403);
            assertProblem(put(query, operatorToken(), template(0, List.of(field("HEADER_CONDITION", "vesselName"),
                    field("RESULT", "preEntryNo")))), 400, "SCREEN_FIELD_UNKNOWN");
            assertProblem(put(query, operatorToken(), template(0, List.of(field("RESULT", "status")))), 400,
                    "SCREEN_CONFIG_INVALID");
            HttpResponse<String> set = put(query, operatorToken(), template(0, queryFields));
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            JsonNode q = json(get(query, k).body());
            assertThat(names(q, "RESULT")).containsExactly("preEntryNo", "submittedAt");
            assertThat(names(q, "HEADER_CONDITION")).containsExactly("billOfLadingNo");
            JsonNode log = json(get(query + "/history", operatorToken()).body());
            assertThat(log.get(0).path("action").asText()).isEqualTo("template-created");
            assertThat(log.get(0).path("fields").asText()).isEqualTo(
                    "HEADER_CONDITION:billOfLadingNo,ITEM_CONDITION:hsCode,RESULT:preEntryNo,RESULT:submittedAt");
        } finally {
            for (String base : List.of(entry, query)) {
                int current = version(base);
                if (current > 0) {
                    delete(base + "?version=" + current, operatorToken());
                }
            }
        }
    }
}
