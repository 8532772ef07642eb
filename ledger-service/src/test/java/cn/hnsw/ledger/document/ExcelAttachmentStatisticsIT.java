package cn.hnsw.ledger.document;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Excel template and import with per-row errors, attachments in S3, and the government statistics moving. */
class ExcelAttachmentStatisticsIT extends LedgerIntegrationTestBase {

    @Test
    void anExcelFileWithABadHsCodeRowImportsNothingAndReportsTheRow() throws Exception {
        String token = declarant(HAIKOU_LOGISTICS);
        long id = create(token, "MATERIAL_FILING", null, Map.of()).path("id").asLong();
        byte[] template = api.download(token, "/document-types/MATERIAL_FILING/line-template");
        byte[] bad = fill(template, new Object[][]{
                {"MATERIAL", "HK-PP-001", "3902100090", "聚丙烯", "", "千克", 1000},
                {"MATERIAL", "HK-PP-002", "3902100099", "聚丙烯（错码）", "", "千克", 500},
                {"MATERIAL", "HK-PE-003", "3901100001", "线性低密度聚乙烯", "", "千克", "一千"}});
        LedgerApi.Response refused = upload(token, "/documents/" + id + "/lines/import", "lines.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("EXCEL_ROWS_INVALID");
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("row[4]");
        assertThat(ok(api.get(token, "/documents/" + id)).path("lines")).isEmpty();

        byte[] stillBad = fill(template, new Object[][]{
                {"MATERIAL", "HK-PP-001", "3902100090", "聚丙烯", "", "千克", 1000},
                {"MATERIAL", "HK-PP-002", "3902100099", "聚丙烯（错码）", "", "千克", 500}});
        LedgerApi.Response badHs = upload(token, "/documents/" + id + "/lines/import", "lines.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", stillBad);
        assertThat(badHs.status()).isEqualTo(422);
        assertThat(badHs.body().path("errors").get(0).path("field").asText()).isEqualTo("row[3]");
        assertThat(badHs.body().path("errors").get(0).path("constraint").asText()).isEqualTo("HS_CODE_UNKNOWN");
        assertThat(badHs.body().path("errors").get(0).path("messageZh").asText()).contains("3902100099");
        assertThat(ok(api.get(token, "/documents/" + id)).path("lines")).isEmpty();

        byte[] good = fill(template, new Object[][]{
                {"MATERIAL", "HK-PP-001", "3902100090", "聚丙烯", "", "", 1000},
                {"MATERIAL", "HK-PE-003", "3901100001", "", "", "", 500}});
        JsonNode lines = ok(upload(token, "/documents/" + id + "/lines/import", "lines.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", good));
        assertThat(lines).hasSize(2);
        // the HS code table filled what the file left empty (HS-code auto-fetch)
        assertThat(lines.get(1).path("nameZh").asText()).isEqualTo("线性低密度聚乙烯");
        assertThat(lines.get(1).path("unit").asText()).isEqualTo("千克");
    }

    @Test
    void attachmentsGoToObjectStorageAndFollowTheEditRule() throws Exception {
        String token = declarant(HAIKOU_LOGISTICS);
        long id = create(token, "SCRAP_FILING", null, Map.of()).path("id").asLong();
        byte[] pdf = ("%PDF-1.4 证明材料 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        JsonNode stored = ok(upload(token, "/documents/" + id + "/attachments", "合同.pdf", "application/pdf", pdf));
        assertThat(stored.path("objectKey").asText()).startsWith(HAIKOU_LOGISTICS + "/");
        assertThat(api.download(token, "/documents/" + id + "/attachments/" + stored.path("id").asLong())).isEqualTo(pdf);
        assertThat(upload(token, "/documents/" + id + "/attachments", "x.exe", "application/x-msdownload", pdf).code())
                .isEqualTo("ATTACHMENT_INVALID");
        assertThat(api.get(declarant(YANGPU_TRADING), "/documents/" + id + "/attachments/" + stored.path("id").asLong())
                .status()).isEqualTo(403);

        addLines(token, id, List.of(Map.of("kind", "SCRAP", "itemNo", "HK-SC-9", "hsCode", "7606122000", "quantity", 1)));
        ok(api.post(token, "/documents/" + id + "/declaration", Map.of()));
        assertThat(upload(token, "/documents/" + id + "/attachments", "b.pdf", "application/pdf", pdf).code())
                .isEqualTo("DOCUMENT_NOT_EDITABLE");
        assertThat(ok(api.get(token, "/documents/" + id)).path("attachments")).hasSize(1);
    }

    @Test
    void governmentStatisticsMoveWhenGoodsLeaveAndEnterprisesCannotSeeThem() throws Exception {
        String token = declarant(YANGPU_TRADING);
        String gov = officer("gov-province");
        long drug = fileMaterial(token, "YP-MD-" + UUID.randomUUID().toString().substring(0, 6), "3004909099", "已配剂量药品");
        String itemNo = ok(api.get(token, "/commodities")).findValues("itemNo").stream().map(JsonNode::asText)
                .filter(n -> n.startsWith("YP-MD-")).reduce((a, b) -> b).orElseThrow();
        long ledgerId = activeLogisticsLedger(token, drug);
        JsonNode entry = create(token, "LOGISTICS_ENTRY_GENERAL", ledgerId, Map.of());
        addLines(token, entry.path("id").asLong(), List.of(Map.of("kind", "GOODS", "linkRef", drug, "quantity", 80)));
        approve(token, entry.path("id").asLong());

        double before = decreased(gov, YANGPU_TRADING);
        long stockId = stock(token, ledgerId, itemNo).path("id").asLong();
        JsonNode exit = create(token, "LOGISTICS_SALE_NON_BENEFICIARY", ledgerId, Map.of());
        addLines(token, exit.path("id").asLong(), List.of(Map.of("kind", "GOODS", "linkRef", stockId, "quantity", 25)));
        approve(token, exit.path("id").asLong());
        assertThat(decreased(gov, YANGPU_TRADING)).isEqualTo(before + 25);

        assertThat(ok(api.get(gov, "/statistics/filings/by-hs-chapter")).findValuesAsText("chapter")).contains("30");
        assertThat(ok(api.get(gov, "/statistics/filings/by-enterprise")).findValuesAsText("enterprise")).contains(YANGPU_TRADING);
        assertThat(ok(api.get(gov, "/statistics/ledgers/top-exits")).findValuesAsText("hsCode")).contains("3004909099");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(api.download(gov, "/statistics/ledger-movements/export")))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("enterprise");
            assertThat(wb.getSheetAt(0).getLastRowNum()).isPositive();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                api.download(gov, "/documents/export?type=LOGISTICS_SALE_NON_BENEFICIARY")))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(1);
        }
        assertThat(api.get(token, "/statistics/ledgers/movements").status()).isEqualTo(403);
    }

    private double decreased(String gov, String enterprise) {
        for (JsonNode row : ok(api.get(gov, "/statistics/ledgers/movements"))) {
            if (row.path("enterprise").asText().equals(enterprise)) {
                return row.path("decreased").asDouble();
            }
        }
        return 0;
    }

    private static byte[] fill(byte[] template, Object[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue((String) v);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private LedgerApi.Response upload(String token, String path, String fileName, String contentType, byte[] content) {
        String boundary = "----hnsw" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.postBytes(token, path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }
}
