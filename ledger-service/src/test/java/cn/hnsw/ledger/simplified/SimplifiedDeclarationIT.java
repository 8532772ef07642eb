package cn.hnsw.ledger.simplified;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import cn.hnsw.ledger.support.LedgerTestKeys;
import cn.hnsw.ledger.warning.LedgerWarnings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 简化申报 (FP 1969–2005, 2038–2075) on both ledgers: customs docks the simplified-declaration data sealed (once, however
 * often it is sent) and later its receipt; the enterprise lists and reads its declarations and those waiting to be
 * booked, a declaration not booked in time raises the booking warning; booking creates the entry list linked to it
 * from the commodity library, which goes through the whole shape and books the stock on approval; an entry list
 * without its declaration, beyond the declared quantity, or a second booking is refused; other enterprises see nothing.
 */
class SimplifiedDeclarationIT extends LedgerIntegrationTestBase {

    /** An enterprise of this test only (division 469003: Danzhou). */
    static final String DANZHOU = "91469003MA5TD3K88W";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    LedgerWarnings warnings;

    @ParameterizedTest
    @ValueSource(strings = {"LOGISTICS", "PROCESSING"})
    void aSimplifiedDeclarationIsDockedBookedIntoTheLedgerAndItsEntryListDeclared(String ledgerType) throws Exception {
        String token = declarant(DANZHOU);
        boolean logistics = "LOGISTICS".equals(ledgerType);
        String kind = logistics ? "GOODS" : "MATERIAL";
        String type = ledgerType + "_ENTRY_SIMPLIFIED";
        String item = "DZ-" + UUID.randomUUID().toString().substring(0, 6);
        long commodity = fileMaterial(token, item, "8471300000", "笔记本电脑");
        long ledgerId = logistics ? activeLogisticsLedger(token, commodity) : processingLedger(token, commodity);
        String ledgerNo = ledgerNo(token, ledgerId);

        // 数据对接: sealed by customs, docked once however often it comes
        String no = "JD" + System.nanoTime() % 10_000_000_000L;
        Map<String, Object> declaration = declaration(no, ledgerNo, item, 30, Instant.now().minus(Duration.ofHours(3)));
        assertThat(push(declaration).body().path("status").asText()).isEqualTo("PENDING_BOOKING");
        assertThat(push(declaration).body().path("documentNo").asText()).isEqualTo(no);
        assertThat(push(declaration(no + "X", "HNZB-NO-SUCH", item, 1, Instant.now())).status()).isEqualTo(400);
        JsonNode listed = ok(api.get(token, "/simplified-declarations?ledgerId=" + ledgerId));
        assertThat(listed.findValuesAsText("declarationNo").stream().filter(no::equals)).hasSize(1);
        long id = idOf(listed, no);
        // 数据详情展示, 待入账列表; other enterprises do not see it, officers do
        JsonNode detail = ok(api.get(token, "/simplified-declarations/" + id));
        assertThat(detail.path("lines").get(0).path("itemNo").asText()).isEqualTo(item);
        assertThat(detail.path("pendingBooking").asBoolean()).isTrue();
        assertThat(ok(api.get(token, "/simplified-declarations?pending=true")).findValuesAsText("declarationNo")).contains(no);
        assertThat(api.get(declarant(YANGPU_TRADING), "/simplified-declarations/" + id).status()).isEqualTo(404);
        assertThat(ok(api.get(declarant(YANGPU_TRADING), "/simplified-declarations")).findValuesAsText("declarationNo")).doesNotContain(no);
        assertThat(ok(api.get(officer("customs-officer"), "/simplified-declarations?ledgerId=" + ledgerId))
                .findValuesAsText("declarationNo")).contains(no);
        // 回执对接
        ok(pushReceipt(no, "RELEASED", "海关已放行"));
        assertThat(ok(api.get(token, "/simplified-declarations/" + id)).path("receiptStatus").asText()).isEqualTo("RELEASED");

        // 入账预警: declared 3 hours ago, not booked, the rule tolerates 2
        ok(api.put(token, "/ledgers/" + ledgerId + "/warning-rules", Map.of("kind", "BOOKING_OVERDUE", "toleranceHours", 2,
                "notifyEnterprise", true)));
        warnings.evaluate();
        assertThat(ok(api.get(token, "/warnings?ledgerId=" + ledgerId)).findValuesAsText("messageZh"))
                .anyMatch(m -> m.contains(no) && m.contains("未入账"));

        // an entry list without its declaration is refused at declaration, and deleted (基本信息删除)
        long unlinked = create(token, type, ledgerId, Map.of()).path("id").asLong();
        addLines(token, unlinked, List.of(Map.of("kind", kind, "linkRef", commodity, "quantity", 1)));
        LedgerApi.Response refused = api.post(token, "/documents/" + unlinked + "/declaration", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("SIMPLIFIED_DECLARATION_REQUIRED");
        assertThat(api.request("DELETE", token, "/documents/" + unlinked).status()).isEqualTo(204);

        // 入账: an entry list linked to the declaration, from the commodity library; a second booking is refused
        LedgerApi.Response booked = api.post(token, "/simplified-declarations/" + id + "/booking", Map.of());
        assertThat(booked.status()).isEqualTo(201);
        JsonNode entry = booked.body();
        long entryId = entry.path("id").asLong();
        assertThat(entry.path("type").asText()).isEqualTo(type);
        assertThat(entry.path("header").path("simplifiedDeclarationNo").asText()).isEqualTo(no);
        assertThat(entry.path("lines").get(0).path("itemNo").asText()).isEqualTo(item);
        assertThat(entry.path("lines").get(0).path("quantity").decimalValue()).isEqualByComparingTo("30");
        assertThat(api.post(token, "/simplified-declarations/" + id + "/booking", Map.of()).code()).isEqualTo("SIMPLIFIED_DECLARATION_BOOKED");
        assertThat(ok(api.get(token, "/simplified-declarations?pending=true")).findValuesAsText("declarationNo")).doesNotContain(no);
        warnings.evaluate();
        assertThat(ok(api.get(token, "/warnings?ledgerId=" + ledgerId)).findValuesAsText("messageZh")).noneMatch(m -> m.contains(no));

        // the entry list's shape: basic info edited, a line beyond the declaration refused at declaration, edited back,
        // copied and batch-deleted, deleted and brought back by Excel, attachments, preview, copy
        ok(api.put(token, "/documents/" + entryId, Map.of("version", entry.path("version").asInt(), "title", "简化申报入账（改）",
                "header", Map.of("simplifiedDeclarationNo", no, "port", "洋浦港"))));
        long lineId = entry.path("lines").get(0).path("id").asLong();
        Map<String, Object> line = new HashMap<>(Map.of("kind", kind, "linkRef", commodity, "quantity", 40));
        ok(api.put(token, "/documents/" + entryId + "/lines/" + lineId, line));
        LedgerApi.Response beyond = api.post(token, "/documents/" + entryId + "/declaration", Map.of());
        assertThat(beyond.code()).isEqualTo("SIMPLIFIED_DECLARATION_REQUIRED");
        assertThat(beyond.body().toString()).contains(item);
        line.put("quantity", 15);
        ok(api.put(token, "/documents/" + entryId + "/lines/" + lineId, line));
        JsonNode copied = ok(api.post(token, "/documents/" + entryId + "/lines/copies", Map.of("lineIds", List.of(lineId))));
        assertThat(copied).hasSize(2);
        assertThat(ok(api.post(token, "/documents/" + entryId + "/lines/deletion", Map.of("lineIds",
                List.of(copied.get(0).path("id").asLong(), copied.get(1).path("id").asLong()))))).isEmpty();
        byte[] template = api.download(token, "/document-types/" + type + "/line-template");
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = wb.getSheetAt(0).createRow(1);
            row.createCell(0).setCellValue(kind);
            row.createCell(6).setCellValue(30);
            row.createCell(11).setCellValue(item);
            wb.write(out);
            file = out.toByteArray();
        }
        assertThat(ok(upload(token, "/documents/" + entryId + "/lines/import", "lines.xlsx", XLSX, file)).get(0)
                .path("itemNo").asText()).isEqualTo(item);
        byte[] pdf = ("%PDF-1.4 simplified " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        long attachment = ok(upload(token, "/documents/" + entryId + "/attachments", "提单.pdf", "application/pdf", pdf)).path("id").asLong();
        assertThat(api.download(token, "/documents/" + entryId + "/attachments/" + attachment)).isEqualTo(pdf);
        assertThat(api.request("DELETE", token, "/documents/" + entryId + "/attachments/" + attachment).status()).isBetween(200, 204);
        JsonNode preview = ok(api.get(token, "/documents/" + entryId));
        assertThat(preview.path("lines")).hasSize(1);
        JsonNode copy = ok(api.post(token, "/documents/" + entryId + "/copies", Map.of()));
        assertThat(copy.path("header").path("simplifiedDeclarationNo").asText()).isEqualTo(no);
        assertThat(api.request("DELETE", token, "/documents/" + copy.path("id").asLong()).status()).isEqualTo(204);

        // 申报, 回执, 回执更新: the stock grows by the declared 30
        BigDecimal before = quantity(token, ledgerId, item);
        JsonNode approved = approve(token, entryId);
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(CUSTOMS.declaration(approved.path("documentNo").asText()).path("header").path("simplifiedDeclarationNo").asText())
                .isEqualTo(no);
        assertThat(quantity(token, ledgerId, item).subtract(before)).isEqualByComparingTo("30");
        // 查询: list, detail with the receipt history; the declaration shows its entry list
        assertThat(ok(api.get(token, "/documents?type=" + type + "&ledgerId=" + ledgerId)).path("content")
                .findValuesAsText("id")).contains(String.valueOf(entryId));
        assertThat(ok(api.get(token, "/documents/" + entryId)).path("receipts").findValuesAsText("kind")).containsExactly("RECEIVED", "APPROVED");
        assertThat(ok(api.get(token, "/simplified-declarations/" + id)).path("entryDocumentNo").asText())
                .isEqualTo(approved.path("documentNo").asText());
        assertThat(api.get(declarant(YANGPU_TRADING), "/documents/" + entryId).status()).isIn(403, 404);

        // an item the enterprise never filed cannot be booked
        String unfiled = no + "U";
        push(declaration(unfiled, ledgerNo, "DZ-NOT-FILED", 5, Instant.now()));
        long unfiledId = idOf(ok(api.get(token, "/simplified-declarations?pending=true")), unfiled);
        assertThat(api.post(token, "/simplified-declarations/" + unfiledId + "/booking", Map.of()).code()).isEqualTo("SIMPLIFIED_ITEM_NOT_FILED");
    }

    private static Map<String, Object> declaration(String no, String ledgerNo, String item, int quantity, Instant declaredAt) {
        return Map.of("messageType", "SIMPLIFIED_DECLARATION", "declarationNo", no, "ledgerNo", ledgerNo, "port", "洋浦港",
                "declaredAt", declaredAt.toString(), "lines", List.of(Map.of("itemNo", item, "hsCode", "8471300000",
                        "nameZh", "笔记本电脑", "quantity", quantity, "unit", "台", "unitPrice", 4200, "currency", "CNY")));
    }

    private LedgerApi.Response push(Map<String, Object> message) throws Exception {
        byte[] sealed = CUSTOMS_SEALER.seal(json.writeValueAsBytes(message), LedgerTestKeys.CUSTOMS, LedgerTestKeys.PLATFORM).toJson();
        return api.postBytes(null, "/customs/receipts", sealed, "application/json");
    }

    private LedgerApi.Response pushReceipt(String no, String status, String note) throws Exception {
        return push(Map.of("messageType", "SIMPLIFIED_DECLARATION_RECEIPT", "declarationNo", no, "status", status, "note", note));
    }

    private static long idOf(JsonNode list, String no) {
        for (JsonNode d : list) {
            if (d.path("declarationNo").asText().equals(no)) {
                return d.path("id").asLong();
            }
        }
        throw new AssertionError(no + " not in " + list);
    }

    private String ledgerNo(String token, long ledgerId) {
        for (JsonNode l : ok(api.get(token, "/ledgers"))) {
            if (l.path("id").asLong() == ledgerId) {
                return l.path("ledgerNo").asText();
            }
        }
        throw new AssertionError("ledger " + ledgerId);
    }

    private long processingLedger(String token, long material) {
        long setup = create(token, "PROCESSING_LEDGER_SETUP", null, Map.of("port", "洋浦港")).path("id").asLong();
        addLines(token, setup, List.of(Map.of("kind", "MATERIAL", "linkRef", material, "quantity", 1)));
        ok(api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, approve(token, setup).path("documentNo").asText(),
                "FORMAL_DATA", null, LedgerApi.newReceiptId()));
        for (JsonNode l : ok(api.get(token, "/ledgers"))) {
            if (l.path("setupDocumentId").asLong() == setup) {
                return l.path("id").asLong();
            }
        }
        throw new AssertionError("processing ledger not created");
    }

    private LedgerApi.Response upload(String token, String path, String fileName, String type, byte[] content) {
        String boundary = "----hnsw" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.postBytes(token, path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }
}
