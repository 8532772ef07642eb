package cn.hnsw.ledger.document;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 料件、成品、边角料备案 (FP 1507–1560) each through its whole shape: created, edited while not declared, queried;
 * the HS code's name and unit fetched from the code table; template and import; batch export; print; copy; the
 * customs logic check refusing an unknown code; pushed to customs, receipts and their history; the enterprise's filing
 * count on the home page; change after approval and void.
 */
class FilingShapeIT extends LedgerIntegrationTestBase {

    /** An enterprise of this test only (division 469005: Wenchang). */
    static final String WENCHANG_CITY = "91469005MA5TQ2N64D";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @ParameterizedTest
    @CsvSource({"MATERIAL_FILING,MATERIAL", "FINISHED_PRODUCT_FILING,FINISHED_PRODUCT", "SCRAP_FILING,SCRAP"})
    void everyFilingGoesThroughItsWholeShape(String type, String kind) throws Exception {
        String token = declarant(WENCHANG_CITY);
        String item = "WCC-" + kind.charAt(0) + "-" + UUID.randomUUID().toString().substring(0, 6);
        long before = ok(api.get(token, "/home")).path("goods").path(kind).asLong();

        // 创建, 未申报编辑, 查询
        JsonNode doc = create(token, type, null, Map.of("remark", "初稿"));
        long id = doc.path("id").asLong();
        assertThat(ok(api.put(token, "/documents/" + id, Map.of("version", doc.path("version").asInt(), "title", "备案（改）",
                "header", Map.of("remark", "已修改")))).path("header").path("remark").asText()).isEqualTo("已修改");
        assertThat(ok(api.get(token, "/documents?type=" + type)).path("content").findValuesAsText("id")).contains(String.valueOf(id));

        // HS编码信息自动获取: a line with only its code gets the table's name and unit
        assertThat(ok(api.get(token, "/hs-codes?q=84713")).findValuesAsText("code")).contains("8471300000");
        JsonNode lines = addLines(token, id, List.of(Map.of("kind", kind, "itemNo", item, "hsCode", "8471300000", "quantity", 1)));
        assertThat(lines.get(0).path("nameZh").asText()).isNotBlank();
        assertThat(lines.get(0).path("unit").asText()).isNotBlank();
        // 海关逻辑检控: an unknown code is refused and not stored
        LedgerApi.Response unknown = api.post(token, "/documents/" + id + "/lines",
                List.of(Map.of("kind", kind, "itemNo", item + "X", "hsCode", "0000000000", "quantity", 1)));
        assertThat(unknown.code()).isEqualTo("HS_CODE_UNKNOWN");
        assertThat(ok(api.get(token, "/documents/" + id + "/logic-check")).path("passed").asBoolean()).isTrue();

        // 模版下载 and 导入
        byte[] template = api.download(token, "/document-types/" + type + "/line-template");
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = wb.getSheetAt(0).createRow(1);
            row.createCell(0).setCellValue(kind);
            row.createCell(1).setCellValue(item + "-2");
            row.createCell(2).setCellValue("3902100090");
            row.createCell(6).setCellValue(1);
            wb.write(out);
            file = out.toByteArray();
        }
        assertThat(ok(upload(token, "/documents/" + id + "/lines/import", "filing.xlsx", XLSX, file))).hasSize(2);

        // 打印, 复制
        try (PDDocument printed = Loader.loadPDF(api.download(token, "/documents/" + id + "/print"))) {
            assertThat(new PDFTextStripper().getText(printed)).contains(item);
        }
        JsonNode copy = ok(api.post(token, "/documents/" + id + "/copies", Map.of()));
        assertThat(copy.path("lines")).hasSize(2);
        assertThat(api.request("DELETE", token, "/documents/" + copy.path("id").asLong()).status()).isEqualTo(204);

        // 推送海关, 回执, 历史回执, 详情
        JsonNode approved = approve(token, id);
        assertThat(CUSTOMS.declaration(approved.path("documentNo").asText()).path("documentType").asText()).isEqualTo(type);
        assertThat(approved.path("receipts").findValuesAsText("kind")).containsExactly("RECEIVED", "APPROVED");
        // 批量导出
        StringBuilder cells = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(api.download(token, "/documents/export?type=" + type)))) {
            DataFormatter f = new DataFormatter();
            wb.getSheetAt(0).forEach(r -> r.forEach(c -> cells.append(f.formatCellValue(c)).append('|')));
        }
        assertThat(cells.toString()).contains(approved.path("documentNo").asText());
        // 备案数据统计: two more items of the kind filed
        assertThat(ok(api.get(token, "/home")).path("goods").path(kind).asLong()).isEqualTo(before + 2);

        // 通过变更: changed, declared again, approved; then 作废
        JsonNode change = ok(api.post(token, "/documents/" + id + "/change", Map.of()));
        assertThat(change.path("status").asText()).isEqualTo("CHANGE_DRAFT");
        ok(api.put(token, "/documents/" + id, Map.of("version", change.path("version").asInt(), "title", "备案（变更）",
                "header", Map.of("remark", "规格变更"))));
        JsonNode changed = approve(token, id);
        assertThat(changed.path("status").asText()).isEqualTo("APPROVED");
        assertThat(changed.path("receipts").findValuesAsText("kind")).containsExactly("RECEIVED", "APPROVED", "RECEIVED", "APPROVED");
        assertThat(ok(api.post(token, "/documents/" + id + "/void", Map.of())).path("status").asText()).isEqualTo("VOIDED");
        assertThat(api.get(declarant(YANGPU_TRADING), "/documents/" + id).status()).isIn(403, 404);
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
