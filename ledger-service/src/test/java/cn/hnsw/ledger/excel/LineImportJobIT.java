package cn.hnsw.ledger.excel;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 大文件 Excel 导入 on the server: the upload answers 202 with a job, the job's progress is polled until it ends, a
 * good file of 1,200 rows is imported whole; a file with two rows of unknown HS codes imports nothing and names both
 * rows, in the job and in its Excel error report; a declared document takes no import; another enterprise and
 * officers do not see the job.
 */
class LineImportJobIT extends LedgerIntegrationTestBase {

    /** An enterprise of this test only (division 469002: Qionghai). */
    static final String QIONGHAI = "91469002MA5T6N3J8R";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void aLargeFileIsImportedByAJobWhoseProgressThePagePolls() throws Exception {
        String token = declarant(QIONGHAI);
        long id = create(token, "MATERIAL_FILING", null, Map.of()).path("id").asLong();
        String prefix = "QH-" + UUID.randomUUID().toString().substring(0, 5) + "-";

        LedgerApi.Response started = upload(token, id, file(1_200, prefix, Set.of()));
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body().path("status").asText()).isIn("QUEUED", "RUNNING", "SUCCEEDED");
        long job = started.body().path("id").asLong();

        List<Integer> seen = new ArrayList<>();
        JsonNode done = await(token, job, seen);
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("totalRows").asInt()).isEqualTo(1_200);
        assertThat(done.path("processedRows").asInt()).isEqualTo(1_200);
        assertThat(done.path("importedRows").asInt()).isEqualTo(1_200);
        assertThat(done.path("percent").asInt()).isEqualTo(100);
        assertThat(seen).as("progress never goes back").isSorted();
        JsonNode lines = ok(api.get(token, "/documents/" + id)).path("lines");
        assertThat(lines).hasSize(1_200);
        assertThat(lines.findValuesAsText("itemNo")).contains(prefix + "1", prefix + "1200");
        assertThat(ok(api.get(token, "/documents/" + id + "/line-import-jobs")).findValuesAsText("id")).contains(String.valueOf(job));
        // a job that succeeded has no error report
        LedgerApi.Response noReport = api.get(token, "/line-import-jobs/" + job + "/error-report");
        assertThat(noReport.status()).isEqualTo(409);
        assertThat(noReport.code()).isEqualTo("IMPORT_JOB_NOT_FAILED");
    }

    @Test
    void aFileWithBadHsCodesImportsNothingAndReportsEveryBadRow() throws Exception {
        String token = declarant(QIONGHAI);
        long id = create(token, "MATERIAL_FILING", null, Map.of()).path("id").asLong();
        String prefix = "QB-" + UUID.randomUUID().toString().substring(0, 5) + "-";
        // sheet rows 7 and 899 are Excel rows 8 and 900
        LedgerApi.Response started = upload(token, id, file(1_000, prefix, Set.of(7, 899)));
        assertThat(started.status()).isEqualTo(202);
        long job = started.body().path("id").asLong();

        JsonNode done = await(token, job, new ArrayList<>());
        assertThat(done.path("status").asText()).isEqualTo("FAILED");
        assertThat(done.path("failureCode").asText()).isEqualTo("EXCEL_ROWS_INVALID");
        assertThat(done.path("totalRows").asInt()).isEqualTo(1_000);
        assertThat(done.path("importedRows").asInt()).isZero();
        assertThat(done.path("errorCount").asInt()).isEqualTo(2);
        assertThat(done.path("errors").findValuesAsText("row")).containsExactly("8", "900");
        assertThat(done.path("errors").findValuesAsText("code")).containsOnly("HS_CODE_UNKNOWN");
        assertThat(ok(api.get(token, "/documents/" + id)).path("lines")).as("nothing imported from a failed file").isEmpty();

        // the error report: one row per refused Excel row, with its reason in both languages
        byte[] report = api.download(token, "/line-import-jobs/" + job + "/error-report");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter f = new DataFormatter();
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(f.formatCellValue(sheet.getRow(1).getCell(0))).isEqualTo("8");
            assertThat(f.formatCellValue(sheet.getRow(2).getCell(0))).isEqualTo("900");
            assertThat(f.formatCellValue(sheet.getRow(1).getCell(1))).isEqualTo("HS_CODE_UNKNOWN");
            assertThat(f.formatCellValue(sheet.getRow(1).getCell(2))).contains("0000000000");
        }

        // another enterprise and an officer find no job
        assertThat(api.get(declarant(YANGPU_TRADING), "/line-import-jobs/" + job).status()).isEqualTo(404);
        assertThat(api.get(declarant(YANGPU_TRADING), "/line-import-jobs/" + job + "/error-report").status()).isEqualTo(404);
        assertThat(api.get(officer("customs-officer"), "/line-import-jobs/" + job).status()).isEqualTo(403);
        assertThat(upload(declarant(YANGPU_TRADING), id, file(2, "YP-", Set.of())).status()).isIn(403, 404);
    }

    @Test
    void aDeclaredDocumentTakesNoImportJob() throws Exception {
        String token = declarant(QIONGHAI);
        long id = create(token, "MATERIAL_FILING", null, Map.of()).path("id").asLong();
        addLines(token, id, List.of(Map.of("kind", "MATERIAL", "itemNo", "QD-" + UUID.randomUUID().toString().substring(0, 5),
                "hsCode", "8471300000", "quantity", 1)));
        ok(api.post(token, "/documents/" + id + "/declaration", Map.of()));
        LedgerApi.Response refused = upload(token, id, file(3, "QD-X-", Set.of()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("DOCUMENT_NOT_EDITABLE");
        assertThat(ok(api.get(token, "/documents/" + id + "/line-import-jobs"))).isEmpty();
    }

    private JsonNode await(String token, long job, List<Integer> seen) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode j = ok(api.get(token, "/line-import-jobs/" + job));
        while (!Set.of("SUCCEEDED", "FAILED").contains(j.path("status").asText()) && Instant.now().isBefore(deadline)) {
            seen.add(j.path("processedRows").asInt());
            Thread.sleep(50);
            j = ok(api.get(token, "/line-import-jobs/" + job));
        }
        seen.add(j.path("processedRows").asInt());
        return j;
    }

    /** A filing's material rows: item numbers prefix1..prefixN; the rows at the given sheet indexes get an unknown HS code. */
    private static byte[] file(int rows, String prefix, Set<Integer> badRows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("表体 Lines");
            sheet.createRow(0).createCell(0).setCellValue("表体类型 Line kind");
            for (int i = 1; i <= rows; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("MATERIAL");
                row.createCell(1).setCellValue(prefix + i);
                row.createCell(2).setCellValue(badRows.contains(i) ? "0000000000" : "8471300000");
                row.createCell(3).setCellValue("笔记本电脑");
                row.createCell(6).setCellValue(1 + i % 7);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private LedgerApi.Response upload(String token, long documentId, byte[] content) {
        String boundary = "----hnsw" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lines.xlsx\"\r\n"
                + "Content-Type: " + XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.postBytes(token, "/documents/" + documentId + "/lines/import-jobs", body.toByteArray(),
                "multipart/form-data; boundary=" + boundary);
    }
}
