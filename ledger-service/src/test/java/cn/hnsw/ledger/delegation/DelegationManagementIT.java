package cn.hnsw.ledger.delegation;

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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 委托备案管理 (FP 1822–1846, 3870–3872): the principal opens delegations on its logistics, processing and out-of-zone
 * ledgers, modifies one before review, reads, exports and prints them, imports more from the template (a wrong row
 * imports nothing), switches one off and on and deletes one; the delegate accepts or refuses and finds, exports and
 * prints its records; officers list, export and read every enterprise's; a third enterprise reads none.
 */
class DelegationManagementIT extends LedgerIntegrationTestBase {

    /** An enterprise of this test only (division 469030: Qiongzhong). */
    static final String QIONGZHONG = "91469030MA5TY2M05K";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void aPrincipalKeepsItsDelegationsAndTheDelegateAndOfficersSeeThem() throws Exception {
        String principal = declarant(QIONGZHONG);
        String delegate = declarant(HAIKOU_LOGISTICS);
        // 委托业务开通 on the three ledger types; 修改 before review
        long logistics = ok(api.post(principal, "/delegations", Map.of("delegate", HAIKOU_LOGISTICS, "delegateName", "海口物流",
                "ledgerType", "LOGISTICS", "scopes", List.of("IMPORT_ENTRY")))).path("id").asLong();
        long processing = ok(api.post(principal, "/delegations", Map.of("delegate", HAIKOU_LOGISTICS, "delegateName", "海口物流",
                "ledgerType", "PROCESSING", "scopes", List.of("VALUE_ADDED_ACCOUNTING")))).path("id").asLong();
        long outOfZone = ok(api.post(principal, "/delegations", Map.of("delegate", HAIKOU_LOGISTICS, "delegateName", "海口物流",
                "ledgerType", "OUT_OF_ZONE_BONDED", "scopes", List.of("LEDGER_SETUP")))).path("id").asLong();
        JsonNode modified = ok(api.put(principal, "/delegations/" + logistics, Map.of("delegate", HAIKOU_LOGISTICS,
                "delegateName", "海口物流（改）", "ledgerType", "LOGISTICS", "scopes", List.of("IMPORT_ENTRY", "DOMESTIC_SALE_EXIT"),
                "validUntil", "2030-12-31")));
        assertThat(modified.path("scopes")).hasSize(2);
        assertThat(modified.path("delegateName").asText()).isEqualTo("海口物流（改）");
        LedgerApi.Response badScope = api.put(principal, "/delegations/" + logistics, Map.of("delegate", HAIKOU_LOGISTICS,
                "ledgerType", "LOGISTICS", "scopes", List.of("VALUE_ADDED_ACCOUNTING")));
        assertThat(badScope.code()).isEqualTo("DELEGATION_SCOPE_INVALID");
        // 委托备案审核: accepted, accepted, refused (审核不通过); a reviewed one is not modified any more
        ok(api.post(delegate, "/delegations/" + logistics + "/review", Map.of("approve", true, "comment", "同意")));
        ok(api.post(delegate, "/delegations/" + processing + "/review", Map.of("approve", true)));
        assertThat(ok(api.post(delegate, "/delegations/" + outOfZone + "/review", Map.of("approve", false, "comment", "不承接区外业务")))
                .path("status").asText()).isEqualTo("REJECTED");
        assertThat(api.put(principal, "/delegations/" + logistics, Map.of("delegate", HAIKOU_LOGISTICS, "ledgerType", "LOGISTICS",
                "scopes", List.of("IMPORT_ENTRY"))).code()).isEqualTo("DELEGATION_STATE");

        // 委托备案详情, 记录查询, 导出, 打印 (principal); 被委托记录查询, 导出, 打印 (delegate)
        JsonNode detail = ok(api.get(principal, "/delegations/" + logistics));
        assertThat(detail.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(detail.path("reviewComment").asText()).isEqualTo("同意");
        assertThat(ok(api.get(principal, "/delegations?role=principal")).findValuesAsText("id"))
                .contains(String.valueOf(logistics), String.valueOf(processing), String.valueOf(outOfZone));
        assertThat(ok(api.get(delegate, "/delegations?role=delegate")).findValuesAsText("id")).contains(String.valueOf(logistics));
        assertThat(ok(api.get(delegate, "/delegations?role=principal")).findValuesAsText("id")).doesNotContain(String.valueOf(logistics));
        assertThat(cells(api.download(principal, "/delegations/export?role=principal"))).contains(QIONGZHONG).contains("REJECTED");
        assertThat(cells(api.download(delegate, "/delegations/export?role=delegate"))).contains(QIONGZHONG);
        for (String token : List.of(principal, delegate)) {
            try (PDDocument printed = Loader.loadPDF(api.download(token, "/delegations/" + logistics + "/print"))) {
                assertThat(new PDFTextStripper().getText(printed)).contains("委托备案").contains(QIONGZHONG).contains("进口入账");
            }
        }

        // 模版下载 and 导入: a wrong row imports nothing; a right file opens both
        byte[] template = api.download(principal, "/delegations/template");
        byte[] wrong = rows(template, new String[]{SANYA_AGENT, "三亚代理", "LOGISTICS", "IMPORT_ENTRY", ""},
                new String[]{"NOT-A-USCC", "无名", "LOGISTICS", "IMPORT_ENTRY", ""});
        LedgerApi.Response refused = upload(principal, wrong);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("row[3]");
        int before = ok(api.get(principal, "/delegations?role=principal")).size();
        byte[] right = rows(template, new String[]{SANYA_AGENT, "三亚代理", "LOGISTICS", "IMPORT_ENTRY,DOMESTIC_SALE_EXIT", "2030-06-30"},
                new String[]{SANYA_AGENT, "三亚代理", "PROCESSING", "LEDGER_SETUP", ""});
        JsonNode imported = ok(upload(principal, right));
        assertThat(imported).hasSize(2);
        assertThat(ok(api.get(principal, "/delegations?role=principal"))).hasSize(before + 2);

        // 委托备案启用 / 停用, 删除
        assertThat(ok(api.post(principal, "/delegations/" + processing + "/disable", Map.of())).path("status").asText()).isEqualTo("DISABLED");
        assertThat(ok(api.post(principal, "/delegations/" + processing + "/enable", Map.of())).path("status").asText()).isEqualTo("ACTIVE");
        long spare = imported.get(1).path("id").asLong();
        assertThat(api.request("DELETE", principal, "/delegations/" + spare).status()).isEqualTo(204);
        assertThat(api.get(principal, "/delegations/" + spare).code()).isEqualTo("DELEGATION_NOT_FOUND");

        // 各企业委托备案 (officers): list, export, detail; a third enterprise reads none
        String gov = officer("gov-province");
        assertThat(ok(api.get(gov, "/delegations")).findValuesAsText("id")).contains(String.valueOf(logistics));
        assertThat(cells(api.download(gov, "/delegations/export"))).contains(QIONGZHONG).contains(HAIKOU_LOGISTICS);
        assertThat(ok(api.get(gov, "/delegations/" + logistics)).path("principal").asText()).isEqualTo(QIONGZHONG);
        assertThat(api.get(declarant(YANGPU_TRADING), "/delegations/" + logistics).code()).isEqualTo("DELEGATION_NOT_FOUND");
        assertThat(api.request("DELETE", declarant(YANGPU_TRADING), "/delegations/" + logistics).code()).isEqualTo("DELEGATION_NOT_FOUND");
    }

    private static byte[] rows(byte[] template, String[]... rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static String cells(byte[] workbook) throws Exception {
        StringBuilder out = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            DataFormatter f = new DataFormatter();
            wb.getSheetAt(0).forEach(r -> r.forEach(c -> out.append(f.formatCellValue(c)).append('|')));
        }
        return out.toString();
    }


    /** Principal and delegate of the out-of-zone authorisation checks (this test only). */
    static final String DANZHOU = "91460400MA5TK3P66F";
    static final String LINGAO = "91469024MA5TM8R47G";

    /**
     * 区外保税加工增值账册被授权查询信息 and 代办业务支持授权校验 (FP 1865–1874): for each of the nine businesses of the
     * out-of-zone ledger, a delegate holding that one business finds exactly it among its authorisations and passes the
     * check for it; it is refused the eight others, the same business on the zero-tariff processing ledger, and the
     * business once the principal switches the delegation off; an enterprise with no delegation is refused all.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(cn.hnsw.ledger.document.BusinessScope.class)
    void anOutOfZoneDelegatePassesTheCheckForItsOneBusinessOnly(cn.hnsw.ledger.document.BusinessScope scope) {
        String principal = declarant(DANZHOU);
        String delegate = declarant(LINGAO);
        long id = ok(api.post(principal, "/delegations", Map.of("delegate", LINGAO, "delegateName", "临高代理",
                "ledgerType", "OUT_OF_ZONE_BONDED", "scopes", List.of(scope.name())))).path("id").asLong();
        String check = "/delegations/authorizations/check?principal=" + DANZHOU + "&ledgerType=OUT_OF_ZONE_BONDED&scope=";
        try {
            // not yet accepted: nothing authorised
            assertThat(api.get(delegate, check + scope.name()).code()).isEqualTo("DELEGATION_SCOPE_DENIED");
            ok(api.post(delegate, "/delegations/" + id + "/review", Map.of("approve", true)));

            JsonNode mine = ok(api.get(delegate, "/delegations/authorizations?ledgerType=OUT_OF_ZONE_BONDED&principal=" + DANZHOU));
            assertThat(mine.findValuesAsText("scope")).containsExactly(scope.name());
            assertThat(mine.get(0).path("ledgerTypeZh").asText()).isEqualTo("区外保税加工增值");
            JsonNode allowed = ok(api.get(delegate, check + scope.name()));
            assertThat(allowed.path("delegationId").asLong()).isEqualTo(id);
            assertThat(allowed.path("scopeZh").asText()).isEqualTo(scope.nameZh());
            for (cn.hnsw.ledger.document.BusinessScope other : cn.hnsw.ledger.document.BusinessScope.values()) {
                if (other != scope) {
                    LedgerApi.Response denied = api.get(delegate, check + other.name());
                    assertThat(denied.status()).as(other.name()).isEqualTo(403);
                    assertThat(denied.code()).isEqualTo("DELEGATION_SCOPE_DENIED");
                }
            }
            assertThat(api.get(delegate, "/delegations/authorizations/check?principal=" + DANZHOU
                    + "&ledgerType=PROCESSING&scope=" + scope.name()).status()).isEqualTo(403);
            // the principal itself holds no authorisation from itself, a stranger none from the principal
            String stranger = declarant(QIONGZHONG);
            assertThat(api.get(stranger, check + scope.name()).status()).isEqualTo(403);
            assertThat(ok(api.get(stranger, "/delegations/authorizations?principal=" + DANZHOU))).isEmpty();

            ok(api.post(principal, "/delegations/" + id + "/disable", Map.of()));
            assertThat(api.get(delegate, check + scope.name()).status()).isEqualTo(403);
            assertThat(ok(api.get(delegate, "/delegations/authorizations?principal=" + DANZHOU))).isEmpty();
        } finally {
            assertThat(api.request("DELETE", principal, "/delegations/" + id).status()).isEqualTo(204);
        }
    }

    private LedgerApi.Response upload(String token, byte[] content) {
        String boundary = "----hnsw" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"delegations.xlsx\"\r\n"
                + "Content-Type: " + XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.postBytes(token, "/delegations/import", body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }
}
