package cn.hnsw.customs.declaration;

import cn.hnsw.customs.CustomsIntegrationTestBase;
import cn.hnsw.customs.CustomsTestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.hnsw.customs.declaration.DeclarationFixtures.directRelease;
import static org.assertj.core.api.Assertions.assertThat;

/** 径予放行 end to end: qualification gate, rules, sealed declaration, receipts, distribution to the sub-centre. */
class DirectReleaseDeclarationIT extends CustomsIntegrationTestBase {

    static final String PET = "3907610000";
    static final String ROBOT_PART = "8479909000";
    static final String BEER = "2203000000";

    @BeforeEach
    void referenceData() {
        for (String e : List.of(ENTERPRISE_A, ENTERPRISE_B)) {
            assertThat(put("/v1/zero-tariff/qualifications/" + e, operatorToken(), Map.of("enterpriseUscc", e,
                    "enterpriseName", "海南享惠企业" + e.substring(14), "validFrom", "2025-12-18", "revoked", false))
                    .statusCode()).isEqualTo(200);
        }
        put("/v1/zero-tariff/whitelist/" + PET, operatorToken(), Map.of("hsCode", PET, "nameZh", "聚对苯二甲酸乙二醇酯", "category", "原辅料"));
        put("/v1/zero-tariff/whitelist/" + ROBOT_PART, operatorToken(), Map.of("hsCode", ROBOT_PART, "nameZh", "机器零件", "category", "自用生产设备"));
        put("/v1/direct-release/levy-natures", operatorToken(), Map.of("codes", List.of("101")));
    }

    @Test
    void anEnterpriseWithoutQualificationIsKeptOutOfDirectRelease() {
        HttpResponse<String> access = get("/v1/direct-release/access", enterpriseToken(ENTERPRISE_UNQUALIFIED));
        assertThat(access.statusCode()).isEqualTo(403);
        assertThat(json(access.body()).path("code").asText()).isEqualTo("QUALIFICATION_MISSING");
        assertThat(json(access.body()).path("messageZh").asText()).isEqualTo("不具备享惠企业资质");

        long before = count();
        HttpResponse<String> create = post("/v1/declarations", enterpriseToken(ENTERPRISE_UNQUALIFIED),
                directRelease(ENTERPRISE_UNQUALIFIED, PET));
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(count()).isEqualTo(before);

        // 信息回传 (FP 75): the login sends back who logged in for which enterprise and its qualification.
        HttpResponse<String> allowed = get("/v1/direct-release/access", enterpriseToken(ENTERPRISE_A));
        assertThat(allowed.statusCode()).isEqualTo(200);
        JsonNode info = json(allowed.body());
        assertThat(info.path("allowed").asBoolean()).isTrue();
        assertThat(info.path("enterpriseUscc").asText()).isEqualTo(ENTERPRISE_A);
        assertThat(info.path("enterpriseName").asText()).isEqualTo("海南享惠企业" + ENTERPRISE_A.substring(14));
        assertThat(info.path("username").asText()).isEqualTo("declarant-" + ENTERPRISE_A.substring(12));
        assertThat(info.path("qualificationSource").asText()).isEqualTo("REFERENCE_DATA");
        assertThat(info.path("validFrom").asText()).isEqualTo("2025-12-18");
        assertThat(info.path("loggedInAt").asText()).isNotBlank();
    }

    @Test
    void aNonWhitelistItemIsRefusedOnSaveAndNothingIsStored() {
        long before = count();
        HttpResponse<String> refused = post("/v1/declarations", enterpriseToken(ENTERPRISE_A), directRelease(ENTERPRISE_A, PET, BEER));
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode problem = json(refused.body());
        assertThat(problem.path("code").asText()).isEqualTo("PREVALIDATION_FAILED");
        assertThat(problem.path("errors").get(0).path("messageZh").asText()).isEqualTo("该商品不在白名单范围。");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("items[1].hsCode");
        assertThat(count()).isEqualTo(before);

        HttpResponse<String> saved = post("/v1/declarations", enterpriseToken(ENTERPRISE_A), directRelease(ENTERPRISE_A, PET, ROBOT_PART));
        assertThat(saved.statusCode()).isEqualTo(201);
        JsonNode body = json(saved.body());
        assertThat(body.path("messageZh").asText()).isEqualTo("保存成功");
        JsonNode declaration = body.path("declaration");
        assertThat(declaration.path("status").asText()).isEqualTo("DRAFT");
        assertThat(declaration.path("preEntryNo").asText()).matches("64002\\d{3}1\\d{9}");
        assertThat(declaration.path("header").path("remark").asText()).isEqualTo("一线径予放行；放宽贸易管制货物");
    }

    @Test
    void grossWeightNotAboveNetWeightFailsPreValidationWithItsReason() {
        Map<String, Object> request = directRelease(ENTERPRISE_A, PET);
        @SuppressWarnings("unchecked") Map<String, Object> header = (Map<String, Object>) request.get("header");
        header.put("grossWeight", "5000");
        header.put("netWeight", "5200");
        String id = create(request);

        JsonNode report = json(post("/v1/declarations/" + id + "/prevalidation", enterpriseToken(ENTERPRISE_A), "").body());
        assertThat(report.path("passed").asBoolean()).isFalse();
        assertThat(report.path("rulesRun").asInt()).isGreaterThanOrEqualTo(9);
        assertThat(report.path("findings").findValuesAsText("messageZh")).contains("表头毛重须大于净重");
        assertThat(report.path("findings").findValuesAsText("family")).contains("GENERAL_BUSINESS");

        HttpResponse<String> submit = post("/v1/declarations/" + id + "/submission", enterpriseToken(ENTERPRISE_A), "");
        assertThat(submit.statusCode()).isEqualTo(422);
        assertThat(status(id)).isEqualTo("DRAFT");
        assertThat(PARTNER.declarations.stream().noneMatch(m -> m.path("declaration").path("id").asText().equals(id))).isTrue();
    }

    @Test
    void aLevyNatureOutsideDirectReleaseOnlyWarnsAndContinuesWhenConfirmed() {
        Map<String, Object> request = directRelease(ENTERPRISE_A, PET);
        @SuppressWarnings("unchecked") Map<String, Object> header = (Map<String, Object>) request.get("header");
        header.put("levyNature", "789");
        String id = create(request);

        JsonNode report = json(post("/v1/declarations/" + id + "/prevalidation", enterpriseToken(ENTERPRISE_A), "").body());
        assertThat(report.path("passed").asBoolean()).isTrue();
        assertThat(report.path("warningCount").asInt()).isEqualTo(1);
        assertThat(report.path("findings").get(0).path("messageZh").asText()).isEqualTo("此征免性质不适用于径予放行申报，是否继续。");

        HttpResponse<String> unconfirmed = post("/v1/declarations/" + id + "/submission", enterpriseToken(ENTERPRISE_A), "");
        assertThat(unconfirmed.statusCode()).isEqualTo(409);
        assertThat(json(unconfirmed.body()).path("code").asText()).isEqualTo("LEVY_NATURE_NOT_CONFIRMED");
        assertThat(status(id)).isEqualTo("DRAFT");

        HttpResponse<String> confirmed = post("/v1/declarations/" + id + "/submission?confirmWarnings=true", enterpriseToken(ENTERPRISE_A), "");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(json(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_A)).body()).path("header")
                .path("levyNatureConfirmed").asBoolean()).isTrue();
    }

    @Test
    void declaredSealedReceiptsComeBackAndTheSubCentreReceivesItOnce() {
        String id = create(directRelease(ENTERPRISE_A, PET, ROBOT_PART));
        HttpResponse<String> submitted = post("/v1/declarations/" + id + "/submission", enterpriseToken(ENTERPRISE_A), "");
        assertThat(submitted.statusCode()).isEqualTo(200);

        // The Single Window opened it with its own key (signed and encrypted by the platform) and answered sealed.
        await("the technical receipt", () -> status(id).equals("SW_ACCEPTED"));
        JsonNode sent = PARTNER.declarations.stream().filter(m -> m.path("declaration").path("id").asText().equals(id))
                .findFirst().orElseThrow();
        String conversation = sent.path("conversationId").asText();
        assertThat(sent.path("declaration").path("items").size()).isEqualTo(2);

        // A receipt id as long as the Single Window simulator's (SIM-<partner>-<message uuid>, 63 characters).
        String receiptId = "SIM-single-window-standard-" + UUID.randomUUID();
        HttpResponse<String> business = postBytes("/v1/receipts", PARTNER.businessReceipt(receiptId, conversation,
                "RELEASED", "640020261000012345"));
        assertThat(business.statusCode()).isEqualTo(200);
        assertThat(json(business.body()).path("applied").asBoolean()).isTrue();
        assertThat(status(id)).isEqualTo("RELEASED");

        await("the reception receipt of the sub-centre", () -> json(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_A)).body())
                .path("distributionStatus").asText().equals("DISTRIBUTED"));
        JsonNode receipts = json(get("/v1/declarations/" + id + "/receipts", enterpriseToken(ENTERPRISE_A)).body());
        assertThat(receipts.findValuesAsText("kind")).containsExactlyInAnyOrder("TECHNICAL", "BUSINESS", "RECEPTION");

        String preEntryNo = json(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_A)).body()).path("preEntryNo").asText();
        JsonNode found = json(get("/v1/subcentre/declarations?preEntryNo=" + preEntryNo, officerToken()).body());
        assertThat(found.path("totalElements").asInt()).isEqualTo(1);
        assertThat(found.path("content").get(0).path("status").asText()).isEqualTo("RELEASED");
        assertThat(found.path("content").get(0).path("customsNo").asText()).isEqualTo("640020261000012345");

        // A duplicated receipt changes nothing: same state, no new receipt, no second distribution.
        HttpResponse<String> again = postBytes("/v1/receipts", PARTNER.businessReceipt(receiptId, conversation,
                "ACCEPTED", "640020261000099999"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again.body()).path("duplicate").asBoolean()).isTrue();
        assertThat(status(id)).isEqualTo("RELEASED");
        assertThat(json(get("/v1/declarations/" + id + "/receipts", enterpriseToken(ENTERPRISE_A)).body()).size()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT receptions FROM subcentre_declaration WHERE pre_entry_no = ?", Integer.class, preEntryNo)).isEqualTo(1);

        // 补充下发: the operator distributes again; the sub-centre counts a second reception.
        assertThat(post("/v1/declarations/" + id + "/redistribution", operatorToken(), "").statusCode()).isEqualTo(200);
        await("the supplementary distribution", () -> jdbc.queryForObject(
                "SELECT receptions FROM subcentre_declaration WHERE pre_entry_no = ?", Integer.class, preEntryNo) == 2);
    }

    /**
     * 报关单数据项定制 (FP 226): an operator sets which header and item fields a direct-release declaration carries to the
     * Haikou sub-centre; the next distribution carries only those (and the item numbers), the sub-centre receives and
     * stores it; the HS code stays; only operators set it.
     */
    @Test
    void theSubCentreReceivesOnlyTheFieldsTheOperatorSet() {
        String path = "/v1/screen-configs/DIRECT_RELEASE/DISTRIBUTION";
        Map<String, Object> fields = Map.of("version", 0, "fields", List.of(
                Map.of("section", "HEADER", "field", "declareCustoms"), Map.of("section", "HEADER", "field", "billOfLadingNo"),
                Map.of("section", "HEADER", "field", "tradingCountry"), Map.of("section", "ITEM", "field", "hsCode"),
                Map.of("section", "ITEM", "field", "totalPrice")));
        assertThat(put(path, enterpriseToken(ENTERPRISE_A), fields).statusCode()).isEqualTo(403);
        HttpResponse<String> withoutHs = put(path, operatorToken(), Map.of("version", 0, "fields", List.of(
                Map.of("section", "HEADER", "field", "declareCustoms"))));
        assertThat(withoutHs.statusCode()).isEqualTo(400);
        assertThat(json(withoutHs.body()).path("code").asText()).isEqualTo("SCREEN_CONFIG_INVALID");
        int version = json(put(path, operatorToken(), fields).body()).path("version").asInt();
        try {
            String id = create(directRelease(ENTERPRISE_A, PET));
            assertThat(post("/v1/declarations/" + id + "/submission", enterpriseToken(ENTERPRISE_A), "").statusCode()).isEqualTo(200);
            await("the technical receipt", () -> status(id).equals("SW_ACCEPTED"));
            String conversation = PARTNER.declarations.stream().filter(m -> m.path("declaration").path("id").asText().equals(id))
                    .findFirst().orElseThrow().path("conversationId").asText();
            assertThat(postBytes("/v1/receipts", PARTNER.businessReceipt("SIM-single-window-standard-" + UUID.randomUUID(),
                    conversation, "RELEASED", "640020261000054321")).statusCode()).isEqualTo(200);
            await("the reception receipt of the sub-centre", () -> json(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_A))
                    .body()).path("distributionStatus").asText().equals("DISTRIBUTED"));
            String preEntryNo = json(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_A)).body()).path("preEntryNo").asText();
            JsonNode held = json(jdbc.queryForObject("SELECT document FROM subcentre_declaration WHERE pre_entry_no = ?", String.class,
                    preEntryNo));
            assertThat(held.path("declaration").path("header").path("billOfLadingNo").asText()).isNotBlank();
            assertThat(held.path("declaration").path("header").path("remark").asText(null)).isNull();
            assertThat(held.path("declaration").path("header").path("domesticTraderName").asText(null)).isNull();
            assertThat(held.path("declaration").path("items").get(0).path("hsCode").asText()).isEqualTo(PET);
            assertThat(held.path("declaration").path("items").get(0).path("name").asText(null)).isNull();
            // The enterprise's own declaration keeps every field.
            assertThat(json(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_A)).body()).path("header").path("remark")
                    .asText()).isNotBlank();
        } finally {
            delete(path + "?version=" + version, operatorToken());
        }
    }

    @Test
    void theSubCentreRefusesADistributionSignedWithAnUnknownKey() {
        byte[] forged = CustomsTestKeys.rogueSealer().seal("{\"messageType\":\"DIRECT_RELEASE_DISTRIBUTION\"}"
                .getBytes(StandardCharsets.UTF_8), CustomsTestKeys.ROGUE, CustomsTestKeys.PLATFORM).toJson();
        long before = jdbc.queryForObject("SELECT count(*) FROM subcentre_declaration", Long.class);
        HttpResponse<String> refused = postBytes("/v1/subcentre/distributions", forged);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused.body()).path("code").asText()).isEqualTo("UNKNOWN_SIGNER");
        assertThat(json(refused.body()).path("messageZh").asText()).isEqualTo("发送方密钥未登记，无法验签");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subcentre_declaration", Long.class)).isEqualTo(before);
    }

    @Test
    void aReceiptSignedByAnUnknownKeyOrForAnUnknownConversationChangesNothing() {
        byte[] forged = CustomsTestKeys.rogueSealer().seal("{}".getBytes(StandardCharsets.UTF_8), CustomsTestKeys.ROGUE,
                CustomsTestKeys.PLATFORM).toJson();
        assertThat(postBytes("/v1/receipts", forged).statusCode()).isEqualTo(401);
        HttpResponse<String> uncorrelated = postBytes("/v1/receipts", PARTNER.businessReceipt("R-X",
                UUID.randomUUID().toString(), "RELEASED", null));
        assertThat(uncorrelated.statusCode()).isEqualTo(404);
        assertThat(json(uncorrelated.body()).path("code").asText()).isEqualTo("RECEIPT_UNCORRELATED");
    }

    @Test
    void anotherEnterprisesDeclarationIsInvisibleAndOfficersSeeAll() {
        String id = create(directRelease(ENTERPRISE_A, PET));
        assertThat(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_A)).statusCode()).isEqualTo(200);
        HttpResponse<String> other = get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_B));
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(post("/v1/declarations/" + id + "/submission", enterpriseToken(ENTERPRISE_B), "").statusCode()).isEqualTo(404);
        assertThat(delete("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_B)).statusCode()).isEqualTo(404);
        JsonNode listB = json(get("/v1/declarations?size=200&enterprise=" + ENTERPRISE_A, enterpriseToken(ENTERPRISE_B)).body());
        assertThat(listB.path("content").findValuesAsText("id")).doesNotContain(id);
        JsonNode listOfficer = json(get("/v1/declarations?size=200&enterprise=" + ENTERPRISE_A, officerToken()).body());
        assertThat(listOfficer.path("content").findValuesAsText("id")).contains(id);
        // Officers read but do not enter declarations for an enterprise.
        assertThat(post("/v1/declarations/" + id + "/submission", officerToken(), "").statusCode()).isEqualTo(403);
        assertThat(status(id)).isEqualTo("DRAFT");
    }

    @Test
    void copyGetsANewPreEntryNumberAndDeleteRemovesADraft() {
        String id = create(directRelease(ENTERPRISE_A, PET));
        JsonNode original = json(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_A)).body());
        HttpResponse<String> copied = post("/v1/declarations/" + id + "/copies", enterpriseToken(ENTERPRISE_A), "");
        assertThat(copied.statusCode()).isEqualTo(201);
        JsonNode copy = json(copied.body()).path("declaration");
        assertThat(copy.path("preEntryNo").asText()).isNotEqualTo(original.path("preEntryNo").asText()).hasSize(18);
        assertThat(copy.path("items").size()).isEqualTo(1);

        assertThat(delete("/v1/declarations/" + copy.path("id").asText(), enterpriseToken(ENTERPRISE_A)).statusCode()).isEqualTo(200);
        assertThat(status(copy.path("id").asText())).isEqualTo("DELETED");
        assertThat(delete("/v1/declarations/" + copy.path("id").asText(), enterpriseToken(ENTERPRISE_A)).statusCode()).isEqualTo(404);
    }

    /**
     * 复制校验规则 / 删除校验规则设置 (FP 90, 103, 190): an operator narrows the states a direct-release declaration is
     * copied or deleted from; the next copy or delete of a draft is refused in both languages and nothing changes;
     * without the rules the draft is copied and deleted again. Bad rules and enterprises are refused.
     */
    @Test
    void theCopyAndDeleteCheckRulesOperatorsSetHoldADraftBack() {
        String id = create(directRelease(ENTERPRISE_A, PET));
        String rules = "/v1/declaration-action-rules/";
        assertThat(put(rules + "DELETE/DIRECT_RELEASE", enterpriseToken(ENTERPRISE_A), Map.of("statuses", List.of("SW_REJECTED"))).statusCode()).isEqualTo(403);
        HttpResponse<String> released = put(rules + "DELETE/DIRECT_RELEASE", operatorToken(), Map.of("statuses", List.of("RELEASED")));
        assertThat(released.statusCode()).isEqualTo(400);
        assertThat(json(released.body()).path("code").asText()).isEqualTo("ACTION_RULE_INVALID");
        assertThat(json(released.body()).path("messageEn").asText()).startsWith("Invalid copy/delete check rule");
        assertThat(put(rules + "COPY/DIRECT_RELEASE", operatorToken(), Map.of("statuses", List.of("NOPE"))).statusCode()).isEqualTo(400);
        try {
            assertThat(put(rules + "DELETE/DIRECT_RELEASE", operatorToken(), Map.of("statuses", List.of("SW_REJECTED", "RETURNED"))).statusCode()).isEqualTo(200);
            assertThat(put(rules + "COPY/DIRECT_RELEASE", operatorToken(), Map.of("statuses", List.of("RELEASED"))).statusCode()).isEqualTo(200);
            HttpResponse<String> copyRefused = post("/v1/declarations/" + id + "/copies", enterpriseToken(ENTERPRISE_A), "");
            assertThat(copyRefused.statusCode()).isEqualTo(409);
            assertThat(json(copyRefused.body()).path("code").asText()).isEqualTo("ACTION_RULE_REFUSED");
            assertThat(json(copyRefused.body()).path("messageZh").asText()).isEqualTo("按报关单复制校验规则，“暂存”状态的报关单不能复制");
            HttpResponse<String> deleteRefused = delete("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_A));
            assertThat(deleteRefused.statusCode()).isEqualTo(409);
            assertThat(json(deleteRefused.body()).path("messageEn").asText()).contains("state Draft");
            assertThat(status(id)).isEqualTo("DRAFT");
            // Another type is not held by them.
            assertThat(json(get("/v1/declaration-action-rules", officerToken()).body()).findValuesAsText("declarationType"))
                    .containsOnly("DIRECT_RELEASE");
        } finally {
            delete(rules + "DELETE/DIRECT_RELEASE", operatorToken());
            delete(rules + "COPY/DIRECT_RELEASE", operatorToken());
        }
        assertThat(post("/v1/declarations/" + id + "/copies", enterpriseToken(ENTERPRISE_A), "").statusCode()).isEqualTo(201);
        assertThat(delete("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_A)).statusCode()).isEqualTo(200);
        assertThat(json(get(rules + "DELETE/DIRECT_RELEASE/history", operatorToken()).body()).findValuesAsText("change"))
                .startsWith("DELETED", "SAVED");
    }

    @Test
    void batchDeclareSendsTheGoodOnesAndReportsTheRefusedOne() {
        String good1 = create(directRelease(ENTERPRISE_A, PET));
        String good2 = create(directRelease(ENTERPRISE_A, ROBOT_PART));
        Map<String, Object> bad = directRelease(ENTERPRISE_A, PET);
        @SuppressWarnings("unchecked") Map<String, Object> header = (Map<String, Object>) bad.get("header");
        header.put("tradingCountry", "XXX");
        String refused = create(bad);
        HttpResponse<String> batch = post("/v1/declarations/batch-submission", enterpriseToken(ENTERPRISE_A),
                Map.of("ids", List.of(good1, refused, good2), "confirmWarnings", false));
        assertThat(batch.statusCode()).isEqualTo(200);
        JsonNode results = json(batch.body());
        assertThat(results.get(0).path("submitted").asBoolean()).isTrue();
        assertThat(results.get(1).path("submitted").asBoolean()).isFalse();
        assertThat(results.get(1).path("code").asText()).isEqualTo("PREVALIDATION_FAILED");
        assertThat(results.get(1).path("messageZh").asText()).contains("不在通关参数表中");
        assertThat(results.get(2).path("submitted").asBoolean()).isTrue();
        await("both sent", () -> status(good1).equals("SW_ACCEPTED") && status(good2).equals("SW_ACCEPTED"));
        assertThat(status(refused)).isEqualTo("DRAFT");
    }

    @Test
    void theManifestBackFillsTheTransportData() {
        Map<String, Object> request = directRelease(ENTERPRISE_A, PET);
        @SuppressWarnings("unchecked") Map<String, Object> header = (Map<String, Object>) request.get("header");
        header.remove("packages");
        header.put("grossWeight", null);
        String id = create(request);
        HttpResponse<String> filled = post("/v1/declarations/" + id + "/manifest-backfill", enterpriseToken(ENTERPRISE_A), "");
        assertThat(filled.statusCode()).isEqualTo(200);
        JsonNode h = json(filled.body()).path("declaration").path("header");
        assertThat(h.path("packages").asInt()).isEqualTo(120);
        assertThat(h.path("grossWeight").decimalValue()).isEqualByComparingTo("5400.5");

        header.put("billOfLadingNo", "HNBL-NONE");
        String other = create(request);
        HttpResponse<String> missing = post("/v1/declarations/" + other + "/manifest-backfill", enterpriseToken(ENTERPRISE_A), "");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing.body()).path("code").asText()).isEqualTo("MANIFEST_NOT_FOUND");
    }

    /**
     * 报关单关联赋值数据项设置 / 错误信息处理 (FP 219, 224): the remark fill reads the operators' setting; a setting
     * that is not usable is refused in Chinese and English and changes nothing; an enterprise only reads it; the marker
     * rule of pre-validation follows a changed marker, so a declaration filled with it is declared.
     */
    @Test
    void theRemarkFillReadsTheOperatorsSettingAndAnUnusableSettingIsRefused() {
        JsonNode seeded = json(get("/v1/remark-fill-setting", enterpriseToken(ENTERPRISE_A)).body());
        assertThat(seeded.path("marker").asText()).isEqualTo("一线径予放行");
        assertThat(seeded.path("linkedAttribute").asText()).isEqualTo("HN01");
        assertThat(seeded.path("linkedMarker").asText()).isEqualTo("放宽贸易管制货物");
        Map<String, Object> changed = Map.of("marker", "海南一线径予放行", "linkedAttribute", "HN01", "linkedMarker", "放宽管制货物");
        assertThat(put("/v1/remark-fill-setting", enterpriseToken(ENTERPRISE_A), changed).statusCode()).isEqualTo(403);

        HttpResponse<String> unknown = put("/v1/remark-fill-setting", operatorToken(),
                Map.of("marker", "海南一线径予放行", "linkedAttribute", "ZZ99", "linkedMarker", "放宽管制货物"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown.body()).path("code").asText()).isEqualTo("REMARK_FILL_INVALID");
        assertThat(json(unknown.body()).path("messageZh").asText()).isEqualTo("备注自动赋值设置无效：货物属性“ZZ99”不在货物属性代码表中");
        assertThat(json(unknown.body()).path("messageEn").asText()).isEqualTo("Invalid remark auto-fill setting: goods attribute ZZ99 is not in the goods attribute code table");
        HttpResponse<String> semicolon = put("/v1/remark-fill-setting", operatorToken(),
                Map.of("marker", "一线；径予放行", "linkedAttribute", "HN01", "linkedMarker", "放宽管制货物"));
        assertThat(semicolon.statusCode()).isEqualTo(400);
        assertThat(json(semicolon.body()).path("messageEn").asText()).contains("no semicolon");
        HttpResponse<String> alone = put("/v1/remark-fill-setting", operatorToken(), Map.of("marker", "海南一线径予放行", "linkedAttribute", "HN01"));
        assertThat(alone.statusCode()).isEqualTo(400);
        assertThat(json(get("/v1/remark-fill-setting", operatorToken()).body()).path("version").asInt())
                .isEqualTo(seeded.path("version").asInt());

        try {
            HttpResponse<String> saved = put("/v1/remark-fill-setting", operatorToken(), changed);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            assertThat(json(saved.body()).path("version").asInt()).isEqualTo(seeded.path("version").asInt() + 1);

            String id = create(directRelease(ENTERPRISE_A, PET, ROBOT_PART));
            JsonNode header = json(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_A)).body()).path("header");
            assertThat(header.path("remark").asText()).isEqualTo("海南一线径予放行；放宽管制货物");
            HttpResponse<String> submitted = post("/v1/declarations/" + id + "/submission", enterpriseToken(ENTERPRISE_A), "");
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);

            JsonNode history = json(get("/v1/remark-fill-setting/history", operatorToken()).body());
            assertThat(history.get(0).path("marker").asText()).isEqualTo("海南一线径予放行");
            assertThat(history.get(0).path("changedBy").asText()).isEqualTo("ops.wang");
            assertThat(get("/v1/remark-fill-setting/history", enterpriseToken(ENTERPRISE_A)).statusCode()).isEqualTo(403);
        } finally {
            assertThat(put("/v1/remark-fill-setting", operatorToken(), Map.of("marker", "一线径予放行", "linkedAttribute", "HN01",
                    "linkedMarker", "放宽贸易管制货物")).statusCode()).isEqualTo(200);
        }
        String again = create(directRelease(ENTERPRISE_A, PET, ROBOT_PART));
        assertThat(json(get("/v1/declarations/" + again, enterpriseToken(ENTERPRISE_A)).body()).path("header").path("remark").asText())
                .isEqualTo("一线径予放行；放宽贸易管制货物");
        assertThat(jdbc.queryForObject("SELECT parameter FROM validation_rule WHERE code = 'BUSINESS-DIRECT-RELEASE-REMARK'", String.class))
                .isEqualTo("一线径予放行");
    }

    /**
     * 舱单数据选择 (FP 214): two manifest records match the bill of lading, vessel and voyage; the back-fill lists
     * them, refuses to pick one itself, refuses a choice not among them (nothing changes), and fills from the one the
     * declarant chose. Another enterprise sees neither the candidates nor the declaration.
     */
    @Test
    void severalMatchingManifestRecordsAreOfferedAndOnlyOneOfThemIsFilled() {
        Map<String, Object> request = directRelease(ENTERPRISE_A, PET);
        @SuppressWarnings("unchecked") Map<String, Object> header = (Map<String, Object>) request.get("header");
        header.put("billOfLadingNo", "HNBL2026110009");
        header.remove("packages");
        header.put("grossWeight", null);
        String id = create(request);

        HttpResponse<String> listed = get("/v1/declarations/" + id + "/manifest-candidates", enterpriseToken(ENTERPRISE_A));
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonNode candidates = json(listed.body());
        assertThat(candidates.size()).isEqualTo(2);
        assertThat(candidates.findValuesAsText("goodsDescription")).containsExactly("分票一", "分票二");
        String second = candidates.get(1).path("candidateId").asText();
        assertThat(second).isNotBlank().isNotEqualTo(candidates.get(0).path("candidateId").asText());
        assertThat(get("/v1/declarations/" + id + "/manifest-candidates", enterpriseToken(ENTERPRISE_B)).statusCode()).isEqualTo(404);

        HttpResponse<String> unchosen = post("/v1/declarations/" + id + "/manifest-backfill", enterpriseToken(ENTERPRISE_A), "");
        assertThat(unchosen.statusCode()).isEqualTo(409);
        assertThat(json(unchosen.body()).path("code").asText()).isEqualTo("MANIFEST_CHOICE_REQUIRED");
        assertThat(json(unchosen.body()).path("messageZh").asText()).isEqualTo("舱单系统中有2条匹配的舱单记录，请选择一条后回填");
        HttpResponse<String> foreign = post("/v1/declarations/" + id + "/manifest-backfill", enterpriseToken(ENTERPRISE_A),
                Map.of("candidateId", "0123456789abcdef"));
        assertThat(foreign.statusCode()).isEqualTo(422);
        assertThat(json(foreign.body()).path("code").asText()).isEqualTo("MANIFEST_CHOICE_INVALID");
        assertThat(json(foreign.body()).path("messageEn").asText()).isEqualTo("The chosen manifest record 0123456789abcdef is not among the matching records");
        JsonNode untouched = json(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_A)).body()).path("header");
        assertThat(untouched.path("packages").isNull() || untouched.path("packages").isMissingNode()).isTrue();

        HttpResponse<String> filled = post("/v1/declarations/" + id + "/manifest-backfill", enterpriseToken(ENTERPRISE_A),
                Map.of("candidateId", second));
        assertThat(filled.statusCode()).as(filled.body()).isEqualTo(200);
        JsonNode h = json(filled.body()).path("declaration").path("header");
        assertThat(h.path("packages").asInt()).isEqualTo(75);
        assertThat(h.path("grossWeight").decimalValue()).isEqualByComparingTo("2100.25");
        assertThat(post("/v1/declarations/" + id + "/manifest-backfill", enterpriseToken(ENTERPRISE_B),
                Map.of("candidateId", second)).statusCode()).isEqualTo(404);
    }

    private String create(Map<String, Object> request) {
        HttpResponse<String> response = post("/v1/declarations", enterpriseToken(ENTERPRISE_A), request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response.body()).path("declaration").path("id").asText();
    }

    private String status(String id) {
        return jdbc.queryForObject("SELECT status FROM customs_declaration WHERE id = ?::uuid", String.class, id);
    }

    private long count() {
        return jdbc.queryForObject("SELECT count(*) FROM customs_declaration", Long.class);
    }
}
