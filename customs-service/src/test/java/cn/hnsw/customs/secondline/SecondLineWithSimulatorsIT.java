package cn.hnsw.customs.secondline;

import cn.hnsw.customs.CustomsApiSupport;
import cn.hnsw.customs.validation.UnifiedSocialCreditCode;
import cn.hnsw.simulators.customs.CustomsSimulatorSettings;
import cn.hnsw.simulators.customs.VerificationListRecord;
import cn.hnsw.simulators.fault.Availability;
import cn.hnsw.simulators.fault.FaultService;
import cn.hnsw.simulators.fault.FaultSettings;
import cn.hnsw.simulators.harness.SimulatorKeys;
import cn.hnsw.simulators.harness.SimulatorsHarness;
import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.TestInfrastructureInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.hnsw.customs.declaration.DeclarationFixtures.directRelease;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The declaration system against the real partner simulators in this JVM (单一窗口标准版, H2018/金关二期, 舱单系统):
 * the receipt loop of a direct-release declaration, and the second line — verification lists pulled, checked, filled
 * into a declaration and written off; the consolidated declaration; the arrival report with its control, inspection,
 * vehicle and gate-pass receipts; subscriptions; the comprehensive query.
 */
class SecondLineWithSimulatorsIT extends CustomsApiSupport {

    static final SimulatorKeys KEYS = SimulatorKeys.of("single-window-standard", "customs-h2018", "manifest-system");
    static final SimulatorsHarness SIMULATORS = SimulatorsHarness.start(KEYS, Map.of(
            "hnsw.partners.client-id", "hnsw-svc-simulators",
            "hnsw.partners.client-secret", TestTokens.clientSecret("hnsw-svc-simulators"),
            "hnsw.simulators.customs.business-delay", "0ms",
            "hnsw.simulators.customs.credit-grades." + ENTERPRISE_B, "ADVANCED_CERTIFIED"),
            new TestInfrastructureInitializer());

    static final String PET = "3907610000";
    static final String ROBOT_PART = "8479909000";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Each test's lists get numbers of their own. */
    static final AtomicInteger LIST_SERIAL = new AtomicInteger(700);

    @DynamicPropertySource
    static void simulators(DynamicPropertyRegistry registry) {
        KEYS.platformProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("hnsw.partners.endpoint", SIMULATORS::partnerEndpoint);
        subCentreAndTimings(registry);
    }

    CustomsSimulatorSettings settings() {
        return SIMULATORS.context().getBean(CustomsSimulatorSettings.class);
    }

    @BeforeEach
    void simulatorsAnswerThisService() {
        settings().update(new CustomsSimulatorSettings.Behaviour(URI.create(url("/v1/receipts")), "RELEASED",
                "APPROVED", 0.0, "PASSED"));
        SIMULATORS.context().getBean(FaultService.class).change("customs-h2018", FaultSettings.HEALTHY, "test");
    }

    @AfterEach
    void healthy() {
        SIMULATORS.context().getBean(FaultService.class).change("customs-h2018", FaultSettings.HEALTHY, "test");
    }

    @Test
    void aDirectReleaseDeclarationGoesThroughTheSimulatorsAndItsReceiptsComeBackSealed() {
        assertThat(put("/v1/zero-tariff/qualifications/" + ENTERPRISE_A, operatorToken(), Map.of("enterpriseUscc",
                ENTERPRISE_A, "enterpriseName", "海南洋浦新材料科技有限公司", "validFrom", "2025-12-18", "revoked", false))
                .statusCode()).isEqualTo(200);
        put("/v1/zero-tariff/whitelist/" + PET, operatorToken(), Map.of("hsCode", PET, "nameZh", "聚对苯二甲酸乙二醇酯", "category", "原辅料"));
        put("/v1/direct-release/levy-natures", operatorToken(), Map.of("codes", List.of("101")));

        HttpResponse<String> created = post("/v1/declarations", enterpriseToken(ENTERPRISE_A), directRelease(ENTERPRISE_A, PET));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created.body()).path("declaration").path("id").asText();
        // Manifest back-fill from the manifest-system simulator's configured manifest.
        assertThat(post("/v1/declarations/" + id + "/manifest-backfill", enterpriseToken(ENTERPRISE_A), "").statusCode()).isEqualTo(200);
        assertThat(json(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_A)).body()).path("header")
                .path("packages").asInt()).isEqualTo(120);

        HttpResponse<String> submitted = post("/v1/declarations/" + id + "/submission", enterpriseToken(ENTERPRISE_A), "");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        await("the simulator's business receipt", () -> "RELEASED".equals(status(id)));
        await("the sub-centre's reception", () -> json(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_A)).body())
                .path("distributionStatus").asText().equals("DISTRIBUTED"));
        JsonNode receipts = json(get("/v1/declarations/" + id + "/receipts", enterpriseToken(ENTERPRISE_A)).body());
        assertThat(receipts.findValuesAsText("kind")).containsExactlyInAnyOrder("TECHNICAL", "BUSINESS", "RECEPTION");
        // 数据下发 日志处理 (FP 230): the distribution's send record — one sealed message to the sub-centre, delivered.
        await("the distribution's send record", () -> {
            List<JsonNode> distributions = new ArrayList<>();
            json(get("/v1/outbound-messages?declarationId=" + id, operatorToken()).body()).path("content").forEach(m -> {
                if ("DIRECT_RELEASE_DISTRIBUTION".equals(m.path("messageType").asText())) {
                    distributions.add(m);
                }
            });
            return distributions.size() == 1 && "haikou-data-subcentre".equals(distributions.getFirst().path("partner").asText())
                    && "SENT".equals(distributions.getFirst().path("status").asText())
                    && !distributions.getFirst().path("sealedMessageId").asText().isBlank();
        });
        assertThat(receipts.findValuesAsText("senderKeyId")).contains("single-window-standard");
        String customsNo = json(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_A)).body()).path("customsNo").asText();
        assertThat(customsNo).hasSize(18).startsWith("6400");
        // Another enterprise sees nothing of it.
        assertThat(get("/v1/declarations/" + id + "/receipts", enterpriseToken(ENTERPRISE_B)).statusCode()).isEqualTo(404);
    }

    @Test
    void aVerificationListIsPulledCheckedFilledIntoADeclarationAndWrittenOff() {
        LocalDate day = LocalDate.now(SHANGHAI).minusDays(2);
        String good = listNo();
        String bad = listNo();
        LocalDate shipped = day.minusDays(9);
        settings().put(shipped(domesticSale(good, ENTERPRISE_B, day, "0644", "1250", "1200",
                line(1, PET, "聚对苯二甲酸乙二醇酯切片", "1200", "8.5"), line(2, ROBOT_PART, "工业机器人零件", "10", "3000")), shipped));
        settings().put(domesticSale(bad, ENTERPRISE_B, day, "0644", "1000", "1200",
                line(1, "39076100", "聚酯切片", "100", "8.5")));

        // Pulling needs a list number or a short date range.
        HttpResponse<String> vague = post("/v1/second-line/verification-lists/pulls", enterpriseToken(ENTERPRISE_B), Map.of());
        assertThat(vague.statusCode()).isEqualTo(400);
        assertThat(json(vague.body()).path("code").asText()).isEqualTo("LIST_QUERY_INVALID");
        // Officers do not pull for an enterprise.
        assertThat(post("/v1/second-line/verification-lists/pulls", officerToken(), Map.of("listNo", good)).statusCode()).isEqualTo(403);

        JsonNode pulled = json(post("/v1/second-line/verification-lists/pulls", enterpriseToken(ENTERPRISE_B),
                Map.of("from", day.toString(), "to", day.toString())).body());
        assertThat(pulled.path("stored").asInt()).isGreaterThanOrEqualTo(2);
        Map<String, JsonNode> byNo = new HashMap<>();
        pulled.path("lists").forEach(l -> byNo.put(l.path("listNo").asText(), l));
        assertThat(byNo.get(good).path("status").asText()).isEqualTo("VALID");
        JsonNode invalid = byNo.get(bad);
        assertThat(invalid.path("status").asText()).isEqualTo("INVALID");
        assertThat(invalid.path("findings").findValuesAsText("code"))
                .containsExactlyInAnyOrder("LIST-BASIC-HS", "LIST-COMMODITY-WEIGHT");
        assertThat(invalid.path("findings").findValuesAsText("messageZh")).contains("商品编号须为10位数字", "清单毛重须大于净重");
        // Pulled again: held already, nothing stored twice.
        JsonNode again = json(post("/v1/second-line/verification-lists/pulls", enterpriseToken(ENTERPRISE_B),
                Map.of("listNo", good)).body());
        assertThat(again.path("stored").asInt()).isZero();
        assertThat(again.path("alreadyHeld").asInt()).isEqualTo(1);
        // 调取结果导出: the lists and the pull records, each enterprise its own.
        HttpResponse<byte[]> exported = getBytes("/v1/second-line/verification-lists/export", enterpriseToken(ENTERPRISE_B));
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(sheetColumn(exported.body(), "核注清单", 0)).contains(good, bad);
        assertThat(sheetColumn(exported.body(), "调取记录", 3)).contains(good);
        byte[] others = getBytes("/v1/second-line/verification-lists/export", enterpriseToken(ENTERPRISE_A)).body();
        assertThat(sheetColumn(others, "核注清单", 0)).doesNotContain(good, bad);
        assertThat(sheetColumn(others, "调取记录", 3)).doesNotContain(good);

        String goodId = byNo.get(good).path("id").asText();
        String badId = invalid.path("id").asText();
        HttpResponse<String> refused = post("/v1/second-line/verification-lists/" + badId + "/declaration", enterpriseToken(ENTERPRISE_B), "");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused.body()).path("code").asText()).isEqualTo("LIST_NOT_VALID");
        assertThat(json(refused.body()).path("messageZh").asText()).contains("商品编号须为10位数字");
        // Another enterprise neither sees the list nor fills from it.
        assertThat(get("/v1/second-line/verification-lists/" + goodId, enterpriseToken(ENTERPRISE_A)).statusCode()).isEqualTo(404);
        assertThat(post("/v1/second-line/verification-lists/" + goodId + "/declaration", enterpriseToken(ENTERPRISE_A), "").statusCode()).isEqualTo(404);

        HttpResponse<String> generated = post("/v1/second-line/verification-lists/" + goodId + "/declaration", enterpriseToken(ENTERPRISE_B), "");
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(201);
        JsonNode declaration = json(generated.body()).path("declaration");
        String id = declaration.path("id").asText();
        assertThat(declaration.path("declarationType").asText()).isEqualTo("SECOND_LINE_DOMESTIC_SALE");
        JsonNode header = declaration.path("header");
        assertThat(header.path("verificationListNo").asText()).isEqualTo(good);
        assertThat(header.path("ledgerNo").asText()).isEqualTo("T6400D26000002");
        assertThat(header.path("supervisionMode").asText()).isEqualTo("0644");
        assertThat(header.path("remark").asText()).isEqualTo("二线内销");
        assertThat(header.path("levyNature").asText()).isEqualTo("101");
        assertThat(declaration.path("items")).hasSize(2);
        assertThat(declaration.path("items").get(0).path("quantity").decimalValue()).isEqualByComparingTo("1200");
        assertThat(declaration.path("items").get(1).path("totalPrice").decimalValue()).isEqualByComparingTo("30000");
        // 发货日期统计 (FP 450): the shipping date H2018 gave with the list is the declaration's bucket; a declaration
        // filled from a list without one counts as not filled.
        JsonNode byShipping = json(get("/v1/second-line/statistics?dimension=SHIPPING_DATE&enterprise=" + ENTERPRISE_B
                + "&from=" + createdAt(id), officerToken()).body());
        assertThat(byShipping.path("nameZh").asText()).isEqualTo("发货日期");
        assertThat(byShipping.path("buckets").findValuesAsText("key")).containsExactly(shipped.toString());
        assertThat(byShipping.path("buckets").get(0).path("declarations").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT shipping_date FROM verification_list WHERE list_no = ?", LocalDate.class, bad)).isNull();

        // More than the list holds is refused with its own message, and nothing is written off.
        Map<String, Object> request = editable(declaration);
        itemsOf(request).get(0).put("quantity", "1500");
        itemsOf(request).get(0).put("totalPrice", "12750.00");
        assertThat(put("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_B), request).statusCode()).isEqualTo(200);
        HttpResponse<String> exceeded = post("/v1/declarations/" + id + "/submission", enterpriseToken(ENTERPRISE_B), "");
        assertThat(exceeded.statusCode()).as(exceeded.body()).isEqualTo(422);
        assertThat(json(exceeded.body()).path("code").asText()).isEqualTo("WRITE_OFF_EXCEEDED");
        assertThat(json(exceeded.body()).path("messageZh").asText()).isEqualTo("第1项商品（聚对苯二甲酸乙二醇酯切片）申报数量1500超过核注清单剩余可核扣数量1200");
        assertThat(writtenOff(goodId, 1)).isEqualByComparingTo("0");

        // Part of it: declared, written off on declaration (the DOMESTIC_SALE rule), the rest left for another one.
        itemsOf(request).get(0).put("quantity", "800");
        itemsOf(request).get(0).put("totalPrice", "6800.00");
        assertThat(put("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_B), request).statusCode()).isEqualTo(200);
        HttpResponse<String> declared = post("/v1/declarations/" + id + "/submission", enterpriseToken(ENTERPRISE_B), "");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
        assertThat(writtenOff(goodId, 1)).isEqualByComparingTo("800");
        assertThat(writtenOff(goodId, 2)).isEqualByComparingTo("10");
        await("the simulator's business receipt", () -> "RELEASED".equals(status(id)));
        // Only direct release goes to the Haikou sub-centre (R7).
        assertThat(json(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_B)).body()).path("distributionStatus").asText()).isEqualTo("NONE");

        JsonNode rest = json(post("/v1/second-line/verification-lists/" + goodId + "/declaration", enterpriseToken(ENTERPRISE_B), "").body());
        assertThat(rest.path("declaration").path("items")).hasSize(1);
        assertThat(rest.path("declaration").path("items").get(0).path("quantity").decimalValue()).isEqualByComparingTo("400");

        // The source down: the pull is refused with its own message and recorded as failed.
        SIMULATORS.context().getBean(FaultService.class).change("customs-h2018", new FaultSettings(0, 0, 0.0, null,
                Availability.OFFLINE, null, List.of()), "test");
        HttpResponse<String> down = post("/v1/second-line/verification-lists/pulls", enterpriseToken(ENTERPRISE_B), Map.of("listNo", good));
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(json(down.body()).path("code").asText()).isEqualTo("LIST_SOURCE_UNAVAILABLE");
        assertThat(json(get("/v1/second-line/verification-lists/pulls", enterpriseToken(ENTERPRISE_B)).body())
                .findValuesAsText("outcome")).contains("FAILED", "SUCCEEDED");
        // Every pull, refused or not, is in the operation log with its result.
        awaitLogged("POST /api/customs/v1/second-line/verification-lists/pulls", null, "SUCCESS");
        awaitLogged("POST /api/customs/v1/second-line/verification-lists/pulls", null, "FAILURE");
    }

    /**
     * 核注清单校验 per family (FP 271–278, 1012–1019): lists H2018 holds with one defect each are pulled sealed through
     * the simulator, and each is held INVALID with the finding of its own family only; none fills a domestic-sale or a
     * second-line general declaration. A list of another enterprise is never pulled (申报权限).
     */
    @Test
    void listsWithOneDefectEachArePulledAndEachFailsTheCheckOfItsOwnFamily() {
        LocalDate day = LocalDate.now(SHANGHAI).minusDays(6);
        Map<String, String> defect = new HashMap<>();
        String zeroQuantity = listNo();
        settings().put(domesticSale(zeroQuantity, ENTERPRISE_B, day, "0644", "130", "120", line(1, PET, "聚酯切片", "0", "8.5")));
        defect.put(zeroQuantity, "GENERAL_BUSINESS");
        String badCurrency = listNo();
        settings().put(domesticSale(badCurrency, ENTERPRISE_B, day, "0644", "130", "120", withCurrencyAndOrigin(line(1, PET, "聚酯切片", "10", "8.5"), "XYZ", "CHN")));
        defect.put(badCurrency, "TAX");
        String badOrigin = listNo();
        settings().put(domesticSale(badOrigin, ENTERPRISE_B, day, "0644", "130", "120", withCurrencyAndOrigin(line(1, PET, "聚酯切片", "10", "8.5"), "CNY", "QQQ")));
        defect.put(badOrigin, "INSPECTION");
        String badMode = listNo();
        settings().put(domesticSale(badMode, ENTERPRISE_B, day, "0200", "130", "120", line(1, PET, "聚酯切片", "10", "8.5")));
        defect.put(badMode, "LICENSE");
        String heavyNet = listNo();
        settings().put(domesticSale(heavyNet, ENTERPRISE_B, day, "0644", "100", "120", line(1, PET, "聚酯切片", "10", "8.5")));
        defect.put(heavyNet, "SPECIFIC_COMMODITY");
        String noLedger = listNo();
        VerificationListRecord withLedger = domesticSale(noLedger, ENTERPRISE_B, day, "0644", "130", "120", line(1, PET, "聚酯切片", "10", "8.5"));
        settings().put(new VerificationListRecord(noLedger, withLedger.listType(), ENTERPRISE_B, withLedger.enterpriseName(), null,
                withLedger.importExport(), withLedger.supervisionMode(), withLedger.transportMode(), withLedger.declareCustoms(),
                withLedger.entryExitCustoms(), withLedger.tradingCountry(), withLedger.grossWeight(), withLedger.netWeight(),
                withLedger.packages(), day, null, withLedger.items()));
        defect.put(noLedger, "RELATED_DOCUMENTS");
        String othersList = listNo();
        settings().put(domesticSale(othersList, ENTERPRISE_A, day, "0644", "130", "120", line(1, PET, "聚酯切片", "10", "8.5")));

        JsonNode pulled = json(post("/v1/second-line/verification-lists/pulls", enterpriseToken(ENTERPRISE_B),
                Map.of("from", day.toString(), "to", day.toString())).body());
        Map<String, JsonNode> byNo = new HashMap<>();
        pulled.path("lists").forEach(l -> byNo.put(l.path("listNo").asText(), l));
        assertThat(byNo).containsKeys(defect.keySet().toArray(String[]::new)).doesNotContainKey(othersList);
        defect.forEach((no, family) -> {
            JsonNode list = byNo.get(no);
            assertThat(list.path("status").asText()).as(no).isEqualTo("INVALID");
            List<String> families = new ArrayList<>(list.path("findings").findValuesAsText("family"));
            // A list whose every line has nothing left is also written off completely (特定业务检查).
            if (no.equals(zeroQuantity)) {
                assertThat(families).as(no).containsExactlyInAnyOrder("GENERAL_BUSINESS", "SPECIFIC_BUSINESS");
            } else {
                assertThat(families).as(no).containsExactly(family);
            }
            for (String type : List.of("SECOND_LINE_DOMESTIC_SALE", "SECOND_LINE_GENERAL")) {
                HttpResponse<String> refused = post("/v1/second-line/verification-lists/" + list.path("id").asText()
                        + "/declaration?type=" + type, enterpriseToken(ENTERPRISE_B), "");
                assertThat(refused.statusCode()).as(no + " " + type).isEqualTo(409);
                // Nothing left to write off is refused as such before the findings are read.
                assertThat(json(refused.body()).path("code").asText()).as(no + " " + type)
                        .isEqualTo(no.equals(zeroQuantity) ? "LIST_EXHAUSTED" : "LIST_NOT_VALID");
            }
        });
        assertThat(byNo.get(badCurrency).path("findings").findValuesAsText("messageZh")).containsExactly("币制代码不在通关参数表中");
        assertThat(byNo.get(badMode).path("findings").findValuesAsText("messageZh")).containsExactly("监管方式不适用于二线内销");
        assertThat(byNo.get(noLedger).path("findings").findValuesAsText("messageEn")).containsExactly("The verification list names no ledger");
        // 核注清单申报权限: A's list is not B's to pull, by number either; A pulls it and it is valid.
        JsonNode byNumber = json(post("/v1/second-line/verification-lists/pulls", enterpriseToken(ENTERPRISE_B),
                Map.of("listNo", othersList)).body());
        assertThat(byNumber.path("stored").asInt()).isZero();
        assertThat(byNumber.path("lists").size()).isZero();
        JsonNode own = json(post("/v1/second-line/verification-lists/pulls", enterpriseToken(ENTERPRISE_A),
                Map.of("listNo", othersList)).body());
        assertThat(own.path("lists").get(0).path("status").asText()).isEqualTo("VALID");
    }

    @Test
    void lastMonthsDistributionListsAreConsolidatedApprovedAndDeclaredAndTheirReleaseWritesThemOff() {
        YearMonth last = YearMonth.now(SHANGHAI).minusMonths(1);
        String first = listNo();
        String second = listNo();
        String ledger = "T6400D26000" + String.format("%03d", LIST_SERIAL.incrementAndGet() % 1000);
        settings().put(distribution(first, ENTERPRISE_A, ledger, last.atDay(3), line(1, PET, "聚对苯二甲酸乙二醇酯切片", "300", "8.5")));
        settings().put(distribution(second, ENTERPRISE_A, ledger, last.atDay(17), line(1, PET, "聚对苯二甲酸乙二醇酯切片", "200", "8.5"),
                line(2, ROBOT_PART, "工业机器人零件", "2", "3000")));
        JsonNode pulled = json(post("/v1/second-line/verification-lists/pulls", enterpriseToken(ENTERPRISE_A),
                Map.of("from", last.atDay(1).toString(), "to", last.atEndOfMonth().toString())).body());
        assertThat(pulled.path("lists").findValuesAsText("listNo")).contains(first, second);
        String firstId = idOf(pulled, first);
        // A distribution list is declared through the consolidated declaration only.
        assertThat(json(post("/v1/second-line/verification-lists/" + firstId + "/declaration", enterpriseToken(ENTERPRISE_A), "").body())
                .path("code").asText()).isEqualTo("LIST_NOT_DOMESTIC_SALE");

        HttpResponse<String> thisMonth = post("/v1/second-line/consolidated-lists", enterpriseToken(ENTERPRISE_A),
                Map.of("period", YearMonth.now(SHANGHAI).toString(), "ledgerNo", ledger));
        assertThat(thisMonth.statusCode()).isEqualTo(400);
        assertThat(json(thisMonth.body()).path("code").asText()).isEqualTo("PERIOD_INVALID");

        HttpResponse<String> built = post("/v1/second-line/consolidated-lists", enterpriseToken(ENTERPRISE_A), Map.of("ledgerNo", ledger));
        assertThat(built.statusCode()).as(built.body()).isEqualTo(201);
        JsonNode consolidated = json(built.body());
        String id = consolidated.path("id").asText();
        assertThat(consolidated.path("period").asText()).isEqualTo(last.toString());
        assertThat(consolidated.path("sourceLists")).hasSize(2);
        assertThat(consolidated.path("items")).hasSize(2);
        assertThat(consolidated.path("items").get(0).path("quantity").decimalValue()).isEqualByComparingTo("500");
        assertThat(consolidated.path("items").get(0).path("sourceLists").asInt()).isEqualTo(2);

        HttpResponse<String> twice = post("/v1/second-line/consolidated-lists", enterpriseToken(ENTERPRISE_A), Map.of("ledgerNo", ledger));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(json(twice.body()).path("code").asText()).isEqualTo("CONSOLIDATED_EXISTS");
        HttpResponse<String> early = post("/v1/second-line/consolidated-lists/" + id + "/declaration", enterpriseToken(ENTERPRISE_A), "");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(json(early.body()).path("code").asText()).isEqualTo("CONSOLIDATED_STATE");
        assertThat(get("/v1/second-line/consolidated-lists/" + id, enterpriseToken(ENTERPRISE_B)).statusCode()).isEqualTo(404);

        assertThat(post("/v1/second-line/consolidated-lists/" + id + "/submission", enterpriseToken(ENTERPRISE_A), "").statusCode()).isEqualTo(200);
        await("the consolidated list's approval", () -> "APPROVED".equals(json(get("/v1/second-line/consolidated-lists/" + id,
                enterpriseToken(ENTERPRISE_A)).body()).path("consolidated").path("status").asText()));
        JsonNode detail = json(get("/v1/second-line/consolidated-lists/" + id, enterpriseToken(ENTERPRISE_A)).body());
        assertThat(detail.path("consolidated").path("approvalNo").asText()).startsWith("SP");
        assertThat(detail.path("receipts").findValuesAsText("kind")).contains("TECHNICAL", "CONSOLIDATED_LIST");

        HttpResponse<String> declared = post("/v1/second-line/consolidated-lists/" + id + "/declaration", enterpriseToken(ENTERPRISE_A), "");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
        String declarationId = json(declared.body()).path("declarationId").asText();
        await("the consolidated declaration's release", () -> "RELEASED".equals(status(declarationId)));
        JsonNode document = json(get("/v1/declarations/" + declarationId, enterpriseToken(ENTERPRISE_A)).body());
        assertThat(document.path("declarationType").asText()).isEqualTo("CONSOLIDATED");
        assertThat(document.path("header").path("verificationListNo").asText()).isEqualTo(consolidated.path("consolidatedNo").asText());
        await("the source lists written off", () -> "WRITTEN_OFF".equals(json(get("/v1/second-line/verification-lists/" + firstId,
                enterpriseToken(ENTERPRISE_A)).body()).path("status").asText()));
        assertThat(writtenOff(idOf(pulled, second), 2)).isEqualByComparingTo("2");
    }

    @Test
    void theSiteOperatorsArrivalReportTriggersControlAndInspectionAndItsReceiptsComeBackAndAreSubscribed() {
        String operator = UnifiedSocialCreditCode.complete("91460100MA5T0099" + "Q");
        String site = "HKZB" + LIST_SERIAL.incrementAndGet();
        assertThat(put("/v1/second-line/sites/" + site, enterpriseToken(operator), site(site, operator)).statusCode()).isEqualTo(403);
        assertThat(put("/v1/second-line/sites/" + site, operatorToken(), site(site, operator)).statusCode()).isEqualTo(200);

        // The goods' enterprise subscribes to arrival receipts (a year at most, not twice).
        String today = LocalDate.now(SHANGHAI).toString();
        HttpResponse<String> tooLong = post("/v1/second-line/subscriptions", enterpriseToken(ENTERPRISE_B), Map.of(
                "content", "ARRIVAL_RECEIPTS", "validFrom", today, "validTo", LocalDate.now(SHANGHAI).plusYears(2).toString()));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong.body()).path("code").asText()).isEqualTo("SUBSCRIPTION_PERIOD_INVALID");
        cancelActive(ENTERPRISE_B);
        HttpResponse<String> subscribed = post("/v1/second-line/subscriptions", enterpriseToken(ENTERPRISE_B), Map.of(
                "content", "ARRIVAL_RECEIPTS", "validFrom", today, "validTo", LocalDate.now(SHANGHAI).plusDays(30).toString()));
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        String subscription = json(subscribed.body()).path("id").asText();
        assertThat(post("/v1/second-line/subscriptions", enterpriseToken(ENTERPRISE_B), Map.of("content", "ARRIVAL_RECEIPTS",
                "validFrom", today, "validTo", today)).statusCode()).isEqualTo(409);

        // A declared second-line declaration of enterprise B, from a list of its own.
        String list = listNo();
        settings().put(domesticSale(list, ENTERPRISE_B, LocalDate.now(SHANGHAI).minusDays(1), "0644", "60", "50",
                line(1, PET, "聚对苯二甲酸乙二醇酯切片", "50", "8.5")));
        String listId = json(post("/v1/second-line/verification-lists/pulls", enterpriseToken(ENTERPRISE_B), Map.of("listNo", list)).body())
                .path("lists").get(0).path("id").asText();
        String declarationId = json(post("/v1/second-line/verification-lists/" + listId + "/declaration", enterpriseToken(ENTERPRISE_B), "").body())
                .path("declaration").path("id").asText();
        String preEntryNo = json(get("/v1/declarations/" + declarationId, enterpriseToken(ENTERPRISE_B)).body()).path("preEntryNo").asText();
        Map<String, Object> arrival = new HashMap<>(Map.of("siteCode", site, "preEntryNo", preEntryNo, "vehiclePlate", "琼A12345",
                "containerNo", "TGHU1234567", "gateCode", "HK-2"));

        // Only the site's operator files, with a real plate, for a declaration that exists and was declared.
        HttpResponse<String> notOperator = post("/v1/second-line/arrival-reports", enterpriseToken(ENTERPRISE_B), arrival);
        assertThat(notOperator.statusCode()).isEqualTo(403);
        assertThat(json(notOperator.body()).path("messageZh").asText()).isEqualTo("仅监管作业场所经营人可办理该场所的运抵申报");
        Map<String, Object> badPlate = new HashMap<>(arrival);
        badPlate.put("vehiclePlate", "XX-1");
        HttpResponse<String> plate = post("/v1/second-line/arrival-reports", enterpriseToken(operator), badPlate);
        assertThat(plate.statusCode()).isEqualTo(400);
        assertThat(json(plate.body()).path("code").asText()).isEqualTo("VEHICLE_PLATE_INVALID");
        Map<String, Object> unknown = new HashMap<>(arrival);
        unknown.put("preEntryNo", "640020269999999999");
        assertThat(json(post("/v1/second-line/arrival-reports", enterpriseToken(operator), unknown).body()).path("code").asText())
                .isEqualTo("ARRIVAL_SUBJECT_NOT_FOUND");

        HttpResponse<String> created = post("/v1/second-line/arrival-reports", enterpriseToken(operator), arrival);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String reportId = json(created.body()).path("id").asText();
        assertThat(json(created.body()).path("status").asText()).isEqualTo("DRAFT");
        HttpResponse<String> undeclared = post("/v1/second-line/arrival-reports/" + reportId + "/declaration", enterpriseToken(operator), "");
        assertThat(undeclared.statusCode()).isEqualTo(409);
        assertThat(json(undeclared.body()).path("code").asText()).isEqualTo("ARRIVAL_SUBJECT_NOT_DECLARED");

        assertThat(post("/v1/declarations/" + declarationId + "/submission", enterpriseToken(ENTERPRISE_B), "").statusCode()).isEqualTo(200);
        // Customs inspects every arrival now, and the inspection passes.
        settings().update(new CustomsSimulatorSettings.Behaviour(URI.create(url("/v1/receipts")), "RELEASED", "APPROVED", 1.0, "PASSED"));
        HttpResponse<String> declared = post("/v1/second-line/arrival-reports/" + reportId + "/declaration", enterpriseToken(operator), "");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
        await("the gate pass", () -> "RELEASED".equals(json(get("/v1/second-line/arrival-reports/" + reportId,
                enterpriseToken(operator)).body()).path("report").path("status").asText()));
        JsonNode report = json(get("/v1/second-line/arrival-reports/" + reportId, enterpriseToken(ENTERPRISE_B)).body());
        assertThat(report.path("report").path("controlDecision").asText()).isEqualTo("INSPECT");
        assertThat(report.path("report").path("inspectionResult").asText()).isEqualTo("PASSED");
        assertThat(report.path("report").path("vehicleStatus").asText()).isEqualTo("RELEASED");
        assertThat(report.path("report").path("gatePassNo").asText()).startsWith("HF");
        assertThat(report.path("receipts").findValuesAsText("kind")).contains("TECHNICAL", "ARRIVAL_CONTROL",
                "ARRIVAL_INSPECTION", "ARRIVAL_VEHICLE", "ARRIVAL_GATE_PASS");
        // Neither another enterprise nor a second declaration of the same report.
        assertThat(get("/v1/second-line/arrival-reports/" + reportId, enterpriseToken(ENTERPRISE_A)).statusCode()).isEqualTo(404);
        assertThat(post("/v1/second-line/arrival-reports/" + reportId + "/declaration", enterpriseToken(operator), "").statusCode()).isEqualTo(409);

        // The subscription received the four receipts, once each.
        JsonNode deliveries = json(get("/v1/second-line/subscriptions/" + subscription + "/deliveries", enterpriseToken(ENTERPRISE_B)).body());
        assertThat(deliveries.findValuesAsText("sourceKey")).hasSize(4).allMatch(k -> k.startsWith("ARRIVAL_"));
        // Converted to the subscriber's JSON (订阅数据格式转换) and stored once per receipt; the monitor counts them.
        JsonNode payload = json(deliveries.get(0).path("payload").asText());
        assertThat(payload.path("preEntryNo").asText()).isEqualTo(preEntryNo);
        assertThat(payload.path("kind").asText()).startsWith("ARRIVAL_");
        JsonNode monitor = json(get("/v1/second-line/subscriptions/" + subscription + "/monitor", enterpriseToken(ENTERPRISE_B)).body());
        assertThat(monitor.path("receivingToday").asBoolean()).isTrue();
        assertThat(monitor.path("deliveries").asLong()).isEqualTo(4);
        assertThat(monitor.path("lastSourceKey").asText()).startsWith("ARRIVAL_");
        assertThat(json(get("/v1/second-line/subscriptions/" + subscription + "/monitor", officerToken()).body())
                .path("deliveries").asLong()).isEqualTo(4);
        assertThat(get("/v1/second-line/subscriptions/" + subscription + "/monitor", enterpriseToken(ENTERPRISE_A)).statusCode()).isEqualTo(404);
        assertThat(get("/v1/second-line/subscriptions/" + subscription + "/deliveries", enterpriseToken(ENTERPRISE_A)).statusCode()).isEqualTo(404);
        // Extended (later, within a year), then cancelled once.
        HttpResponse<String> shorter = post("/v1/second-line/subscriptions/" + subscription + "/extension", enterpriseToken(ENTERPRISE_B),
                Map.of("validTo", today));
        assertThat(json(shorter.body()).path("code").asText()).isEqualTo("SUBSCRIPTION_EXTENSION_INVALID");
        JsonNode extended = json(post("/v1/second-line/subscriptions/" + subscription + "/extension", enterpriseToken(ENTERPRISE_B),
                Map.of("validTo", LocalDate.now(SHANGHAI).plusDays(90).toString())).body());
        assertThat(extended.path("extensions").asInt()).isEqualTo(1);
        assertThat(json(post("/v1/second-line/subscriptions/" + subscription + "/cancellation", enterpriseToken(ENTERPRISE_B), "").body())
                .path("status").asText()).isEqualTo("CANCELLED");
        assertThat(post("/v1/second-line/subscriptions/" + subscription + "/cancellation", enterpriseToken(ENTERPRISE_B), "").statusCode()).isEqualTo(409);
        JsonNode cancelled = json(get("/v1/second-line/subscriptions/" + subscription + "/monitor", enterpriseToken(ENTERPRISE_B)).body());
        assertThat(cancelled.path("receivingToday").asBoolean()).isFalse();
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        awaitLogged("POST /api/customs/v1/second-line/subscriptions/{id}/cancellation", subscription, "SUCCESS");
        awaitLogged("POST /api/customs/v1/second-line/subscriptions/{id}/cancellation", subscription, "FAILURE");

        // The comprehensive query: the declaration with its list write-off and its arrival; B's own, officers all.
        JsonNode own = json(get("/v1/second-line/query?preEntryNo=" + preEntryNo, enterpriseToken(ENTERPRISE_B)).body());
        assertThat(own.path("totalElements").asInt()).isEqualTo(1);
        JsonNode row = own.path("content").get(0);
        assertThat(row.path("verificationListNo").asText()).isEqualTo(list);
        assertThat(row.path("listWrittenOff").decimalValue()).isEqualByComparingTo("50");
        assertThat(row.path("arrivalStatus").asText()).isEqualTo("RELEASED");
        assertThat(row.path("controlDecision").asText()).isEqualTo("INSPECT");
        assertThat(json(get("/v1/second-line/query?preEntryNo=" + preEntryNo, enterpriseToken(ENTERPRISE_A)).body())
                .path("totalElements").asInt()).isZero();
        assertThat(json(get("/v1/second-line/query?arrivalStatus=RELEASED&preEntryNo=" + preEntryNo, officerToken()).body())
                .path("totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void aListAlsoFillsASecondLineGeneralDeclarationWrittenOffTheSameWay() {
        String no = listNo();
        settings().put(domesticSale(no, ENTERPRISE_B, LocalDate.now(SHANGHAI).minusDays(3), "0644", "130", "120",
                line(1, ROBOT_PART, "工业机器人零件", "4", "3000")));
        String listId = json(post("/v1/second-line/verification-lists/pulls", enterpriseToken(ENTERPRISE_B), Map.of("listNo", no)).body())
                .path("lists").get(0).path("id").asText();
        HttpResponse<String> wrongType = post("/v1/second-line/verification-lists/" + listId + "/declaration?type=DIRECT_RELEASE",
                enterpriseToken(ENTERPRISE_B), "");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType.body()).path("code").asText()).isEqualTo("LIST_DECLARATION_TYPE_INVALID");

        HttpResponse<String> generated = post("/v1/second-line/verification-lists/" + listId + "/declaration?type=SECOND_LINE_GENERAL",
                enterpriseToken(ENTERPRISE_B), "");
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(201);
        JsonNode declaration = json(generated.body()).path("declaration");
        assertThat(declaration.path("declarationType").asText()).isEqualTo("SECOND_LINE_GENERAL");
        assertThat(declaration.path("header").path("remark").asText()).isEqualTo("二线一般报关");
        assertThat(declaration.path("header").path("verificationListNo").asText()).isEqualTo(no);
        String id = declaration.path("id").asText();
        // Customs accepts (and has not yet released) it, so it can still be withdrawn.
        settings().update(new CustomsSimulatorSettings.Behaviour(URI.create(url("/v1/receipts")), "ACCEPTED", "APPROVED", 0.0, "PASSED"));
        HttpResponse<String> declared = post("/v1/declarations/" + id + "/submission", enterpriseToken(ENTERPRISE_B), "");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
        assertThat(writtenOff(listId, 1)).isEqualByComparingTo("4");
        await("the simulator's business receipt", () -> "ACCEPTED".equals(status(id)));
        // 税费 (FP 454): H2018's business receipt carried the duty and VAT of the item; the statistics add them up.
        java.math.BigDecimal taxes = jdbc.queryForObject(
                "SELECT sum(total) FROM declaration_item_tax WHERE declaration_id = ?::uuid AND total = duty + vat", java.math.BigDecimal.class, id);
        assertThat(taxes).isPositive();
        JsonNode counted = json(get("/v1/second-line/statistics?dimension=STATUS&enterprise=" + ENTERPRISE_B + "&from="
                + createdAt(id), officerToken()).body());
        assertThat(counted.path("buckets").get(0).path("taxes").decimalValue()).isEqualByComparingTo(taxes);
        // Written off completely: the list is done, and nothing more can be filled from it.
        assertThat(json(get("/v1/second-line/verification-lists/" + listId, enterpriseToken(ENTERPRISE_B)).body()).path("status").asText())
                .isEqualTo("WRITTEN_OFF");
        HttpResponse<String> exhausted = post("/v1/second-line/verification-lists/" + listId + "/declaration", enterpriseToken(ENTERPRISE_B), "");
        assertThat(exhausted.statusCode()).isEqualTo(409);
        assertThat(json(exhausted.body()).path("code").asText()).isEqualTo("LIST_EXHAUSTED");
        // Withdrawn: the quantity comes back and the list can be declared again.
        assertThat(post("/v1/declarations/" + id + "/withdrawal", enterpriseToken(ENTERPRISE_B), "").statusCode()).isEqualTo(200);
        assertThat(writtenOff(listId, 1)).isEqualByComparingTo("0");
        assertThat(json(get("/v1/second-line/verification-lists/" + listId, enterpriseToken(ENTERPRISE_B)).body()).path("status").asText())
                .isEqualTo("VALID");
        // 客户信用等级: B's grade as the simulated Single Window holds it, asked sealed and kept.
        JsonNode byGrade = json(get("/v1/second-line/statistics?dimension=CREDIT_GRADE&enterprise=" + ENTERPRISE_B,
                officerToken()).body());
        assertThat(byGrade.path("buckets").findValuesAsText("key")).containsExactly("ADVANCED_CERTIFIED");
        assertThat(jdbc.queryForObject("SELECT source FROM enterprise_credit_grade WHERE enterprise_uscc = ?", String.class,
                ENTERPRISE_B)).isEqualTo("single-window-standard");
    }

    @Test
    @SuppressWarnings("unchecked")
    void officersKeepTheChecksTheFillRulesAndTheWriteOffRulesAndEnterprisesDoNot() {
        Map<String, Object> off = new HashMap<>();
        off.put("enabled", false);
        assertThat(put("/v1/second-line/rules/checks/LIST-COMMODITY-WEIGHT", enterpriseToken(ENTERPRISE_B), off).statusCode()).isEqualTo(403);
        Map<String, Object> contract = new HashMap<>(Map.of("scope", "HEADER", "targetField", "contractNo", "constant", "HT-2L-2026",
                "onlyIfBlank", false, "enabled", true, "sort", 150, "descriptionZh", "合同协议号默认", "descriptionEn", "Default contract number"));
        Map<String, Object> wrong = new HashMap<>(contract);
        wrong.put("targetField", "noSuchField");
        HttpResponse<String> invalid = put("/v1/second-line/rules/fill/H-WRONG", officerToken(), wrong);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid.body()).path("code").asText()).isEqualTo("FILL_RULE_INVALID");
        try {
            JsonNode changed = json(put("/v1/second-line/rules/checks/LIST-COMMODITY-WEIGHT", officerToken(), off).body());
            assertThat(changed.path("enabled").asBoolean()).isFalse();
            assertThat(changed.path("version").asInt()).isGreaterThan(1);
            // Who changed which rule, and who was refused, is in the operation log.
            awaitLogged("PUT /api/customs/v1/second-line/rules/checks/{code}", "LIST-COMMODITY-WEIGHT", "SUCCESS");
            awaitLogged("PUT /api/customs/v1/second-line/rules/checks/{code}", "LIST-COMMODITY-WEIGHT", "FAILURE");
            assertThat(put("/v1/second-line/rules/fill/H-CONTRACT", officerToken(), contract).statusCode()).isEqualTo(200);
            assertThat(put("/v1/second-line/rules/write-off/DOMESTIC_SALE", officerToken(), Map.of("basis", "QUANTITY",
                    "moment", "DECLARE", "allowPartial", false, "enabled", true)).statusCode()).isEqualTo(200);

            // Gross not above net no longer fails the list; the new fill rule fills the contract number.
            String no = listNo();
            settings().put(domesticSale(no, ENTERPRISE_B, LocalDate.now(SHANGHAI).minusDays(1), "0644", "100", "120",
                    line(1, PET, "聚对苯二甲酸乙二醇酯切片", "100", "8.5")));
            JsonNode list = json(post("/v1/second-line/verification-lists/pulls", enterpriseToken(ENTERPRISE_B), Map.of("listNo", no)).body())
                    .path("lists").get(0);
            assertThat(list.path("status").asText()).isEqualTo("VALID");
            JsonNode declaration = json(post("/v1/second-line/verification-lists/" + list.path("id").asText() + "/declaration",
                    enterpriseToken(ENTERPRISE_B), "").body()).path("declaration");
            assertThat(declaration.path("header").path("contractNo").asText()).isEqualTo("HT-2L-2026");

            // The write-off rule now takes the whole list: part of it is refused with its own message.
            Map<String, Object> request = editable(declaration);
            Map<String, Object> header = (Map<String, Object>) request.get("header");
            header.put("grossWeight", "130");
            itemsOf(request).get(0).put("quantity", "60");
            itemsOf(request).get(0).put("totalPrice", "510.00");
            String id = declaration.path("id").asText();
            assertThat(put("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_B), request).statusCode()).isEqualTo(200);
            HttpResponse<String> partial = post("/v1/declarations/" + id + "/submission", enterpriseToken(ENTERPRISE_B), "");
            assertThat(partial.statusCode()).as(partial.body()).isEqualTo(422);
            assertThat(json(partial.body()).path("code").asText()).isEqualTo("WRITE_OFF_MUST_BE_WHOLE");
            assertThat(json(partial.body()).path("messageZh").asText()).isEqualTo("核扣规则要求整单核扣：第1项须申报剩余数量100");
        } finally {
            Map<String, Object> on = new HashMap<>();
            on.put("enabled", true);
            put("/v1/second-line/rules/checks/LIST-COMMODITY-WEIGHT", officerToken(), on);
            contract.put("enabled", false);
            put("/v1/second-line/rules/fill/H-CONTRACT", officerToken(), contract);
            put("/v1/second-line/rules/write-off/DOMESTIC_SALE", officerToken(), Map.of("basis", "QUANTITY", "moment", "DECLARE",
                    "allowPartial", true, "enabled", true));
        }
    }

    /**
     * 二线报关单调取核注清单规则设置 / 核注清单校验规则设置 as operators' settings (FP 263–269, 281–287, 1004–1010,
     * 1022–1028): an officer adds a check of a checked kind with its own parameter and a fill rule; the next pull and
     * the next fill follow them; switched off, they stop; deleted, they are gone, each step in the rule's log. Bad
     * settings are refused in Chinese and English and change nothing; a reviewer and an enterprise keep no rules.
     */
    @Test
    void officersAddSwitchAndDeleteChecksAndFillRulesAndTheNextPullAndFillFollowThem() {
        String reviewer = TestTokens.issuer().user("reviewer.chen", "customs-reviewer").organization("/haikou-customs").mint();
        Map<String, Object> check = new HashMap<>(Map.of("code", "LIST-LICENCE-MODE-ZONE", "kind", "LIST-LICENCE-MODE",
                "enabled", true, "messageZh", "监管方式不在园区允许范围内", "messageEn", "The trade mode is not one the zone allows",
                "parameter", "0110"));
        Map<String, Object> fill = new HashMap<>(Map.of("id", "H-SETTING-CONTRACT", "scope", "HEADER", "targetField", "contractNo",
                "constant", "HT-SETTING-01", "onlyIfBlank", false, "enabled", true, "sort", 160,
                "descriptionZh", "合同协议号取园区设置", "descriptionEn", "The contract number from the zone's setting"));
        Map<String, Object> bodyFill = new HashMap<>(Map.of("id", "B-SETTING-DESTINATION", "scope", "BODY",
                "targetField", "destinationCountry", "constant", "CHN", "onlyIfBlank", true, "enabled", true, "sort", 200,
                "descriptionZh", "表体最终目的国默认中国", "descriptionEn", "Each item's destination defaults to China"));
        // Only officers, operators and administrators keep the rules.
        assertThat(post("/v1/second-line/rules/checks", reviewer, check).statusCode()).isEqualTo(403);
        assertThat(post("/v1/second-line/rules/checks", enterpriseToken(ENTERPRISE_B), check).statusCode()).isEqualTo(403);
        assertThat(post("/v1/second-line/rules/fill", reviewer, fill).statusCode()).isEqualTo(403);
        assertThat(delete("/v1/second-line/rules/fill/H-REMARK", enterpriseToken(ENTERPRISE_B)).statusCode()).isEqualTo(403);
        assertThat(get("/v1/second-line/rules/checks/LIST-LICENCE-MODE/history", enterpriseToken(ENTERPRISE_B)).statusCode()).isEqualTo(403);

        // Bad settings: refused with their own code in both languages, nothing stored, nothing logged.
        long checksBefore = json(get("/v1/second-line/rules/checks?size=1", officerToken()).body()).path("totalElements").asLong();
        Map<String, Object> unknownKind = new HashMap<>(check);
        unknownKind.put("kind", "LIST-NO-SUCH-KIND");
        Map<String, Object> badModes = new HashMap<>(check);
        badModes.put("parameter", "06x4");
        Map<String, Object> parameterForNone = new HashMap<>(check);
        parameterForNone.put("kind", "LIST-COMMODITY-WEIGHT");
        for (Map<String, Object> bad : List.of(unknownKind, badModes, parameterForNone)) {
            HttpResponse<String> refused = post("/v1/second-line/rules/checks", officerToken(), bad);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(json(refused.body()).path("code").asText()).isEqualTo("CHECK_INVALID");
            assertThat(json(refused.body()).path("messageZh").asText()).startsWith("核注清单校验规则无效");
            assertThat(json(refused.body()).path("messageEn").asText()).startsWith("Invalid verification list check");
        }
        Map<String, Object> badChange = new HashMap<>(Map.of("enabled", true, "parameter", "abc"));
        int modeVersion = json(get("/v1/second-line/rules/checks?q=LIST-LICENCE-MODE", officerToken()).body())
                .path("content").get(0).path("version").asInt();
        assertThat(put("/v1/second-line/rules/checks/LIST-LICENCE-MODE", officerToken(), badChange).statusCode()).isEqualTo(400);
        assertThat(json(get("/v1/second-line/rules/checks?q=LIST-LICENCE-MODE", officerToken()).body())
                .path("content").get(0).path("version").asInt()).isEqualTo(modeVersion);
        Map<String, Object> badFill = new HashMap<>(fill);
        badFill.put("targetField", "noSuchField");
        HttpResponse<String> badFillRefused = post("/v1/second-line/rules/fill", officerToken(), badFill);
        assertThat(badFillRefused.statusCode()).isEqualTo(400);
        assertThat(json(badFillRefused.body()).path("messageEn").asText()).startsWith("Invalid fill rule");
        assertThat(json(get("/v1/second-line/rules/checks?size=1", officerToken()).body()).path("totalElements").asLong())
                .isEqualTo(checksBefore);
        assertThat(get("/v1/second-line/rules/fill/H-SETTING-CONTRACT/history", officerToken()).statusCode()).isEqualTo(404);
        // A seeded rule is switched off, not deleted.
        HttpResponse<String> seeded = delete("/v1/second-line/rules/fill/H-REMARK", officerToken());
        assertThat(seeded.statusCode()).isEqualTo(409);
        assertThat(json(seeded.body()).path("code").asText()).isEqualTo("RULE_SEEDED");
        assertThat(delete("/v1/second-line/rules/checks/LIST-LICENCE-MODE", officerToken()).statusCode()).isEqualTo(409);

        try {
            HttpResponse<String> added = post("/v1/second-line/rules/checks", officerToken(), check);
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            assertThat(json(added.body()).path("family").asText()).isEqualTo("LICENSE");
            assertThat(post("/v1/second-line/rules/checks", officerToken(), check).statusCode()).isEqualTo(409);
            assertThat(post("/v1/second-line/rules/fill", operatorToken(), fill).statusCode()).isEqualTo(201);
            assertThat(post("/v1/second-line/rules/fill", officerToken(), bodyFill).statusCode()).isEqualTo(201);
            // Query with conditions and paging.
            JsonNode licence = json(get("/v1/second-line/rules/checks?family=LICENSE&page=0&size=1", officerToken()).body());
            assertThat(licence.path("totalElements").asLong()).isEqualTo(2);
            assertThat(licence.path("content")).hasSize(1);
            assertThat(json(get("/v1/second-line/rules/fill?scope=HEADER&q=SETTING", reviewer).body()).path("content")
                    .findValuesAsText("id")).containsExactly("H-SETTING-CONTRACT");

            // The next pull runs the added check: a 0644 list is held INVALID by it alone.
            String no = listNo();
            settings().put(domesticSale(no, ENTERPRISE_B, LocalDate.now(SHANGHAI).minusDays(1), "0644", "120", "100",
                    line(1, PET, "聚对苯二甲酸乙二醇酯切片", "100", "8.5")));
            JsonNode list = json(post("/v1/second-line/verification-lists/pulls", enterpriseToken(ENTERPRISE_B),
                    Map.of("listNo", no)).body()).path("lists").get(0);
            assertThat(list.path("status").asText()).isEqualTo("INVALID");
            assertThat(list.path("findings").findValuesAsText("code")).containsExactly("LIST-LICENCE-MODE-ZONE");
            assertThat(list.path("findings").findValuesAsText("messageZh")).containsExactly("监管方式不在园区允许范围内");
            String listId = list.path("id").asText();
            // 核注清单数据展示 (FP 259, 1000): the held lists by conditions, each enterprise its own.
            assertThat(json(get("/v1/second-line/verification-lists?status=INVALID&listType=DOMESTIC_SALE&size=100",
                    enterpriseToken(ENTERPRISE_B)).body()).path("content").findValuesAsText("listNo")).contains(no);
            assertThat(json(get("/v1/second-line/verification-lists?size=100", enterpriseToken(ENTERPRISE_A)).body())
                    .path("content").findValuesAsText("listNo")).doesNotContain(no);

            // Switched off: the next check passes the list, and the fill takes the added fill rule.
            Map<String, Object> off = new HashMap<>(Map.of("enabled", false));
            assertThat(json(put("/v1/second-line/rules/checks/LIST-LICENCE-MODE-ZONE", officerToken(), off).body())
                    .path("enabled").asBoolean()).isFalse();
            assertThat(json(post("/v1/second-line/verification-lists/" + listId + "/check", enterpriseToken(ENTERPRISE_B), "")
                    .body()).path("status").asText()).isEqualTo("VALID");
            JsonNode filled = json(post("/v1/second-line/verification-lists/" + listId + "/declaration",
                    enterpriseToken(ENTERPRISE_B), "").body()).path("declaration");
            assertThat(filled.path("header").path("contractNo").asText()).isEqualTo("HT-SETTING-01");
            assertThat(filled.path("items").get(0).path("destinationCountry").asText()).isEqualTo("CHN");
            assertThat(put("/v1/second-line/rules/fill/H-SETTING-CONTRACT/enabled", officerToken(), off).statusCode()).isEqualTo(200);
            JsonNode unfilled = json(post("/v1/second-line/verification-lists/" + listId + "/declaration",
                    enterpriseToken(ENTERPRISE_B), "").body()).path("declaration");
            assertThat(unfilled.path("header").path("contractNo").asText("")).isEmpty();

            // Each step is in the rule's log, with the rule as it was then.
            assertThat(json(get("/v1/second-line/rules/checks/LIST-LICENCE-MODE-ZONE/history", officerToken()).body())
                    .findValuesAsText("action")).containsExactly("DISABLED", "ADDED");
            assertThat(json(get("/v1/second-line/rules/fill/H-SETTING-CONTRACT/history", officerToken()).body())
                    .findValuesAsText("action")).containsExactly("DISABLED", "ADDED");
        } finally {
            assertThat(delete("/v1/second-line/rules/checks/LIST-LICENCE-MODE-ZONE", officerToken()).statusCode()).isEqualTo(204);
            assertThat(delete("/v1/second-line/rules/fill/H-SETTING-CONTRACT", officerToken()).statusCode()).isEqualTo(204);
            assertThat(delete("/v1/second-line/rules/fill/B-SETTING-DESTINATION", officerToken()).statusCode()).isEqualTo(204);
        }
        assertThat(json(get("/v1/second-line/rules/checks/LIST-LICENCE-MODE-ZONE/history", officerToken()).body())
                .findValuesAsText("action")).containsExactly("DELETED", "DISABLED", "ADDED");
        assertThat(json(get("/v1/second-line/rules/checks?family=LICENSE", officerToken()).body()).path("totalElements").asLong())
                .isEqualTo(1);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private void cancelActive(String enterprise) {
        json(get("/v1/second-line/subscriptions", enterpriseToken(enterprise)).body()).forEach(s -> {
            if ("ACTIVE".equals(s.path("status").asText())) {
                post("/v1/second-line/subscriptions/" + s.path("id").asText() + "/cancellation", enterpriseToken(enterprise), "");
            }
        });
    }

    private static Map<String, Object> site(String code, String operator) {
        Map<String, Object> s = new HashMap<>();
        s.put("nameZh", "海口综合保税区二线卡口监管作业场所");
        s.put("nameEn", "Haikou Comprehensive Bonded Zone second-line gate site");
        s.put("customsCode", "6400");
        s.put("operatorUscc", operator);
        s.put("operatorName", "海口综保区仓储物流有限公司");
        s.put("enabled", true);
        return s;
    }

    /** The operation log (common-lib's audit interceptor) holds a row for the action, business id and result. */
    private void awaitLogged(String action, String businessId, String result) {
        await(action + " " + result + " in the operation log", () -> jdbc.queryForObject(
                "SELECT count(*) FROM audit_operation_log WHERE action = ? AND result = ?"
                        + " AND (CAST(? AS text) IS NULL OR business_id = ?)", Long.class, action, result, businessId,
                businessId) > 0);
    }

    private String status(String id) {
        return jdbc.queryForObject("SELECT status FROM customs_declaration WHERE id = ?::uuid", String.class, id);
    }

    private BigDecimal writtenOff(String listId, int seq) {
        return jdbc.queryForObject("SELECT written_off FROM verification_list_item WHERE list_id = ?::uuid AND seq = ?",
                BigDecimal.class, listId, seq);
    }

    private static String idOf(JsonNode pulled, String listNo) {
        for (JsonNode l : pulled.path("lists")) {
            if (l.path("listNo").asText().equals(listNo)) {
                return l.path("id").asText();
            }
        }
        throw new AssertionError("list " + listNo + " not pulled: " + pulled);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> editable(JsonNode declaration) {
        Map<String, Object> request = new HashMap<>();
        request.put("declarationType", declaration.path("declarationType").asText());
        request.put("header", JSON.convertValue(declaration.path("header"), Map.class));
        List<Map<String, Object>> items = new ArrayList<>();
        declaration.path("items").forEach(i -> items.add(JSON.convertValue(i, Map.class)));
        request.put("items", items);
        return request;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> itemsOf(Map<String, Object> request) {
        return (List<Map<String, Object>>) request.get("items");
    }

    private static String listNo() {
        return "QD640026I" + String.format("%09d", 100_000_000 + LIST_SERIAL.incrementAndGet());
    }

    private static VerificationListRecord.Line withCurrencyAndOrigin(VerificationListRecord.Line l, String currency, String origin) {
        return new VerificationListRecord.Line(l.seq(), l.ledgerItemNo(), l.hsCode(), l.name(), l.specification(), l.quantity(),
                l.unit(), l.legalQuantity(), l.legalUnit(), l.unitPrice(), l.totalPrice(), currency, origin);
    }

    private static VerificationListRecord.Line line(int seq, String hs, String name, String quantity, String unitPrice) {
        BigDecimal q = new BigDecimal(quantity);
        BigDecimal p = new BigDecimal(unitPrice);
        return new VerificationListRecord.Line(seq, seq + 2, hs, name, "0|0|初级形状", q, "035", q, "035", p,
                q.multiply(p).setScale(2), "CNY", "CHN");
    }

    private static VerificationListRecord domesticSale(String no, String enterprise, LocalDate day, String mode,
                                                       String gross, String net, VerificationListRecord.Line... lines) {
        return new VerificationListRecord(no, "DOMESTIC_SALE", enterprise, "海南洋浦新材料科技有限公司", "T6400D26000002",
                "IMPORT", mode, "4", "6400", "6400", "CHN", new BigDecimal(gross), new BigDecimal(net), 50, day,
                null, List.of(lines));
    }

    private static VerificationListRecord shipped(VerificationListRecord l, LocalDate shippingDate) {
        return new VerificationListRecord(l.listNo(), l.listType(), l.enterpriseUscc(), l.enterpriseName(), l.ledgerNo(),
                l.importExport(), l.supervisionMode(), l.transportMode(), l.declareCustoms(), l.entryExitCustoms(),
                l.tradingCountry(), l.grossWeight(), l.netWeight(), l.packages(), l.declaredDate(), shippingDate, l.items());
    }

    private static VerificationListRecord distribution(String no, String enterprise, String ledger, LocalDate day,
                                                       VerificationListRecord.Line... lines) {
        return new VerificationListRecord(no, "DISTRIBUTION", enterprise, "海南洋浦新材料科技有限公司", ledger, "IMPORT",
                "5034", "4", "6400", "6400", "CHN", new BigDecimal("600"), new BigDecimal("560"), 20, day, null, List.of(lines));
    }

    private String createdAt(String declarationId) {
        return jdbc.queryForObject("SELECT created_at FROM customs_declaration WHERE id = ?::uuid", java.sql.Timestamp.class,
                declarationId).toInstant().toString();
    }
}
