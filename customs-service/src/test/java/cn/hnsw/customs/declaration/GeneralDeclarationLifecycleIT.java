package cn.hnsw.customs.declaration;

import cn.hnsw.customs.CustomsIntegrationTestBase;
import cn.hnsw.customs.validation.UnifiedSocialCreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.hnsw.customs.declaration.DeclarationFixtures.header;
import static cn.hnsw.customs.declaration.DeclarationFixtures.item;
import static cn.hnsw.customs.declaration.DeclarationFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * First-line (一线一般报关管理, FP 744–935) and second-line general declarations (二线一般报关管理, FP 1029–1220) through
 * the whole engine, each on its own type: temp-save with its check, copy with a new pre-entry number, initial-value
 * and export initial-value templates, print with the type's template and its check, list query, details, export,
 * delete with its check, Excel import with the row report, batch declare signed and encrypted, the receipts, the
 * send records and the classification check of the stored items. Another enterprise sees none of it.
 */
class GeneralDeclarationLifecycleIT extends CustomsIntegrationTestBase {

    private static final String ALL_STATES = "DRAFT,SUBMITTED,SW_ACCEPTED,SW_REJECTED,ACCEPTED,RELEASED,RETURNED,WITHDRAWN";

    private static String enterpriseOf(String type) {
        return UnifiedSocialCreditCode.complete(switch (type) {
            case "FIRST_LINE_GENERAL" -> "91460108MA5T01FLG";
            case "SECOND_LINE_GENERAL" -> "91460108MA5T02WLG";
            default -> "91460108MA5T03DLG";
        });
    }

    private static Map<String, Object> headerFor(String type, String enterprise) {
        Map<String, Object> h = header(enterprise);
        if (type.startsWith("SECOND")) {
            h.put("verificationListNo", "QD640026E000000789");
            h.put("ledgerNo", "L6400D26000009");
        }
        return h;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIRST_LINE_GENERAL", "SECOND_LINE_GENERAL", "SECOND_LINE_DOMESTIC_SALE"})
    void entryCopyTemplatesPrintQueryExportAndDeleteOfAGeneralDeclaration(String type) {
        String enterprise = enterpriseOf(type);
        String token = enterpriseToken(enterprise);
        String other = enterpriseToken(ENTERPRISE_A);

        // 录入暂存: the temp-save check refuses a malformed code and stores nothing; an officer does not enter.
        long before = jdbc.queryForObject("SELECT count(*) FROM customs_declaration WHERE enterprise_uscc = ?", Long.class, enterprise);
        HttpResponse<String> malformed = post("/v1/declarations", token,
                request(type, headerFor(type, enterprise), List.of(item("39076", "聚酯切片"))));
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(json(malformed.body()).path("code").asText()).isEqualTo("PREVALIDATION_FAILED");
        assertThat(json(malformed.body()).path("errors").findValuesAsText("messageZh")).contains("第1项商品编码“39076”应为10位数字");
        assertThat(post("/v1/declarations", officerToken(), request(type, headerFor(type, enterprise),
                List.of(item("3907610000", "聚酯切片")))).statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customs_declaration WHERE enterprise_uscc = ?", Long.class,
                enterprise)).isEqualTo(before);
        HttpResponse<String> saved = post("/v1/declarations", token, request(type, headerFor(type, enterprise),
                List.of(item("3907610000", "聚酯切片"), item("2203000000", "啤酒"))));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        JsonNode declaration = json(saved.body()).path("declaration");
        String id = declaration.path("id").asText();
        String preEntryNo = declaration.path("preEntryNo").asText();
        assertThat(declaration.path("declarationType").asText()).isEqualTo(type);
        assertThat(declaration.path("status").asText()).isEqualTo("DRAFT");
        assertThat(preEntryNo).hasSize(18);

        // 录入复制: a new pre-entry number, the same goods; another enterprise's declaration is not copied.
        HttpResponse<String> copied = post("/v1/declarations/" + id + "/copies", token, "");
        assertThat(copied.statusCode()).isEqualTo(201);
        JsonNode copy = json(copied.body()).path("declaration");
        assertThat(copy.path("preEntryNo").asText()).isNotEqualTo(preEntryNo).hasSize(18);
        assertThat(copy.path("declarationType").asText()).isEqualTo(type);
        assertThat(copy.path("items").findValuesAsText("hsCode")).containsExactly("3907610000", "2203000000");
        assertThat(post("/v1/declarations/" + id + "/copies", other, "").statusCode()).isEqualTo(404);

        // 初始值模版 and 出口初始值配置: set, applied to a new declaration's blank fields, changed, listed, deleted, logged.
        for (String direction : List.of("IMPORT", "EXPORT")) {
            Map<String, Object> template = new HashMap<>(Map.of("kind", "INITIAL_VALUE", "declarationType", type,
                    "importExport", direction, "name", type + " " + direction + " 常用",
                    "header", Map.of("declareCustoms", "6401", "transportMode", "2")));
            HttpResponse<String> set = post("/v1/declaration-templates", token, template);
            assertThat(set.statusCode()).as(set.body()).isEqualTo(201);
            String tid = json(set.body()).path("id").asText();
            assertThat(post("/v1/declaration-templates", token, template).statusCode()).isEqualTo(409);
            Map<String, Object> blank = headerFor(type, enterprise);
            blank.remove("declareCustoms");
            JsonNode applied = json(post("/v1/declaration-templates/" + tid + "/application", token,
                    request(type, blank, List.of(item("3907610000", "聚酯切片")))).body());
            assertThat(applied.path("header").path("declareCustoms").asText()).isEqualTo("6401");
            template.put("header", Map.of("declareCustoms", "6402"));
            template.put("version", 1);
            assertThat(json(put("/v1/declaration-templates/" + tid, token, template).body()).path("version").asInt()).isEqualTo(2);
            assertThat(put("/v1/declaration-templates/" + tid, token, template).statusCode()).isEqualTo(409);
            assertThat(json(get("/v1/declaration-templates?kind=INITIAL_VALUE&type=" + type + "&direction=" + direction,
                    token).body()).findValuesAsText("id")).containsExactly(tid);
            assertThat(get("/v1/declaration-templates/" + tid, other).statusCode()).isEqualTo(404);
            assertThat(delete("/v1/declaration-templates/" + tid, token).statusCode()).isEqualTo(204);
            assertThat(json(get("/v1/declaration-templates/logs?direction=" + direction + "&size=100", token).body())
                    .path("content").findValuesAsText("action")).contains("CREATED", "CHANGED", "DELETED");
        }

        // 打印 with the type's template: a draft is refused by its check, the standard form comes back afterwards.
        int version = json(get("/v1/print-templates/" + type, token).body()).path("version").asInt();
        Map<String, Object> printTemplate = new HashMap<>(Map.of("title", type + " 企业留存联",
                "itemColumns", List.of("SEQ", "HS_CODE", "NAME_SPEC", "QUANTITY_UNIT"),
                "printableStatuses", List.of("SUBMITTED", "SW_ACCEPTED", "ACCEPTED", "RELEASED"), "version", version));
        try {
            assertThat(put("/v1/print-templates/" + type, token, printTemplate).statusCode()).isEqualTo(403);
            assertThat(put("/v1/print-templates/" + type, operatorToken(), printTemplate).statusCode()).isEqualTo(200);
            HttpResponse<String> refused = get("/v1/declarations/" + id + "/print", token);
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(json(refused.body()).path("code").asText()).isEqualTo("PRINT_NOT_ALLOWED");
            assertThat(json(refused.body()).path("messageZh").asText()).contains("不可打印");
        } finally {
            Map<String, Object> back = new HashMap<>();
            back.put("itemColumns", List.of("SEQ", "HS_CODE", "NAME_SPEC", "QUANTITY_UNIT", "PRICE", "ORIGIN", "DESTINATION", "LEVY"));
            back.put("printableStatuses", List.of(ALL_STATES.split(",")));
            back.put("version", json(get("/v1/print-templates/" + type, token).body()).path("version").asInt());
            assertThat(put("/v1/print-templates/" + type, operatorToken(), back).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> printed = get("/v1/declarations/" + id + "/print", token);
        assertThat(printed.statusCode()).isEqualTo(200);
        assertThat(printed.body()).contains(preEntryNo, "3907610000");
        assertThat(get("/v1/declarations/" + id + "/print", other).statusCode()).isEqualTo(404);

        // 列表查询 with its conditions, 详情, 导出: one's own only; officers see every enterprise's.
        HttpResponse<String> badPage = get("/v1/declarations?type=" + type + "&size=5000", token);
        assertThat(badPage.statusCode()).isEqualTo(400);
        assertThat(json(badPage.body()).path("messageZh").asText()).isNotBlank();
        JsonNode list = json(get("/v1/declarations?type=" + type + "&preEntryNo=" + preEntryNo, token).body());
        assertThat(list.path("totalElements").asInt()).isEqualTo(1);
        assertThat(json(get("/v1/declarations?type=" + type + "&status=DRAFT&hsCode=2203000000", token).body())
                .path("content").findValuesAsText("preEntryNo")).contains(preEntryNo, copy.path("preEntryNo").asText());
        assertThat(json(get("/v1/declarations?preEntryNo=" + preEntryNo, other).body()).path("totalElements").asInt()).isZero();
        assertThat(json(get("/v1/declarations?preEntryNo=" + preEntryNo, officerToken()).body()).path("totalElements").asInt())
                .isEqualTo(1);
        JsonNode detail = json(get("/v1/declarations/" + id, token).body());
        assertThat(detail.path("header").path("domesticTraderUscc").asText()).isEqualTo(enterprise);
        assertThat(detail.path("items")).hasSize(2);
        assertThat(get("/v1/declarations/" + id, other).statusCode()).isEqualTo(404);
        byte[] exported = getBytes("/v1/declarations/export?type=" + type, token).body();
        assertThat(sheetColumn(exported, "报关单列表 Declarations", 0)).contains(preEntryNo);
        assertThat(sheetColumn(getBytes("/v1/declarations/export?type=" + type, other).body(), "报关单列表 Declarations", 0))
                .doesNotContain(preEntryNo);

        // 删除: a draft is deleted once; another enterprise cannot; a declared one cannot be.
        String copyId = copy.path("id").asText();
        assertThat(delete("/v1/declarations/" + copyId, other).statusCode()).isEqualTo(404);
        assertThat(delete("/v1/declarations/" + copyId, token).statusCode()).isEqualTo(200);
        assertThat(json(get("/v1/declarations/" + copyId, token).body()).path("status").asText()).isEqualTo("DELETED");
        assertThat(delete("/v1/declarations/" + copyId, token).statusCode()).isEqualTo(404);
        HttpResponse<String> submitted = post("/v1/declarations/" + id + "/submission", token, "");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        HttpResponse<String> declared = delete("/v1/declarations/" + id, token);
        assertThat(declared.statusCode()).isEqualTo(409);
        assertThat(json(declared.body()).path("code").asText()).isEqualTo("ILLEGAL_STATUS_CHANGE");

        // 日志处理: the enterprise's entries and refusals are in the operation log.
        JsonNode log = json(get("/v1/system-logs/operation-log?actor=declarant-" + enterprise.substring(12) + "&action="
                + enc("/v1/declarations") + "&size=200", operatorToken()).body());
        assertThat(log.path("content").findValuesAsText("action")).contains("POST /api/customs/v1/declarations",
                "POST /api/customs/v1/declarations/{id}/copies", "DELETE /api/customs/v1/declarations/{id}",
                "GET /api/customs/v1/declarations", "GET /api/customs/v1/declarations/{id}",
                "GET /api/customs/v1/declarations/{id}/print", "GET /api/customs/v1/declarations/export");
        assertThat(log.path("content").findValuesAsText("detail")).anyMatch(d -> d.contains("preEntryNo=" + preEntryNo));
        assertThat(log.path("content").findValuesAsText("result")).contains("SUCCESS", "FAILURE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIRST_LINE_GENERAL", "SECOND_LINE_GENERAL", "SECOND_LINE_DOMESTIC_SALE"})
    void importedAndEnteredDeclarationsAreDeclaredInABatchSealedAndTheirReceiptsComeBack(String type) throws IOException {
        String enterprise = enterpriseOf(type);
        String token = enterpriseToken(enterprise);

        // Excel导入: the template's columns, a good declaration and a row the check refuses, reported row by row.
        byte[] workbook = workbook(type, enterprise, new String[][]{
                {"1", "3907610000", "5000", "1.25", "6250"},
                {"1", "2203000000", "100", "2", "200"},
                {"2", "39076", "10", "1", "10"}});
        HttpResponse<String> imported = multipart("/v1/declarations/imports?declarationType=" + type, token, "申报.xlsx", workbook);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode report = json(imported.body());
        assertThat(report.path("rows").asInt()).isEqualTo(3);
        assertThat(report.path("declarationsCreated").asInt()).isEqualTo(1);
        assertThat(report.path("declarationsRefused").asInt()).isEqualTo(1);
        assertThat(report.path("results").get(2).path("row").asInt()).isEqualTo(4);
        assertThat(report.path("results").get(2).path("messagesZh").get(0).asText()).contains("39076");
        String importedId = report.path("results").get(0).path("declarationId").asText();
        assertThat(json(get("/v1/declarations/" + importedId, token).body()).path("declarationType").asText()).isEqualTo(type);
        assertThat(multipart("/v1/declarations/imports?declarationType=" + type, officerToken(), "申报.xlsx", workbook)
                .statusCode()).isEqualTo(403);

        // 批量发送: both go, sealed (the partner opens them with the platform's key), a refused one is reported.
        String entered = json(post("/v1/declarations", token, request(type, headerFor(type, enterprise),
                List.of(item("3907610000", "聚酯切片")))).body()).path("declaration").path("id").asText();
        Map<String, Object> badHeader = headerFor(type, enterprise);
        badHeader.put("tradingCountry", "XXX");
        String refused = json(post("/v1/declarations", token, request(type, badHeader,
                List.of(item("3907610000", "聚酯切片")))).body()).path("declaration").path("id").asText();
        JsonNode batch = json(post("/v1/declarations/batch-submission", token,
                Map.of("ids", List.of(importedId, refused, entered), "confirmWarnings", false)).body());
        assertThat(batch.findValuesAsText("submitted")).as(batch.toString()).containsExactly("true", "false", "true");
        assertThat(batch.get(1).path("code").asText()).isEqualTo("PREVALIDATION_FAILED");
        assertThat(batch.get(1).path("messageZh").asText()).contains("不在通关参数表中");
        for (String id : List.of(importedId, entered)) {
            await("the technical receipt of " + id, () -> "SW_ACCEPTED".equals(status(id)));
            JsonNode sent = PARTNER.declarations.stream().filter(m -> m.path("declaration").path("id").asText().equals(id))
                    .findFirst().orElseThrow();
            assertThat(sent.path("declaration").path("declarationType").asText()).isEqualTo(type);
        }
        assertThat(status(refused)).isEqualTo("DRAFT");

        // 回执接收 and 状态同步: the business receipt decides; the receipts list and the send records show it.
        String conversation = jdbc.queryForObject("SELECT conversation_id::text FROM customs_declaration WHERE id = ?::uuid",
                String.class, entered);
        assertThat(postBytes("/v1/receipts", PARTNER.businessReceipt("H2018-GL-" + entered, conversation, "RELEASED",
                "640020261000" + (type.startsWith("FIRST") ? "081001" : type.endsWith("GENERAL") ? "082001" : "083001"))).statusCode()).isEqualTo(200);
        assertThat(status(entered)).isEqualTo("RELEASED");
        assertThat(json(get("/v1/declarations/" + entered + "/receipts", token).body()).findValuesAsText("kind"))
                .contains("TECHNICAL", "BUSINESS");
        JsonNode records = json(get("/v1/outbound-messages?declarationId=" + entered, operatorToken()).body());
        assertThat(records.path("content").findValuesAsText("status")).contains("SENT");
        assertThat(json(get("/v1/outbound-messages?declarationId=" + entered, enterpriseToken(ENTERPRISE_A)).body())
                .path("content")).isEmpty();
        // 日志处理: the import and the batch are in the operation log under the declarant.
        JsonNode log = json(get("/v1/system-logs/operation-log?actor=declarant-" + enterprise.substring(12)
                + "&action=" + enc("/v1/declarations/") + "&size=200", operatorToken()).body());
        assertThat(log.path("content").findValuesAsText("action")).contains("POST /api/customs/v1/declarations/imports",
                "POST /api/customs/v1/declarations/batch-submission");

        // 集成商品智能归类: the stored items are checked against the tariff table for their enterprise only.
        JsonNode checked = json(get("/v1/classification/declarations/" + importedId, token).body());
        assertThat(checked.findValuesAsText("verdict")).containsExactly("CONSISTENT", "CONSISTENT");
        assertThat(get("/v1/classification/declarations/" + importedId, enterpriseToken(ENTERPRISE_A)).statusCode()).isEqualTo(404);
        assertThat(json(get("/v1/classification/logs?size=100", token).body()).path("content")
                .findValuesAsText("declarationId")).contains(importedId);

        if (!type.endsWith("GENERAL")) {
            // A second-line domestic sale has no sub-centre side.
            assertThat(json(get("/v1/declarations/" + entered, token).body()).path("distributionStatus").asText()).isEqualTo("NONE");
            return;
        }
        // 数据分中心端: released, it is distributed sealed to the Haikou sub-centre, which stores it with its receipts,
        // cleanses it and answers with a reception receipt; officers find it by type, the enterprise its own only.
        await("the sub-centre's reception receipt", () -> "DISTRIBUTED".equals(json(get("/v1/declarations/" + entered, token)
                .body()).path("distributionStatus").asText()));
        assertThat(json(get("/v1/declarations/" + entered + "/receipts", token).body()).findValuesAsText("kind"))
                .contains("TECHNICAL", "BUSINESS", "RECEPTION");
        String preEntryNo = json(get("/v1/declarations/" + entered, token).body()).path("preEntryNo").asText();
        JsonNode atSubCentre = json(get("/v1/subcentre/declarations?declarationType=" + type + "&preEntryNo=" + preEntryNo,
                officerToken()).body());
        assertThat(atSubCentre.path("totalElements").asInt()).isEqualTo(1);
        assertThat(atSubCentre.path("content").get(0).path("status").asText()).isEqualTo("RELEASED");
        assertThat(atSubCentre.path("content").get(0).path("declarationType").asText()).isEqualTo(type);
        assertThat(json(get("/v1/subcentre/enterprise/declarations?preEntryNo=" + preEntryNo, token).body())
                .path("totalElements").asInt()).isEqualTo(1);
        assertThat(json(get("/v1/subcentre/enterprise/declarations?preEntryNo=" + preEntryNo, enterpriseToken(ENTERPRISE_A))
                .body()).path("totalElements").asInt()).isZero();
        assertThat(get("/v1/subcentre/declarations?preEntryNo=" + preEntryNo, token).statusCode()).isEqualTo(403);
        // 技术回执接收 / 业务回执接收 at the sub-centre: parsed from the distribution and kept once each.
        JsonNode kept = json(get("/v1/subcentre/declarations/" + preEntryNo + "/receipts", officerToken()).body());
        assertThat(kept.findValuesAsText("kind")).containsExactly("TECHNICAL", "BUSINESS");
        assertThat(kept.get(1).path("status").asText()).isEqualTo("RELEASED");
        assertThat(kept.get(1).path("customsNo").asText()).startsWith("640020261000");
        assertThat(json(get("/v1/subcentre/enterprise/declarations/" + preEntryNo + "/receipts", token).body())
                .findValuesAsText("kind")).containsExactly("TECHNICAL", "BUSINESS");
        HttpResponse<String> notOwn = get("/v1/subcentre/enterprise/declarations/" + preEntryNo + "/receipts",
                enterpriseToken(ENTERPRISE_A));
        assertThat(notOwn.statusCode()).isEqualTo(404);
        assertThat(json(notOwn.body()).path("code").asText()).isEqualTo("SUBCENTRE_RECORD_NOT_FOUND");
        assertThat(json(notOwn.body()).path("messageZh").asText()).isEqualTo("海口数据分中心无此报关单");
        assertThat(get("/v1/subcentre/declarations/640020269999999999/receipts", officerToken()).statusCode()).isEqualTo(404);
        // 补充下发 by an operator: the sub-centre counts a second reception; a declaration not yet decided is refused.
        assertThat(post("/v1/declarations/" + entered + "/redistribution", operatorToken(), "").statusCode()).isEqualTo(200);
        await("the supplementary distribution", () -> jdbc.queryForObject(
                "SELECT receptions FROM subcentre_declaration WHERE pre_entry_no = ?", Integer.class, preEntryNo) == 2);
        assertThat(json(get("/v1/subcentre/declarations/" + preEntryNo + "/receipts", officerToken()).body())).hasSize(2);
        assertThat(json(post("/v1/declarations/" + importedId + "/redistribution", operatorToken(), "").body())
                .path("code").asText()).isEqualTo("NOT_DISTRIBUTABLE");

    }

    private String status(String id) {
        return jdbc.queryForObject("SELECT status FROM customs_declaration WHERE id = ?::uuid", String.class, id);
    }

    private byte[] workbook(String type, String enterprise, String[][] rows) throws IOException {
        HttpResponse<byte[]> template = getBytes("/v1/declarations/import-template", enterpriseToken(enterprise));
        assertThat(template.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            Map<String, Integer> col = new LinkedHashMap<>();
            sheet.getRow(0).forEach(c -> col.put(c.getStringCellValue().split(" ")[0], c.getColumnIndex()));
            Map<String, Object> h = headerFor(type, enterprise);
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                Map<String, String> values = new LinkedHashMap<>();
                values.put("报关单序号", rows[r][0]);
                values.put("申报地海关", "6400");
                values.put("进境关别", "6400");
                values.put("监管方式", "0110");
                values.put("征免性质", "101");
                values.put("运输方式", "2");
                values.put("运输工具名称", (String) h.get("vesselName"));
                values.put("航次号", (String) h.get("voyageNo"));
                values.put("提运单号", (String) h.get("billOfLadingNo"));
                values.put("境内收发货人代码", enterprise);
                values.put("境内收发货人名称", "海南一般贸易企业");
                values.put("境外收发货人", "PACIFIC RESINS PTE. LTD.");
                values.put("申报单位代码", enterprise);
                values.put("申报单位名称", "海南一般贸易企业");
                values.put("贸易国（地区）", "SGP");
                values.put("启运国（地区）", "SGP");
                values.put("启运港", "SGSIN");
                values.put("成交方式", "1");
                values.put("包装种类", "22");
                values.put("件数", "120");
                values.put("毛重（千克）", "5400.5");
                values.put("净重（千克）", "5200");
                if (h.containsKey("ledgerNo")) {
                    values.put("备案号", (String) h.get("ledgerNo"));
                    values.put("核注清单编号", (String) h.get("verificationListNo"));
                }
                values.put("商品编号", rows[r][1]);
                values.put("商品名称", rows[r][1].startsWith("2203") ? "啤酒" : "聚酯切片");
                values.put("成交数量", rows[r][2]);
                values.put("成交计量单位", "035");
                values.put("单价", rows[r][3]);
                values.put("总价", rows[r][4]);
                values.put("币制", "USD");
                values.put("原产国（地区）", "SGP");
                values.put("最终目的国（地区）", "CHN");
                values.put("征免方式", "3");
                values.forEach((title, value) -> {
                    Integer c = col.get(title);
                    assertThat(c).as(title).isNotNull();
                    row.createCell(c).setCellValue(value);
                });
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
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
