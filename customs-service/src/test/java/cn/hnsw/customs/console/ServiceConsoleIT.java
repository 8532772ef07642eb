package cn.hnsw.customs.console;

import cn.hnsw.customs.CustomsIntegrationTestBase;
import cn.hnsw.customs.validation.UnifiedSocialCreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.hnsw.customs.declaration.DeclarationFixtures.header;
import static cn.hnsw.customs.declaration.DeclarationFixtures.item;
import static cn.hnsw.customs.declaration.DeclarationFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

/** 企业接入服务控制台 and the open interfaces (FP 575–610): enable, change, disable, delete; the interfaces follow. */
class ServiceConsoleIT extends CustomsIntegrationTestBase {

    static final String ENTERPRISE_D = UnifiedSocialCreditCode.complete("91460108MA5T00DEF");
    static final String ENTERPRISE_E = UnifiedSocialCreditCode.complete("91460108MA5T00EFG");
    static final String ENTERPRISE_F = UnifiedSocialCreditCode.complete("91460108MA5T00FGH");
    static final String ENTERPRISE_G = UnifiedSocialCreditCode.complete("91460108MA5T00GHJ");

    @Test
    void anEnabledServiceAnswersItsInterfaceADisabledOneRefusesAndOnlyADisabledOneIsDeleted() {
        String d = enterpriseToken(ENTERPRISE_D);
        // The console lists every service, none enabled yet, and the interface refuses.
        JsonNode console = json(get("/v1/service-console/services", d).body());
        assertThat(console.findValuesAsText("service")).containsExactly("PARAMETER_QUERY", "PRE_VALIDATION",
                "PRE_CLASSIFICATION", "DECLARATION_IMPORT", "SUBSCRIPTION");
        assertThat(console.findValuesAsText("status")).containsOnly("NOT_ENABLED");
        assertThat(console.get(0).path("interfaces").get(0).asText()).isEqualTo("GET /v1/open/parameters/{table}/entries");
        HttpResponse<String> closed = get("/v1/open/parameters/CURRENCY/entries", d);
        assertThat(closed.statusCode()).isEqualTo(403);
        assertThat(json(closed.body()).path("code").asText()).isEqualTo("SERVICE_NOT_ENABLED");
        assertThat(closed.body()).contains("本企业未开通“通关参数查询服务”");

        // 开通 with settings; a bad callback address is refused and changes nothing.
        HttpResponse<String> badUrl = put("/v1/service-console/services/PARAMETER_QUERY", d,
                Map.of("contact", "王工", "callbackUrl", "ftp:/nowhere"));
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(json(badUrl.body()).path("code").asText()).isEqualTo("SERVICE_SETTINGS_INVALID");
        assertThat(status(d, "PARAMETER_QUERY")).isEqualTo("NOT_ENABLED");
        HttpResponse<String> enabled = put("/v1/service-console/services/PARAMETER_QUERY", d,
                Map.of("contact", "王工 0898-66000000", "callbackUrl", "https://erp.example.cn/hnsw"));
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
        assertThat(json(enabled.body()).path("status").asText()).isEqualTo("ENABLED");
        JsonNode entries = json(get("/v1/open/parameters/CURRENCY/entries?q=USD", d).body());
        assertThat(entries.path("content").findValuesAsText("code")).contains("USD");
        // 修改: the settings change, the version counts, the calls were counted.
        JsonNode changed = json(put("/v1/service-console/services/PARAMETER_QUERY", d, Map.of("contact", "李工")).body());
        assertThat(changed.path("contact").asText()).isEqualTo("李工");
        assertThat(changed.path("version").asInt()).isEqualTo(2);
        assertThat(changed.path("calls").asLong()).isEqualTo(1);

        // Another enterprise's console is its own: D's service is not enabled for E.
        assertThat(status(enterpriseToken(ENTERPRISE_E), "PARAMETER_QUERY")).isEqualTo("NOT_ENABLED");
        assertThat(get("/v1/open/parameters/CURRENCY/entries", enterpriseToken(ENTERPRISE_E)).statusCode()).isEqualTo(403);
        // Officers read an enterprise's console and change nothing; they do not call the open interfaces.
        JsonNode officerView = json(get("/v1/service-console/services?enterprise=" + ENTERPRISE_D, officerToken()).body());
        assertThat(officerView.findValuesAsText("status")).contains("ENABLED");
        assertThat(put("/v1/service-console/services/PARAMETER_QUERY", officerToken(), Map.of()).statusCode()).isEqualTo(403);
        assertThat(get("/v1/open/parameters/CURRENCY/entries", officerToken()).statusCode()).isEqualTo(403);

        // 删除 only after 关闭; disabled, the interface refuses again.
        HttpResponse<String> stillOpen = delete("/v1/service-console/services/PARAMETER_QUERY", d);
        assertThat(stillOpen.statusCode()).isEqualTo(409);
        assertThat(json(stillOpen.body()).path("code").asText()).isEqualTo("SERVICE_STILL_ENABLED");
        assertThat(json(post("/v1/service-console/services/PARAMETER_QUERY/disablement", d, "").body()).path("status").asText())
                .isEqualTo("DISABLED");
        assertThat(get("/v1/open/parameters/CURRENCY/entries", d).statusCode()).isEqualTo(403);
        assertThat(post("/v1/service-console/services/PARAMETER_QUERY/disablement", d, "").statusCode()).isEqualTo(409);
        assertThat(delete("/v1/service-console/services/PARAMETER_QUERY", d).statusCode()).isEqualTo(204);
        assertThat(status(d, "PARAMETER_QUERY")).isEqualTo("NOT_ENABLED");
        assertThat(delete("/v1/service-console/services/PARAMETER_QUERY", d).statusCode()).isEqualTo(404);
        assertThat(put("/v1/service-console/services/NO_SUCH_SERVICE", d, Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void thePreValidationInterfaceValidatesWithoutStoringAndPreClassificationLooksUpTheCode() {
        String d = enterpriseToken(ENTERPRISE_D);
        Map<String, Object> h = header(ENTERPRISE_D);
        h.put("supervisionMode", "0644");
        h.put("levyNature", "503");
        Map<String, Object> body = request("FIRST_LINE_GENERAL", h, List.of(item("2203000000", "啤酒")));
        assertThat(post("/v1/open/prevalidation", d, body).statusCode()).isEqualTo(403);
        assertThat(put("/v1/service-console/services/PRE_VALIDATION", d, new HashMap<>()).statusCode()).isEqualTo(200);
        Integer before = jdbc.queryForObject("SELECT count(*) FROM customs_declaration WHERE enterprise_uscc = ?", Integer.class, ENTERPRISE_D);
        HttpResponse<String> validated = post("/v1/open/prevalidation", d, body);
        assertThat(validated.statusCode()).as(validated.body()).isEqualTo(200);
        assertThat(json(validated.body()).path("findings").findValuesAsText("ruleCode"))
                .containsExactlyInAnyOrder("FIRST-LINE-SUPERVISION-MODE", "GENERAL-LEVY-FOR-MODE");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customs_declaration WHERE enterprise_uscc = ?", Integer.class, ENTERPRISE_D))
                .isEqualTo(before);

        assertThat(get("/v1/open/classification/3907610000", d).statusCode()).isEqualTo(403);
        assertThat(put("/v1/service-console/services/PRE_CLASSIFICATION", d, new HashMap<>()).statusCode()).isEqualTo(200);
        JsonNode classified = json(get("/v1/open/classification/3907610000", d).body());
        assertThat(classified.path("chapter").asText()).isEqualTo("39");
        assertThat(classified.path("heading").asText()).isEqualTo("3907");
        assertThat(json(get("/v1/open/classification/39076", d).body()).path("valid").asBoolean()).isFalse();
        // By goods name: the tariff table's best commodity first.
        JsonNode byName = json(get("/v1/open/classification?name=" + java.net.URLEncoder.encode("瓶级聚酯切片",
                java.nio.charset.StandardCharsets.UTF_8), d).body());
        assertThat(byName.path("suggestions").get(0).path("hsCode").asText()).isEqualTo("3907610000");
    }

    @Test
    void theErpImportAndSubscriptionInterfacesAnswerOnlyWhileTheirServiceIsEnabled() throws Exception {
        String e = enterpriseToken(ENTERPRISE_E);
        byte[] template = getBytes("/v1/declarations/import-template", e).body();
        // Not enabled: refused, nothing imported or subscribed.
        HttpResponse<String> closedImport = multipart("/v1/open/declarations/imports?declarationType=SECOND_LINE_DOMESTIC_SALE",
                e, "erp.xlsx", template);
        assertThat(closedImport.statusCode()).isEqualTo(403);
        assertThat(closedImport.body()).contains("本企业未开通“二线报关单导入服务”");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String until = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        Map<String, Object> subscription = Map.of("content", "SECOND_LINE_RECEIPTS", "validFrom", today, "validTo", until);
        HttpResponse<String> closedSubscription = post("/v1/open/second-line/subscriptions", e, subscription);
        assertThat(closedSubscription.statusCode()).isEqualTo(403);
        assertThat(json(closedSubscription.body()).path("code").asText()).isEqualTo("SERVICE_NOT_ENABLED");
        assertThat(get("/v1/open/second-line/subscriptions", e).statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM data_subscription WHERE enterprise_uscc = ?", Integer.class,
                ENTERPRISE_E)).isZero();

        // Enabled: the ERP imports (the empty template: a report of no rows) and subscribes; only second-line types.
        assertThat(put("/v1/service-console/services/DECLARATION_IMPORT", e, new HashMap<>()).statusCode()).isEqualTo(200);
        HttpResponse<String> imported = multipart("/v1/open/declarations/imports?declarationType=SECOND_LINE_DOMESTIC_SALE",
                e, "erp.xlsx", template);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(json(imported.body()).path("rows").asInt()).isZero();
        HttpResponse<String> firstLine = multipart("/v1/open/declarations/imports?declarationType=DIRECT_RELEASE",
                e, "erp.xlsx", template);
        assertThat(firstLine.statusCode()).isEqualTo(400);
        assertThat(json(firstLine.body()).path("code").asText()).isEqualTo("IMPORT_FILE_INVALID");
        assertThat(put("/v1/service-console/services/SUBSCRIPTION", e, new HashMap<>()).statusCode()).isEqualTo(200);
        HttpResponse<String> subscribed = post("/v1/open/second-line/subscriptions", e, subscription);
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        assertThat(json(get("/v1/open/second-line/subscriptions", e).body()).findValuesAsText("id"))
                .contains(json(subscribed.body()).path("id").asText());
        // Each call was counted on its service; another enterprise's ERP is still refused.
        assertThat(json(get("/v1/service-console/services", e).body()).findValues("calls").stream()
                .mapToLong(JsonNode::asLong).sum()).isGreaterThanOrEqualTo(3);
        assertThat(post("/v1/open/second-line/subscriptions", enterpriseToken(ENTERPRISE_D), subscription).statusCode())
                .isEqualTo(403);

        // Disabled again: refused again.
        post("/v1/service-console/services/SUBSCRIPTION/disablement", e, "");
        assertThat(get("/v1/open/second-line/subscriptions", e).statusCode()).isEqualTo(403);
    }

    /**
     * 对接企业ERP系统—二线报关单导入服务 (FP 557–559, 561, 562): the ERP downloads the sheet, fills it and imports it;
     * each row is checked, a refused row is reported with its row number and reason while the good one becomes a
     * declaration of the ERP's enterprise only, and the import is in the operation log under its declarant.
     */
    @Test
    void theErpImportsASecondLineSheetRowByRowReportingAndLoggingItsRefusals() throws Exception {
        String enterprise = UnifiedSocialCreditCode.complete("91460108MA5T00KFG");
        String token = enterpriseToken(enterprise);
        assertThat(put("/v1/service-console/services/DECLARATION_IMPORT", token, new HashMap<>()).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> template = getBytes("/v1/declarations/import-template", token);
        assertThat(template.statusCode()).isEqualTo(200);
        byte[] filled;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(template.body()))) {
            var sheet = wb.getSheetAt(0);
            Map<String, Integer> col = new java.util.LinkedHashMap<>();
            sheet.getRow(0).forEach(c -> col.put(c.getStringCellValue().split(" ")[0], c.getColumnIndex()));
            String[][] rows = {{"1", "3907610000"}, {"2", "39076"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r + 1);
                Map<String, String> v = new java.util.LinkedHashMap<>();
                v.put("报关单序号", rows[r][0]);
                v.put("申报地海关", "6400");
                v.put("进境关别", "6400");
                v.put("监管方式", "0110");
                v.put("征免性质", "101");
                v.put("运输方式", "2");
                v.put("运输工具名称", "COSCO HAIKOU");
                v.put("航次号", "2611E");
                v.put("提运单号", "HNBL2026110001");
                v.put("境内收发货人代码", enterprise);
                v.put("境内收发货人名称", "海南二线ERP企业");
                v.put("境外收发货人", "PACIFIC RESINS PTE. LTD.");
                v.put("申报单位代码", enterprise);
                v.put("申报单位名称", "海南二线ERP企业");
                v.put("贸易国（地区）", "SGP");
                v.put("启运国（地区）", "SGP");
                v.put("启运港", "SGSIN");
                v.put("成交方式", "1");
                v.put("包装种类", "22");
                v.put("件数", "120");
                v.put("毛重（千克）", "5400.5");
                v.put("净重（千克）", "5200");
                v.put("备案号", "L6400D26000009");
                v.put("核注清单编号", "QD640026E000000789");
                v.put("商品编号", rows[r][1]);
                v.put("商品名称", "聚酯切片");
                v.put("成交数量", "100");
                v.put("成交计量单位", "035");
                v.put("单价", "2");
                v.put("总价", "200");
                v.put("币制", "USD");
                v.put("原产国（地区）", "SGP");
                v.put("最终目的国（地区）", "CHN");
                v.put("征免方式", "3");
                v.forEach((title, value) -> {
                    Integer c = col.get(title);
                    assertThat(c).as(title).isNotNull();
                    row.createCell(c).setCellValue(value);
                });
            }
            var out = new java.io.ByteArrayOutputStream();
            wb.write(out);
            filled = out.toByteArray();
        }
        HttpResponse<String> imported = multipart("/v1/open/declarations/imports?declarationType=SECOND_LINE_GENERAL",
                token, "erp.xlsx", filled);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode report = json(imported.body());
        assertThat(report.path("rows").asInt()).isEqualTo(2);
        assertThat(report.path("declarationsCreated").asInt()).isEqualTo(1);
        assertThat(report.path("declarationsRefused").asInt()).isEqualTo(1);
        assertThat(report.path("results").get(1).path("row").asInt()).isEqualTo(3);
        assertThat(report.path("results").get(1).path("messagesZh").get(0).asText()).contains("39076");
        String id = report.path("results").get(0).path("declarationId").asText();
        JsonNode created = json(get("/v1/declarations/" + id, token).body());
        assertThat(created.path("declarationType").asText()).isEqualTo("SECOND_LINE_GENERAL");
        assertThat(created.path("status").asText()).isEqualTo("DRAFT");
        assertThat(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_D)).statusCode()).isEqualTo(404);
        // A file that is not a workbook is refused with a reason and creates nothing.
        HttpResponse<String> broken = multipart("/v1/open/declarations/imports?declarationType=SECOND_LINE_GENERAL",
                token, "erp.xlsx", "not a workbook".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(json(broken.body()).path("code").asText()).isEqualTo("IMPORT_FILE_INVALID");
        assertThat(json(broken.body()).path("messageZh").asText()).contains("Excel");
        await("the import in the operation log", () -> json(get("/v1/system-logs/operation-log?actor=declarant-"
                + enterprise.substring(12) + "&size=200", operatorToken()).body()).path("content")
                .findValuesAsText("action").contains("POST /api/customs/v1/open/declarations/imports"));
    }

    /**
     * 预归类服务配置, 申报预校验服务配置, 二线报关单导入配置, 二线报关单订阅配置 (FP 587–610): each of the four services is
     * refused a bad setting in both languages and left as it was, enabled, changed, closed (its interface refuses
     * again), deleted only once closed, and every step is in the operation log under the service.
     */
    @Test
    void eachServiceIsConfiguredClosedAndDeletedTheSameWayAndEveryStepIsLogged() throws Exception {
        String f = enterpriseToken(ENTERPRISE_F);
        byte[] template = getBytes("/v1/declarations/import-template", f).body();
        Map<String, java.util.function.Supplier<Integer>> calls = new java.util.LinkedHashMap<>();
        calls.put("PRE_CLASSIFICATION", () -> get("/v1/open/classification/3907610000", f).statusCode());
        calls.put("PRE_VALIDATION", () -> post("/v1/open/prevalidation", f,
                request("FIRST_LINE_GENERAL", header(ENTERPRISE_F), List.of(item("3907610000", "聚酯切片")))).statusCode());
        calls.put("DECLARATION_IMPORT", () -> multipart("/v1/open/declarations/imports?declarationType=SECOND_LINE_DOMESTIC_SALE",
                f, "erp.xlsx", template).statusCode());
        calls.put("SUBSCRIPTION", () -> get("/v1/open/second-line/subscriptions", f).statusCode());
        for (var call : calls.entrySet()) {
            String service = call.getKey();
            String path = "/v1/service-console/services/" + service;
            HttpResponse<String> bad = put(path, f, Map.of("contact", "王工", "callbackUrl", "ftp:/nowhere"));
            assertThat(bad.statusCode()).as(service).isEqualTo(400);
            assertThat(json(bad.body()).path("code").asText()).isEqualTo("SERVICE_SETTINGS_INVALID");
            assertThat(json(bad.body()).path("messageZh").asText()).isNotBlank();
            assertThat(json(bad.body()).path("messageEn").asText()).isNotBlank();
            assertThat(status(f, service)).as(service).isEqualTo("NOT_ENABLED");
            assertThat(call.getValue().get()).as(service + " closed").isEqualTo(403);

            assertThat(put(path, f, Map.of("contact", "王工 0898-66000000")).statusCode()).as(service).isEqualTo(200);
            assertThat(call.getValue().get()).as(service + " open").isIn(200, 201);
            JsonNode changed = json(put(path, f, Map.of("contact", "李工")).body());
            assertThat(changed.path("contact").asText()).isEqualTo("李工");
            assertThat(changed.path("version").asInt()).as(service).isEqualTo(2);
            assertThat(put(path, officerToken(), Map.of("contact", "officer")).statusCode()).isEqualTo(403);

            assertThat(delete(path, f).statusCode()).as(service + " still open").isEqualTo(409);
            assertThat(json(post(path + "/disablement", f, "").body()).path("status").asText()).isEqualTo("DISABLED");
            assertThat(call.getValue().get()).as(service + " closed again").isEqualTo(403);
            assertThat(delete(path, f).statusCode()).as(service).isEqualTo(204);
            assertThat(status(f, service)).isEqualTo("NOT_ENABLED");
            for (String action : List.of("PUT /api/customs/v1/service-console/services/{service}",
                    "POST /api/customs/v1/service-console/services/{service}/disablement",
                    "DELETE /api/customs/v1/service-console/services/{service}")) {
                await(service + " " + action + " in the operation log", () -> jdbc.queryForObject(
                        "SELECT count(*) FROM audit_operation_log WHERE action = ? AND business_id = ? AND result = 'SUCCESS'",
                        Long.class, action, service) > 0);
            }
            await(service + " refused setting in the operation log", () -> jdbc.queryForObject(
                    "SELECT count(*) FROM audit_operation_log WHERE action = ? AND business_id = ? AND result = 'FAILURE'",
                    Long.class, "PUT /api/customs/v1/service-console/services/{service}", service) > 0);
        }
    }

    /**
     * 日志处理 of the console, the open code-table query, the pre-validation interface, the subscription query and the
     * statistics (FP 458, 472, 552, 555, 580, 586): each call is in the operation log under the enterprise's declarant
     * with its conditions; the pre-validation interface sends its findings back.
     */
    @Test
    void theConsoleCodeTableSubscriptionStatisticsAndPreValidationCallsAreLogged() {
        String g = enterpriseToken(ENTERPRISE_G);
        assertThat(put("/v1/service-console/services/PARAMETER_QUERY", g, new HashMap<>()).statusCode()).isEqualTo(200);
        assertThat(put("/v1/service-console/services/PRE_VALIDATION", g, new HashMap<>()).statusCode()).isEqualTo(200);
        assertThat(get("/v1/service-console/services", g).statusCode()).isEqualTo(200);
        assertThat(get("/v1/open/parameters/CURRENCY/entries?q=USD", g).statusCode()).isEqualTo(200);
        Map<String, Object> h = header(ENTERPRISE_G);
        h.put("supervisionMode", "0644");
        h.put("levyNature", "503");
        HttpResponse<String> validated = post("/v1/open/prevalidation", g,
                request("FIRST_LINE_GENERAL", h, List.of(item("2203000000", "啤酒"))));
        assertThat(validated.statusCode()).isEqualTo(200);
        assertThat(json(validated.body()).path("findings").findValuesAsText("messageZh")).isNotEmpty();
        assertThat(get("/v1/second-line/subscriptions", g).statusCode()).isEqualTo(200);
        assertThat(get("/v1/second-line/statistics?dimension=ORIGIN&from=2026-01-01T00:00:00Z", g).statusCode()).isEqualTo(200);
        String actor = "declarant-" + ENTERPRISE_G.substring(12);
        for (String[] logged : List.of(
                new String[] {"GET /api/customs/v1/service-console/services", null},
                new String[] {"GET /api/customs/v1/open/parameters/{table}/entries", "q=USD"},
                new String[] {"POST /api/customs/v1/open/prevalidation", null},
                new String[] {"GET /api/customs/v1/second-line/subscriptions", null},
                new String[] {"GET /api/customs/v1/second-line/statistics", "dimension=ORIGIN"})) {
            await(logged[0] + " in the operation log", () -> jdbc.queryForObject("""
                    SELECT count(*) FROM audit_operation_log WHERE action = ? AND actor_name = ? AND result = 'SUCCESS'
                      AND (CAST(? AS text) IS NULL OR detail LIKE '%' || ? || '%')""",
                    Long.class, logged[0], actor, logged[1], logged[1]) > 0);
        }
        // Operators find them through the log query.
        assertThat(json(get("/v1/system-logs/operation-log?actor=" + actor + "&size=200", operatorToken()).body()).path("content")
                .findValuesAsText("action")).contains("GET /api/customs/v1/second-line/statistics");
    }

    private HttpResponse<String> multipart(String path, String token, String filename, byte[] content) {
        String boundary = "----hnsw" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), token);
    }

    private String status(String token, String service) {
        JsonNode console = json(get("/v1/service-console/services", token).body());
        for (JsonNode s : console) {
            if (service.equals(s.path("service").asText())) {
                return s.path("status").asText();
            }
        }
        throw new AssertionError(service);
    }
}
