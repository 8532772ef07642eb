package cn.hnsw.ledger.material;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 本企业料件成品备案信息查询: the enterprise's own filed materials and products, as customs approved them (the
 * library is filled from customs' approval receipts), listed by kind and shown one by one with their filing;
 * another enterprise sees neither the list entry nor the detail.
 */
class OwnFilingsIT extends LedgerIntegrationTestBase {

    @Test
    void theEnterpriseListsAndOpensItsOwnApprovedFilingsOnly() {
        String owner = "91460300MA5TOWNF1X";
        String token = declarant(owner);
        long id = fileMaterial(token, "OF-AL-01", "7601100000", "未锻轧非合金铝锭");

        JsonNode list = ok(api.get(token, "/commodities?kind=MATERIAL"));
        assertThat(list.findValuesAsText("itemNo")).containsExactly("OF-AL-01");
        assertThat(ok(api.get(token, "/commodities?kind=FINISHED_PRODUCT"))).isEmpty();

        JsonNode detail = ok(api.get(token, "/commodities/" + id));
        assertThat(detail.path("commodity").path("itemNo").asText()).isEqualTo("OF-AL-01");
        assertThat(detail.path("commodity").path("hsCode").asText()).isEqualTo("7601100000");
        assertThat(detail.path("filing").path("status").asText()).isEqualTo("APPROVED");
        assertThat(detail.path("filing").path("documentNo").asText()).isNotBlank();
        assertThat(detail.path("filing").path("lines").findValuesAsText("itemNo")).contains("OF-AL-01");

        String other = declarant(YANGPU_TRADING);
        assertThat(ok(api.get(other, "/commodities")).findValuesAsText("itemNo")).doesNotContain("OF-AL-01");
        LedgerApi.Response denied = api.get(other, "/commodities/" + id);
        assertThat(denied.status()).isEqualTo(404);
        assertThat(denied.code()).isEqualTo("COMMODITY_NOT_FOUND");
        assertThat(api.get(token, "/commodities/999999999").status()).isEqualTo(404);
        assertThat(api.get(officer("customs-officer"), "/commodities/" + id).status()).isEqualTo(403);
    }

    @Test
    void theFilingStatisticsCountTheEnterprisesOwnItemsByHsChapterAndCustomsReviewTime() throws Exception {
        String owner = "91460300MA5TOWNF2X";
        String token = declarant(owner);
        fileMaterial(token, "OS-AL-01", "7601100000", "未锻轧非合金铝锭");
        fileMaterial(token, "OS-AL-02", "7601100000", "铝锭");
        fileMaterial(token, "OS-WI-01", "2204210000", "小包装葡萄酒");

        JsonNode stats = ok(api.get(token, "/filing-statistics"));
        JsonNode first = stats.path("byHsChapter").get(0);
        assertThat(first.path("chapter").asText()).isEqualTo("76");
        assertThat(first.path("items").asLong()).isEqualTo(2);
        assertThat(first.path("materials").asLong()).isEqualTo(2);
        assertThat(stats.path("byHsChapter").findValuesAsText("chapter")).containsExactly("76", "22");
        JsonNode review = stats.path("reviewEfficiency");
        assertThat(review.findValuesAsText("type")).containsExactly("MATERIAL_FILING");
        assertThat(review.get(0).path("filings").asLong()).isEqualTo(3);
        assertThat(review.get(0).path("averageHours").decimalValue()).isNotNegative();
        assertThat(review.get(0).path("longestHours").decimalValue())
                .isGreaterThanOrEqualTo(review.get(0).path("averageHours").decimalValue());

        // 结果导出 (FP 1575, 1577): both tables as shown, in Excel with bilingual headers
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(api.download(token, "/filing-statistics/by-hs-chapter/export")))) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("HS章");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("76");
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(2);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("22");
        }
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(api.download(token, "/filing-statistics/review-efficiency/export")))) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).contains("平均审核时长");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("零关税料件备案");
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(3);
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue())
                    .isEqualTo(review.get(0).path("averageHours").doubleValue());
        }
        assertThat(api.get(officer("customs-officer"), "/filing-statistics/review-efficiency/export").status()).isEqualTo(403);

        JsonNode other = ok(api.get(declarant("91460300MA5TOWNF3X"), "/filing-statistics"));
        assertThat(other.path("byHsChapter")).isEmpty();
        assertThat(other.path("reviewEfficiency")).isEmpty();
        assertThat(api.get(officer("customs-officer"), "/filing-statistics").status()).isEqualTo(403);
    }
}
