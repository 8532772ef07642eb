package cn.hnsw.customs.declaration;

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
 * 打印模版设置 and 打印校验规则 (FP 95, 98, 162, 164): an operator sets a type's title, footer, item columns and printable
 * states; the print follows it and refuses a state the template does not print; enterprises only read templates.
 */
class PrintTemplateIT extends CustomsIntegrationTestBase {

    static final String ENTERPRISE_K = UnifiedSocialCreditCode.complete("91460108MA5T00KLM");
    static final String ALL_STATES = "DRAFT,SUBMITTED,SW_ACCEPTED,SW_REJECTED,ACCEPTED,RELEASED,RETURNED,WITHDRAWN";

    @Test
    void theOperatorsTemplateShapesThePrintAndItsCheckRefusesStatesItDoesNotPrint() {
        String k = enterpriseToken(ENTERPRISE_K);
        HttpResponse<String> saved = post("/v1/declarations", k, request("SECOND_LINE_GENERAL", header(ENTERPRISE_K),
                List.of(item("3907610000", "聚酯切片"))));
        assertThat(saved.statusCode()).as(saved.body()).isBetween(200, 201);
        String id = json(saved.body()).path("declaration").path("id").asText();
        JsonNode standard = json(get("/v1/print-templates/SECOND_LINE_GENERAL", k).body());
        int v0 = standard.path("version").asInt(); // the standard form, or what another test put back
        assertThat(standard.path("itemColumns")).hasSize(8);
        try {
            Map<String, Object> template = new HashMap<>(Map.of("title", "二线一般报关单（企业留存联）",
                    "footer", "本联仅供企业留存，不作通关凭证", "itemColumns", List.of("SEQ", "HS_CODE", "NAME_SPEC", "QUANTITY_UNIT"),
                    "printableStatuses", List.of("SUBMITTED", "SW_ACCEPTED", "ACCEPTED", "RELEASED"), "version", v0));
            // Enterprises read and do not change; a template without the code column or with a stale version is refused.
            assertThat(put("/v1/print-templates/SECOND_LINE_GENERAL", k, template).statusCode()).isEqualTo(403);
            Map<String, Object> noCode = new HashMap<>(template);
            noCode.put("itemColumns", List.of("SEQ", "NAME_SPEC"));
            HttpResponse<String> invalid = put("/v1/print-templates/SECOND_LINE_GENERAL", operatorToken(), noCode);
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(json(invalid.body()).path("code").asText()).isEqualTo("PRINT_TEMPLATE_INVALID");
            Map<String, Object> stale = new HashMap<>(template);
            stale.put("version", v0 + 3);
            assertThat(put("/v1/print-templates/SECOND_LINE_GENERAL", operatorToken(), stale).statusCode()).isEqualTo(409);
            assertThat(json(get("/v1/print-templates/SECOND_LINE_GENERAL", k).body()).path("version").asInt()).isEqualTo(v0);

            HttpResponse<String> set = put("/v1/print-templates/SECOND_LINE_GENERAL", operatorToken(), template);
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            assertThat(json(set.body()).path("version").asInt()).isEqualTo(v0 + 1);
            // 打印校验: a draft is not printed by this template.
            HttpResponse<String> refused = get("/v1/declarations/" + id + "/print", k);
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(json(refused.body()).path("code").asText()).isEqualTo("PRINT_NOT_ALLOWED");
            assertThat(refused.body()).contains("不可打印");

            template.put("printableStatuses", List.of("DRAFT", "SUBMITTED"));
            template.put("version", v0 + 1);
            assertThat(put("/v1/print-templates/SECOND_LINE_GENERAL", operatorToken(), template).statusCode()).isEqualTo(200);
            HttpResponse<String> printed = get("/v1/declarations/" + id + "/print", k);
            assertThat(printed.statusCode()).isEqualTo(200);
            assertThat(printed.body()).contains("<h1>二线一般报关单（企业留存联）</h1>", "本联仅供企业留存，不作通关凭证",
                    "<th>商品编号</th>", "<th>数量及单位</th>").doesNotContain("<th>最终目的国（地区）</th>", "<th>征免</th>");
            // Other types keep the standard form.
            assertThat(json(get("/v1/print-templates/FIRST_LINE_GENERAL", officerToken()).body()).path("title").asText())
                    .isNotEqualTo("二线一般报关单（企业留存联）");
        } finally {
            int version = json(get("/v1/print-templates/SECOND_LINE_GENERAL", k).body()).path("version").asInt();
            Map<String, Object> back = new HashMap<>();
            back.put("itemColumns", List.of("SEQ", "HS_CODE", "NAME_SPEC", "QUANTITY_UNIT", "PRICE", "ORIGIN", "DESTINATION", "LEVY"));
            back.put("printableStatuses", List.of(ALL_STATES.split(",")));
            back.put("version", version);
            if (version > 0) {
                assertThat(put("/v1/print-templates/SECOND_LINE_GENERAL", operatorToken(), back).statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void aDirectReleaseTemplateAppliesToDirectReleaseDeclarationsOnly() {
        String k = enterpriseToken(ENTERPRISE_K);
        assertThat(put("/v1/zero-tariff/qualifications/" + ENTERPRISE_K, operatorToken(), Map.of("enterpriseUscc", ENTERPRISE_K,
                "enterpriseName", "海南享惠企业K", "validFrom", "2025-12-18", "revoked", false)).statusCode()).isEqualTo(200);
        put("/v1/zero-tariff/whitelist/3907610000", operatorToken(), Map.of("hsCode", "3907610000", "nameZh", "聚对苯二甲酸乙二醇酯",
                "category", "原辅料"));
        HttpResponse<String> saved = post("/v1/declarations", k, request("DIRECT_RELEASE", header(ENTERPRISE_K),
                List.of(item("3907610000", "聚酯切片"))));
        assertThat(saved.statusCode()).as(saved.body()).isBetween(200, 201);
        String id = json(saved.body()).path("declaration").path("id").asText();
        int version = json(get("/v1/print-templates/DIRECT_RELEASE", k).body()).path("version").asInt();
        try {
            Map<String, Object> template = new HashMap<>(Map.of("title", "径予放行报关单（预览）",
                    "itemColumns", List.of("SEQ", "HS_CODE", "NAME_SPEC", "LEVY"),
                    "printableStatuses", List.of("SUBMITTED", "RELEASED"), "version", version));
            HttpResponse<String> set = put("/v1/print-templates/DIRECT_RELEASE", operatorToken(), template);
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            version = json(set.body()).path("version").asInt();
            // 打印校验: the draft is refused by the direct-release template's rule.
            HttpResponse<String> refused = get("/v1/declarations/" + id + "/print", k);
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("径予放行");
            template.put("printableStatuses", List.of("DRAFT"));
            template.put("version", version);
            HttpResponse<String> changed = put("/v1/print-templates/DIRECT_RELEASE", operatorToken(), template);
            version = json(changed.body()).path("version").asInt();
            HttpResponse<String> printed = get("/v1/declarations/" + id + "/print", k);
            assertThat(printed.statusCode()).isEqualTo(200);
            assertThat(printed.body()).contains("<h1>径予放行报关单（预览）</h1>", "<th>征免</th>").doesNotContain("<th>单价/总价/币制</th>");
        } finally {
            Map<String, Object> back = new HashMap<>();
            back.put("itemColumns", List.of("SEQ", "HS_CODE", "NAME_SPEC", "QUANTITY_UNIT", "PRICE", "ORIGIN", "DESTINATION", "LEVY"));
            back.put("printableStatuses", List.of(ALL_STATES.split(",")));
            back.put("version", json(get("/v1/print-templates/DIRECT_RELEASE", k).body()).path("version").asInt());
            put("/v1/print-templates/DIRECT_RELEASE", operatorToken(), back);
        }
    }
}
