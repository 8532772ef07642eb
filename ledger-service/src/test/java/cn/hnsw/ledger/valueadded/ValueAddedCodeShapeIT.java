package cn.hnsw.ledger.valueadded;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import cn.hnsw.ledger.support.LedgerTestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 累计码备案 and 确认码备案 (spec modules F and G) through their whole shape with every kind of cost: the main record
 * (录入, 修改, 删除, 详情, 复制, 导出, 打印, 作废, 变更), the filed finished product (业务主单-备案料件), imported-material
 * costs linked to the processing entry list (进口入账信息关联查询), domestic and island-made costs linked to their
 * registrations, cumulative-code costs linked to a carry-over entry and an upstream enterprise's cumulative code
 * (企业结转入账信息关联查询), each added, edited, copied, batch-deleted, printed and brought back by Excel; the
 * value-added computation over all four; customs' automatic checks before sending, the sealed declaration, a return
 * with its reason, the re-declaration, approval, and the receipt history (latest and earlier).
 */
class ValueAddedCodeShapeIT extends LedgerIntegrationTestBase {

    /** The enterprise of the codes (division 469007: Dongfang). */
    static final String DONGFANG = "91469007MA5TB8R31N";
    /** The upstream enterprise of the chain (division 469025: Baisha). */
    static final String BAISHA = "91469025MA5TC7H20J";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static Long ledgerId;
    private static String material;
    private static String upstreamNo;
    private static String perUnit;

    private String token;

    @BeforeEach
    void chain() {
        token = declarant(DONGFANG);
        if (ledgerId != null) {
            return;
        }
        // upstream: Baisha's approved cumulative code, 100 units on a domestic cost of 500: material base 5 a unit
        String upstream = declarant(BAISHA);
        long upstreamLedger = processingLedger(upstream, "BS-M-");
        long upstreamProduct = finishedProduct(upstream, "BS-P-" + suffix());
        long upstreamDomestic = registeredDomesticMaterial(upstream, "BS-DM-" + suffix(), 10);
        long up = create(upstream, "CUMULATIVE_CODE_FILING", upstreamLedger, Map.of("salePrice", 3000)).path("id").asLong();
        addLines(upstream, up, List.of(Map.of("kind", "FINISHED_PRODUCT", "linkRef", upstreamProduct, "quantity", 100),
                Map.of("kind", "DOMESTIC_MATERIAL_COST", "linkRef", upstreamDomestic, "quantity", 10)));
        JsonNode approvedUp = approve(upstream, up);
        upstreamNo = approvedUp.path("documentNo").asText();
        perUnit = approvedUp.path("header").path("materialBasePerUnit").asText();
        assertThat(new java.math.BigDecimal(perUnit)).isEqualByComparingTo("5");

        material = "DF-M-" + suffix();
        ledgerId = processingLedger(token, material);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CUMULATIVE_CODE_FILING", "CONFIRMATION_CODE_FILING"})
    void aValueAddedCodeGoesThroughItsWholeShapeWithEveryKindOfCost(String code) throws Exception {
        long materialId = commodity(token, material);
        // sources: imported 100 at 30 (entry list), carried over 50 at 40 (carry-over entry), registrations
        long entry = create(token, "PROCESSING_ENTRY_GENERAL", ledgerId, Map.of()).path("id").asLong();
        addLines(token, entry, List.of(Map.of("kind", "MATERIAL", "linkRef", materialId, "quantity", 100, "unitPrice", 30)));
        JsonNode approvedEntry = approve(token, entry);
        long entryLine = approvedEntry.path("lines").get(0).path("id").asLong();
        long carry = create(token, "PROCESSING_CARRY_OVER_ENTRY", ledgerId, Map.of("from", BAISHA)).path("id").asLong();
        addLines(token, carry, List.of(Map.of("kind", "MATERIAL", "linkRef", materialId, "quantity", 50, "unitPrice", 40)));
        JsonNode approvedCarry = approve(token, carry);
        long carryLine = approvedCarry.path("lines").get(0).path("id").asLong();
        long domesticLine = registeredDomesticMaterial(token, "DF-DM-" + suffix(), 100);
        long island = create(token, "ISLAND_MATERIAL_REGISTRATION", null, Map.of("producerUscc", DONGFANG)).path("id").asLong();
        addLines(token, island, List.of(Map.of("kind", "MATERIAL", "itemNo", "DF-IM-" + suffix(), "hsCode", "3902100090",
                "nameZh", "岛产聚丙烯", "quantity", 100, "unitPrice", 20)));
        ok(attach(token, island, "生产证明.pdf", "%PDF-1.4 proof".getBytes(StandardCharsets.UTF_8)));
        long islandLine = approve(token, island).path("lines").get(0).path("id").asLong();
        String product = "DF-P-" + suffix();
        long productId = finishedProduct(token, product);

        // 进口入账 / 企业结转入账信息关联查询: the approved lists the costs can link to
        assertThat(ok(api.get(token, "/documents?type=PROCESSING_ENTRY_GENERAL&status=APPROVED&ledgerId=" + ledgerId))
                .path("content").findValuesAsText("id")).contains(String.valueOf(entry));
        assertThat(ok(api.get(token, "/documents?type=PROCESSING_CARRY_OVER_ENTRY&status=APPROVED&ledgerId=" + ledgerId))
                .path("content").findValuesAsText("id")).contains(String.valueOf(carry));

        // 主单信息: 录入, 修改, 删除 (a spare), 详情
        JsonNode doc = create(token, code, ledgerId, Map.of("salePrice", 15000));
        long id = doc.path("id").asLong();
        assertThat(ok(api.put(token, "/documents/" + id, Map.of("version", doc.path("version").asInt(), "title", "增值备案",
                "header", Map.of("salePrice", 20000)))).path("header").path("salePrice").asInt()).isEqualTo(20000);
        long spare = create(token, code, ledgerId, Map.of()).path("id").asLong();
        assertThat(api.request("DELETE", token, "/documents/" + spare).status()).isEqualTo(204);

        // 业务主单-备案料件: the finished product, edited
        long productLine = addLines(token, id, List.of(Map.of("kind", "FINISHED_PRODUCT", "linkRef", productId, "quantity", 12)))
                .get(0).path("id").asLong();
        assertThat(ofKind(ok(api.put(token, "/documents/" + id + "/lines/" + productLine,
                Map.of("kind", "FINISHED_PRODUCT", "linkRef", productId, "quantity", 10))), "FINISHED_PRODUCT").path("quantity")
                .decimalValue()).isEqualByComparingTo("10");

        // the four kinds of cost, each linked to its source
        Map<String, Long> sources = Map.of("IMPORTED_MATERIAL_COST", entryLine, "DOMESTIC_MATERIAL_COST", domesticLine,
                "CUMULATIVE_CODE_COST", carryLine, "ISLAND_MATERIAL_COST", islandLine);
        Map<String, Integer> quantities = Map.of("IMPORTED_MATERIAL_COST", 50, "DOMESTIC_MATERIAL_COST", 20,
                "CUMULATIVE_CODE_COST", 10, "ISLAND_MATERIAL_COST", 10);
        for (String kind : List.of("IMPORTED_MATERIAL_COST", "DOMESTIC_MATERIAL_COST", "CUMULATIVE_CODE_COST", "ISLAND_MATERIAL_COST")) {
            Map<String, Object> line = cost(kind, sources.get(kind), 4);
            // 录入, 修改 (to its quantity), 复制, 批量删除 of the copy
            long lineId = ofKind(addLines(token, id, List.of(line)), kind).path("id").asLong();
            line.put("quantity", quantities.get(kind));
            JsonNode edited = ofKind(ok(api.put(token, "/documents/" + id + "/lines/" + lineId, line)), kind);
            assertThat(edited.path("quantity").decimalValue()).isEqualByComparingTo(quantities.get(kind).toString());
            JsonNode copied = ok(api.post(token, "/documents/" + id + "/lines/copies", Map.of("lineIds", List.of(lineId))));
            List<Long> ofThisKind = new ArrayList<>();
            copied.forEach(l -> {
                if (l.path("kind").asText().equals(kind)) {
                    ofThisKind.add(l.path("id").asLong());
                }
            });
            assertThat(ofThisKind).hasSize(2);
            // 删除 and 批量删除: both go, then 模版下载 + 导入 brings the cost back by its source line id
            ok(api.post(token, "/documents/" + id + "/lines/deletion", Map.of("lineIds", ofThisKind)));
            JsonNode reimported = ok(upload("/documents/" + id + "/lines/import", excelRow(code, kind, quantities.get(kind),
                    sources.get(kind), "CUMULATIVE_CODE_COST".equals(kind) ? upstreamNo : null)));
            assertThat(ofKind(reimported, kind).path("extra").path("sourceDocumentNo").asText()).isNotBlank();
        }
        JsonNode detail = ok(api.get(token, "/documents/" + id));
        assertThat(detail.path("lines").findValuesAsText("kind")).containsExactlyInAnyOrder("FINISHED_PRODUCT",
                "IMPORTED_MATERIAL_COST", "DOMESTIC_MATERIAL_COST", "CUMULATIVE_CODE_COST", "ISLAND_MATERIAL_COST");
        assertThat(ofKind(detail.path("lines"), "IMPORTED_MATERIAL_COST").path("amount").decimalValue()).isEqualByComparingTo("1500");
        assertThat(ofKind(detail.path("lines"), "IMPORTED_MATERIAL_COST").path("extra").path("sourceDocumentNo").asText())
                .isEqualTo(approvedEntry.path("documentNo").asText());
        assertThat(ofKind(detail.path("lines"), "CUMULATIVE_CODE_COST").path("extra").path("materialBase").decimalValue())
                .isEqualByComparingTo("50");
        // 打印: the code with every cost
        try (PDDocument printed = Loader.loadPDF(api.download(token, "/documents/" + id + "/print"))) {
            String text = new PDFTextStripper().getText(printed);
            assertThat(text).contains(product).contains(material);
        }

        // 增值率核算: imported 1,500 + domestic 1,000 + upstream base 50 = 2,550; island 200 is value added
        JsonNode va = ok(api.get(token, "/documents/" + id + "/value-added"));
        assertThat(va.path("importedTotal").decimalValue()).isEqualByComparingTo("1500");
        assertThat(va.path("domesticTotal").decimalValue()).isEqualByComparingTo("1000");
        assertThat(va.path("cumulativeMaterialBase").decimalValue()).isEqualByComparingTo("50");
        assertThat(va.path("islandTotal").decimalValue()).isEqualByComparingTo("200");
        assertThat(va.path("materialBase").decimalValue()).isEqualByComparingTo("2550");
        assertThat(va.path("ratePct").decimalValue()).isEqualByComparingTo("684.31");
        assertThat(va.path("steps").findValuesAsText("expression")).anyMatch(e -> e.contains(approvedEntry.path("documentNo").asText()));

        // 海关自动检控 before sending: a code without its finished product does not pass
        long incomplete = create(token, code, ledgerId, Map.of("salePrice", 100)).path("id").asLong();
        addLines(token, incomplete, List.of(cost("DOMESTIC_MATERIAL_COST", domesticLine, 1)));
        JsonNode failing = ok(api.get(token, "/documents/" + incomplete + "/logic-check"));
        assertThat(failing.path("passed").asBoolean()).isFalse();
        assertThat(failing.path("problems").toString()).contains("成品");
        LedgerApi.Response refused = api.post(token, "/documents/" + incomplete + "/declaration", Map.of());
        assertThat(refused.status()).isIn(400, 422);
        // 作废 of that draft
        assertThat(ok(api.post(token, "/documents/" + incomplete + "/void", Map.of())).path("status").asText()).isEqualTo("VOIDED");
        assertThat(ok(api.get(token, "/documents/" + id + "/logic-check")).path("passed").asBoolean()).isTrue();

        // 申报 sealed to customs; 退回 with its reason; corrected and declared again; approved
        JsonNode statsBefore = ok(api.get(token, "/value-added/statistics"));
        JsonNode declared = ok(api.post(token, "/documents/" + id + "/declaration", Map.of()));
        String no = declared.path("documentNo").asText();
        assertThat(CUSTOMS.declaration(no).path("lines")).hasSize(5);
        ok(api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, no, "RECEIVED", null, LedgerApi.newReceiptId()));
        ok(api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, no, "RETURNED", "国内采购料件价格缺少发票 / invoice missing",
                LedgerApi.newReceiptId()));
        JsonNode returned = ok(api.get(token, "/documents/" + id));
        assertThat(returned.path("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.path("returnReason").asText()).contains("发票");
        ok(attach(token, id, "发票.pdf", "%PDF-1.4 invoice".getBytes(StandardCharsets.UTF_8)));
        JsonNode approved = approve(token, id);
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        // 最新 and 历史审核结果
        assertThat(approved.path("receipts").findValuesAsText("kind")).containsExactly("RECEIVED", "RETURNED", "RECEIVED", "APPROVED");
        assertThat(approved.path("header").path("valueAddedRatePct").decimalValue()).isEqualByComparingTo("684.31");

        // 增值率核算信息: the enterprise's accounting moves by this code (rate, sales revenue, every cost), exported
        JsonNode stats = ok(api.get(token, "/value-added/statistics"));
        assertThat(delta(stats, statsBefore, "codes")).isEqualByComparingTo("1");
        assertThat(delta(stats, statsBefore, "qualifying")).isEqualByComparingTo("1");
        assertThat(delta(stats, statsBefore, "salesRevenue")).isEqualByComparingTo("20000");
        assertThat(delta(stats, statsBefore, "importedCost")).isEqualByComparingTo("1500");
        assertThat(delta(stats, statsBefore, "domesticCost")).isEqualByComparingTo("1000");
        assertThat(delta(stats, statsBefore, "islandCost")).isEqualByComparingTo("200");
        assertThat(delta(stats, statsBefore, "cumulativeCost")).isEqualByComparingTo("400");
        JsonNode account = null;
        for (JsonNode a : ok(api.get(token, "/value-added/accounts"))) {
            if (a.path("documentNo").asText().equals(no)) {
                account = a;
            }
        }
        assertThat(account).isNotNull();
        assertThat(account.path("ratePct").decimalValue()).isEqualByComparingTo("684.31");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(api.download(token, "/value-added/export")))) {
            StringBuilder cells = new StringBuilder();
            DataFormatter f = new DataFormatter();
            wb.getSheetAt(0).forEach(r -> r.forEach(c -> cells.append(f.formatCellValue(c)).append('|')));
            assertThat(cells.toString()).contains(no);
        }
        assertThat(api.get(officer("gov-province"), "/value-added/statistics").status()).isEqualTo(403);

        // 政府管理端: the officer lists the enterprise's code and reads its product and every kind of material cost
        String gov = officer("gov-province");
        assertThat(ok(api.get(gov, "/documents?type=" + code + "&enterprise=" + DONGFANG)).path("content")
                .findValuesAsText("documentNo")).contains(no);
        assertThat(ok(api.get(gov, "/documents/" + id)).path("lines").findValuesAsText("kind")).contains("FINISHED_PRODUCT",
                "IMPORTED_MATERIAL_COST", "DOMESTIC_MATERIAL_COST", "CUMULATIVE_CODE_COST", "ISLAND_MATERIAL_COST");
        assertThat(ok(api.get(gov, "/documents/" + id + "/value-added")).path("ratePct").decimalValue()).isEqualByComparingTo("684.31");

        // 复制 (the copy draws on the same sources, within what they hold), 导出
        JsonNode copy = ok(api.post(token, "/documents/" + id + "/copies", Map.of()));
        assertThat(copy.path("lines")).hasSize(5);
        assertThat(api.request("DELETE", token, "/documents/" + copy.path("id").asLong()).status()).isEqualTo(204);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(api.download(token, "/documents/export?type=" + code)))) {
            StringBuilder cells = new StringBuilder();
            DataFormatter f = new DataFormatter();
            wb.getSheetAt(0).forEach(r -> r.forEach(c -> cells.append(f.formatCellValue(c)).append('|')));
            assertThat(cells.toString()).contains(no);
        }

        // 变更 after approval: the sale price corrected, declared and approved again; then 作废
        JsonNode change = ok(api.post(token, "/documents/" + id + "/change", Map.of()));
        assertThat(change.path("status").asText()).isEqualTo("CHANGE_DRAFT");
        ok(api.put(token, "/documents/" + id, Map.of("version", change.path("version").asInt(), "title", "增值备案（变更）",
                "header", Map.of("salePrice", 25500))));
        JsonNode changed = approve(token, id);
        assertThat(changed.path("status").asText()).isEqualTo("APPROVED");
        assertThat(changed.path("header").path("valueAddedRatePct").decimalValue()).isEqualByComparingTo("900");
        assertThat(ok(api.post(token, "/documents/" + id + "/void", Map.of())).path("status").asText()).isEqualTo("VOIDED");
        // another enterprise neither reads nor changes it
        assertThat(api.get(declarant(YANGPU_TRADING), "/documents/" + id).status()).isIn(403, 404);
    }

    /**
     * 增值率核算单耗清单信息 (FP 1718–1723, 1801–1806): the filed materials consumed per unit of the code's finished
     * product, each with its net consumption and loss rate and the unit consumption derived from them (单耗 = 净耗 ÷
     * (1 − 损耗率)); added, shown, edited, deleted, imported from the line template and exported; a loss rate of 100% or
     * a finished product as the consumed material is refused and changes nothing; the list goes to customs with the
     * code and stays after approval; another enterprise neither reads nor exports it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"CUMULATIVE_CODE_FILING", "CONFIRMATION_CODE_FILING"})
    void aValueAddedCodeCarriesItsUnitConsumptionList(String code) throws Exception {
        long materialId = commodity(token, material);
        String product = "DF-UP-" + suffix();
        long productId = finishedProduct(token, product);
        long domesticLine = registeredDomesticMaterial(token, "DF-UD-" + suffix(), 10);
        long id = create(token, code, ledgerId, Map.of("salePrice", 2000)).path("id").asLong();
        addLines(token, id, List.of(Map.of("kind", "FINISHED_PRODUCT", "linkRef", productId, "quantity", 10),
                Map.of("kind", "DOMESTIC_MATERIAL_COST", "linkRef", domesticLine, "quantity", 10)));

        // 新增 and 展示: 0.98 net at 2% loss is 1 a unit
        Map<String, Object> line = new HashMap<>(Map.of("kind", "UNIT_CONSUMPTION", "linkRef", materialId, "quantity", 0.98,
                "extra", Map.of("lossRate", 2, "productItemNo", product)));
        JsonNode added = ofKind(addLines(token, id, List.of(line)), "UNIT_CONSUMPTION");
        long lineId = added.path("id").asLong();
        assertThat(added.path("itemNo").asText()).isEqualTo(material);
        assertThat(new java.math.BigDecimal(added.path("extra").path("unitConsumption").asText())).isEqualByComparingTo("1");
        JsonNode shown = ofKind(ok(api.get(token, "/documents/" + id)).path("lines"), "UNIT_CONSUMPTION");
        assertThat(shown.path("extra").path("productItemNo").asText()).isEqualTo(product);

        // refusals change nothing: a loss of 100%, a finished product as the consumed material, a net consumption of 0
        LedgerApi.Response total = api.post(token, "/documents/" + id + "/lines", List.of(Map.of("kind", "UNIT_CONSUMPTION",
                "linkRef", materialId, "quantity", 1, "extra", Map.of("lossRate", 100))));
        assertThat(total.status()).isEqualTo(400);
        assertThat(total.code()).isEqualTo("UNIT_CONSUMPTION_INVALID");
        assertThat(total.body().path("detail").asText() + total.body().toString()).contains("损耗率");
        assertThat(api.post(token, "/documents/" + id + "/lines", List.of(Map.of("kind", "UNIT_CONSUMPTION",
                "linkRef", productId, "quantity", 1))).code()).isEqualTo("LINE_LINK_INVALID");
        assertThat(api.post(token, "/documents/" + id + "/lines", List.of(Map.of("kind", "UNIT_CONSUMPTION",
                "linkRef", materialId, "quantity", 0))).status()).isEqualTo(400);
        assertThat(ok(api.get(token, "/documents/" + id)).path("lines").findValuesAsText("kind")
                .stream().filter("UNIT_CONSUMPTION"::equals)).hasSize(1);

        // 编辑: 1.5 net at 25% loss is 2 a unit
        line.put("quantity", 1.5);
        line.put("extra", Map.of("lossRate", 25, "productItemNo", product));
        JsonNode edited = ofKind(ok(api.put(token, "/documents/" + id + "/lines/" + lineId, line)), "UNIT_CONSUMPTION");
        assertThat(new java.math.BigDecimal(edited.path("extra").path("unitConsumption").asText())).isEqualByComparingTo("2");
        assertThat(edited.path("extra").path("lossRate").asText()).isEqualTo("25");

        // 导出: the list in the template's columns with the unit consumption; another enterprise cannot export it
        byte[] exported = api.download(token, "/documents/" + id + "/lines/export?kind=UNIT_CONSUMPTION");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("UNIT_CONSUMPTION");
            assertThat(sheet.getRow(1).getCell(11).getStringCellValue()).isEqualTo(material);
            assertThat(sheet.getRow(1).getCell(14).getStringCellValue()).isEqualTo("25");
            assertThat(new java.math.BigDecimal(sheet.getRow(1).getCell(16).getStringCellValue())).isEqualByComparingTo("2");
        }
        assertThat(api.get(declarant(BAISHA), "/documents/" + id + "/lines/export?kind=UNIT_CONSUMPTION").status()).isIn(403, 404);

        // 删除, then 导入 the exported file back (linked by item number, loss rate from its column)
        assertThat(ok(api.post(token, "/documents/" + id + "/lines/deletion", Map.of("lineIds", List.of(lineId))))
                .findValuesAsText("kind")).doesNotContain("UNIT_CONSUMPTION");
        JsonNode imported = ofKind(ok(upload("/documents/" + id + "/lines/import", exported)), "UNIT_CONSUMPTION");
        assertThat(imported.path("itemNo").asText()).isEqualTo(material);
        assertThat(imported.path("quantity").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(new java.math.BigDecimal(imported.path("extra").path("unitConsumption").asText())).isEqualByComparingTo("2");

        // 申报: the list goes to customs with the code and stays after approval
        JsonNode approved = approve(token, id);
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(new java.math.BigDecimal(ofKind(approved.path("lines"), "UNIT_CONSUMPTION").path("extra").path("unitConsumption").asText()))
                .isEqualByComparingTo("2");
        assertThat(CUSTOMS.declaration(approved.path("documentNo").asText()).path("lines").findValuesAsText("kind"))
                .contains("UNIT_CONSUMPTION");
    }

    /**
     * 主单信息模版下载 / EXCEL导入 (FP 1644–1645, 1727–1728) and 批量导入一键申报 (FP 1717, 1800): one code per row with its
     * finished product linked by item number; a wrong row is named and nothing is made; declared at once, a cumulative
     * code goes to customs, a confirmation code without material costs fails the logic check and nothing is made.
     */
    @ParameterizedTest
    @ValueSource(strings = {"CUMULATIVE_CODE_FILING", "CONFIRMATION_CODE_FILING"})
    void aFileOfMainRecordsMakesOneCodePerRowAndCanDeclareThemAtOnce(String code) throws Exception {
        String product = "DF-MR-" + suffix();
        finishedProduct(token, product);
        String tag = "主单" + suffix();
        String base = "/value-added-codes/" + code + "/main-records";
        byte[] template = api.download(token, base + "/template");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).contains("成品料号");
            assertThat(wb.getSheetAt(0).getRow(0).getCell(3).getStringCellValue()).contains("内销价格");
        }
        int before = mainRecords(code, tag);

        byte[] bad = mainRows(template, new Object[] {tag + "-A", product, 10, 2000}, new Object[] {tag + "-B", "NOPE-" + tag, 5, 1000},
                new Object[] {tag + "-C", product, 5, 0});
        LedgerApi.Response refused = upload(base + "/import?ledgerId=" + ledgerId, bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("row[3]").contains("row[4]").doesNotContain("row[2]")
                .contains("NOPE-" + tag).contains("内销价格");
        assertThat(mainRecords(code, tag)).isEqualTo(before);

        byte[] good = mainRows(template, new Object[] {tag + "-A", product, 10, 2000}, new Object[] {tag + "-B", product, 5, 1000});
        JsonNode made = ok(upload(base + "/import?ledgerId=" + ledgerId, good));
        assertThat(made).hasSize(2);
        assertThat(made.findValuesAsText("status")).containsOnly("DRAFT");
        JsonNode first = ok(api.get(token, "/documents/" + made.get(0).path("id").asLong()));
        assertThat(first.path("title").asText()).isEqualTo(tag + "-A");
        assertThat(first.path("header").path("salePrice").decimalValue()).isEqualByComparingTo("2000");
        assertThat(ofKind(first.path("lines"), "FINISHED_PRODUCT").path("itemNo").asText()).isEqualTo(product);
        assertThat(ofKind(first.path("lines"), "FINISHED_PRODUCT").path("quantity").decimalValue()).isEqualByComparingTo("10");
        assertThat(mainRecords(code, tag)).isEqualTo(before + 2);

        // 一键申报
        LedgerApi.Response declared = upload(base + "/import?declare=true&ledgerId=" + ledgerId,
                mainRows(template, new Object[] {tag + "-D", product, 2, 800}));
        if (code.equals("CUMULATIVE_CODE_FILING")) {
            JsonNode d = ok(declared).get(0);
            assertThat(d.path("status").asText()).isEqualTo("DECLARED");
            assertThat(CUSTOMS.declaration(d.path("documentNo").asText()).path("lines").findValuesAsText("kind"))
                    .contains("FINISHED_PRODUCT");
            assertThat(mainRecords(code, tag)).isEqualTo(before + 3);
        } else {
            assertThat(declared.status()).isEqualTo(422);
            assertThat(declared.body().toString()).contains("row[2]").contains("LOGIC_CHECK_FAILED");
            assertThat(mainRecords(code, tag)).isEqualTo(before + 2);
        }
        // another enterprise cannot import onto this ledger
        String other = declarant(BAISHA);
        assertThat(api.postBytes(other, base + "/import?ledgerId=" + ledgerId, multipart(good), multipartType).status())
                .isIn(403, 404);
    }

    private String multipartType;

    private byte[] multipart(byte[] content) {
        String boundary = "----hnsw" + UUID.randomUUID();
        multipartType = "multipart/form-data; boundary=" + boundary;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"main.xlsx\"\r\n"
                + "Content-Type: " + XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private int mainRecords(String code, String tag) {
        int n = 0;
        for (JsonNode d : ok(api.get(token, "/documents?type=" + code + "&size=200")).path("content")) {
            if (d.path("title").asText().startsWith(tag)) {
                n++;
            }
        }
        return n;
    }

    private static byte[] mainRows(byte[] template, Object[]... rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            int r = 1;
            for (Object[] values : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(values[0].toString());
                row.createCell(1).setCellValue(values[1].toString());
                row.createCell(2).setCellValue(((Number) values[2]).doubleValue());
                row.createCell(3).setCellValue(((Number) values[3]).doubleValue());
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static java.math.BigDecimal delta(JsonNode after, JsonNode before, String field) {
        return after.path(field).decimalValue().subtract(before.path(field).decimalValue());
    }

    private static Map<String, Object> cost(String kind, long sourceLine, int quantity) {
        Map<String, Object> line = new HashMap<>(Map.of("kind", kind, "linkRef", sourceLine, "quantity", quantity));
        if ("CUMULATIVE_CODE_COST".equals(kind)) {
            line.put("extra", Map.of("cumulativeCode", upstreamNo));
        }
        return line;
    }

    private byte[] excelRow(String code, String kind, int quantity, long sourceLine, String cumulativeCode) throws Exception {
        byte[] template = api.download(token, "/document-types/" + code + "/line-template");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = wb.getSheetAt(0).createRow(1);
            row.createCell(0).setCellValue(kind);
            row.createCell(6).setCellValue(quantity);
            row.createCell(12).setCellValue(String.valueOf(sourceLine));
            if (cumulativeCode != null) {
                row.createCell(13).setCellValue(cumulativeCode);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private LedgerApi.Response upload(String path, byte[] content) {
        String boundary = "----hnsw" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"costs.xlsx\"\r\n"
                + "Content-Type: " + XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.postBytes(token, path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private static JsonNode ofKind(JsonNode lines, String kind) {
        for (JsonNode l : lines) {
            if (l.path("kind").asText().equals(kind)) {
                return l;
            }
        }
        throw new AssertionError("no " + kind + " line in " + lines);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private long commodity(String token, String itemNo) {
        for (JsonNode c : ok(api.get(token, "/commodities"))) {
            if (c.path("itemNo").asText().equals(itemNo)) {
                return c.path("id").asLong();
            }
        }
        throw new AssertionError(itemNo + " not in the library");
    }

    private long processingLedger(String token, String materialItem) {
        String item = materialItem.endsWith("-") ? materialItem + suffix() : materialItem;
        long materialId = fileMaterial(token, item, "3902100090", "聚丙烯");
        long setup = create(token, "PROCESSING_LEDGER_SETUP", null, Map.of("port", "洋浦港")).path("id").asLong();
        addLines(token, setup, List.of(Map.of("kind", "MATERIAL", "linkRef", materialId, "quantity", 1)));
        ok(api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, approve(token, setup).path("documentNo").asText(),
                "FORMAL_DATA", null, LedgerApi.newReceiptId()));
        for (JsonNode l : ok(api.get(token, "/ledgers"))) {
            if (l.path("setupDocumentId").asLong() == setup) {
                return l.path("id").asLong();
            }
        }
        throw new AssertionError("processing ledger not created");
    }

    private long finishedProduct(String token, String itemNo) {
        long filing = create(token, "FINISHED_PRODUCT_FILING", null, Map.of()).path("id").asLong();
        addLines(token, filing, List.of(Map.of("kind", "FINISHED_PRODUCT", "itemNo", itemNo, "hsCode", "8471300000",
                "nameZh", "工控主板", "quantity", 1)));
        approve(token, filing);
        return commodity(token, itemNo);
    }
}
