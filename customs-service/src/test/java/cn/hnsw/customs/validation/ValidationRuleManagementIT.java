package cn.hnsw.customs.validation;

import cn.hnsw.customs.CustomsIntegrationTestBase;
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
 * 校验规则管理 (FP 675–681): an officer adds a rule of one of the engine's checks, it refuses declarations at once,
 * its details carry its history, and it is deleted again; seeded rules are switched off, never deleted; enterprises
 * only read.
 */
class ValidationRuleManagementIT extends CustomsIntegrationTestBase {

    private static final String ENTERPRISE_R = UnifiedSocialCreditCode.complete("91460108MA5T04RLG");

    @Test
    void anAddedRuleRefusesAtOnceShowsItsHistoryAndIsDeletedWhileSeededRulesStay() {
        Map<String, Object> rule = new HashMap<>(Map.of("code", "FIRST-LINE-ARMS", "family", "LICENSE",
                "kind", "HS_PREFIX_REFUSED", "severity", "ERROR", "enabled", true,
                "messageZh", "第{1}项商品{0}属武器弹药，一线一般报关须另行审批",
                "messageEn", "Item {1}: {0} is arms or ammunition and needs a separate approval",
                "parameter", "9301,9302,9303", "declarationTypes", "FIRST_LINE_GENERAL"));
        String token = enterpriseToken(ENTERPRISE_R);
        String id = json(post("/v1/declarations", token, request("FIRST_LINE_GENERAL", header(ENTERPRISE_R),
                List.of(item("9303201000", "运动用猎枪")))).body()).path("declaration").path("id").asText();
        assertThat(findings(id, token)).doesNotContain("FIRST-LINE-ARMS");

        // Refusals change nothing: an enterprise, a malformed code, a parameter its check cannot read, a seeded code.
        assertThat(post("/v1/validation-rules", token, rule).statusCode()).isEqualTo(403);
        Map<String, Object> badCode = new HashMap<>(rule);
        badCode.put("code", "arms rule");
        HttpResponse<String> codeRefused = post("/v1/validation-rules", officerToken(), badCode);
        assertThat(codeRefused.statusCode()).isEqualTo(400);
        assertThat(json(codeRefused.body()).path("code").asText()).isEqualTo("RULE_CODE_INVALID");
        Map<String, Object> badParameter = new HashMap<>(rule);
        badParameter.put("parameter", "");
        assertThat(json(post("/v1/validation-rules", officerToken(), badParameter).body()).path("code").asText())
                .isEqualTo("RULE_PARAMETER_INVALID");
        Map<String, Object> seeded = new HashMap<>(rule);
        seeded.put("code", "COMMODITY-WHITELIST");
        HttpResponse<String> exists = post("/v1/validation-rules", officerToken(), seeded);
        assertThat(exists.statusCode()).isEqualTo(409);
        assertThat(json(exists.body()).path("messageZh").asText()).isEqualTo("校验规则“COMMODITY-WHITELIST”已存在");
        assertThat(get("/v1/validation-rules/FIRST-LINE-ARMS", officerToken()).statusCode()).isEqualTo(404);

        // 校验规则新增: it runs on the next pre-validation.
        HttpResponse<String> added = post("/v1/validation-rules", officerToken(), rule);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(json(added.body()).path("family").asText()).isEqualTo("LICENSE");
        assertThat(findings(id, token)).containsExactly("FIRST-LINE-ARMS");
        assertThat(json(post("/v1/declarations/" + id + "/prevalidation", token, "").body()).path("findings")
                .findValuesAsText("messageZh")).containsExactly("第1项商品9303201000属武器弹药，一线一般报关须另行审批");
        assertThat(post("/v1/declarations/" + id + "/submission", token, "").statusCode()).isEqualTo(422);

        // 校验规则修改 and 详情: the change is in the history, newest first.
        Map<String, Object> change = new HashMap<>(rule);
        change.remove("code");
        change.remove("family");
        change.remove("kind");
        change.put("severity", "WARNING");
        assertThat(put("/v1/validation-rules/FIRST-LINE-ARMS", officerToken(), change).statusCode()).isEqualTo(200);
        JsonNode details = json(get("/v1/validation-rules/FIRST-LINE-ARMS", token).body());
        assertThat(details.path("origin").asText()).isEqualTo("ADDED");
        assertThat(details.path("rule").path("severity").asText()).isEqualTo("WARNING");
        assertThat(details.path("history").findValuesAsText("action")).containsExactly("CHANGED", "ADDED");
        assertThat(details.path("history").findValuesAsText("changedBy")).containsOnly("officer.zhang");
        assertThat(details.path("history").get(0).path("snapshot").asText()).contains("\"severity\":\"WARNING\"");

        // 校验规则删除: an added rule goes; a seeded one is switched off instead; an unknown one is 404.
        assertThat(delete("/v1/validation-rules/FIRST-LINE-ARMS", token).statusCode()).isEqualTo(403);
        HttpResponse<String> seededDelete = delete("/v1/validation-rules/COMMODITY-WHITELIST", officerToken());
        assertThat(seededDelete.statusCode()).isEqualTo(409);
        assertThat(json(seededDelete.body()).path("code").asText()).isEqualTo("RULE_SEEDED");
        assertThat(delete("/v1/validation-rules/FIRST-LINE-ARMS", officerToken()).statusCode()).isEqualTo(204);
        assertThat(delete("/v1/validation-rules/FIRST-LINE-ARMS", officerToken()).statusCode()).isEqualTo(404);
        assertThat(findings(id, token)).doesNotContain("FIRST-LINE-ARMS");
        assertThat(json(get("/v1/validation-rules", token).body()).findValuesAsText("code"))
                .contains("COMMODITY-WHITELIST").doesNotContain("FIRST-LINE-ARMS");
        assertThat(jdbc.queryForList("SELECT action FROM validation_rule_log WHERE code = 'FIRST-LINE-ARMS' ORDER BY id",
                String.class)).containsExactly("ADDED", "CHANGED", "DELETED");
    }

    private List<String> findings(String id, String token) {
        HttpResponse<String> r = post("/v1/declarations/" + id + "/prevalidation", token, "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r.body()).path("findings").findValuesAsText("ruleCode");
    }
}
