package cn.hnsw.customs.declaration;

import cn.hnsw.customs.CustomsIntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The 62 clearance parameter tables as versioned reference data, and the validation rules as data. */
class ParametersAndRulesIT extends CustomsIntegrationTestBase {

    @Test
    void all62TablesAreListedAndTheSeededOnesAnswerQueries() {
        JsonNode tables = json(get("/v1/parameters", enterpriseToken(ENTERPRISE_A)).body());
        assertThat(tables.size()).isEqualTo(62);
        assertThat(tables.get(0).path("code").asText()).isEqualTo("SUPERVISION_MODE");
        assertThat(tables.get(0).path("fp").asInt()).isEqualTo(473);
        assertThat(tables.get(61).path("fp").asInt()).isEqualTo(534);

        JsonNode general = json(get("/v1/parameters/SUPERVISION_MODE/entries?q=0110", enterpriseToken(ENTERPRISE_A)).body());
        assertThat(general.path("content").get(0).path("nameZh").asText()).isEqualTo("一般贸易");
        JsonNode byName = json(get("/v1/parameters/COUNTRY_REGION/entries?q=新加坡", officerToken()).body());
        assertThat(byName.path("content").findValuesAsText("code")).containsExactly("SGP");

        assertThat(get("/v1/parameters/NO_SUCH_TABLE/entries", officerToken()).statusCode()).isEqualTo(404);
        assertThat(get("/v1/parameters", null).statusCode()).isEqualTo(401);
    }

    @Test
    void everyOneOfThe62TablesIsSeededAsAVersionWithItsSourceNamed() {
        JsonNode tables = json(get("/v1/parameters", officerToken()).body());
        for (JsonNode table : tables) {
            String code = table.path("code").asText();
            assertThat(table.path("currentVersion").asInt()).as(code).isGreaterThanOrEqualTo(1);
            assertThat(table.path("entryCount").asInt()).as(code).isPositive();
            assertThat(table.path("source").asText()).as(code).isNotBlank();
        }
        // A few of the V7 seeds, each from its public list.
        assertThat(entryName("DUTY_REDUCTION_METHOD", "3")).isEqualTo("全免");
        assertThat(entryName("UN_DANGEROUS_GOODS", "UN1203")).isEqualTo("车用汽油");
        assertThat(entryName("CONTAINER_SPEC", "22")).isEqualTo("冷藏标准箱（S）");
        assertThat(entryName("SHIP_SECURITY_LEVEL", "3")).isEqualTo("保安等级3");
        assertThat(entryName("PACKAGE_TYPE_MARITIME", "CT")).isEqualTo("纸箱");
        // A table with no public code list says so in its source.
        assertThat(json(get("/v1/parameters/HULL_MATERIAL", officerToken()).body()).path("source").asText()).startsWith("PLATFORM");
    }

    private String entryName(String table, String code) {
        JsonNode found = json(get("/v1/parameters/" + table + "/entries?q=" + code, officerToken()).body()).path("content");
        for (JsonNode e : found) {
            if (e.path("code").asText().equals(code)) {
                return e.path("nameZh").asText();
            }
        }
        throw new AssertionError(table + " has no " + code + ": " + found);
    }

    @Test
    void anOperatorPublishesANewVersionAndTheOldOneStaysQueryable() {
        Map<String, Object> version = Map.of("note", "参数同步", "entries", List.of(
                Map.of("code", "1", "nameZh", "CIF", "nameEn", "CIF"),
                Map.of("code", "3", "nameZh", "FOB", "nameEn", "FOB")));
        HttpResponse<String> denied = post("/v1/parameters/TRANSACTION_MODE/versions", enterpriseToken(ENTERPRISE_A), version);
        assertThat(denied.statusCode()).isEqualTo(403);

        HttpResponse<String> published = post("/v1/parameters/TRANSACTION_MODE/versions", operatorToken(), version);
        assertThat(published.statusCode()).isEqualTo(201);
        int v = json(published.body()).path("version").asInt();
        assertThat(v).isGreaterThanOrEqualTo(2);
        assertThat(json(get("/v1/parameters/TRANSACTION_MODE/entries", officerToken()).body()).path("totalElements").asInt()).isEqualTo(2);
        assertThat(json(get("/v1/parameters/TRANSACTION_MODE/entries?version=1", officerToken()).body()).path("totalElements").asInt()).isEqualTo(7);

        HttpResponse<String> duplicate = post("/v1/parameters/TRANSACTION_MODE/versions", operatorToken(), Map.of("entries",
                List.of(Map.of("code", "1", "nameZh", "CIF"), Map.of("code", "1", "nameZh", "CIF"))));
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(json(get("/v1/parameters/TRANSACTION_MODE", officerToken()).body()).path("currentVersion").asInt()).isEqualTo(v);

        // Restore the seeded list for the other tests.
        post("/v1/parameters/TRANSACTION_MODE/versions", operatorToken(), Map.of("entries", List.of(
                Map.of("code", "1", "nameZh", "CIF"), Map.of("code", "2", "nameZh", "C&F"), Map.of("code", "3", "nameZh", "FOB"),
                Map.of("code", "4", "nameZh", "C&I"), Map.of("code", "5", "nameZh", "市场价"), Map.of("code", "6", "nameZh", "垫仓"),
                Map.of("code", "7", "nameZh", "EXW"))));
    }

    @Test
    void theNineFamiliesAreConfigurableRulesThatOfficersChange() {
        JsonNode rules = json(get("/v1/validation-rules", officerToken()).body());
        assertThat(rules.findValuesAsText("family")).contains("BASIC_DATA", "DECLARATION_PERMISSION", "GENERAL_BUSINESS",
                "TAX", "INSPECTION", "LICENSE", "SPECIFIC_COMMODITY", "RELATED_DOCUMENTS", "SPECIFIC_BUSINESS");

        Map<String, Object> change = Map.of("severity", "ERROR", "enabled", true, "messageZh", "该商品不在白名单范围。",
                "messageEn", "This commodity is not within the whitelist.", "declarationTypes", "DIRECT_RELEASE");
        assertThat(put("/v1/validation-rules/COMMODITY-WHITELIST", enterpriseToken(ENTERPRISE_A), change).statusCode()).isEqualTo(403);
        HttpResponse<String> changed = put("/v1/validation-rules/COMMODITY-WHITELIST", officerToken(), change);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed.body()).path("version").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(put("/v1/validation-rules/NO-SUCH-RULE", officerToken(), change).statusCode()).isEqualTo(404);
    }

    @Test
    void aRuleParameterItsCheckCannotReadIsRefusedAndTheRuleStaysAsItWas() {
        JsonNode before = rule("GENERAL-LEVY-FOR-MODE");
        for (String bad : List.of("supervisionMode=0214", "supervisionMode=0214>noSuchField=502", "")) {
            Map<String, Object> change = new java.util.HashMap<>(Map.of("severity", "ERROR", "enabled", true,
                    "messageZh", "监管方式“{0}”须使用征免性质{1}（填写为“{2}”）", "messageEn", "Supervision mode {0} needs {1} ({2})",
                    "declarationTypes", "FIRST_LINE_GENERAL,SECOND_LINE_GENERAL", "parameter", bad));
            HttpResponse<String> refused = put("/v1/validation-rules/GENERAL-LEVY-FOR-MODE", officerToken(), change);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(refused.body()).path("code").asText()).isEqualTo("RULE_PARAMETER_INVALID");
            assertThat(refused.body()).contains("校验规则“GENERAL-LEVY-FOR-MODE”的参数无效");
        }
        Map<String, Object> badSet = new java.util.HashMap<>(Map.of("severity", "ERROR", "enabled", true, "messageZh", "x",
                "messageEn", "x", "declarationTypes", "SECOND_LINE_GENERAL", "parameter", "supervisionMode"));
        assertThat(put("/v1/validation-rules/SECOND-LINE-SUPERVISION-MODE", officerToken(), badSet).statusCode()).isEqualTo(400);
        assertThat(rule("GENERAL-LEVY-FOR-MODE")).isEqualTo(before);
    }

    private JsonNode rule(String code) {
        for (JsonNode r : json(get("/v1/validation-rules", officerToken()).body())) {
            if (code.equals(r.path("code").asText())) {
                return r;
            }
        }
        throw new AssertionError(code);
    }
}
