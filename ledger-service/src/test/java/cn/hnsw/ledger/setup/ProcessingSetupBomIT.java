package cn.hnsw.ledger.setup;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import cn.hnsw.ledger.support.LedgerTestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 零关税加工账册设立-单损耗信息 (FP 1941–1953) and its delegation (FP 1863): the set-up's own BOM kept through the
 * engine's line shape — add, modify, copy, batch delete, template, export, import — checked against the set-up's own
 * materials and products, declared with the set-up and not made ledger items by the formal posting data.
 */
class ProcessingSetupBomIT extends LedgerIntegrationTestBase {

    /** Principal, its BOM delegate, and an enterprise with no delegation: valid codes used by this class only. */
    static final String PRINCIPAL = "91460400MA5TQ7B83C";
    static final String BOM_AGENT = "91460500MA5TR2K91D";
    static final String STRANGER = "91460600MA5TW4H72E";

    @Test
    void theSetUpKeepsItsOwnBomCheckedAgainstItsMaterialsAndProductsAndDeclaresItWithTheSetUp() throws Exception {
        String token = declarant(PRINCIPAL);
        String s = suffix();
        String m1 = "BM1-" + s, m2 = "BM2-" + s, m3 = "BM3-" + s, p1 = "BP1-" + s;
        long mat1 = file(token, "MATERIAL_FILING", "MATERIAL", m1, "7601100000");
        long mat2 = file(token, "MATERIAL_FILING", "MATERIAL", m2, "3902100090");
        long mat3 = file(token, "MATERIAL_FILING", "MATERIAL", m3, "3902100090");
        long prod1 = file(token, "FINISHED_PRODUCT_FILING", "FINISHED_PRODUCT", p1, "8471300000");

        long setup = create(token, "PROCESSING_LEDGER_SETUP", null, Map.of("port", "洋浦港")).path("id").asLong();
        addLines(token, setup, List.of(Map.of("kind", "MATERIAL", "linkRef", mat1, "quantity", 1),
                Map.of("kind", "MATERIAL", "linkRef", mat2, "quantity", 1),
                Map.of("kind", "FINISHED_PRODUCT", "linkRef", prod1, "quantity", 1)));

        // 新增, 料件/成品关联商品库: 0.98 net at 2 % loss is 1 a unit; the product's name comes from the set-up
        Map<String, Object> bom = new HashMap<>(Map.of("kind", "UNIT_CONSUMPTION", "linkRef", mat1, "quantity", 0.98,
                "extra", Map.of("lossRate", 2, "productItemNo", p1)));
        JsonNode added = bomLines(addLines(token, setup, List.of(bom))).get(0);
        long bomLine = added.path("id").asLong();
        assertThat(added.path("itemNo").asText()).isEqualTo(m1);
        assertThat(added.path("linkTarget").asText()).isEqualTo("COMMODITY_LIBRARY");
        assertThat(new BigDecimal(added.path("extra").path("unitConsumption").asText())).isEqualByComparingTo("1");
        assertThat(added.path("extra").path("productItemNo").asText()).isEqualTo(p1);
        assertThat(added.path("extra").path("productHsCode").asText()).isEqualTo("8471300000");

        // refusals change nothing: a filed material not on the set-up, a product not on it, no product, a product as material
        LedgerApi.Response notOnSetup = api.post(token, "/documents/" + setup + "/lines", List.of(Map.of("kind", "UNIT_CONSUMPTION",
                "linkRef", mat3, "quantity", 1, "extra", Map.of("productItemNo", p1))));
        assertThat(notOnSetup.status()).isEqualTo(400);
        assertThat(notOnSetup.code()).isEqualTo("BOM_ITEM_NOT_IN_SETUP");
        assertThat(notOnSetup.body().toString()).contains(m3).contains("料件");
        LedgerApi.Response noSuchProduct = api.post(token, "/documents/" + setup + "/lines", List.of(Map.of("kind", "UNIT_CONSUMPTION",
                "linkRef", mat2, "quantity", 1, "extra", Map.of("productItemNo", "NO-" + s))));
        assertThat(noSuchProduct.code()).isEqualTo("BOM_ITEM_NOT_IN_SETUP");
        assertThat(api.post(token, "/documents/" + setup + "/lines", List.of(Map.of("kind", "UNIT_CONSUMPTION",
                "linkRef", mat2, "quantity", 1))).code()).isEqualTo("LINE_FIELD_REQUIRED");
        assertThat(api.post(token, "/documents/" + setup + "/lines", List.of(Map.of("kind", "UNIT_CONSUMPTION",
                "linkRef", prod1, "quantity", 1, "extra", Map.of("productItemNo", p1)))).code()).isEqualTo("LINE_LINK_INVALID");
        assertThat(bomLines(ok(api.get(token, "/documents/" + setup)).path("lines"))).hasSize(1);

        // 修改 / 列表编辑: 1.5 net at 25 % loss is 2 a unit
        bom.put("quantity", 1.5);
        bom.put("extra", Map.of("lossRate", 25, "productItemNo", p1));
        JsonNode edited = bomLines(ok(api.put(token, "/documents/" + setup + "/lines/" + bomLine, bom))).get(0);
        assertThat(new BigDecimal(edited.path("extra").path("unitConsumption").asText())).isEqualByComparingTo("2");

        // 复制, then 批量删除 the copy
        List<JsonNode> copied = bomLines(ok(api.post(token, "/documents/" + setup + "/lines/copies", Map.of("lineIds", List.of(bomLine)))));
        assertThat(copied).hasSize(2);
        long copy = copied.stream().mapToLong(l -> l.path("id").asLong()).filter(i -> i != bomLine).findFirst().orElseThrow();
        assertThat(bomLines(ok(api.post(token, "/documents/" + setup + "/lines/deletion", Map.of("lineIds", List.of(copy)))))).hasSize(1);

        // 模板下载: the set-up's template names the BOM lines and has the product column
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                api.download(token, "/document-types/PROCESSING_LEDGER_SETUP/line-template")))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(15).getStringCellValue()).contains("成品料号");
            List<String> kinds = new ArrayList<>();
            wb.getSheetAt(1).forEach(r -> kinds.add(r.getCell(0).getStringCellValue()));
            assertThat(kinds).contains("UNIT_CONSUMPTION");
        }

        // 导出 in the template's columns, 删除, and 导入 the file back; a file with one bad product imports nothing
        byte[] exported = api.download(token, "/documents/" + setup + "/lines/export?kind=UNIT_CONSUMPTION");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Row row = wb.getSheetAt(0).getRow(1);
            assertThat(row.getCell(11).getStringCellValue()).isEqualTo(m1);
            assertThat(row.getCell(15).getStringCellValue()).isEqualTo(p1);
            assertThat(new BigDecimal(row.getCell(16).getStringCellValue())).isEqualByComparingTo("2");
        }
        assertThat(bomLines(ok(api.post(token, "/documents/" + setup + "/lines/deletion", Map.of("lineIds", List.of(bomLine)))))).isEmpty();
        LedgerApi.Response bad = upload(token, "/documents/" + setup + "/lines/import", withRow(exported, m2, "NO-" + s));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.code()).isEqualTo("EXCEL_ROWS_INVALID");
        assertThat(bad.body().toString()).contains("row[3]").doesNotContain("row[2]");
        assertThat(bomLines(ok(api.get(token, "/documents/" + setup)).path("lines"))).isEmpty();
        JsonNode imported = bomLines(ok(upload(token, "/documents/" + setup + "/lines/import", exported))).get(0);
        assertThat(imported.path("itemNo").asText()).isEqualTo(m1);
        assertThat(imported.path("extra").path("productItemNo").asText()).isEqualTo(p1);
        assertThat(new BigDecimal(imported.path("extra").path("unitConsumption").asText())).isEqualByComparingTo("2");

        // a material line deleted after its BOM line: the logic check names it before declaring
        ok(api.post(token, "/documents/" + setup + "/lines", List.of(Map.of("kind", "UNIT_CONSUMPTION", "linkRef", mat2,
                "quantity", 3, "extra", Map.of("productItemNo", p1)))));
        long m2Line = lineOf(ok(api.get(token, "/documents/" + setup)).path("lines"), "MATERIAL", m2);
        ok(api.post(token, "/documents/" + setup + "/lines/deletion", Map.of("lineIds", List.of(m2Line))));
        JsonNode check = ok(api.get(token, "/documents/" + setup + "/logic-check"));
        assertThat(check.path("passed").asBoolean()).isFalse();
        assertThat(check.path("problems").toString()).contains(m2);
        assertThat(api.post(token, "/documents/" + setup + "/declaration", Map.of()).code()).isEqualTo("LOGIC_CHECK_FAILED");
        long staleBom = lineOf(ok(api.get(token, "/documents/" + setup)).path("lines"), "UNIT_CONSUMPTION", m2);
        ok(api.post(token, "/documents/" + setup + "/lines/deletion", Map.of("lineIds", List.of(staleBom))));

        // 申报: the BOM goes to customs with the set-up; the formal posting data makes ledger items of materials and products only
        JsonNode approved = approve(token, setup);
        assertThat(CUSTOMS.declaration(approved.path("documentNo").asText()).path("lines").findValuesAsText("kind"))
                .contains("MATERIAL", "FINISHED_PRODUCT", "UNIT_CONSUMPTION");
        ok(api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, approved.path("documentNo").asText(), "FORMAL_DATA",
                null, LedgerApi.newReceiptId()));
        long ledger = -1;
        for (JsonNode l : ok(api.get(token, "/ledgers"))) {
            if (l.path("setupDocumentId").asLong() == setup) {
                ledger = l.path("id").asLong();
            }
        }
        JsonNode stock = ok(api.get(token, "/ledgers/" + ledger + "/stock"));
        assertThat(stock.findValuesAsText("itemKind")).containsOnly("MATERIAL", "FINISHED_PRODUCT");
        assertThat(stock.findValuesAsText("itemNo")).containsExactlyInAnyOrder(m1, p1);
    }

    @Test
    void aBomDelegateKeepsOnlyTheSetUpsBomAndAnEnterpriseWithoutDelegationNothing() {
        String token = declarant(PRINCIPAL);
        String agent = declarant(BOM_AGENT);
        String s = suffix();
        String m1 = "DM1-" + s, p1 = "DP1-" + s;
        long mat1 = file(token, "MATERIAL_FILING", "MATERIAL", m1, "7601100000");
        long prod1 = file(token, "FINISHED_PRODUCT_FILING", "FINISHED_PRODUCT", p1, "8471300000");
        long setup = create(token, "PROCESSING_LEDGER_SETUP", null, Map.of()).path("id").asLong();
        addLines(token, setup, List.of(Map.of("kind", "MATERIAL", "linkRef", mat1, "quantity", 1),
                Map.of("kind", "FINISHED_PRODUCT", "linkRef", prod1, "quantity", 1)));
        Map<String, Object> bom = Map.of("kind", "UNIT_CONSUMPTION", "linkRef", mat1, "quantity", 2,
                "extra", Map.of("lossRate", 0, "productItemNo", p1));

        // before any delegation: refused
        assertThat(api.post(agent, "/documents/" + setup + "/lines", List.of(bom)).status()).isEqualTo(403);

        long delegation = ok(api.post(token, "/delegations", Map.of("delegate", BOM_AGENT, "delegateName", "单耗代理",
                "ledgerType", "PROCESSING", "scopes", List.of("BOM_LOSS")))).path("id").asLong();
        ok(api.post(agent, "/delegations/" + delegation + "/review", Map.of("approve", true)));
        try {
            // 授权校验 passes for BOM loss on the processing ledger only
            assertThat(ok(api.get(agent, "/delegations/authorizations/check?principal=" + PRINCIPAL
                    + "&ledgerType=PROCESSING&scope=BOM_LOSS")).path("scopeZh").asText()).isEqualTo("成品物料单损耗");
            assertThat(api.get(agent, "/delegations/authorizations/check?principal=" + PRINCIPAL
                    + "&ledgerType=PROCESSING&scope=LEDGER_SETUP").code()).isEqualTo("DELEGATION_SCOPE_DENIED");

            // allowed: read the set-up, add, edit and delete its BOM lines
            assertThat(ok(api.get(agent, "/documents/" + setup)).path("enterprise").asText()).isEqualTo(PRINCIPAL);
            JsonNode added = bomLines(ok(api.post(agent, "/documents/" + setup + "/lines", List.of(bom)))).get(0);
            assertThat(new BigDecimal(added.path("extra").path("unitConsumption").asText())).isEqualByComparingTo("2");
            long line = added.path("id").asLong();
            Map<String, Object> edit = new HashMap<>(bom);
            edit.put("quantity", 4);
            assertThat(bomLines(ok(api.put(agent, "/documents/" + setup + "/lines/" + line, edit))).get(0)
                    .path("quantity").decimalValue()).isEqualByComparingTo("4");

            // denied: the set-up's own lines, the set-up's header, its declaration, a new set-up in the principal's name
            LedgerApi.Response material = api.post(agent, "/documents/" + setup + "/lines",
                    List.of(Map.of("kind", "MATERIAL", "linkRef", mat1, "quantity", 1)));
            assertThat(material.status()).isEqualTo(403);
            assertThat(material.code()).isEqualTo("DELEGATION_SCOPE_DENIED");
            long materialLine = lineOf(ok(api.get(token, "/documents/" + setup)).path("lines"), "MATERIAL", m1);
            assertThat(api.post(agent, "/documents/" + setup + "/lines/deletion", Map.of("lineIds", List.of(materialLine, line)))
                    .status()).isEqualTo(403);
            assertThat(api.post(agent, "/documents/" + setup + "/declaration", Map.of()).status()).isEqualTo(403);
            assertThat(api.post(agent, "/documents", Map.of("type", "PROCESSING_LEDGER_SETUP", "actingFor", PRINCIPAL,
                    "title", "代办设立")).code()).isEqualTo("DELEGATION_SCOPE_DENIED");
            // an enterprise without delegation can neither read nor touch it
            String stranger = declarant(STRANGER);
            assertThat(api.get(stranger, "/documents/" + setup).status()).isIn(403, 404);
            assertThat(api.post(stranger, "/documents/" + setup + "/lines", List.of(bom)).status()).isEqualTo(403);

            assertThat(bomLines(ok(api.post(agent, "/documents/" + setup + "/lines/deletion", Map.of("lineIds", List.of(line))))))
                    .isEmpty();
            assertThat(ok(api.get(token, "/documents/" + setup)).path("lines").findValuesAsText("kind"))
                    .containsExactlyInAnyOrder("MATERIAL", "FINISHED_PRODUCT");
        } finally {
            assertThat(api.request("DELETE", token, "/delegations/" + delegation).status()).isEqualTo(204);
        }
        // switched off: refused again
        assertThat(api.post(agent, "/documents/" + setup + "/lines", List.of(bom)).status()).isEqualTo(403);
    }

    private long file(String token, String type, String kind, String itemNo, String hs) {
        long filing = create(token, type, null, Map.of()).path("id").asLong();
        addLines(token, filing, List.of(Map.of("kind", kind, "itemNo", itemNo, "hsCode", hs, "nameZh", "单耗测试" + kind,
                "quantity", 1)));
        approve(token, filing);
        for (JsonNode c : ok(api.get(token, "/commodities"))) {
            if (c.path("itemNo").asText().equals(itemNo)) {
                return c.path("id").asLong();
            }
        }
        throw new AssertionError(itemNo + " not in the library");
    }

    private static List<JsonNode> bomLines(JsonNode lines) {
        List<JsonNode> out = new ArrayList<>();
        lines.forEach(l -> {
            if (l.path("kind").asText().equals("UNIT_CONSUMPTION")) {
                out.add(l);
            }
        });
        return out;
    }

    private static long lineOf(JsonNode lines, String kind, String itemNo) {
        for (JsonNode l : lines) {
            if (l.path("kind").asText().equals(kind) && l.path("itemNo").asText().equals(itemNo)) {
                return l.path("id").asLong();
            }
        }
        throw new AssertionError(kind + " " + itemNo + " not among the lines");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    /** The exported file with a second row: material {@code material} for product {@code product}. */
    private static byte[] withRow(byte[] file, String material, String product) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            Row row = sheet.createRow(2);
            row.createCell(0).setCellValue("UNIT_CONSUMPTION");
            row.createCell(6).setCellValue(1);
            row.createCell(11).setCellValue(material);
            row.createCell(15).setCellValue(product);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private LedgerApi.Response upload(String token, String path, byte[] content) {
        String boundary = "----hnsw" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bom.xlsx\""
                + "\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.postBytes(token, path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }
}
