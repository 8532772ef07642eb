package cn.hnsw.ledger.numbering;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 自主编号规则 as data: an enterprise sets its rule per item kind and draws numbers from it in sequence; a bad rule,
 * a kind without a rule and a used-up sequence are refused; another enterprise has its own rules.
 */
class NumberingRuleIT extends LedgerIntegrationTestBase {

    private static final String ENTERPRISE = "91460300MA5TNUMB1X";

    @Autowired
    JdbcClient jdbc;

    @Test
    void theEnterprisesOwnRuleNumbersItsItemsInSequenceAndRefusesWhatItCannot() {
        String token = declarant(ENTERPRISE);
        String month = DateTimeFormatter.ofPattern("yyyyMM").format(ZonedDateTime.now(ZoneId.of("Asia/Shanghai")));
        JsonNode rule = ok(api.put(token, "/numbering-rules/MATERIAL", Map.of("prefix", "YP-M", "datePattern", "yyyyMM",
                "seqWidth", 3)));
        assertThat(rule.path("example").asText()).isEqualTo("YP-M" + month + "001");
        assertThat(ok(api.post(token, "/numbering-rules/MATERIAL/next", Map.of())).path("itemNo").asText())
                .isEqualTo("YP-M" + month + "001");
        assertThat(ok(api.post(token, "/numbering-rules/MATERIAL/next", Map.of())).path("itemNo").asText())
                .isEqualTo("YP-M" + month + "002");
        // changing the rule keeps the sequence: numbers are never handed out twice
        ok(api.put(token, "/numbering-rules/MATERIAL", Map.of("prefix", "YPM", "datePattern", "", "seqWidth", 5)));
        assertThat(ok(api.post(token, "/numbering-rules/MATERIAL/next", Map.of())).path("itemNo").asText()).isEqualTo("YPM00003");
        assertThat(ok(api.get(token, "/numbering-rules"))).hasSize(1);

        LedgerApi.Response lower = api.put(token, "/numbering-rules/MATERIAL", Map.of("prefix", "yp", "datePattern", "", "seqWidth", 5));
        assertThat(lower.status()).isEqualTo(400);
        LedgerApi.Response wide = api.put(token, "/numbering-rules/MATERIAL", Map.of("prefix", "YP", "datePattern", "", "seqWidth", 12));
        assertThat(wide.status()).isEqualTo(400);
        assertThat(ok(api.get(token, "/numbering-rules")).get(0).path("prefix").asText()).as("unchanged").isEqualTo("YPM");
        LedgerApi.Response missing = api.post(token, "/numbering-rules/SCRAP/next", Map.of());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("NUMBERING_RULE_MISSING");

        jdbc.sql("UPDATE item_numbering_rule SET next_value = 100000 WHERE enterprise = :e AND item_kind = 'MATERIAL'")
                .param("e", ENTERPRISE).update();
        LedgerApi.Response exhausted = api.post(token, "/numbering-rules/MATERIAL/next", Map.of());
        assertThat(exhausted.status()).isEqualTo(409);
        assertThat(exhausted.code()).isEqualTo("NUMBERING_EXHAUSTED");
        assertThat(exhausted.body().path("messageZh").asText()).contains("用尽");

        assertThat(ok(api.get(declarant(YANGPU_TRADING), "/numbering-rules")).findValuesAsText("prefix")).doesNotContain("YPM");
        assertThat(api.get(officer("customs-officer"), "/numbering-rules").status()).isEqualTo(403);
    }

    @Test
    void aRuleSwitchedOffDrawsNothingUntilSwitchedOnAndADeletedRuleIsGone() {
        String owner = "91460300MA5TNUMB2X";
        String token = declarant(owner);
        ok(api.put(token, "/numbering-rules/FINISHED_PRODUCT", Map.of("prefix", "CP", "datePattern", "", "seqWidth", 4)));
        assertThat(ok(api.get(token, "/numbering-rules")).get(0).path("enabled").asBoolean()).isTrue();
        assertThat(ok(api.post(token, "/numbering-rules/FINISHED_PRODUCT/next", Map.of())).path("itemNo").asText()).isEqualTo("CP0001");

        JsonNode off = ok(api.put(token, "/numbering-rules/FINISHED_PRODUCT/enabled", Map.of("enabled", false)));
        assertThat(off.path("enabled").asBoolean()).isFalse();
        LedgerApi.Response refused = api.post(token, "/numbering-rules/FINISHED_PRODUCT/next", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("NUMBERING_RULE_DISABLED");
        assertThat(refused.body().path("messageZh").asText()).contains("停用");
        assertThat(ok(api.get(token, "/numbering-rules")).get(0).path("nextValue").asLong()).as("nothing drawn").isEqualTo(2);
        assertThat(api.put(token, "/numbering-rules/FINISHED_PRODUCT/enabled", Map.of()).status()).isEqualTo(400);

        ok(api.put(token, "/numbering-rules/FINISHED_PRODUCT/enabled", Map.of("enabled", true)));
        assertThat(ok(api.post(token, "/numbering-rules/FINISHED_PRODUCT/next", Map.of())).path("itemNo").asText())
                .as("the sequence goes on where it stopped").isEqualTo("CP0002");

        // another enterprise can neither switch nor delete this rule: it has none of its own
        String other = declarant(YANGPU_TRADING);
        assertThat(api.put(other, "/numbering-rules/FINISHED_PRODUCT/enabled", Map.of("enabled", false)).code())
                .isIn("NUMBERING_RULE_MISSING");
        assertThat(api.request("DELETE", other, "/numbering-rules/FINISHED_PRODUCT").status()).isEqualTo(404);
        assertThat(ok(api.get(token, "/numbering-rules")).get(0).path("enabled").asBoolean()).isTrue();

        assertThat(api.request("DELETE", token, "/numbering-rules/FINISHED_PRODUCT").status()).isEqualTo(200);
        assertThat(ok(api.get(token, "/numbering-rules"))).isEmpty();
        assertThat(api.post(token, "/numbering-rules/FINISHED_PRODUCT/next", Map.of()).code()).isEqualTo("NUMBERING_RULE_MISSING");
        assertThat(api.request("DELETE", token, "/numbering-rules/FINISHED_PRODUCT").status()).isEqualTo(404);
        assertThat(api.request("DELETE", officer("customs-officer"), "/numbering-rules/FINISHED_PRODUCT").status()).isEqualTo(403);
    }

    @Test
    void aFilingLineWithoutANumberTakesTheRulesNextAndAClashIsRefused() {
        String owner = "91460300MA5TNUMB3X";
        String token = declarant(owner);
        fileMaterial(token, "CL0001", "7601100000", "未锻轧非合金铝锭");
        long filing = create(token, "MATERIAL_FILING", null, Map.of()).path("id").asLong();
        Map<String, Object> unnumbered = Map.of("kind", "MATERIAL", "hsCode", "7601100000", "nameZh", "铝锭", "quantity", 1);

        LedgerApi.Response noRule = api.post(token, "/documents/" + filing + "/lines", java.util.List.of(unnumbered));
        assertThat(noRule.status()).as("without a rule the number stays required").isEqualTo(400);

        ok(api.put(token, "/numbering-rules/MATERIAL", Map.of("prefix", "CL", "datePattern", "", "seqWidth", 4)));
        LedgerApi.Response clash = api.post(token, "/documents/" + filing + "/lines", java.util.List.of(unnumbered));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.code()).isEqualTo("NUMBERING_CLASH");
        assertThat(clash.body().path("messageZh").asText()).contains("CL0001");
        assertThat(ok(api.get(token, "/documents/" + filing)).path("lines")).as("nothing added").isEmpty();

        jdbc.sql("UPDATE item_numbering_rule SET next_value = 2 WHERE enterprise = :e").param("e", owner).update();
        ok(api.post(token, "/documents/" + filing + "/lines", java.util.List.of(unnumbered)));
        assertThat(ok(api.get(token, "/documents/" + filing)).path("lines").findValuesAsText("itemNo")).containsExactly("CL0002");

        // a rule switched off numbers nothing: the number is required again
        ok(api.put(token, "/numbering-rules/MATERIAL/enabled", Map.of("enabled", false)));
        assertThat(api.post(token, "/documents/" + filing + "/lines", java.util.List.of(unnumbered)).status()).isEqualTo(400);
        assertThat(ok(api.get(token, "/documents/" + filing)).path("lines")).hasSize(1);
    }
    /**
     * 零关税编码规则模版下载, 导入, 自主编号规则导出 and 编号库 (FP 1568–1571): the rules go out to Excel in the template's
     * columns and come back in; a file with wrong rows is reported row by row and changes nothing; the number library
     * lists the numbers the enterprise holds (filed, or on a filing in progress) with the rule that issued them.
     */
    @Test
    void theRulesGoOutToExcelAndComeBackAndTheNumberLibraryListsTheNumbersHeld() throws Exception {
        String owner = "91460300MA5TNUMB2X";
        String token = declarant(owner);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(api.download(token, "/numbering-rules/template")))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).startsWith("物料类型");
            assertThat(wb.getSheetAt(0).getRow(0).getCell(3).getStringCellValue()).contains("序号位数");
            assertThat(wb.getSheetAt(0).getLastRowNum()).isZero();
        }
        ok(api.put(token, "/numbering-rules/MATERIAL", Map.of("prefix", "LIB-M", "datePattern", "", "seqWidth", 4)));
        ok(api.put(token, "/numbering-rules/SCRAP", Map.of("prefix", "LIB-S", "datePattern", "yyyy", "seqWidth", 3)));
        ok(api.put(token, "/numbering-rules/SCRAP/enabled", Map.of("enabled", false)));

        byte[] exported = api.download(token, "/numbering-rules/export");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(exported))) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("MATERIAL");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("LIB-M");
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(4);
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).startsWith("否");
        }
        // gone, then imported back as they were (SCRAP still off)
        assertThat(api.request("DELETE", token, "/numbering-rules/MATERIAL").status()).isEqualTo(200);
        assertThat(api.request("DELETE", token, "/numbering-rules/SCRAP").status()).isEqualTo(200);
        assertThat(ok(api.get(token, "/numbering-rules"))).isEmpty();
        JsonNode imported = ok(upload(token, "/numbering-rules/import", exported));
        assertThat(imported.findValuesAsText("prefix")).containsExactly("LIB-M", "LIB-S");
        assertThat(imported.get(1).path("enabled").asBoolean()).isFalse();
        assertThat(imported.get(1).path("datePattern").asText()).isEqualTo("yyyy");

        // a wrong file: every wrong row named, nothing changed
        byte[] bad;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(exported)); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheetAt(0);
            sheet.getRow(1).getCell(1).setCellValue("NEW-M");
            sheet.getRow(2).getCell(3).setCellValue(12);
            org.apache.poi.ss.usermodel.Row extra = sheet.createRow(3);
            extra.createCell(0).setCellValue("BOGUS");
            extra.createCell(1).setCellValue("X");
            extra.createCell(3).setCellValue(4);
            wb.write(out);
            bad = out.toByteArray();
        }
        LedgerApi.Response refused = upload(token, "/numbering-rules/import", bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("row[3]").contains("row[4]").doesNotContain("row[2]")
                .contains("序号位数").contains("BOGUS");
        assertThat(ok(api.get(token, "/numbering-rules")).findValuesAsText("prefix")).containsExactly("LIB-M", "LIB-S");

        // 编号库: a number the rule issued (filed), one typed in (filed), one on a draft filing
        long filing = create(token, "MATERIAL_FILING", null, Map.of()).path("id").asLong();
        addLines(token, filing, java.util.List.of(Map.of("kind", "MATERIAL", "hsCode", "7601100000", "nameZh", "铝锭", "quantity", 1),
                Map.of("kind", "MATERIAL", "itemNo", "OWN-777", "hsCode", "7601100000", "nameZh", "手编铝锭", "quantity", 1)));
        approve(token, filing);
        long draft = create(token, "MATERIAL_FILING", null, Map.of()).path("id").asLong();
        addLines(token, draft, java.util.List.of(Map.of("kind", "MATERIAL", "itemNo", "DRAFT-9", "hsCode", "7601100000",
                "nameZh", "待申报铝锭", "quantity", 1)));
        JsonNode library = ok(api.get(token, "/numbering-rules/library?kind=MATERIAL"));
        assertThat(library.findValuesAsText("itemNo")).containsExactly("DRAFT-9", "LIB-M0001", "OWN-777");
        assertThat(library.get(1).path("state").asText()).isEqualTo("FILED");
        assertThat(library.get(1).path("rulePrefix").asText()).isEqualTo("LIB-M");
        assertThat(library.get(2).path("rulePrefix").isTextual()).as("typed in, no rule").isFalse();
        assertThat(library.get(0).path("state").asText()).isEqualTo("DRAFT");
        assertThat(ok(api.get(token, "/numbering-rules/library?q=OWN")).findValuesAsText("itemNo")).containsExactly("OWN-777");
        // another enterprise's library has none of them; officers have no library
        assertThat(ok(api.get(declarant("91460300MA5TNUMB3X"), "/numbering-rules/library")).findValuesAsText("itemNo"))
                .doesNotContain("LIB-M0001", "OWN-777", "DRAFT-9");
        assertThat(api.get(officer("customs-officer"), "/numbering-rules/library").status()).isEqualTo(403);
    }

    private LedgerApi.Response upload(String token, String path, byte[] content) {
        String boundary = "----hnsw" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rules.xlsx\""
                + "\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return api.postBytes(token, path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }
}
