package cn.hnsw.ledger.document;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repeated shape of the ledger lists (spec "repeated patterns": basic info → lines → attached documents → preview →
 * declare → receipt → receipt update, and the query screen) walked through on every list type of the zero-tariff
 * ledgers, each on its own real path: create, edit and delete the basic information; add lines linked to the
 * commodity library or the ledger stock, edit one, copy it, batch-delete the copy; the Excel template and an import;
 * an attached document stored, read and deleted; preview and print; copy the list; declare it sealed to customs;
 * the receipt and the receipt update; the stock moving as the type says; list, detail and receipt history; another
 * enterprise kept out. Then 报核 and 注销: a cancellation only after an approved verification report.
 */
class RepeatedShapeIT extends LedgerIntegrationTestBase {

    /** An enterprise of this test only. */
    static final String WENCHANG = "91460500MA5U7K9P2W";
    private static Long logisticsLedger;
    private static Long processingLedger;
    private static String goodsItem;
    private static String materialItem;
    private static long goodsCommodity;
    private static long materialCommodity;
    private static String productItem;
    private static long productCommodity;

    private String token;

    @BeforeEach
    void ledgers() {
        token = declarant(WENCHANG);
        if (logisticsLedger != null) {
            return;
        }
        goodsItem = "WC-G-" + UUID.randomUUID().toString().substring(0, 6);
        materialItem = "WC-M-" + UUID.randomUUID().toString().substring(0, 6);
        goodsCommodity = fileMaterial(token, goodsItem, "8471300000", "笔记本电脑");
        materialCommodity = fileMaterial(token, materialItem, "3902100090", "聚丙烯");
        logisticsLedger = activeLogisticsLedger(token, goodsCommodity);
        productItem = "WC-FP-" + UUID.randomUUID().toString().substring(0, 6);
        productCommodity = fileFinishedProduct(productItem);
        long setup = create(token, "PROCESSING_LEDGER_SETUP", null, Map.of("port", "洋浦港")).path("id").asLong();
        addLines(token, setup, List.of(Map.of("kind", "MATERIAL", "linkRef", materialCommodity, "quantity", 1),
                Map.of("kind", "FINISHED_PRODUCT", "linkRef", productCommodity, "quantity", 1)));
        JsonNode approved = approve(token, setup);
        ok(api.pushReceipt(CUSTOMS_SEALER, cn.hnsw.ledger.support.LedgerTestKeys.CUSTOMS,
                approved.path("documentNo").asText(), "FORMAL_DATA", null, LedgerApi.newReceiptId()));
        for (JsonNode l : ok(api.get(token, "/ledgers"))) {
            if (l.path("setupDocumentId").asLong() == setup) {
                processingLedger = l.path("id").asLong();
            }
        }
        // stock to leave from
        long in = create(token, "LOGISTICS_ENTRY_GENERAL", logisticsLedger, Map.of()).path("id").asLong();
        addLines(token, in, List.of(Map.of("kind", "GOODS", "linkRef", goodsCommodity, "quantity", 1000)));
        approve(token, in);
        long pin = create(token, "PROCESSING_ENTRY_GENERAL", processingLedger, Map.of()).path("id").asLong();
        addLines(token, pin, List.of(Map.of("kind", "MATERIAL", "linkRef", materialCommodity, "quantity", 1000)));
        approve(token, pin);
        // the set-up's finished product is a stock row of the ledger from its formal data on; produced goods are
        // booked in by an adjustment list
        JsonNode productRow = stock(token, processingLedger, productItem);
        assertThat(productRow).as("the set-up registers its finished product in the ledger").isNotNull();
        assertThat(productRow.path("quantity").decimalValue()).isEqualByComparingTo("0");
        long made = create(token, "PROCESSING_ADJUSTMENT", processingLedger, Map.of("reason", "生产入库")).path("id").asLong();
        addLines(token, made, List.of(Map.of("kind", "FINISHED_PRODUCT", "linkRef", productRow.path("id").asLong(),
                "quantity", 1000, "direction", "INCREASE")));
        approve(token, made);
    }

    /**
     * The same shape on the processing lists' finished-product lines (成品信息): linked to the ledger's finished-product
     * stock (or, for a set-up, to the commodity library), edited, copied, batch-deleted, imported, declared, posted.
     */
    @ParameterizedTest
    @ValueSource(strings = {"PROCESSING_EXIT_GENERAL", "PROCESSING_CARRY_OVER_EXIT", "PROCESSING_SALE_NON_BENEFICIARY",
            "PROCESSING_OUT_OF_WAREHOUSE", "PROCESSING_ADJUSTMENT", "PROCESSING_VERIFICATION_REPORT", "PROCESSING_LEDGER_SETUP"})
    void finishedProductLinesGoThroughTheWholeShape(String code) throws Exception {
        walk(code, "FINISHED_PRODUCT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"LOGISTICS_ENTRY_GENERAL", "PROCESSING_ENTRY_GENERAL", "LOGISTICS_CARRY_OVER_ENTRY",
            "PROCESSING_CARRY_OVER_ENTRY", "LOGISTICS_EXIT_GENERAL", "PROCESSING_EXIT_GENERAL", "LOGISTICS_FIRST_LINE_EXIT",
            "PROCESSING_FIRST_LINE_EXIT", "LOGISTICS_CARRY_OVER_EXIT", "PROCESSING_CARRY_OVER_EXIT",
            "LOGISTICS_SALE_NON_BENEFICIARY", "PROCESSING_SALE_NON_BENEFICIARY", "LOGISTICS_OUT_OF_WAREHOUSE",
            "PROCESSING_OUT_OF_WAREHOUSE", "LOGISTICS_ADJUSTMENT", "PROCESSING_ADJUSTMENT",
            "LOGISTICS_VERIFICATION_REPORT", "PROCESSING_VERIFICATION_REPORT", "LOGISTICS_LEDGER_SETUP",
            "PROCESSING_LEDGER_SETUP"})
    void everyListGoesThroughTheWholeShape(String code) throws Exception {
        walk(code, DocumentTypes.get(code).ledgerType() == LedgerType.LOGISTICS ? "GOODS" : "MATERIAL");
    }

    private void walk(String code, String kind) throws Exception {
        DocumentType type = DocumentTypes.get(code);
        boolean logistics = type.ledgerType() == LedgerType.LOGISTICS;
        Long ledgerId = !type.requiresLedger() ? null : logistics ? logisticsLedger : processingLedger;
        String item = switch (kind) {
            case "GOODS" -> goodsItem;
            case "MATERIAL" -> materialItem;
            default -> productItem;
        };
        boolean fromStock = type.line(LineKind.valueOf(kind)).orElseThrow().link() == LinkTarget.LEDGER_STOCK;
        long link = fromStock ? stock(token, ledgerId, item).path("id").asLong()
                : switch (kind) {
                    case "GOODS" -> goodsCommodity;
                    case "MATERIAL" -> materialCommodity;
                    default -> productCommodity;
                };
        String direction = type.stockEffect() == StockEffect.PER_LINE ? "DECREASE" : null;
        BigDecimal before = ledgerId == null ? BigDecimal.ZERO : quantity(token, ledgerId, item);

        // 基本信息: new, edit, delete
        JsonNode doc = create(token, code, ledgerId, Map.of("remark", "初稿"));
        long id = doc.path("id").asLong();
        assertThat(doc.path("status").asText()).isEqualTo("DRAFT");
        JsonNode edited = ok(api.put(token, "/documents/" + id, Map.of("version", doc.path("version").asInt(),
                "title", code + " 修改", "header", Map.of("remark", "已修改"))));
        assertThat(edited.path("header").path("remark").asText()).isEqualTo("已修改");
        long spare = create(token, code, ledgerId, Map.of()).path("id").asLong();
        assertThat(api.request("DELETE", token, "/documents/" + spare).status()).isEqualTo(204);
        assertThat(api.get(token, "/documents/" + spare).status()).isEqualTo(404);

        // 商品/料件信息: linked to the commodity library or the ledger stock; edit, copy, batch delete
        Map<String, Object> line = new HashMap<>(Map.of("kind", kind, "linkRef", link, "quantity", 5));
        if (direction != null) {
            line.put("direction", direction);
        }
        JsonNode lines = addLines(token, id, List.of(line));
        long lineId = lines.get(0).path("id").asLong();
        assertThat(lines.get(0).path("itemNo").asText()).isEqualTo(item);
        line.put("quantity", 7);
        assertThat(ok(api.put(token, "/documents/" + id + "/lines/" + lineId, line)).get(0).path("quantity").decimalValue())
                .isEqualByComparingTo("7");
        JsonNode copied = ok(api.post(token, "/documents/" + id + "/lines/copies", Map.of("lineIds", List.of(lineId))));
        assertThat(copied).hasSize(2);
        long copy = copied.get(1).path("id").asLong();
        assertThat(ok(api.post(token, "/documents/" + id + "/lines/deletion", Map.of("lineIds", List.of(copy))))).hasSize(1);

        // Excel: template, then one row linked by item number
        byte[] template = api.download(token, "/document-types/" + code + "/line-template");
        JsonNode imported = ok(upload("/documents/" + id + "/lines/import", "lines.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", row(template, kind, 3, direction, item)));
        assertThat(imported).hasSize(2);

        // 随附单证: stored, read, deleted
        byte[] pdf = ("%PDF-1.4 " + code + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        JsonNode attachment = ok(upload("/documents/" + id + "/attachments", "合同.pdf", "application/pdf", pdf));
        long attachmentId = attachment.path("id").asLong();
        assertThat(api.download(token, "/documents/" + id + "/attachments/" + attachmentId)).isEqualTo(pdf);
        assertThat(api.request("DELETE", token, "/documents/" + id + "/attachments/" + attachmentId).status()).isBetween(200, 204);
        ok(upload("/documents/" + id + "/attachments", "发票.pdf", "application/pdf", pdf));

        // 详情预览 and print; 信息复制
        JsonNode preview = ok(api.get(token, "/documents/" + id));
        assertThat(preview.path("lines")).hasSize(2);
        assertThat(preview.path("attachments")).hasSize(1);
        try (PDDocument printed = Loader.loadPDF(api.download(token, "/documents/" + id + "/print"))) {
            assertThat(new PDFTextStripper().getText(printed)).contains(type.nameZh().substring(0, 6)).contains("表体");
        }
        JsonNode duplicate = ok(api.post(token, "/documents/" + id + "/copies", Map.of()));
        assertThat(duplicate.path("status").asText()).isEqualTo("DRAFT");
        assertThat(duplicate.path("lines")).hasSize(2);

        // 生成报关单草稿数据 where the type has one: generated from the lines, and sent with the declaration
        if (type.customsDraft()) {
            JsonNode draft = ok(api.post(token, "/documents/" + id + "/customs-draft", Map.of()));
            assertThat(draft.path("goods")).hasSize(2);
        }

        // 申报 sealed to customs, 回执, 回执更新; the stock moves as the type says
        JsonNode declared = ok(api.post(token, "/documents/" + id + "/declaration", Map.of()));
        String no = declared.path("documentNo").asText();
        assertThat(CUSTOMS.declaration(no).path("documentType").asText()).isEqualTo(code);
        assertThat(CUSTOMS.declaration(no).path("lines")).hasSize(2);
        assertThat(CUSTOMS.declaration(no).path("customsDraft").path("goods").size()).isEqualTo(type.customsDraft() ? 2 : 0);
        ok(api.pushReceipt(CUSTOMS_SEALER, cn.hnsw.ledger.support.LedgerTestKeys.CUSTOMS, no, "RECEIVED", null, LedgerApi.newReceiptId()));
        ok(api.pushReceipt(CUSTOMS_SEALER, cn.hnsw.ledger.support.LedgerTestKeys.CUSTOMS, no, "APPROVED", null, LedgerApi.newReceiptId()));
        BigDecimal moved = ledgerId == null ? BigDecimal.ZERO : quantity(token, ledgerId, item).subtract(before);
        BigDecimal expected = switch (type.stockEffect()) {
            case INCREASE -> BigDecimal.TEN;
            case DECREASE, PER_LINE -> BigDecimal.TEN.negate();
            default -> BigDecimal.ZERO;
        };
        assertThat(moved).as("stock moved by %s", code).isEqualByComparingTo(expected);

        // a set-up's formal 核注 data activates its new ledger
        if (type.approvalAction() == ApprovalAction.CREATE_LEDGER) {
            ok(api.pushReceipt(CUSTOMS_SEALER, cn.hnsw.ledger.support.LedgerTestKeys.CUSTOMS, no, "FORMAL_DATA", null,
                    LedgerApi.newReceiptId()));
            JsonNode created = null;
            for (JsonNode l : ok(api.get(token, "/ledgers"))) {
                if (l.path("setupDocumentId").asLong() == id) {
                    created = l;
                }
            }
            assertThat(created).as("ledger of set-up %s", no).isNotNull();
            assertThat(created.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(created.path("ledgerType").asText()).isEqualTo(type.ledgerType().name());
        }

        // 查询: list by type, detail, the receipt history
        JsonNode listed = ok(api.get(token, "/documents?type=" + code + (ledgerId == null ? "" : "&ledgerId=" + ledgerId)));
        assertThat(listed.path("content").findValuesAsText("documentNo")).contains(no);
        JsonNode detail = ok(api.get(token, "/documents/" + id));
        assertThat(detail.path("status").asText()).isEqualTo("APPROVED");
        assertThat(detail.path("receipts").findValuesAsText("kind")).startsWith("RECEIVED", "APPROVED");
        // another enterprise neither reads it nor finds it
        LedgerApi.Response foreign = api.get(declarant(YANGPU_TRADING), "/documents/" + id);
        assertThat(foreign.status()).isIn(403, 404);
        assertThat(ok(api.get(declarant(YANGPU_TRADING), "/documents?type=" + code)).path("content")
                .findValuesAsText("documentNo")).doesNotContain(no);
    }

    @ParameterizedTest
    @ValueSource(strings = {"LOGISTICS", "PROCESSING"})
    void aLedgerIsCancelledOnlyAfterCustomsApprovedItsWriteOffReport(String ledgerType) {
        String other = declarant(SANYA_AGENT);
        boolean logistics = "LOGISTICS".equals(ledgerType);
        String kind = logistics ? "GOODS" : "MATERIAL";
        long item = fileMaterial(other, "SY-CX-" + UUID.randomUUID().toString().substring(0, 6), "8471300000", "笔记本电脑");
        long ledgerId;
        if (logistics) {
            ledgerId = activeLogisticsLedger(other, item);
        } else {
            long setup = create(other, "PROCESSING_LEDGER_SETUP", null, Map.of("port", "洋浦港")).path("id").asLong();
            addLines(other, setup, List.of(Map.of("kind", "MATERIAL", "linkRef", item, "quantity", 1)));
            String setupNo = approve(other, setup).path("documentNo").asText();
            ok(api.pushReceipt(CUSTOMS_SEALER, cn.hnsw.ledger.support.LedgerTestKeys.CUSTOMS, setupNo, "FORMAL_DATA", null,
                    LedgerApi.newReceiptId()));
            Long found = null;
            for (JsonNode l : ok(api.get(other, "/ledgers"))) {
                if (l.path("setupDocumentId").asLong() == setup) {
                    found = l.path("id").asLong();
                }
            }
            assertThat(found).isNotNull();
            ledgerId = found;
        }
        long in = create(other, ledgerType + "_ENTRY_GENERAL", ledgerId, Map.of()).path("id").asLong();
        addLines(other, in, List.of(Map.of("kind", kind, "linkRef", item, "quantity", 5)));
        approve(other, in);
        String cancellation = ledgerType + "_LEDGER_CANCELLATION";
        JsonNode draft = create(other, cancellation, ledgerId, Map.of("reason", "停止经营"));
        long cancel = draft.path("id").asLong();
        // 修改 and 删除 of a cancellation application
        assertThat(ok(api.put(other, "/documents/" + cancel, Map.of("version", draft.path("version").asInt(),
                "title", "注销申请", "header", Map.of("reason", "业务迁出海南")))).path("header").path("reason").asText())
                .isEqualTo("业务迁出海南");
        long spare = create(other, cancellation, ledgerId, Map.of()).path("id").asLong();
        assertThat(api.request("DELETE", other, "/documents/" + spare).status()).isEqualTo(204);
        LedgerApi.Response early = api.post(other, "/documents/" + cancel + "/declaration", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("LEDGER_NOT_VERIFIED");
        assertThat(ok(api.get(other, "/documents/" + cancel)).path("status").asText()).isEqualTo("DRAFT");

        // 报核: the balances as they stand, approved by customs
        long report = create(other, ledgerType + "_VERIFICATION_REPORT", ledgerId, Map.of()).path("id").asLong();
        JsonNode stockRow = ok(api.get(other, "/ledgers/" + ledgerId + "/stock")).get(0);
        addLines(other, report, List.of(Map.of("kind", kind, "linkRef", stockRow.path("id").asLong(), "quantity", 1)));
        approve(other, report);

        // 注销: now declared, and the approval closes the ledger for new lists
        assertThat(approve(other, cancel).path("status").asText()).isEqualTo("APPROVED");
        JsonNode ledger = null;
        for (JsonNode l : ok(api.get(other, "/ledgers"))) {
            if (l.path("id").asLong() == ledgerId) {
                ledger = l;
            }
        }
        assertThat(ledger).isNotNull();
        assertThat(ledger.path("status").asText()).isEqualTo("CANCELLED");
        // 查询: the applications of the ledger with their receipt history
        assertThat(ok(api.get(other, "/documents?type=" + cancellation + "&ledgerId=" + ledgerId)).path("content")
                .findValuesAsText("id")).containsExactly(String.valueOf(cancel));
        assertThat(ok(api.get(other, "/documents/" + cancel)).path("receipts").findValuesAsText("kind"))
                .containsExactly("RECEIVED", "APPROVED");
        LedgerApi.Response after = api.post(other, "/documents", Map.of("type", ledgerType + "_ENTRY_GENERAL", "ledgerId", ledgerId));
        assertThat(after.code()).isEqualTo("LEDGER_NOT_ACTIVE");
    }

    @Test
    void anApprovedConfirmationCodeMovesTheGovernmentsValueAddedStatistics() {
        String gov = officer("gov-province");
        JsonNode before = ok(api.get(gov, "/statistics/value-added"));
        long product = fileFinishedProduct("WC-P-" + UUID.randomUUID().toString().substring(0, 6));
        JsonNode code = create(token, "CONFIRMATION_CODE_FILING", processingLedger, Map.of("salePrice", 1000));
        long id = code.path("id").asLong();
        addLines(token, id, List.of(
                Map.of("kind", "FINISHED_PRODUCT", "linkRef", product, "quantity", 1),
                Map.of("kind", "DOMESTIC_MATERIAL_COST", "linkRef",
                        registeredDomesticMaterial(token, "WC-DM-" + UUID.randomUUID().toString().substring(0, 6), 10), "quantity", 10)));
        String no = approve(token, id).path("documentNo").asText();

        JsonNode after = ok(api.get(gov, "/statistics/value-added"));
        assertThat(after.path("totals").path("codes").asLong()).isEqualTo(before.path("totals").path("codes").asLong() + 1);
        assertThat(after.path("totals").path("totalSalePrice").decimalValue().subtract(
                before.path("totals").path("totalSalePrice").decimalValue())).isEqualByComparingTo("1000");
        assertThat(cost(after, "DOMESTIC_MATERIAL_COST").subtract(cost(before, "DOMESTIC_MATERIAL_COST"))).isEqualByComparingTo("500");
        JsonNode top = after.path("top10ByRate");
        if (top.size() < 10) {
            assertThat(top.findValuesAsText("documentNo")).contains(no);
        }
        assertThat(api.get(token, "/statistics/value-added").status()).isEqualTo(403);

        // 各企业确认码: the officer lists it, reads its finished product and material costs and its rate, exports it
        assertThat(ok(api.get(gov, "/documents?type=CONFIRMATION_CODE_FILING&enterprise=" + WENCHANG)).path("content")
                .findValuesAsText("documentNo")).contains(no);
        JsonNode detail = ok(api.get(gov, "/documents/" + id));
        assertThat(detail.path("lines").findValuesAsText("kind")).containsExactlyInAnyOrder("FINISHED_PRODUCT", "DOMESTIC_MATERIAL_COST");
        JsonNode rate = ok(api.get(gov, "/documents/" + id + "/value-added"));
        assertThat(rate.path("ratePct").decimalValue()).isEqualByComparingTo("100");
        assertThat(rate.path("qualifies").asBoolean()).isTrue();
        assertThat(api.download(gov, "/documents/export?type=CONFIRMATION_CODE_FILING")).isNotEmpty();
    }

    /**
     * The release notes' own parts of the shape (核放单, lines linked to the lines of an approved exit list or
     * out-of-warehouse application, the 关联单证 of the note): basic information edited and deleted, a linked line
     * edited, copied and batch-deleted, the same line brought back by Excel import by its line id, attached documents,
     * preview, copy of the whole note (drawing on the list's quantity, never beyond it), the vehicle, declare and
     * receipts; on both ledgers.
     */
    @ParameterizedTest
    @ValueSource(strings = {"LOGISTICS_RELEASE_NOTE_BATCH", "LOGISTICS_RELEASE_NOTE_GENERAL", "PROCESSING_RELEASE_NOTE_BATCH",
            "PROCESSING_RELEASE_NOTE_GENERAL"})
    void aReleaseNoteGoesThroughItsShapeOnTheLinesOfItsSourceList(String code) throws Exception {
        DocumentType type = DocumentTypes.get(code);
        boolean logistics = type.ledgerType() == LedgerType.LOGISTICS;
        long ledgerId = logistics ? logisticsLedger : processingLedger;
        String kind = logistics ? "GOODS" : "MATERIAL";
        String item = logistics ? goodsItem : materialItem;
        String sourceType = type.sourceDocumentTypes().get(0);
        long stockId = stock(token, ledgerId, item).path("id").asLong();
        long source = create(token, sourceType, ledgerId, Map.of()).path("id").asLong();
        addLines(token, source, List.of(Map.of("kind", kind, "linkRef", stockId, "quantity", 8)));
        JsonNode approvedSource = approve(token, source);
        long sourceLine = approvedSource.path("lines").get(0).path("id").asLong();

        Map<String, Object> body = new HashMap<>(Map.of("type", code, "ledgerId", ledgerId, "sourceDocumentId", source,
                "title", "核放单"));
        JsonNode note = ok(api.post(token, "/documents", body));
        long id = note.path("id").asLong();
        // 基本信息修改 / 删除
        assertThat(ok(api.put(token, "/documents/" + id, Map.of("version", note.path("version").asInt(), "title", "核放单（改）",
                "header", Map.of("gate", "洋浦港卡口")))).path("header").path("gate").asText()).isEqualTo("洋浦港卡口");
        long spare = ok(api.post(token, "/documents", body)).path("id").asLong();
        assertThat(api.request("DELETE", token, "/documents/" + spare).status()).isEqualTo(204);

        // 商品信息 / 关联单证信息: linked to the source list's line, edited, copied, batch-deleted, brought back by Excel
        Map<String, Object> line = new HashMap<>(Map.of("kind", kind, "linkRef", sourceLine, "quantity", 4));
        long lineId = addLines(token, id, List.of(line)).get(0).path("id").asLong();
        line.put("quantity", 3);
        assertThat(ok(api.put(token, "/documents/" + id + "/lines/" + lineId, line)).get(0).path("quantity").decimalValue())
                .isEqualByComparingTo("3");
        JsonNode withCopy = ok(api.post(token, "/documents/" + id + "/lines/copies", Map.of("lineIds", List.of(lineId))));
        assertThat(withCopy).hasSize(2);
        assertThat(withCopy.get(1).path("extra").path("sourceDocumentNo").asText()).isEqualTo(approvedSource.path("documentNo").asText());
        assertThat(ok(api.post(token, "/documents/" + id + "/lines/deletion", Map.of("lineIds",
                List.of(lineId, withCopy.get(1).path("id").asLong()))))).isEmpty();
        byte[] template = api.download(token, "/document-types/" + code + "/line-template");
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = wb.getSheetAt(0).createRow(1);
            row.createCell(0).setCellValue(kind);
            row.createCell(6).setCellValue(4);
            row.createCell(12).setCellValue(String.valueOf(sourceLine));
            wb.write(out);
            file = out.toByteArray();
        }
        JsonNode imported = ok(upload("/documents/" + id + "/lines/import", "lines.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file));
        assertThat(imported).hasSize(1);
        assertThat(imported.get(0).path("itemNo").asText()).isEqualTo(item);

        // 随附单证: stored, read, deleted
        byte[] pdf = ("%PDF-1.4 " + code + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        long attachmentId = ok(upload("/documents/" + id + "/attachments", "派车单.pdf", "application/pdf", pdf)).path("id").asLong();
        assertThat(api.download(token, "/documents/" + id + "/attachments/" + attachmentId)).isEqualTo(pdf);
        assertThat(api.request("DELETE", token, "/documents/" + id + "/attachments/" + attachmentId).status()).isBetween(200, 204);

        // 详情预览: the note, its source list and lines; 信息复制: a second note on the other 4, a third one finds none left
        JsonNode preview = ok(api.get(token, "/documents/" + id));
        assertThat(preview.path("sourceDocumentId").asLong()).isEqualTo(source);
        assertThat(preview.path("lines").get(0).path("linkRef").asLong()).isEqualTo(sourceLine);
        JsonNode copy = ok(api.post(token, "/documents/" + id + "/copies", Map.of()));
        assertThat(copy.path("lines")).hasSize(1);
        assertThat(copy.path("status").asText()).isEqualTo("DRAFT");
        LedgerApi.Response third = api.post(token, "/documents/" + id + "/copies", Map.of());
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.code()).isEqualTo("REGISTERED_QUANTITY_EXCEEDED");
        assertThat(api.request("DELETE", token, "/documents/" + copy.path("id").asLong()).status()).isEqualTo(204);

        // the vehicle, declared, customs' receipts
        ok(api.put(token, "/documents/" + id + "/vehicle", Map.of("plateNo", "琼E20261", "driver", "陈海")));
        JsonNode approved = approve(token, id);
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("vehicle").path("plateNo").asText()).isEqualTo("琼E20261");
        assertThat(CUSTOMS.declaration(approved.path("documentNo").asText()).path("lines")).hasSize(1);
        assertThat(approved.path("receipts").findValuesAsText("kind")).containsExactly("RECEIVED", "APPROVED");
        // 查询: listed by type on its ledger; 车辆信息变更 after approval
        assertThat(ok(api.get(token, "/documents?type=" + code + "&ledgerId=" + ledgerId)).path("content")
                .findValuesAsText("id")).contains(String.valueOf(id));
        JsonNode vehicleChanged = ok(api.put(token, "/documents/" + id + "/vehicle", Map.of("plateNo", "琼E88888", "driver", "吴岛")));
        assertThat(vehicleChanged.path("status").asText()).isEqualTo("APPROVED");
        assertThat(vehicleChanged.path("vehicle").path("plateNo").asText()).isEqualTo("琼E88888");
    }

    /**
     * 零关税物流 / 加工出账清单（集中报关）: a ledger leaves in two batches (out-of-warehouse 核减, a release note per
     * batch), one consolidated exit list declares both and books nothing again; its own shape: basic info edited, a
     * line split by edit and copy and batch-deleted back, Excel template, attachments, preview, print, customs draft,
     * receipts and the list query; a second consolidation of a batch is refused; after a void, its copy declares anew.
     */
    @ParameterizedTest
    @ValueSource(strings = {"PROCESSING", "LOGISTICS"})
    void aLedgerLeavesInBatchesUnderOneConsolidatedExitList(String ledgerType) throws Exception {
        boolean logistics = "LOGISTICS".equals(ledgerType);
        long ledger = logistics ? logisticsLedger : processingLedger;
        String kind = logistics ? "GOODS" : "MATERIAL";
        String item = logistics ? goodsItem : materialItem;
        long stockId = stock(token, ledger, item).path("id").asLong();
        BigDecimal before = quantity(token, ledger, item);
        long[] batches = new long[2];
        int[] sizes = {6, 4};
        for (int i = 0; i < 2; i++) {
            long oow = create(token, ledgerType + "_OUT_OF_WAREHOUSE", ledger, Map.of("batch", i + 1)).path("id").asLong();
            addLines(token, oow, List.of(Map.of("kind", kind, "linkRef", stockId, "quantity", sizes[i])));
            long oowLine = approve(token, oow).path("lines").get(0).path("id").asLong();
            batches[i] = oow;
            long note = ok(api.post(token, "/documents", Map.of("type", ledgerType + "_RELEASE_NOTE_BATCH", "ledgerId", ledger,
                    "sourceDocumentId", oow, "title", "核放单 " + (i + 1)))).path("id").asLong();
            ok(api.put(token, "/documents/" + note + "/vehicle", Map.of("plateNo", "琼E3000" + i, "driver", "符海")));
            addLines(token, note, List.of(Map.of("kind", kind, "linkRef", oowLine, "quantity", sizes[i])));
            assertThat(approve(token, note).path("status").asText()).isEqualTo("APPROVED");
        }
        assertThat(before.subtract(quantity(token, ledger, item))).isEqualByComparingTo("10");

        JsonNode consolidated = ok(api.post(token, "/consolidations", Map.of("type", ledgerType + "_EXIT_CONSOLIDATED",
                "outOfWarehouseIds", List.of(batches[0], batches[1]), "title", "加工集中报关")));
        long id = consolidated.path("id").asLong();
        assertThat(consolidated.path("lines")).hasSize(2);
        // 基本信息修改
        assertThat(ok(api.put(token, "/documents/" + id, Map.of("version", consolidated.path("version").asInt(),
                "title", "加工集中报关（改）", "header", Map.of("customsOffice", "洋浦海关")))).path("header")
                .path("customsOffice").asText()).isEqualTo("洋浦海关");
        // 料件信息: the first batch's line split in two (edit to 3, copy), then batch-deleted back and edited to 6
        JsonNode first = consolidated.path("lines").get(0);
        Map<String, Object> line = new HashMap<>(Map.of("kind", kind, "linkRef", first.path("linkRef").asLong(), "quantity", 3));
        long firstId = first.path("id").asLong();
        ok(api.put(token, "/documents/" + id + "/lines/" + firstId, line));
        JsonNode split = ok(api.post(token, "/documents/" + id + "/lines/copies", Map.of("lineIds", List.of(firstId))));
        assertThat(split).hasSize(3);
        long copyId = split.get(2).path("id").asLong();
        assertThat(ok(api.post(token, "/documents/" + id + "/lines/deletion", Map.of("lineIds", List.of(copyId))))).hasSize(2);
        line.put("quantity", 6);
        ok(api.put(token, "/documents/" + id + "/lines/" + firstId, line));
        // a line of another consolidation's batch cannot be drawn twice
        LedgerApi.Response twice = api.post(token, "/documents/" + id + "/lines", List.of(Map.of("kind", kind,
                "linkRef", first.path("linkRef").asLong(), "quantity", 1)));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(api.download(token, "/document-types/" + ledgerType + "_EXIT_CONSOLIDATED/line-template")).isNotEmpty();
        // 随附单证, 详情预览, 打印, 报关单草稿
        byte[] pdf = ("%PDF-1.4 consolidated " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        long attachmentId = ok(upload("/documents/" + id + "/attachments", "装箱单.pdf", "application/pdf", pdf)).path("id").asLong();
        assertThat(api.download(token, "/documents/" + id + "/attachments/" + attachmentId)).isEqualTo(pdf);
        JsonNode preview = ok(api.get(token, "/documents/" + id));
        assertThat(preview.path("lines").findValuesAsText("quantity").stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("10");
        assertThat(preview.path("attachments")).hasSize(1);
        try (PDDocument printed = Loader.loadPDF(api.download(token, "/documents/" + id + "/print"))) {
            assertThat(new PDFTextStripper().getText(printed)).contains(item);
        }
        JsonNode draft = ok(api.post(token, "/documents/" + id + "/customs-draft", Map.of()));
        assertThat(draft.path("goods")).hasSize(2);

        // 申报, 回执, 回执更新: declared with the draft, approved; no second 核减
        BigDecimal atDeclaration = quantity(token, ledger, item);
        JsonNode approved = approve(token, id);
        assertThat(approved.path("receipts").findValuesAsText("kind")).containsExactly("RECEIVED", "APPROVED");
        assertThat(approved.path("postings")).isEmpty();
        assertThat(CUSTOMS.declaration(approved.path("documentNo").asText()).path("customsDraft").path("goods")).hasSize(2);
        assertThat(quantity(token, ledger, item)).isEqualByComparingTo(atDeclaration);
        LedgerApi.Response again = api.post(token, "/consolidations", Map.of("type", ledgerType + "_EXIT_CONSOLIDATED",
                "outOfWarehouseIds", List.of(batches[1]), "title", "再次集报"));
        assertThat(again.code()).isEqualTo("CONSOLIDATION_INVALID");
        // 查询
        assertThat(ok(api.get(token, "/documents?type=" + ledgerType + "_EXIT_CONSOLIDATED&ledgerId=" + ledger))
                .path("content").findValuesAsText("id")).contains(String.valueOf(id));

        // 信息复制: a third batch consolidated, voided before declaration, copied and declared anew
        long third = create(token, ledgerType + "_OUT_OF_WAREHOUSE", ledger, Map.of("batch", 3)).path("id").asLong();
        addLines(token, third, List.of(Map.of("kind", kind, "linkRef", stockId, "quantity", 2)));
        approve(token, third);
        long voided = ok(api.post(token, "/consolidations", Map.of("type", ledgerType + "_EXIT_CONSOLIDATED",
                "outOfWarehouseIds", List.of(third), "title", "第三批"))).path("id").asLong();
        assertThat(api.post(token, "/documents/" + voided + "/copies", Map.of()).code()).isEqualTo("REGISTERED_QUANTITY_EXCEEDED");
        assertThat(ok(api.post(token, "/documents/" + voided + "/void", Map.of())).path("status").asText()).isEqualTo("VOIDED");
        JsonNode copy = ok(api.post(token, "/documents/" + voided + "/copies", Map.of()));
        assertThat(copy.path("lines")).hasSize(1);
        assertThat(approve(token, copy.path("id").asLong()).path("status").asText()).isEqualTo("APPROVED");
    }

    static java.util.stream.Stream<String> delegatedScopes() {
        return java.util.stream.Stream.of(LedgerType.LOGISTICS, LedgerType.PROCESSING).flatMap(l -> java.util.Arrays
                .stream(BusinessScope.values()).filter(sc -> sc.appliesTo(l))
                .filter(sc -> DocumentTypes.all().stream().anyMatch(t -> t.ledgerType() == l && t.scope() == sc))
                .map(sc -> l.name() + ":" + sc.name()));
    }

    /**
     * 代办业务支持授权校验 (FP 1847–1874): a delegate holding one business scope on one ledger type passes the check for
     * exactly the document types of that scope and ledger type, and is refused every other delegable type.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("delegatedScopes")
    void aDelegatePassesTheAuthorisationCheckForItsOneScopeOnly(String pair) {
        LedgerType ledgerType = LedgerType.valueOf(pair.split(":")[0]);
        BusinessScope scope = BusinessScope.valueOf(pair.split(":")[1]);
        String agent = declarant(HAIKOU_LOGISTICS);
        long delegation = ok(api.post(token, "/delegations", Map.of("delegate", HAIKOU_LOGISTICS, "delegateName", "海口物流",
                "ledgerType", ledgerType.name(), "scopes", List.of(scope.name())))).path("id").asLong();
        ok(api.post(agent, "/delegations/" + delegation + "/review", Map.of("approve", true)));
        try {
            // the authorised query: the delegation as the delegate sees it
            assertThat(ok(api.get(agent, "/delegations")).findValuesAsText("id")).contains(String.valueOf(delegation));
            int allowed = 0;
            for (DocumentType t : DocumentTypes.all()) {
                if (t.scope() == null || t.ledgerType() == null) {
                    continue;
                }
                Map<String, Object> body = new HashMap<>(Map.of("type", t.code(), "actingFor", WENCHANG, "title", "代办"));
                if (t.requiresLedger()) {
                    body.put("ledgerId", t.ledgerType() == LedgerType.LOGISTICS ? logisticsLedger : processingLedger);
                }
                LedgerApi.Response r = api.post(agent, "/documents", body);
                if (t.ledgerType() == ledgerType && t.scope() == scope) {
                    assertThat(r.code()).as("%s within %s", t.code(), pair).isNotEqualTo("DELEGATION_SCOPE_DENIED");
                    assertThat(r.status()).as("%s within %s: %s", t.code(), pair, r.body()).isNotEqualTo(403);
                    allowed++;
                } else {
                    assertThat(r.status()).as("%s outside %s", t.code(), pair).isEqualTo(403);
                    assertThat(r.code()).isEqualTo("DELEGATION_SCOPE_DENIED");
                }
            }
            assertThat(allowed).isPositive();
        } finally {
            assertThat(api.request("DELETE", token, "/delegations/" + delegation).status()).isEqualTo(204);
        }
    }

    private static BigDecimal cost(JsonNode stats, String kind) {
        for (JsonNode c : stats.path("costs")) {
            if (c.path("kind").asText().equals(kind)) {
                return c.path("amount").decimalValue();
            }
        }
        return BigDecimal.ZERO;
    }

    private long fileFinishedProduct(String itemNo) {
        long filing = create(token, "FINISHED_PRODUCT_FILING", null, Map.of()).path("id").asLong();
        addLines(token, filing, List.of(Map.of("kind", "FINISHED_PRODUCT", "itemNo", itemNo, "hsCode", "8471300000",
                "nameZh", "工控主板", "quantity", 1)));
        approve(token, filing);
        for (JsonNode c : ok(api.get(token, "/commodities"))) {
            if (c.path("itemNo").asText().equals(itemNo)) {
                return c.path("id").asLong();
            }
        }
        throw new AssertionError("finished product " + itemNo + " not in the library");
    }

    private static byte[] row(byte[] template, String kind, int quantity, String direction, String linkedItem) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(kind);
            row.createCell(6).setCellValue(quantity);
            if (direction != null) {
                row.createCell(10).setCellValue(direction);
            }
            row.createCell(11).setCellValue(linkedItem);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private LedgerApi.Response upload(String path, String fileName, String contentType, byte[] content) {
        String boundary = "----hnsw" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.postBytes(token, path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }
}
