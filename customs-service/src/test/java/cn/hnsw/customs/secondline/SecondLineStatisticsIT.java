package cn.hnsw.customs.secondline;

import cn.hnsw.customs.CustomsIntegrationTestBase;
import cn.hnsw.customs.validation.UnifiedSocialCreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.hnsw.customs.declaration.DeclarationFixtures.header;
import static cn.hnsw.customs.declaration.DeclarationFixtures.item;
import static cn.hnsw.customs.declaration.DeclarationFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

/** 二线报关单统计 (FP 442–458): counted by dimension over the real tables, scoped to the enterprise, exported to Excel. */
class SecondLineStatisticsIT extends CustomsIntegrationTestBase {

    /** An enterprise of its own, so that the figures are this test's. */
    static final String ENTERPRISE_C = UnifiedSocialCreditCode.complete("91460108MA5T00ABC");
    static final String COMPUTER = "8471300000";

    @Test
    void secondLineDeclarationsAreCountedByEachDimensionForTheirOwnEnterpriseAndExported() throws IOException {
        Instant from = Instant.now().minus(1, ChronoUnit.MINUTES);
        String released = secondLine(List.of(withQuantity(item(COMPUTER, "便携式计算机"), "10", "3000", "30000.00", "25"),
                withQuantity(item("2203000000", "啤酒"), "100", "2", "200.00", "150")));
        String draft = secondLine(List.of(withQuantity(item(COMPUTER, "便携式计算机"), "5", "3000", "15000.00", "12")));
        String deleted = secondLine(List.of(item(COMPUTER, "便携式计算机")));
        assertThat(delete("/v1/declarations/" + deleted, enterpriseToken(ENTERPRISE_C)).statusCode()).isEqualTo(200);
        // A first-line declaration is not a second-line one.
        Map<String, Object> first = header(ENTERPRISE_C);
        assertThat(post("/v1/declarations", enterpriseToken(ENTERPRISE_C),
                request("FIRST_LINE_GENERAL", first, List.of(item(COMPUTER, "便携式计算机")))).statusCode()).isEqualTo(201);

        HttpResponse<String> declared = post("/v1/declarations/" + released + "/submission", enterpriseToken(ENTERPRISE_C), "");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
        await("the technical receipt", () -> "SW_ACCEPTED".equals(status(released)));
        String conversation = jdbc.queryForObject("SELECT conversation_id::text FROM customs_declaration WHERE id = ?::uuid",
                String.class, released);
        assertThat(postBytes("/v1/receipts", PARTNER.businessReceipt("H2018-STAT-" + released, conversation, "RELEASED",
                "640020261000088888")).statusCode()).isEqualTo(200);
        await("the business receipt", () -> "RELEASED".equals(status(released)));

        JsonNode category = statistics("COMMODITY_CATEGORY", "", from, enterpriseToken(ENTERPRISE_C));
        assertThat(category.path("nameZh").asText()).isEqualTo("商品类别（章）");
        Map<String, JsonNode> byChapter = byKey(category);
        assertThat(byChapter.keySet()).containsExactlyInAnyOrder("84", "22");
        assertThat(byChapter.get("84").path("declarations").asLong()).isEqualTo(2);
        assertThat(byChapter.get("84").path("items").asLong()).isEqualTo(2);
        assertThat(byChapter.get("84").path("quantity").decimalValue()).isEqualByComparingTo("15");
        assertThat(byChapter.get("84").path("netWeight").decimalValue()).isEqualByComparingTo("37");
        assertThat(byChapter.get("84").path("totalPrice").decimalValue()).isEqualByComparingTo("45000");
        assertThat(byChapter.get("22").path("declarations").asLong()).isEqualTo(1);

        Map<String, JsonNode> byStatus = byKey(statistics("STATUS", "", from, enterpriseToken(ENTERPRISE_C)));
        assertThat(byStatus.keySet()).containsExactlyInAnyOrder("DRAFT", "RELEASED");
        assertThat(byStatus.get("DRAFT").path("declarations").asLong()).isEqualTo(1);
        assertThat(byKey(statistics("ORIGIN", "", from, enterpriseToken(ENTERPRISE_C))).keySet()).containsExactly("SGP");
        assertThat(byKey(statistics("DESTINATION", "", from, enterpriseToken(ENTERPRISE_C))).keySet()).containsExactly("CHN");
        assertThat(byKey(statistics("TRANSPORT_MODE", "", from, enterpriseToken(ENTERPRISE_C))).keySet()).containsExactly("2");
        assertThat(byKey(statistics("TARIFF_HEADING", "", from, enterpriseToken(ENTERPRISE_C))).keySet()).containsExactlyInAnyOrder("8471", "2203");
        assertThat(byKey(statistics("COMMODITY", "", from, enterpriseToken(ENTERPRISE_C))).get(COMPUTER).path("quantity").decimalValue())
                .isEqualByComparingTo("15");
        // No arrival report yet: one bucket of declarations without one.
        assertThat(byKey(statistics("ARRIVAL_DATE", "", from, enterpriseToken(ENTERPRISE_C))).keySet())
                .containsExactly(SecondLineStatistics.NOT_FILLED);
        Map<String, JsonNode> quarters = byKey(statistics("PERIOD", "&period=QUARTER", from, enterpriseToken(ENTERPRISE_C)));
        assertThat(quarters).hasSize(1);
        assertThat(quarters.keySet().iterator().next()).matches("\\d{4}-Q[1-4]");
        assertThat(quarters.values().iterator().next().path("declarations").asLong()).isEqualTo(2);
        JsonNode processing = byKey(statistics("PROCESSING_TIME", "", from, enterpriseToken(ENTERPRISE_C))).get("SECOND_LINE_GENERAL");
        assertThat(processing.path("declarations").asLong()).isEqualTo(2);
        assertThat(processing.path("averageHours").decimalValue()).isNotNull().isGreaterThanOrEqualTo(java.math.BigDecimal.ZERO)
                .isLessThan(java.math.BigDecimal.ONE);

        // 客户信用等级 (FP 447): C's grade as the Single Window answers it, kept for a day; a changed grade shows after that.
        PARTNER.creditGrades.put(ENTERPRISE_C, "ADVANCED_CERTIFIED");
        jdbc.update("DELETE FROM enterprise_credit_grade WHERE enterprise_uscc = ?", ENTERPRISE_C);
        Map<String, JsonNode> byGrade = byKey(statistics("CREDIT_GRADE", "", from, enterpriseToken(ENTERPRISE_C)));
        assertThat(byGrade.keySet()).containsExactly("ADVANCED_CERTIFIED");
        assertThat(byGrade.get("ADVANCED_CERTIFIED").path("declarations").asLong()).isEqualTo(2);
        PARTNER.creditGrades.put(ENTERPRISE_C, "DISHONEST");
        assertThat(byKey(statistics("CREDIT_GRADE", "", from, enterpriseToken(ENTERPRISE_C))).keySet())
                .containsExactly("ADVANCED_CERTIFIED");
        jdbc.update("UPDATE enterprise_credit_grade SET fetched_at = now() - interval '2 days' WHERE enterprise_uscc = ?",
                ENTERPRISE_C);
        assertThat(byKey(statistics("CREDIT_GRADE", "", from, enterpriseToken(ENTERPRISE_C))).keySet())
                .containsExactly("DISHONEST");
        PARTNER.creditGrades.remove(ENTERPRISE_C);

        // Another enterprise asking for C's figures gets its own, which hold none of C's computers.
        JsonNode other = statistics("COMMODITY", "&enterprise=" + ENTERPRISE_C, from, enterpriseToken(ENTERPRISE_B));
        assertThat(byKey(other)).doesNotContainKey(COMPUTER);
        // An officer picks the enterprise.
        JsonNode officer = statistics("COMMODITY_CATEGORY", "&enterprise=" + ENTERPRISE_C, from, officerToken());
        assertThat(byKey(officer).get("84").path("declarations").asLong()).isEqualTo(2);

        // Refusals: an unknown dimension, an unknown period, a range that ends before it starts.
        for (String bad : List.of("dimension=CREDIT_RATING_OF_MARS", "dimension=PERIOD&period=WEEK",
                "dimension=STATUS&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")) {
            HttpResponse<String> refused = get("/v1/second-line/statistics?" + bad, officerToken());
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(refused.body()).path("code").asText()).isEqualTo("STATISTIC_INVALID");
            assertThat(refused.body()).contains("统计条件无效", "Invalid statistics request");
        }

        // 统计结果导出Excel: a sheet per dimension asked for, with the same figures.
        HttpResponse<byte[]> export = bytes("/v1/second-line/statistics/export?dimension=COMMODITY_CATEGORY&dimension=STATUS&enterprise="
                + ENTERPRISE_C + "&from=" + from, officerToken());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            Sheet sheet = wb.getSheet("COMMODITY_CATEGORY");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("商品类别");
            Map<String, Double> declarations = new HashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                declarations.put(sheet.getRow(r).getCell(0).getStringCellValue(), sheet.getRow(r).getCell(1).getNumericCellValue());
            }
            assertThat(declarations).containsEntry("84", 2.0).containsEntry("22", 1.0).hasSize(2);
            assertThat(wb.getSheet("STATUS").getLastRowNum()).isEqualTo(2);
        }
        assertThat(draft).isNotBlank();
    }

    @Test
    void subscriptionRecordsAreExportedToTheirOwnEnterprise() {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String until = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(60).toString();
        for (String id : json(get("/v1/second-line/subscriptions", enterpriseToken(ENTERPRISE_C)).body()).findValuesAsText("id")) {
            post("/v1/second-line/subscriptions/" + id + "/cancellation", enterpriseToken(ENTERPRISE_C), "");
        }
        HttpResponse<String> subscribed = post("/v1/second-line/subscriptions", enterpriseToken(ENTERPRISE_C), Map.of(
                "content", "SECOND_LINE_RECEIPTS", "validFrom", today, "validTo", until));
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        String id = json(subscribed.body()).path("id").asText();

        HttpResponse<byte[]> own = getBytes("/v1/second-line/subscriptions/export", enterpriseToken(ENTERPRISE_C));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(sheetColumn(own.body(), "订阅记录", 0)).contains(id);
        assertThat(sheetColumn(own.body(), "订阅记录", 1)).containsOnly(ENTERPRISE_C);
        assertThat(sheetColumn(own.body(), "订阅记录", 4)).contains(until);
        // Another enterprise asking for C's gets its own; an officer picks C.
        assertThat(sheetColumn(getBytes("/v1/second-line/subscriptions/export?enterprise=" + ENTERPRISE_C,
                enterpriseToken(ENTERPRISE_B)).body(), "订阅记录", 0)).doesNotContain(id);
        assertThat(sheetColumn(getBytes("/v1/second-line/subscriptions/export?enterprise=" + ENTERPRISE_C,
                officerToken()).body(), "订阅记录", 0)).contains(id);
    }

    private String secondLine(List<Map<String, Object>> items) {
        Map<String, Object> h = header(ENTERPRISE_C);
        h.put("verificationListNo", "QD6400STAT" + items.size());
        h.put("ledgerNo", "L6400D26000009");
        HttpResponse<String> created = post("/v1/declarations", enterpriseToken(ENTERPRISE_C), request("SECOND_LINE_GENERAL", h, items));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created.body()).path("declaration").path("id").asText();
    }

    private static Map<String, Object> withQuantity(Map<String, Object> item, String quantity, String price, String total, String net) {
        item.put("quantity", quantity);
        item.put("legalQuantity", quantity);
        item.put("unitPrice", price);
        item.put("totalPrice", total);
        item.put("netWeight", net);
        item.put("grossWeight", String.valueOf(Integer.parseInt(net) + 1));
        return item;
    }

    private JsonNode statistics(String dimension, String more, Instant from, String token) {
        HttpResponse<String> response = get("/v1/second-line/statistics?dimension=" + dimension + "&from=" + from + more, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    private static Map<String, JsonNode> byKey(JsonNode result) {
        Map<String, JsonNode> buckets = new HashMap<>();
        result.path("buckets").forEach(b -> buckets.put(b.path("key").asText(), b));
        return buckets;
    }

    private String status(String id) {
        return jdbc.queryForObject("SELECT status FROM customs_declaration WHERE id = ?::uuid", String.class, id);
    }

    private HttpResponse<byte[]> bytes(String path, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
