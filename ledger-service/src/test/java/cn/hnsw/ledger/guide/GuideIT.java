package cn.hnsw.ledger.guide;

import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** 业务指引 (FP 1330–1459): the operator keeps guides with steps and files in object storage; enterprises read them. */
class GuideIT extends LedgerIntegrationTestBase {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectStorage storage;

    private static final String TOPIC = "ZT_LOGISTICS_BATCH_EXIT";

    @Test
    void theOperatorKeepsGuidesWithStepsAndFilesAndEnterprisesReadThem() {
        String operator = officer("sw-operator");
        String enterprise = declarant(YANGPU_TRADING);
        JsonNode guide = ok(api.post(operator, "/guides", Map.of("topic", TOPIC, "title", "分批出岛集中报关办理指引",
                "summary", "出库申请、核放单、集中报关三步",
                "steps", List.of(Map.of("title", "出库申请", "description", "每批货物提交出库申请"),
                        Map.of("title", "核放单", "description", "每批一张核放单过卡"),
                        Map.of("title", "集中报关", "description", "月度汇总生成报关单草稿")))));
        long id = guide.path("id").asLong();
        byte[] pdf = ("%PDF-1.4 guide " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        JsonNode file = ok(upload(operator, "/guides/" + id + "/attachments", "操作手册.pdf", "application/pdf", pdf));
        assertThat(file.path("sm3").asText()).hasSize(64);

        // the enterprise finds it under its topic, with the process in order and the file from object storage
        JsonNode topics = ok(api.get(enterprise, "/guides/topics"));
        assertThat(topics).hasSize(29);
        assertThat(topics.get(0).path("code").asText()).isEqualTo("ZT_LOGISTICS_FILING");
        JsonNode listed = ok(api.get(enterprise, "/guides?topic=" + TOPIC));
        assertThat(listed.findValuesAsText("title")).contains("分批出岛集中报关办理指引");
        JsonNode read = ok(api.get(enterprise, "/guides/" + id));
        assertThat(read.path("steps").findValuesAsText("title")).containsExactly("出库申请", "核放单", "集中报关");
        assertThat(api.download(enterprise, "/guides/" + id + "/attachments/" + file.path("id").asLong())).isEqualTo(pdf);
        String key = jdbc.sql("SELECT object_key FROM ledger_guide_attachment WHERE id = :id")
                .param("id", file.path("id").asLong()).query(String.class).single();
        assertThat(storage.exists(GuideService.BUCKET, key)).isTrue();

        // modify: new steps, version moves
        JsonNode changed = ok(api.put(operator, "/guides/" + id, Map.of("title", "分批出岛集中报关办理指引（2026 版）",
                "steps", List.of(Map.of("title", "出库申请"), Map.of("title", "集中报关")))));
        assertThat(changed.path("version").asInt()).isEqualTo(1);
        assertThat(changed.path("steps").findValuesAsText("title")).containsExactly("出库申请", "集中报关");
        assertThat(changed.path("topic").asText()).isEqualTo(TOPIC);

        // delete: the guide and its file are gone
        assertThat(api.request("DELETE", operator, "/guides/" + id).status()).isEqualTo(204);
        assertThat(api.get(enterprise, "/guides/" + id).code()).isEqualTo("GUIDE_NOT_FOUND");
        assertThat(storage.exists(GuideService.BUCKET, key)).isFalse();
    }

    @Test
    void enterprisesCannotChangeGuidesAndBadInputChangesNothing() {
        String operator = officer("sw-operator");
        String enterprise = declarant(HAIKOU_LOGISTICS);
        long before = jdbc.sql("SELECT count(*) FROM ledger_guide").query(Long.class).single();
        assertThat(api.post(enterprise, "/guides", Map.of("topic", TOPIC, "title", "企业自建")).status()).isEqualTo(403);
        LedgerApi.Response unknown = api.post(operator, "/guides", Map.of("topic", "NO_SUCH_TOPIC", "title", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("GUIDE_INVALID");
        assertThat(api.post(operator, "/guides", Map.of("topic", TOPIC, "title", " ")).code()).isEqualTo("GUIDE_INVALID");
        assertThat(api.post(operator, "/guides", Map.of("topic", TOPIC, "title", "无名步骤",
                "steps", List.of(Map.of("description", "缺名称")))).code()).isEqualTo("GUIDE_INVALID");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_guide").query(Long.class).single()).isEqualTo(before);

        long id = ok(api.post(operator, "/guides", Map.of("topic", TOPIC, "title", "权限测试指引"))).path("id").asLong();
        assertThat(api.put(enterprise, "/guides/" + id, Map.of("title", "改")).status()).isEqualTo(403);
        assertThat(api.request("DELETE", enterprise, "/guides/" + id).status()).isEqualTo(403);
        assertThat(upload(enterprise, "/guides/" + id + "/attachments", "a.pdf", "application/pdf", new byte[] {1}).status())
                .isEqualTo(403);
        assertThat(upload(operator, "/guides/" + id + "/attachments", "x.exe", "application/x-msdownload", new byte[] {1}).code())
                .isEqualTo("ATTACHMENT_INVALID");
        assertThat(api.get(officer("traveler"), "/guides").status()).isEqualTo(403);
        assertThat(ok(api.get(enterprise, "/guides/" + id)).path("title").asText()).isEqualTo("权限测试指引");
        assertThat(ok(api.get(enterprise, "/guides/" + id)).path("attachments")).isEmpty();
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

    /**
     * 首页指南-新手指南 (FP 1480–1506): each business line's detailed explanation is created, modified, queried and
     * deleted by the operator; its template is downloaded and filled, imported whole (or, with a wrong row, not at
     * all), exported in the template's columns and printed; enterprises read but do not import.
     */
    @ParameterizedTest
    @ValueSource(strings = {"BEGINNER_ZT_LOGISTICS", "BEGINNER_ZT_PROCESSING", "BEGINNER_OZ_PROCESSING"})
    void aBeginnerGuideIsKeptImportedExportedAndPrintedPerBusinessLine(String topic) throws Exception {
        String operator = officer("sw-operator");
        String enterprise = declarant(YANGPU_TRADING);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        // 创建, 修改, 查询
        JsonNode guide = ok(api.post(operator, "/guides", Map.of("topic", topic, "title", "业务总览 " + suffix,
                "summary", "从资质到出岛", "steps", List.of(Map.of("title", "取得资质", "description", "享惠主体资格")))));
        long id = guide.path("id").asLong();
        JsonNode changed = ok(api.put(operator, "/guides/" + id, Map.of("title", "业务总览 " + suffix, "summary", "从资质到出岛（修订）",
                "steps", List.of(Map.of("title", "取得资质", "description", "享惠主体资格"), Map.of("title", "设立账册", "description", "提交设立申请")))));
        assertThat(changed.path("version").asInt()).isEqualTo(1);
        assertThat(ok(api.get(enterprise, "/guides?topic=" + topic)).findValuesAsText("id")).contains(String.valueOf(id));

        // 模版下载, filled with two guides (the second one's steps out of order), 导入
        byte[] template = api.download(operator, "/guides/topics/" + topic + "/template");
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(new DataFormatter().formatCellValue(sheet.getRow(0).getCell(0))).contains("指引标题");
            row(sheet, 1, "入账办理 " + suffix, "进口入账", "1", "提交入账清单", "关联商品库");
            row(sheet, 2, "出岛办理 " + suffix, "分批出岛", "2", "核放单", "每批一张");
            row(sheet, 3, "出岛办理 " + suffix, "分批出岛", "1", "出库申请", "先出库");
            wb.write(out);
            filled = out.toByteArray();
        }
        JsonNode imported = ok(upload(operator, "/guides/topics/" + topic + "/import", "guides.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filled));
        assertThat(imported).hasSize(2);
        assertThat(imported.get(1).path("steps").findValuesAsText("title")).containsExactly("出库申请", "核放单");
        int count = ok(api.get(operator, "/guides?topic=" + topic)).size();

        // a wrong row: nothing of the file is imported, the row is named
        byte[] wrong;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            row(wb.getSheetAt(0), 1, "正确的指引 " + suffix, null, "1", "步骤", null);
            row(wb.getSheetAt(0), 2, "错误的指引 " + suffix, null, "第一步", "步骤", null);
            wb.write(out);
            wrong = out.toByteArray();
        }
        LedgerApi.Response refused = upload(operator, "/guides/topics/" + topic + "/import", "wrong.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", wrong);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("row[3]");
        assertThat(ok(api.get(operator, "/guides?topic=" + topic))).hasSize(count);
        assertThat(upload(enterprise, "/guides/topics/" + topic + "/import", "guides.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filled).status()).isEqualTo(403);

        // 导出: every step a row, in the template's columns
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(api.download(enterprise, "/guides/topics/" + topic + "/export")))) {
            StringBuilder cells = new StringBuilder();
            DataFormatter f = new DataFormatter();
            wb.getSheetAt(0).forEach(r -> r.forEach(c -> cells.append(f.formatCellValue(c)).append('|')));
            assertThat(cells.toString()).contains("业务总览 " + suffix + "|从资质到出岛（修订）|2|设立账册|提交设立申请")
                    .contains("出岛办理 " + suffix);
        }
        // 打印
        try (PDDocument printed = Loader.loadPDF(api.download(enterprise, "/guides/" + id + "/print"))) {
            assertThat(new PDFTextStripper().getText(printed)).contains("业务总览").contains("设立账册");
        }
        // 删除
        assertThat(api.request("DELETE", operator, "/guides/" + id).status()).isEqualTo(204);
        assertThat(api.get(enterprise, "/guides/" + id).code()).isEqualTo("GUIDE_NOT_FOUND");
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }
}
