package cn.hnsw.customs.declaration;

import cn.hnsw.customs.CustomsIntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.hnsw.customs.declaration.DeclarationFixtures.header;
import static cn.hnsw.customs.declaration.DeclarationFixtures.item;
import static cn.hnsw.customs.declaration.DeclarationFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

/** Excel import with its row report, the template, the list export, print, and the second-line modules on the same engine. */
class ImportPrintAndSecondLineIT extends CustomsIntegrationTestBase {

    static final String PET = "3907610000";

    @BeforeEach
    void referenceData() {
        put("/v1/zero-tariff/qualifications/" + ENTERPRISE_A, operatorToken(), Map.of("enterpriseUscc", ENTERPRISE_A,
                "enterpriseName", "海南洋浦新材料科技有限公司", "validFrom", "2025-12-18", "revoked", false));
        put("/v1/zero-tariff/whitelist/" + PET, operatorToken(), Map.of("hsCode", PET, "nameZh", "聚对苯二甲酸乙二醇酯", "category", "原辅料"));
    }

    @Test
    void theTemplateImportsAndTheReportSaysRowByRowWhatHappened() throws IOException {
        HttpResponse<byte[]> template = HTTP_bytes("/v1/declarations/import-template");
        assertThat(template.statusCode()).isEqualTo(200);
        byte[] workbook;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            Row title = sheet.getRow(0);
            assertThat(title.getCell(0).getStringCellValue()).isEqualTo("报关单序号 Declaration group");
            Map<String, Integer> col = new java.util.HashMap<>();
            title.forEach(c -> col.put(c.getStringCellValue().split(" ")[0], c.getColumnIndex()));
            // Declaration 1: two good items; declaration 2: a commodity outside the whitelist; row 5: a bad number.
            String[][] rows = {
                    {"1", PET, "5000", "1.25", "6250"},
                    {"1", PET, "100", "2", "200"},
                    {"2", "2203000000", "10", "1", "10"},
                    {"3", PET, "abc", "1", "1"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                Map<String, Object> h = header(ENTERPRISE_A);
                set(row, col, "报关单序号", rows[r][0]);
                set(row, col, "申报地海关", "6400");
                set(row, col, "监管方式", "0110");
                set(row, col, "征免性质", "101");
                set(row, col, "运输方式", "2");
                set(row, col, "运输工具名称", (String) h.get("vesselName"));
                set(row, col, "航次号", (String) h.get("voyageNo"));
                set(row, col, "提运单号", (String) h.get("billOfLadingNo"));
                set(row, col, "境内收发货人代码", ENTERPRISE_A);
                set(row, col, "境内收发货人名称", "海南洋浦新材料科技有限公司");
                set(row, col, "贸易国（地区）", "SGP");
                set(row, col, "毛重（千克）", "5400.5");
                set(row, col, "净重（千克）", "5200");
                set(row, col, "商品编号", rows[r][1]);
                set(row, col, "商品名称", "聚酯切片");
                set(row, col, "成交数量", rows[r][2]);
                set(row, col, "成交计量单位", "035");
                set(row, col, "单价", rows[r][3]);
                set(row, col, "总价", rows[r][4]);
                set(row, col, "币制", "USD");
                set(row, col, "原产国（地区）", "SGP");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            workbook = out.toByteArray();
        }
        long before = jdbc.queryForObject("SELECT count(*) FROM customs_declaration", Long.class);
        HttpResponse<String> response = multipart("/v1/declarations/imports?declarationType=DIRECT_RELEASE",
                enterpriseToken(ENTERPRISE_A), "申报.xlsx", workbook);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = json(response.body());
        assertThat(report.path("rows").asInt()).isEqualTo(4);
        assertThat(report.path("declarationsCreated").asInt()).isEqualTo(1);
        assertThat(report.path("declarationsRefused").asInt()).isEqualTo(2);
        JsonNode results = report.path("results");
        assertThat(results.get(0).path("row").asInt()).isEqualTo(2);
        assertThat(results.get(0).path("created").asBoolean()).isTrue();
        assertThat(results.get(1).path("preEntryNo").asText()).isEqualTo(results.get(0).path("preEntryNo").asText());
        assertThat(results.get(2).path("messagesZh").get(0).asText()).isEqualTo("该商品不在白名单范围。");
        assertThat(results.get(3).path("messagesZh").get(0).asText()).contains("第5行").contains("不是数字");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customs_declaration", Long.class)).isEqualTo(before + 1);

        String id = results.get(0).path("declarationId").asText();
        JsonNode imported = json(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_A)).body());
        assertThat(imported.path("items").size()).isEqualTo(2);
        assertThat(imported.path("header").path("remark").asText()).isEqualTo("一线径予放行");

        HttpResponse<String> notExcel = multipart("/v1/declarations/imports?declarationType=DIRECT_RELEASE",
                enterpriseToken(ENTERPRISE_A), "申报.csv", "a,b".getBytes(StandardCharsets.UTF_8));
        assertThat(notExcel.statusCode()).isEqualTo(400);
        assertThat(json(notExcel.body()).path("code").asText()).isEqualTo("IMPORT_FILE_INVALID");
    }

    @Test
    void printShowsTheDeclarationAsTheFormAndExportListsOnlyOnesOwn() throws IOException {
        HttpResponse<String> created = post("/v1/declarations", enterpriseToken(ENTERPRISE_A),
                request("DIRECT_RELEASE", header(ENTERPRISE_A), List.of(item(PET, "聚酯切片<script>"))));
        String id = json(created.body()).path("declaration").path("id").asText();
        HttpResponse<String> print = get("/v1/declarations/" + id + "/print", enterpriseToken(ENTERPRISE_A));
        assertThat(print.statusCode()).isEqualTo(200);
        assertThat(print.body()).contains("中华人民共和国海关进口货物报关单（径予放行）").contains("一线径予放行")
                .contains("聚酯切片&lt;script&gt;").doesNotContain("<script>");
        assertThat(get("/v1/declarations/" + id + "/print", enterpriseToken(ENTERPRISE_B)).statusCode()).isEqualTo(404);

        HttpResponse<byte[]> export = HTTP_bytes("/v1/declarations/export", enterpriseToken(ENTERPRISE_B));
        assertThat(export.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            for (Row row : wb.getSheetAt(0)) {
                assertThat(row.getCell(4).getStringCellValue()).isNotEqualTo(ENTERPRISE_A);
            }
        }
    }

    @Test
    void secondLineDomesticSaleNeedsItsVerificationListAndLedgerAndIsDeclaredOnTheSameEngine() {
        Map<String, Object> h = header(ENTERPRISE_B);
        h.put("transportMode", "4");
        h.put("remark", "二线内销");
        h.put("goodsAttributes", "19");
        // Enterprise B has no qualification and none is needed for the second line.
        HttpResponse<String> created = post("/v1/declarations", enterpriseToken(ENTERPRISE_B),
                request("SECOND_LINE_DOMESTIC_SALE", h, List.of(item("2203000000", "啤酒"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created.body()).path("declaration").path("id").asText();
        assertThat(json(created.body()).path("declaration").path("header").path("remark").asText()).isEqualTo("二线内销");

        JsonNode report = json(post("/v1/declarations/" + id + "/prevalidation", enterpriseToken(ENTERPRISE_B), "").body());
        assertThat(report.path("findings").findValuesAsText("ruleCode"))
                .containsExactlyInAnyOrder("DOCUMENTS-VERIFICATION-LIST", "BUSINESS-SECOND-LINE-LEDGER");
        assertThat(post("/v1/declarations/" + id + "/submission", enterpriseToken(ENTERPRISE_B), "").statusCode()).isEqualTo(422);

        h.put("verificationListNo", "QD640026I000000123");
        h.put("ledgerNo", "L6400D26000002");
        assertThat(put("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_B),
                request("SECOND_LINE_DOMESTIC_SALE", h, List.of(item("2203000000", "啤酒")))).statusCode()).isEqualTo(200);
        assertThat(post("/v1/declarations/" + id + "/submission", enterpriseToken(ENTERPRISE_B), "").statusCode()).isEqualTo(200);
        await("the technical receipt", () -> "SW_ACCEPTED".equals(jdbc.queryForObject(
                "SELECT status FROM customs_declaration WHERE id = ?::uuid", String.class, id)));
        String conversation = jdbc.queryForObject("SELECT conversation_id::text FROM customs_declaration WHERE id = ?::uuid", String.class, id);
        assertThat(postBytes("/v1/receipts", PARTNER.businessReceipt("H2018-2L-" + id, conversation, "RELEASED",
                "640020261000077777")).statusCode()).isEqualTo(200);
        // A second-line domestic sale has no sub-centre side: only direct release and the general declarations go there.
        assertThat(json(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_B)).body()).path("distributionStatus").asText()).isEqualTo("NONE");
    }

    @Test
    void firstAndSecondLineGeneralDeclarationsUseTheirOwnRules() {
        Map<String, Object> h = header(ENTERPRISE_B);
        h.put("billOfLadingNo", null);
        HttpResponse<String> first = post("/v1/declarations", enterpriseToken(ENTERPRISE_B),
                request("FIRST_LINE_GENERAL", h, List.of(item("2203000000", "啤酒"))));
        String firstId = json(first.body()).path("declaration").path("id").asText();
        assertThat(findings(firstId)).containsExactly("DOCUMENTS-TRANSPORT");

        HttpResponse<String> second = post("/v1/declarations", enterpriseToken(ENTERPRISE_B),
                request("SECOND_LINE_GENERAL", header(ENTERPRISE_B), List.of(item("2203000000", "啤酒"))));
        String secondId = json(second.body()).path("declaration").path("id").asText();
        assertThat(findings(secondId)).containsExactlyInAnyOrder("DOCUMENTS-VERIFICATION-LIST", "SECOND-LINE-GENERAL-LEDGER");
    }

    @Test
    void aFirstLineGeneralDeclarationIsRefusedByEachOfItsOwnRulesAndDeclaredOnceRight() {
        Map<String, Object> h = header(ENTERPRISE_B);
        h.put("supervisionMode", "0644");
        h.put("departureCountry", "CHN");
        h.put("entryExitCustoms", null);
        h.put("overseasTraderName", null);
        h.put("levyNature", "503");
        String id = json(post("/v1/declarations", enterpriseToken(ENTERPRISE_B),
                request("FIRST_LINE_GENERAL", h, List.of(item("2203000000", "啤酒")))).body()).path("declaration").path("id").asText();
        JsonNode report = prevalidate(id);
        assertThat(report.path("findings").findValuesAsText("ruleCode")).containsExactlyInAnyOrder(
                "FIRST-LINE-TRANSPORT-INFO", "FIRST-LINE-TRANSPORT-INFO", "FIRST-LINE-SUPERVISION-MODE",
                "FIRST-LINE-DEPARTURE-ABROAD", "GENERAL-LEVY-FOR-MODE");
        assertThat(report.path("findings").findValuesAsText("messageZh")).contains(
                "一线一般报关单运输信息“entryExitCustoms”未填写",
                "监管方式“0644”不适用于一线一般报关（内销、区内物流、后续补税须另行申报）",
                "一线进境货物的启运国（地区）不能为中国（“CHN”）",
                "监管方式“0644”须使用征免性质101（填写为“503”）");
        assertThat(report.path("findings").findValuesAsText("messageEn")).contains("Supervision mode \"0644\" needs levy nature 101 (given \"503\")");
        // Refused on declaring too, and nothing leaves.
        HttpResponse<String> refused = post("/v1/declarations/" + id + "/submission", enterpriseToken(ENTERPRISE_B), "");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_B)).body()).path("status").asText()).isEqualTo("DRAFT");

        // Processing with imported materials needs levy nature 503; with it and the transport data, it is declared.
        Map<String, Object> fixed = header(ENTERPRISE_B);
        fixed.put("supervisionMode", "0615");
        fixed.put("levyNature", "101");
        assertThat(put("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_B),
                request("FIRST_LINE_GENERAL", fixed, List.of(item("2203000000", "啤酒")))).statusCode()).isEqualTo(200);
        assertThat(findings(id)).containsExactly("GENERAL-LEVY-FOR-MODE");
        fixed.put("levyNature", "503");
        assertThat(put("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_B),
                request("FIRST_LINE_GENERAL", fixed, List.of(item("2203000000", "啤酒")))).statusCode()).isEqualTo(200);
        assertThat(findings(id)).isEmpty();
        HttpResponse<String> declared = post("/v1/declarations/" + id + "/submission", enterpriseToken(ENTERPRISE_B), "");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);

        // Printed on its own form, and exported in the first-line list only.
        HttpResponse<String> print = get("/v1/declarations/" + id + "/print", enterpriseToken(ENTERPRISE_B));
        assertThat(print.statusCode()).isEqualTo(200);
        assertThat(print.body()).contains("中华人民共和国海关进口货物报关单（一线一般报关）");
        String preEntryNo = json(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_B)).body()).path("preEntryNo").asText();
        byte[] firstLine = getBytes("/v1/declarations/export?type=FIRST_LINE_GENERAL", enterpriseToken(ENTERPRISE_B)).body();
        assertThat(sheetColumn(firstLine, "报关单列表 Declarations", 0)).contains(preEntryNo);
        assertThat(sheetColumn(firstLine, "报关单列表 Declarations", 1)).containsOnly("一线一般报关");
        assertThat(sheetColumn(getBytes("/v1/declarations/export?type=SECOND_LINE_GENERAL", enterpriseToken(ENTERPRISE_B)).body(),
                "报关单列表 Declarations", 0)).doesNotContain(preEntryNo);
        assertThat(sheetColumn(getBytes("/v1/declarations/export?type=FIRST_LINE_GENERAL", enterpriseToken(ENTERPRISE_A)).body(),
                "报关单列表 Declarations", 0)).doesNotContain(preEntryNo);
    }

    @Test
    void aSecondLineGeneralDeclarationKeepsToTheMainlandSideOfTheLine() {
        Map<String, Object> h = header(ENTERPRISE_B);
        h.put("supervisionMode", "1210");
        h.put("verificationListNo", "QD640026I000000456");
        h.put("ledgerNo", "L6400D26000002");
        Map<String, Object> abroad = item("2203000000", "啤酒");
        abroad.put("destinationCountry", "SGP");
        String id = json(post("/v1/declarations", enterpriseToken(ENTERPRISE_B),
                request("SECOND_LINE_GENERAL", h, List.of(abroad))).body()).path("declaration").path("id").asText();
        JsonNode report = prevalidate(id);
        assertThat(report.path("findings").findValuesAsText("ruleCode"))
                .containsExactlyInAnyOrder("SECOND-LINE-SUPERVISION-MODE", "SECOND-LINE-DESTINATION");
        assertThat(report.path("findings").findValuesAsText("messageZh")).containsExactlyInAnyOrder(
                "监管方式“1210”不适用于二线一般报关", "第1项商品最终目的国（地区）“SGP”须为中国（二线出区进入内地）");
        // A first-line rule does not run on a second-line declaration: departing from China is what the second line does.
        h.put("supervisionMode", "0110");
        h.put("departureCountry", "CHN");
        assertThat(put("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_B),
                request("SECOND_LINE_GENERAL", h, List.of(item("2203000000", "啤酒")))).statusCode()).isEqualTo(200);
        assertThat(findings(id)).isEmpty();
        assertThat(get("/v1/declarations/" + id + "/print", enterpriseToken(ENTERPRISE_B)).body())
                .contains("中华人民共和国海关进口货物报关单（二线一般报关）");
        String preEntryNo = json(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_B)).body()).path("preEntryNo").asText();
        byte[] secondLine = getBytes("/v1/declarations/export?type=SECOND_LINE_GENERAL", officerToken()).body();
        assertThat(sheetColumn(secondLine, "报关单列表 Declarations", 0)).contains(preEntryNo);
        assertThat(sheetColumn(secondLine, "报关单列表 Declarations", 1)).containsOnly("二线一般报关");
        // Officers find the general declarations' rules among the others.
        assertThat(get("/v1/validation-rules", officerToken()).body()).contains("SECOND-LINE-DESTINATION", "GENERAL-LEVY-FOR-MODE");
    }

    private JsonNode prevalidate(String id) {
        HttpResponse<String> response = post("/v1/declarations/" + id + "/prevalidation", enterpriseToken(ENTERPRISE_B), "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    private List<String> findings(String id) {
        return prevalidate(id).path("findings").findValuesAsText("ruleCode");
    }

    /**
     * 表格导出设置 / 导出校验设置 (FP 174, 178, 179, 846, 849–851): the export of a type has the columns and order the
     * operator set on its EXPORT screen, and is refused in both languages above the rows its setting allows; switched
     * off or deleted, the built-in export is back. Enterprises and officers read the settings and keep none.
     */
    @Test
    void theExportFollowsTheOperatorsColumnsAndRowLimit() throws IOException {
        for (int i = 0; i < 2; i++) {
            assertThat(post("/v1/declarations", enterpriseToken(ENTERPRISE_A),
                    request("DIRECT_RELEASE", header(ENTERPRISE_A), List.of(item(PET, "聚酯切片")))).statusCode()).isEqualTo(201);
        }
        String path = "/v1/declarations/export?type=DIRECT_RELEASE";
        assertThat(titles(HTTP_bytes(path).body())).hasSize(10).first().asString().startsWith("预录入编号");
        Map<String, Object> columns = Map.of("version", 0, "fields", List.of(
                Map.of("section", "RESULT", "field", "status"), Map.of("section", "RESULT", "field", "preEntryNo")));
        assertThat(put("/v1/screen-configs/DIRECT_RELEASE/EXPORT", enterpriseToken(ENTERPRISE_A), columns).statusCode()).isEqualTo(403);
        HttpResponse<String> withoutNumber = put("/v1/screen-configs/DIRECT_RELEASE/EXPORT", operatorToken(), Map.of("version", 0,
                "fields", List.of(Map.of("section", "RESULT", "field", "status"))));
        assertThat(withoutNumber.statusCode()).isEqualTo(400);
        assertThat(json(withoutNumber.body()).path("messageZh").asText()).contains("预录入编号");
        Map<String, Object> excelSetting = new java.util.HashMap<>(Map.of("maxRows", 1));
        int version = 0;
        try {
            version = json(put("/v1/screen-configs/DIRECT_RELEASE/EXPORT", operatorToken(), columns).body()).path("version").asInt();
            byte[] shaped = HTTP_bytes(path).body();
            assertThat(titles(shaped)).hasSize(2);
            assertThat(titles(shaped).get(0)).startsWith("状态");
            assertThat(titles(shaped).get(1)).startsWith("预录入编号");
            assertThat(sheetColumn(shaped, "报关单列表 Declarations", 0)).contains("暂存");

            // 导出校验设置: refused above the limit, in both languages; bad settings change nothing.
            assertThat(put("/v1/excel-settings/EXPORT/DIRECT_RELEASE", enterpriseToken(ENTERPRISE_A), excelSetting).statusCode()).isEqualTo(403);
            assertThat(put("/v1/excel-settings/EXPORT/DIRECT_RELEASE", officerToken(), excelSetting).statusCode()).isEqualTo(403);
            HttpResponse<String> zero = put("/v1/excel-settings/EXPORT/DIRECT_RELEASE", operatorToken(), Map.of("maxRows", 0));
            assertThat(zero.statusCode()).isEqualTo(400);
            assertThat(json(zero.body()).path("code").asText()).isEqualTo("EXCEL_SETTING_INVALID");
            assertThat(json(zero.body()).path("messageEn").asText()).startsWith("Invalid sheet import/export setting");
            assertThat(put("/v1/excel-settings/EXPORT/DIRECT_RELEASE", operatorToken(), Map.of("maxRows", 5,
                    "requiredColumns", List.of("contractNo"))).statusCode()).isEqualTo(400);
            assertThat(get("/v1/excel-settings/EXPORT/DIRECT_RELEASE", officerToken()).statusCode()).isEqualTo(404);
            assertThat(put("/v1/excel-settings/EXPORT/DIRECT_RELEASE", operatorToken(), excelSetting).statusCode()).isEqualTo(200);
            HttpResponse<byte[]> tooLarge = HTTP_bytes(path);
            assertThat(tooLarge.statusCode()).isEqualTo(422);
            JsonNode problem = json(new String(tooLarge.body(), StandardCharsets.UTF_8));
            assertThat(problem.path("code").asText()).isEqualTo("EXPORT_TOO_LARGE");
            assertThat(problem.path("messageZh").asText()).contains("上限1条");
            assertThat(problem.path("messageEn").asText()).contains("more than the 1");
            // Another type is not held by it; switched off, the export goes through again.
            assertThat(HTTP_bytes("/v1/declarations/export?type=FIRST_LINE_GENERAL").statusCode()).isEqualTo(200);
            excelSetting.put("enabled", false);
            assertThat(json(put("/v1/excel-settings/EXPORT/DIRECT_RELEASE", operatorToken(), excelSetting).body())
                    .path("version").asInt()).isEqualTo(2);
            assertThat(HTTP_bytes(path).statusCode()).isEqualTo(200);
            assertThat(json(get("/v1/excel-settings?direction=EXPORT&page=0&size=5", officerToken()).body())
                    .path("content").findValuesAsText("declarationType")).contains("DIRECT_RELEASE");
        } finally {
            delete("/v1/excel-settings/EXPORT/DIRECT_RELEASE", operatorToken());
            if (version > 0) {
                delete("/v1/screen-configs/DIRECT_RELEASE/EXPORT?version=" + version, operatorToken());
            }
        }
        assertThat(json(get("/v1/excel-settings/EXPORT/DIRECT_RELEASE/history", operatorToken()).body())
                .findValuesAsText("action")).startsWith("DELETED", "SAVED", "SAVED");
        assertThat(titles(HTTP_bytes(path).body())).hasSize(10);
    }

    /**
     * 表格导入校验设置 (FP 127, 185, 335, 560, 791, 1076): above the rows the setting allows nothing is imported; a column
     * the setting requires and a row leaves blank refuses that declaration with the row and the column named.
     */
    @Test
    void theImportFollowsTheOperatorsRowLimitAndRequiredColumns() throws IOException {
        byte[] twoRows = workbook(2);
        String path = "/v1/declarations/imports?declarationType=DIRECT_RELEASE";
        HttpResponse<String> badColumn = put("/v1/excel-settings/IMPORT/DIRECT_RELEASE", operatorToken(),
                Map.of("maxRows", 10, "requiredColumns", List.of("noSuchColumn")));
        assertThat(badColumn.statusCode()).isEqualTo(400);
        assertThat(json(badColumn.body()).path("messageZh").asText()).startsWith("表格导入导出设置无效");
        try {
            assertThat(put("/v1/excel-settings/IMPORT/DIRECT_RELEASE", operatorToken(), Map.of("maxRows", 1)).statusCode()).isEqualTo(200);
            long before = jdbc.queryForObject("SELECT count(*) FROM customs_declaration", Long.class);
            HttpResponse<String> tooMany = multipart(path, enterpriseToken(ENTERPRISE_A), "申报.xlsx", twoRows);
            assertThat(tooMany.statusCode()).isEqualTo(422);
            assertThat(json(tooMany.body()).path("code").asText()).isEqualTo("IMPORT_TOO_MANY_ROWS");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM customs_declaration", Long.class)).isEqualTo(before);

            assertThat(put("/v1/excel-settings/IMPORT/DIRECT_RELEASE", operatorToken(), Map.of("maxRows", 10,
                    "requiredColumns", List.of("contractNo"))).statusCode()).isEqualTo(200);
            JsonNode report = json(multipart(path, enterpriseToken(ENTERPRISE_A), "申报.xlsx", twoRows).body());
            assertThat(report.path("declarationsCreated").asInt()).isZero();
            assertThat(report.path("results").get(0).path("messagesZh").get(0).asText()).isEqualTo("第2行合同协议号必填（导入校验设置）");
            assertThat(report.path("results").get(0).path("messagesEn").get(0).asText()).isEqualTo("Row 2: Contract no. is required (import setting)");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM customs_declaration", Long.class)).isEqualTo(before);
        } finally {
            delete("/v1/excel-settings/IMPORT/DIRECT_RELEASE", operatorToken());
        }
        // Without the setting the same workbook is imported.
        JsonNode report = json(multipart(path, enterpriseToken(ENTERPRISE_A), "申报.xlsx", twoRows).body());
        assertThat(report.path("declarationsCreated").asInt()).isEqualTo(1);

        // 导入记录查询 (FP 332, 788, 1073): each import kept with its report, each enterprise its own, by type.
        JsonNode records = json(get("/v1/declarations/imports?type=DIRECT_RELEASE&size=5", enterpriseToken(ENTERPRISE_A)).body());
        JsonNode latest = records.path("content").get(0);
        assertThat(latest.path("filename").asText()).isEqualTo("申报.xlsx");
        assertThat(latest.path("rows").asInt()).isEqualTo(2);
        assertThat(latest.path("created").asInt()).isEqualTo(1);
        assertThat(records.path("content").get(1).path("refused").asInt()).isEqualTo(1);
        JsonNode kept = json(get("/v1/declarations/imports/" + latest.path("id").asText(), enterpriseToken(ENTERPRISE_A)).body());
        assertThat(kept.path("report").path("results").get(0).path("preEntryNo").asText())
                .isEqualTo(report.path("results").get(0).path("preEntryNo").asText());
        assertThat(get("/v1/declarations/imports/" + latest.path("id").asText(), enterpriseToken(ENTERPRISE_B)).statusCode()).isEqualTo(404);
        assertThat(json(get("/v1/declarations/imports?size=100", enterpriseToken(ENTERPRISE_B)).body()).path("content")
                .findValuesAsText("id")).doesNotContain(latest.path("id").asText());
        assertThat(json(get("/v1/declarations/imports?enterprise=" + ENTERPRISE_A + "&size=100", officerToken()).body())
                .path("content").findValuesAsText("id")).contains(latest.path("id").asText());
        for (String type : List.of("SECOND_LINE_DOMESTIC_SALE", "FIRST_LINE_GENERAL", "SECOND_LINE_GENERAL")) {
            assertThat(multipart("/v1/declarations/imports?declarationType=" + type, enterpriseToken(ENTERPRISE_A), type + ".xlsx",
                    twoRows).statusCode()).isEqualTo(200);
            JsonNode ofType = json(get("/v1/declarations/imports?type=" + type + "&size=1", enterpriseToken(ENTERPRISE_A)).body());
            assertThat(ofType.path("content").get(0).path("filename").asText()).isEqualTo(type + ".xlsx");
            assertThat(ofType.path("content").get(0).path("declarationType").asText()).isEqualTo(type);
        }
    }

    /**
     * 查询详情设置 (FP 372, 828, 1113): the detail API sends the header and item fields the type's DETAIL screen names, in
     * its order, with their labels; another enterprise sees nothing; only operators set it.
     */
    @Test
    void theDetailShowsTheFieldsTheOperatorSet() {
        for (String type : List.of("DIRECT_RELEASE", "SECOND_LINE_DOMESTIC_SALE", "FIRST_LINE_GENERAL", "SECOND_LINE_GENERAL")) {
            String enterprise = type.equals("DIRECT_RELEASE") ? ENTERPRISE_A : ENTERPRISE_B;
            Map<String, Object> h = header(enterprise);
            if (type.startsWith("SECOND_LINE")) {
                h.put("transportMode", "4");
                h.put("verificationListNo", "QD640026I000000789");
                h.put("ledgerNo", "L6400D26000002");
            }
            HttpResponse<String> created = post("/v1/declarations", enterpriseToken(enterprise),
                    request(type, h, List.of(item(PET, "聚酯切片"))));
            assertThat(created.statusCode()).as(type + " " + created.body()).isEqualTo(201);
            String id = json(created.body()).path("declaration").path("id").asText();
            JsonNode standard = json(get("/v1/declarations/" + id + "/detail", enterpriseToken(enterprise)).body());
            assertThat(standard.path("header").findValuesAsText("field")).as(type).contains("billOfLadingNo", "supervisionMode", "remark");
            String other = enterprise.equals(ENTERPRISE_A) ? ENTERPRISE_B : ENTERPRISE_A;
            assertThat(get("/v1/declarations/" + id + "/detail", enterpriseToken(other)).statusCode()).isEqualTo(404);
            Map<String, Object> detail = Map.of("version", 0, "fields", List.of(
                    Map.of("section", "HEADER", "field", "supervisionMode"), Map.of("section", "HEADER", "field", "billOfLadingNo"),
                    Map.of("section", "ITEM", "field", "hsCode")));
            String path = "/v1/screen-configs/" + type + "/DETAIL";
            assertThat(put(path, enterpriseToken(enterprise), detail).statusCode()).isEqualTo(403);
            HttpResponse<String> required = put(path, operatorToken(), Map.of("version", 0,
                    "fields", List.of(Map.of("section", "HEADER", "field", "remark", "required", true))));
            assertThat(required.statusCode()).isEqualTo(400);
            assertThat(json(required.body()).path("messageEn").asText()).isNotBlank();
            int version = json(put(path, operatorToken(), detail).body()).path("version").asInt();
            try {
                JsonNode shaped = json(get("/v1/declarations/" + id + "/detail", enterpriseToken(enterprise)).body());
                assertThat(shaped.path("settingVersion").asInt()).isEqualTo(version);
                assertThat(shaped.path("header").findValuesAsText("field")).as(type).containsExactly("supervisionMode", "billOfLadingNo");
                assertThat(shaped.path("header").get(1).path("value").asText()).isEqualTo(h.get("billOfLadingNo"));
                assertThat(shaped.path("header").get(0).path("labelZh").asText()).isEqualTo("监管方式");
                assertThat(shaped.path("items").get(0).findValuesAsText("field")).containsExactly("hsCode");
                assertThat(shaped.path("items").get(0).get(0).path("value").asText()).isEqualTo(PET);
                // Officers see the same fields.
                assertThat(json(get("/v1/declarations/" + id + "/detail", officerToken()).body()).path("header")
                        .findValuesAsText("field")).containsExactly("supervisionMode", "billOfLadingNo");
            } finally {
                delete(path + "?version=" + version, operatorToken());
            }
        }
    }

    /**
     * 表格导出设置 / 导出校验 of each general and second-line type (FP 390, 393–395, 846, 849–851, 1131, 1134–1136): its
     * own columns and its own row limit, the other types untouched.
     */
    @Test
    void eachTypesExportHasItsOwnColumns() throws IOException {
        for (String type : List.of("SECOND_LINE_DOMESTIC_SALE", "FIRST_LINE_GENERAL", "SECOND_LINE_GENERAL")) {
            Map<String, Object> h = header(ENTERPRISE_B);
            if (type.startsWith("SECOND_LINE")) {
                h.put("transportMode", "4");
                h.put("verificationListNo", "QD640026I000000790");
                h.put("ledgerNo", "L6400D26000002");
            }
            for (int i = 0; i < 2; i++) {
                assertThat(post("/v1/declarations", enterpriseToken(ENTERPRISE_B), request(type, h, List.of(item(PET, "聚酯切片"))))
                        .statusCode()).isEqualTo(201);
            }
            String path = "/v1/screen-configs/" + type + "/EXPORT";
            int version = json(put(path, operatorToken(), Map.of("version", 0, "fields", List.of(
                    Map.of("section", "RESULT", "field", "preEntryNo"), Map.of("section", "RESULT", "field", "customsNo"),
                    Map.of("section", "RESULT", "field", "status")))).body()).path("version").asInt();
            try {
                assertThat(titles(HTTP_bytes("/v1/declarations/export?type=" + type, officerToken()).body())).as(type)
                        .containsExactly("预录入编号 Pre-entry no.", "海关编号 Customs no.", "状态 Status");
                assertThat(titles(HTTP_bytes("/v1/declarations/export?type=DIRECT_RELEASE", officerToken()).body())).hasSize(10);
                // Its row limit is its own too.
                assertThat(put("/v1/excel-settings/EXPORT/" + type, operatorToken(), Map.of("maxRows", 1)).statusCode()).isEqualTo(200);
                HttpResponse<byte[]> tooLarge = HTTP_bytes("/v1/declarations/export?type=" + type, enterpriseToken(ENTERPRISE_B));
                assertThat(tooLarge.statusCode()).as(type).isEqualTo(422);
                assertThat(json(new String(tooLarge.body(), StandardCharsets.UTF_8)).path("code").asText()).isEqualTo("EXPORT_TOO_LARGE");
                assertThat(HTTP_bytes("/v1/declarations/export?type=DIRECT_RELEASE", officerToken()).statusCode()).isEqualTo(200);
                assertThat(json(get("/v1/excel-settings/EXPORT/" + type, officerToken()).body()).path("maxRows").asInt()).isEqualTo(1);
            } finally {
                delete("/v1/excel-settings/EXPORT/" + type, operatorToken());
                delete(path + "?version=" + version, operatorToken());
            }
        }
    }

    private static List<String> titles(byte[] xlsx) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> titles = new java.util.ArrayList<>();
            wb.getSheetAt(0).getRow(0).forEach(c -> titles.add(c.getStringCellValue()));
            return titles;
        }
    }

    /** A workbook of one direct-release declaration with {@code rows} items of enterprise A, from the template. */
    private byte[] workbook(int rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(HTTP_bytes("/v1/declarations/import-template").body()))) {
            Sheet sheet = wb.getSheetAt(0);
            Map<String, Integer> col = new java.util.HashMap<>();
            sheet.getRow(0).forEach(c -> col.put(c.getStringCellValue().split(" ")[0], c.getColumnIndex()));
            Map<String, Object> h = header(ENTERPRISE_A);
            for (int r = 0; r < rows; r++) {
                Row row = sheet.createRow(r + 1);
                set(row, col, "报关单序号", "1");
                set(row, col, "申报地海关", "6400");
                set(row, col, "监管方式", "0110");
                set(row, col, "征免性质", "101");
                set(row, col, "运输方式", "2");
                set(row, col, "运输工具名称", (String) h.get("vesselName"));
                set(row, col, "航次号", (String) h.get("voyageNo"));
                set(row, col, "提运单号", (String) h.get("billOfLadingNo"));
                set(row, col, "境内收发货人代码", ENTERPRISE_A);
                set(row, col, "境内收发货人名称", "海南洋浦新材料科技有限公司");
                set(row, col, "贸易国（地区）", "SGP");
                set(row, col, "毛重（千克）", "5400.5");
                set(row, col, "净重（千克）", "5200");
                set(row, col, "商品编号", PET);
                set(row, col, "商品名称", "聚酯切片");
                set(row, col, "成交数量", "100");
                set(row, col, "成交计量单位", "035");
                set(row, col, "单价", "2");
                set(row, col, "总价", "200");
                set(row, col, "币制", "USD");
                set(row, col, "原产国（地区）", "SGP");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void set(Row row, Map<String, Integer> col, String titleZh, String value) {
        if (value != null) {
            row.createCell(col.get(titleZh)).setCellValue(value);
        }
    }

    private HttpResponse<byte[]> HTTP_bytes(String path) {
        return HTTP_bytes(path, enterpriseToken(ENTERPRISE_A));
    }

    private HttpResponse<byte[]> HTTP_bytes(String path, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> multipart(String path, String token, String filename, byte[] content) {
        String boundary = "----hnsw" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), token);
    }
}
