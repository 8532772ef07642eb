package cn.hnsw.customs.declaration;

import cn.hnsw.customs.CustomsIntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static cn.hnsw.customs.declaration.DeclarationFixtures.header;
import static cn.hnsw.customs.declaration.DeclarationFixtures.item;
import static cn.hnsw.customs.declaration.DeclarationFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nine pre-validation families (FP 130–138, 270–278, 1011–1019) on the declaration's own path: one stored
 * declaration breaks a rule of each family, the pre-validation names every one with its rule code, family and reason,
 * the declaration is refused and stays a draft; fixed, it passes and is declared. Batch declare and the supplementary
 * re-distribution refuse what is not the caller's.
 */
class PreValidationFamiliesIT extends CustomsIntegrationTestBase {

    static final String PET = "3907610000";
    static final String ORANGES = "0805100000";
    static final String FIREWORKS = "3604100000";
    static final String REFRIGERATOR = "8418109000";

    @BeforeEach
    void referenceData() {
        for (String e : List.of(ENTERPRISE_A, ENTERPRISE_B)) {
            assertThat(put("/v1/zero-tariff/qualifications/" + e, operatorToken(), Map.of("enterpriseUscc", e,
                    "enterpriseName", "海南享惠企业" + e.substring(14), "validFrom", "2025-12-18", "revoked", false))
                    .statusCode()).isEqualTo(200);
        }
        for (String hs : List.of(PET, ORANGES, FIREWORKS, REFRIGERATOR)) {
            assertThat(put("/v1/zero-tariff/whitelist/" + hs, operatorToken(),
                    Map.of("hsCode", hs, "nameZh", "白名单商品" + hs, "category", "原辅料")).statusCode()).isEqualTo(200);
        }
        put("/v1/direct-release/levy-natures", operatorToken(), Map.of("codes", List.of("101")));
    }

    @Test
    void aDeclarationBreakingOneRuleOfEachFamilyIsRefusedWithEveryReasonAndDeclaredOnceFixed() {
        Map<String, Object> h = header(ENTERPRISE_A);
        h.put("domesticTraderName", "");                         // 基础数据: a required header field
        h.put("declarantUscc", "91460100MA5T00001X");            // 申报权限: the declarant's code has a wrong check character
        h.put("grossWeight", "5000");                            // 通用业务: gross not above net
        h.put("netWeight", "5200");
        h.remove("billOfLadingNo");                              // 关联单证: waterway transport without its bill of lading
        Map<String, Object> taxed = item(PET, "聚酯切片");
        taxed.put("levyMode", "0");                              // 商品涉税: no such levy mode
        List<Map<String, Object>> items = List.of(taxed,
                item(ORANGES, "鲜橙"),                            // 涉检: quarantine goods
                item(FIREWORKS, "烟花"),                          // 涉证: goods under licence
                item(REFRIGERATOR, "冷藏箱"));                    // 特定商品: leaves the whitelist after saving
        HttpResponse<String> created = post("/v1/declarations", enterpriseToken(ENTERPRISE_A),
                request("DIRECT_RELEASE", h, items));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created.body()).path("declaration").path("id").asText();
        assertThat(delete("/v1/zero-tariff/whitelist/" + REFRIGERATOR, operatorToken()).statusCode()).isEqualTo(204);

        JsonNode report = json(post("/v1/declarations/" + id + "/prevalidation", enterpriseToken(ENTERPRISE_A), "").body());
        assertThat(report.path("passed").asBoolean()).isFalse();
        assertThat(report.path("findings").findValuesAsText("ruleCode")).contains("BASIC-HEADER-REQUIRED",
                "PERMISSION-USCC", "GENERAL-GROSS-NET", "TAX-LEVY-MODE", "INSPECTION-QUARANTINE-GOODS",
                "LICENCE-CONTROLLED-GOODS", "COMMODITY-WHITELIST", "DOCUMENTS-TRANSPORT");
        assertThat(new HashSet<>(report.path("findings").findValuesAsText("family"))).contains("BASIC_DATA",
                "DECLARATION_PERMISSION", "GENERAL_BUSINESS", "TAX", "INSPECTION", "LICENSE", "SPECIFIC_COMMODITY",
                "RELATED_DOCUMENTS");
        assertThat(report.path("findings").findValuesAsText("messageZh")).contains("表头毛重须大于净重",
                "该商品不在白名单范围。", "第1项商品征免方式“0”无效", "水路运输须填写提运单号、船名和航次号（“billOfLadingNo”未填写）");
        assertThat(findingOf(report, "INSPECTION-QUARANTINE-GOODS").path("itemSeq").asInt()).isEqualTo(2);
        assertThat(findingOf(report, "LICENCE-CONTROLLED-GOODS").path("itemSeq").asInt()).isEqualTo(3);
        assertThat(findingOf(report, "COMMODITY-WHITELIST").path("itemSeq").asInt()).isEqualTo(4);
        assertThat(findingOf(report, "PERMISSION-USCC").path("messageEn").asText()).contains("91460100MA5T00001X");

        // Another enterprise cannot even run it; the declaration is refused with the same reasons and stays a draft.
        assertThat(post("/v1/declarations/" + id + "/prevalidation", enterpriseToken(ENTERPRISE_B), "").statusCode()).isEqualTo(404);
        HttpResponse<String> refused = post("/v1/declarations/" + id + "/submission", enterpriseToken(ENTERPRISE_A), "");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused.body()).path("code").asText()).isEqualTo("PREVALIDATION_FAILED");
        assertThat(json(refused.body()).path("errors").findValuesAsText("messageZh")).contains("该商品不在白名单范围。");
        assertThat(status(id)).isEqualTo("DRAFT");
        assertThat(PARTNER.declarations.stream().noneMatch(m -> m.path("declaration").path("id").asText().equals(id))).isTrue();

        // 特定业务: a second-line domestic sale without its ledger number.
        Map<String, Object> secondLine = header(ENTERPRISE_B);
        secondLine.put("transportMode", "4");
        secondLine.put("goodsAttributes", "19");
        secondLine.put("verificationListNo", "QD640026I000000456");
        HttpResponse<String> sale = post("/v1/declarations", enterpriseToken(ENTERPRISE_B),
                request("SECOND_LINE_DOMESTIC_SALE", secondLine, List.of(item("2203000000", "啤酒"))));
        assertThat(sale.statusCode()).as(sale.body()).isEqualTo(201);
        JsonNode saleReport = json(post("/v1/declarations/" + json(sale.body()).path("declaration").path("id").asText()
                + "/prevalidation", enterpriseToken(ENTERPRISE_B), "").body());
        assertThat(saleReport.path("findings").findValuesAsText("family")).containsExactly("SPECIFIC_BUSINESS");
        assertThat(saleReport.path("findings").findValuesAsText("messageZh")).containsExactly("二线内销报关单须填写备案号（账册号）");

        // Fixed: every family passes and the declaration goes to the Single Window.
        Map<String, Object> fixed = header(ENTERPRISE_A);
        HttpResponse<String> changed = put("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_A),
                request("DIRECT_RELEASE", fixed, List.of(item(PET, "聚酯切片"))));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode clean = json(post("/v1/declarations/" + id + "/prevalidation", enterpriseToken(ENTERPRISE_A), "").body());
        assertThat(clean.path("passed").asBoolean()).as(clean.toString()).isTrue();
        assertThat(clean.path("rulesRun").asInt()).isGreaterThanOrEqualTo(9);
        assertThat(post("/v1/declarations/" + id + "/submission", enterpriseToken(ENTERPRISE_A), "").statusCode()).isEqualTo(200);
        await("the technical receipt", () -> status(id).equals("SW_ACCEPTED"));
    }

    /**
     * The data, basic data, permission and general business checks of the first- and second-line general declarations
     * (FP 858–897, 1143–1182): the same rule families run on their own type, each refusal with its code and reason.
     */
    @ParameterizedTest
    @ValueSource(strings = {"FIRST_LINE_GENERAL", "SECOND_LINE_GENERAL", "SECOND_LINE_DOMESTIC_SALE"})
    void theDataPermissionAndBusinessChecksRefuseAGeneralDeclarationWithTheirReasons(String type) {
        String enterprise = ENTERPRISE_B;
        Map<String, Object> h = header(enterprise);
        if (type.startsWith("SECOND")) {
            h.put("verificationListNo", "QD640026E000000321");
            h.put("ledgerNo", "L6400D26000003");
        }
        h.put("domesticTraderName", "");                         // 基本信息检查: a required header field
        h.put("tradingCountry", "XXX");                          // 数据合规性检查: a code outside its parameter table
        h.put("grossWeight", "100");                             // 通用业务检查: gross not above net
        h.put("netWeight", "200");
        h.put("declarantUscc", "91460000MA5RC2KX8A");            // 申报权限检查: a wrong check character
        h.remove("transportMode");                               // 运输信息检查: no transport mode
        Map<String, Object> goods = item(PET, "");               // 货物信息检查: the goods name is missing
        goods.put("totalPrice", "1.00");                         // 通用业务检查: total is not quantity × price
        goods.put("levyMode", "0");                              // 税费检查: no such levy mode
        HttpResponse<String> created = post("/v1/declarations", enterpriseToken(enterprise), request(type, h, List.of(goods)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created.body()).path("declaration").path("id").asText();

        JsonNode report = json(post("/v1/declarations/" + id + "/prevalidation", enterpriseToken(enterprise), "").body());
        assertThat(report.path("passed").asBoolean()).isFalse();
        assertThat(report.path("findings").findValuesAsText("ruleCode")).contains("BASIC-HEADER-REQUIRED",
                "BASIC-ITEM-REQUIRED", "BASIC-PARAMETER-CODES", "PERMISSION-USCC", "GENERAL-GROSS-NET", "GENERAL-TOTAL");
        assertThat(report.path("findings").findValuesAsText("messageZh")).contains("表头毛重须大于净重",
                "第1项商品总价与数量×单价不符");
        assertThat(report.path("findings").findValuesAsText("messageZh"))
                .anyMatch(m -> m.contains("“XXX”不在通关参数表中"));
        assertThat(report.path("findings").findValuesAsText("ruleCode")).doesNotContain("COMMODITY-WHITELIST",
                "INSPECTION-QUARANTINE-GOODS", "PERMISSION-QUALIFICATION");
        assertThat(report.path("findings").findValuesAsText("messageZh")).contains("表头必填项“transportMode”未填写",
                "第1项商品征免方式“0”无效");
        // 预校验结果日志: the outcome with every rule that found something is in the operation log.
        String detail = jdbc.queryForObject("SELECT detail FROM audit_operation_log WHERE action = 'DECLARATION_PREVALIDATED' "
                + "AND business_id = ? ORDER BY seq DESC LIMIT 1", String.class, id);
        assertThat(detail).contains("type=" + type, "passed=false", "BASIC_DATA:BASIC-HEADER-REQUIRED",
                "DECLARATION_PERMISSION:PERMISSION-USCC", "GENERAL_BUSINESS:GENERAL-TOTAL", "TAX:TAX-LEVY-MODE");

        // 系统权限 / 数据权限 / 操作权限: an officer does not declare, another enterprise does not see it.
        assertThat(post("/v1/declarations/" + id + "/submission", officerToken(), "").statusCode()).isEqualTo(403);
        assertThat(post("/v1/declarations/" + id + "/submission", enterpriseToken(ENTERPRISE_A), "").statusCode()).isEqualTo(404);
        HttpResponse<String> refused = post("/v1/declarations/" + id + "/submission", enterpriseToken(enterprise), "");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused.body()).path("messageZh").asText()).isNotBlank();
        assertThat(json(refused.body()).path("messageEn").asText()).isNotBlank();
        assertThat(status(id)).isEqualTo("DRAFT");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_operation_log WHERE action = "
                + "'DECLARATION_REFUSED_BY_PREVALIDATION' AND business_id = ? AND result = 'FAILURE'", Long.class, id)).isEqualTo(1L);

        // 报关主体资格: neither the trader nor the declarant is the declaring enterprise.
        Map<String, Object> foreign = header(ENTERPRISE_A);
        if (type.startsWith("SECOND")) {
            foreign.put("verificationListNo", "QD640026E000000322");
            foreign.put("ledgerNo", "L6400D26000003");
        }
        String notOwn = json(post("/v1/declarations", enterpriseToken(enterprise), request(type, foreign,
                List.of(item(PET, "聚酯切片")))).body()).path("declaration").path("id").asText();
        assertThat(json(post("/v1/declarations/" + notOwn + "/prevalidation", enterpriseToken(enterprise), "").body())
                .path("findings").findValuesAsText("ruleCode")).containsExactly("PERMISSION-DECLARANT");

        // 状态信息检查: once declared, it is not declared again.
        Map<String, Object> good = header(enterprise);
        if (type.startsWith("SECOND")) {
            good.put("verificationListNo", "QD640026E000000323");
            good.put("ledgerNo", "L6400D26000003");
        }
        String fine = json(post("/v1/declarations", enterpriseToken(enterprise), request(type, good,
                List.of(item(PET, "聚酯切片")))).body()).path("declaration").path("id").asText();
        assertThat(post("/v1/declarations/" + fine + "/submission", enterpriseToken(enterprise), "").statusCode()).isEqualTo(200);
        HttpResponse<String> again = post("/v1/declarations/" + fine + "/submission", enterpriseToken(enterprise), "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again.body()).path("code").asText()).isEqualTo("ILLEGAL_STATUS_CHANGE");
    }

    @Test
    void batchDeclareReportsAnotherEnterprisesDeclarationAsNotFoundAndSendsNothingOfIt() {
        String own = create(ENTERPRISE_A);
        String others = create(ENTERPRISE_B);
        HttpResponse<String> batch = post("/v1/declarations/batch-submission", enterpriseToken(ENTERPRISE_A),
                Map.of("ids", List.of(own, others), "confirmWarnings", false));
        assertThat(batch.statusCode()).isEqualTo(200);
        JsonNode results = json(batch.body());
        assertThat(results.get(0).path("submitted").asBoolean()).isTrue();
        assertThat(results.get(1).path("submitted").asBoolean()).isFalse();
        assertThat(results.get(1).path("code").asText()).isEqualTo("DECLARATION_NOT_FOUND");
        assertThat(results.get(1).path("messageZh").asText()).isEqualTo("报关单不存在");
        assertThat(status(others)).isEqualTo("DRAFT");

        // An officer does not declare for enterprises; an empty or oversized batch is a bad request.
        HttpResponse<String> officer = post("/v1/declarations/batch-submission", officerToken(),
                Map.of("ids", List.of(others), "confirmWarnings", false));
        assertThat(json(officer.body()).get(0).path("submitted").asBoolean()).isFalse();
        assertThat(status(others)).isEqualTo("DRAFT");
        assertThat(post("/v1/declarations/batch-submission", enterpriseToken(ENTERPRISE_A),
                Map.of("ids", List.of(), "confirmWarnings", false)).statusCode()).isEqualTo(400);
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= DeclarationService.MAX_BATCH; i++) {
            tooMany.add(own);
        }
        assertThat(post("/v1/declarations/batch-submission", enterpriseToken(ENTERPRISE_A),
                Map.of("ids", tooMany, "confirmWarnings", false)).statusCode()).isEqualTo(400);
        await("the technical receipt", () -> status(own).equals("SW_ACCEPTED"));
    }

    @Test
    void theSupplementaryRedistributionIsAnOperatorsAndOnlyForADeclarationCustomsHasDecided() {
        String draft = create(ENTERPRISE_A);
        HttpResponse<String> enterprise = post("/v1/declarations/" + draft + "/redistribution", enterpriseToken(ENTERPRISE_A), "");
        assertThat(enterprise.statusCode()).isEqualTo(403);
        assertThat(post("/v1/declarations/" + draft + "/redistribution", officerToken(), "").statusCode()).isEqualTo(403);
        HttpResponse<String> notYet = post("/v1/declarations/" + draft + "/redistribution", operatorToken(), "");
        assertThat(notYet.statusCode()).isEqualTo(409);
        assertThat(json(notYet.body()).path("code").asText()).isEqualTo("NOT_DISTRIBUTABLE");
        assertThat(json(notYet.body()).path("messageZh").asText()).isEqualTo("仅收到海关业务回执后方可下发至海口数据分中心");
        assertThat(json(notYet.body()).path("messageEn").asText()).contains("business receipt");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbound_message WHERE declaration_id = ?::uuid AND message_type = 'DIRECT_RELEASE_DISTRIBUTION'",
                Integer.class, draft)).isZero();
    }

    /**
     * 日志处理 of direct release (FP 85, 93, 105, 129, 141, 153, 159, 166, 173, 180, 187, 192): temp-save, copy, delete,
     * import, pre-validation, the list query, details, print, batch declare and export are each in the operation log
     * under the declarant, refused ones too.
     */
    @Test
    void everyDirectReleaseStepAndQueryIsInTheOperationLog() {
        String enterprise = ENTERPRISE_B;
        String token = enterpriseToken(enterprise);
        assertThat(get("/v1/direct-release/access", token).statusCode()).isEqualTo(200);
        assertThat(get("/v1/direct-release/access", enterpriseToken(ENTERPRISE_UNQUALIFIED)).statusCode()).isEqualTo(403);
        assertThat(post("/v1/declarations", token, request("DIRECT_RELEASE", header(enterprise),
                List.of(item("2203000000", "啤酒")))).statusCode()).isEqualTo(422);
        String id = create(enterprise);
        assertThat(post("/v1/declarations/" + id + "/manifest-backfill", token, "").statusCode()).isEqualTo(200);
        String copy = json(post("/v1/declarations/" + id + "/copies", token, "").body()).path("declaration").path("id").asText();
        assertThat(delete("/v1/declarations/" + copy, token).statusCode()).isEqualTo(200);
        assertThat(post("/v1/declarations/" + id + "/prevalidation", token, "").statusCode()).isEqualTo(200);
        String preEntryNo = json(get("/v1/declarations/" + id, token).body()).path("preEntryNo").asText();
        assertThat(get("/v1/declarations?type=DIRECT_RELEASE&preEntryNo=" + preEntryNo, token).statusCode()).isEqualTo(200);
        assertThat(get("/v1/declarations/" + id + "/print", token).statusCode()).isEqualTo(200);
        assertThat(getBytes("/v1/declarations/export?type=DIRECT_RELEASE", token).statusCode()).isEqualTo(200);
        String boundary = "----hnsw" + java.util.UUID.randomUUID();
        HttpResponse<String> notExcel = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        url("/v1/declarations/imports?declarationType=DIRECT_RELEASE")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"申报.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\na,b\r\n--" + boundary + "--\r\n")), token);
        assertThat(notExcel.statusCode()).isEqualTo(400);
        assertThat(post("/v1/declarations/batch-submission", token, Map.of("ids", List.of(id), "confirmWarnings", false))
                .statusCode()).isEqualTo(200);

        JsonNode log = json(get("/v1/system-logs/operation-log?actor=declarant-" + enterprise.substring(12)
                + "&action=" + java.net.URLEncoder.encode("/v1/declarations", java.nio.charset.StandardCharsets.UTF_8)
                + "&size=200", operatorToken()).body());
        List<String> actions = log.path("content").findValuesAsText("action");
        assertThat(actions).contains("POST /api/customs/v1/declarations", "POST /api/customs/v1/declarations/{id}/copies",
                "DELETE /api/customs/v1/declarations/{id}", "POST /api/customs/v1/declarations/{id}/prevalidation",
                "GET /api/customs/v1/declarations", "GET /api/customs/v1/declarations/{id}",
                "GET /api/customs/v1/declarations/{id}/print", "GET /api/customs/v1/declarations/export",
                "POST /api/customs/v1/declarations/imports", "POST /api/customs/v1/declarations/batch-submission");
        assertThat(actions).contains("POST /api/customs/v1/declarations/{id}/manifest-backfill");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_operation_log WHERE action = "
                + "'GET /api/customs/v1/direct-release/access' AND result = 'SUCCESS' AND actor_name = ?", Long.class,
                "declarant-" + enterprise.substring(12))).isPositive();
        assertThat(log.path("content").findValuesAsText("detail")).contains("HTTP 422");
        assertThat(log.path("content").findValuesAsText("businessId")).contains(id, copy);
        // 资质校验 of an enterprise without the qualification is logged as refused.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_operation_log WHERE action = "
                + "'GET /api/customs/v1/direct-release/access' AND result = 'FAILURE' AND detail = 'HTTP 403'", Long.class)).isPositive();
        assertThat(log.path("content").findValuesAsText("result")).contains("SUCCESS", "FAILURE");
        // An enterprise does not read the operation log.
        assertThat(get("/v1/system-logs/operation-log", token).statusCode()).isEqualTo(403);
        await("the technical receipt", () -> status(id).equals("SW_ACCEPTED"));
    }

    private JsonNode findingOf(JsonNode report, String ruleCode) {
        for (JsonNode f : report.path("findings")) {
            if (ruleCode.equals(f.path("ruleCode").asText())) {
                return f;
            }
        }
        throw new AssertionError(ruleCode + " not in " + report);
    }

    private String create(String enterprise) {
        HttpResponse<String> created = post("/v1/declarations", enterpriseToken(enterprise),
                request("DIRECT_RELEASE", header(enterprise), List.of(item(PET, "聚酯切片"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created.body()).path("declaration").path("id").asText();
    }

    private String status(String id) {
        return jdbc.queryForObject("SELECT status FROM customs_declaration WHERE id = ?::uuid", String.class, id);
    }
}
