package cn.hnsw.ledger.statistics;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import cn.hnsw.ledger.support.LedgerTestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 政府管理端 of the zero-tariff ledgers: officers query, read and export every enterprise's island-made and
 * domestically purchased material registrations and value-added codes, and read the per-enterprise counts and TOP-N
 * rankings (filings, registrations, value-added batches, costs and shares, qualifying sales, value-added rates,
 * products by sale price and cost, delegations), each as JSON for its chart and as an Excel export. One enterprise of
 * this test files, registers and has codes approved with figures large enough to lead the rankings it takes part in.
 */
class GovernmentRankingsIT extends LedgerIntegrationTestBase {

    /** An enterprise of this test only (division 469006: Wanning). */
    static final String WANNING = "91469006MA5U2G7P5X";
    private static String islandNo;
    private static long islandId;
    private static long domesticId;
    private static String cumulativeNo;
    private static long cumulativeId;
    private static String product;

    private String token;
    private final String gov = officer("gov-province");

    @BeforeEach
    void data() {
        token = declarant(WANNING);
        if (islandNo != null) {
            return;
        }
        long ledgerId = processingLedger();
        // 岛内自产料件登记: 1,000,000 units at 1.00
        long island = create(token, "ISLAND_MATERIAL_REGISTRATION", null, Map.of("producerUscc", WANNING)).path("id").asLong();
        addLines(token, island, List.of(Map.of("kind", "MATERIAL", "itemNo", "WN-IM-1", "hsCode", "3902100090",
                "nameZh", "岛产聚丙烯", "quantity", 1_000_000, "unitPrice", 1)));
        ok(attach(token, island, "生产证明.pdf", "%PDF-1.4 proof".getBytes(StandardCharsets.UTF_8)));
        JsonNode islandApproved = approve(token, island);
        islandId = island;
        islandNo = islandApproved.path("documentNo").asText();
        long islandLine = islandApproved.path("lines").get(0).path("id").asLong();
        // 国内采购料件登记: 900,000 units at 50
        long domesticLine = registeredDomesticMaterial(token, "WN-DM-" + UUID.randomUUID().toString().substring(0, 6), 900_000);
        domesticId = documentOf(domesticLine);
        product = "WN-P-" + UUID.randomUUID().toString().substring(0, 6);
        long productId = finishedProduct(product);
        // 确认码: sale 100,000,000; domestic 45,000,000; island 1,000,000 (value added): rate 122.22 %
        long code = create(token, "CONFIRMATION_CODE_FILING", ledgerId, Map.of("salePrice", 100_000_000)).path("id").asLong();
        addLines(token, code, List.of(Map.of("kind", "FINISHED_PRODUCT", "linkRef", productId, "quantity", 1),
                Map.of("kind", "DOMESTIC_MATERIAL_COST", "linkRef", domesticLine, "quantity", 900_000),
                Map.of("kind", "ISLAND_MATERIAL_COST", "linkRef", islandLine, "quantity", 1_000_000)));
        assertThat(approve(token, code).path("status").asText()).isEqualTo("APPROVED");
        // 累计码 with a domestic material of its own
        long smallLine = registeredDomesticMaterial(token, "WN-DS-" + UUID.randomUUID().toString().substring(0, 6), 10);
        long cumulative = create(token, "CUMULATIVE_CODE_FILING", ledgerId, Map.of("salePrice", 2000)).path("id").asLong();
        addLines(token, cumulative, List.of(Map.of("kind", "FINISHED_PRODUCT", "linkRef", productId, "quantity", 1),
                Map.of("kind", "DOMESTIC_MATERIAL_COST", "linkRef", smallLine, "quantity", 10)));
        cumulativeNo = approve(token, cumulative).path("documentNo").asText();
        cumulativeId = cumulative;
        // 委托备案: three scopes of the processing ledger, accepted by the delegate
        String agent = declarant(HAIKOU_LOGISTICS);
        long delegation = ok(api.post(token, "/delegations", Map.of("delegate", HAIKOU_LOGISTICS, "delegateName", "海口物流",
                "ledgerType", "PROCESSING", "scopes", List.of("IMPORT_ENTRY", "DOMESTIC_SALE_EXIT", "VALUE_ADDED_ACCOUNTING"))))
                .path("id").asLong();
        ok(api.post(agent, "/delegations/" + delegation + "/review", Map.of("approve", true)));
    }

    @Test
    void officersQueryReadAndExportEveryEnterprisesRegistrationsAndCumulativeCodes() throws Exception {
        // 各企业岛内自产料件登记 / 国内采购料件: list, detail, export
        for (String[] r : new String[][] {{"ISLAND_MATERIAL_REGISTRATION", String.valueOf(islandId)},
                {"DOMESTIC_MATERIAL_REGISTRATION", String.valueOf(domesticId)}}) {
            JsonNode listed = ok(api.get(gov, "/documents?type=" + r[0] + "&enterprise=" + WANNING));
            assertThat(listed.path("content").findValuesAsText("id")).contains(r[1]);
            assertThat(listed.path("content").findValuesAsText("enterprise")).containsOnly(WANNING);
            JsonNode detail = ok(api.get(gov, "/documents/" + r[1]));
            assertThat(detail.path("lines").get(0).path("quantity").decimalValue()).isPositive();
            String no = detail.path("documentNo").asText();
            assertThat(cells(api.download(gov, "/documents/export?type=" + r[0] + "&enterprise=" + WANNING))).contains(no);
        }
        // 各企业累计码: list, export, detail with its product and material costs, its rate
        assertThat(ok(api.get(gov, "/documents?type=CUMULATIVE_CODE_FILING&enterprise=" + WANNING)).path("content")
                .findValuesAsText("documentNo")).contains(cumulativeNo);
        assertThat(cells(api.download(gov, "/documents/export?type=CUMULATIVE_CODE_FILING"))).contains(cumulativeNo);
        JsonNode detail = ok(api.get(gov, "/documents/" + cumulativeId));
        assertThat(detail.path("lines").findValuesAsText("kind")).containsExactlyInAnyOrder("FINISHED_PRODUCT", "DOMESTIC_MATERIAL_COST");
        JsonNode rate = ok(api.get(gov, "/documents/" + cumulativeId + "/value-added"));
        assertThat(rate.path("ratePct").decimalValue()).isEqualByComparingTo("300");
        // 确认码 of the enterprise: its island-made material cost line, read by the officer
        JsonNode codes = ok(api.get(gov, "/documents?type=CONFIRMATION_CODE_FILING&enterprise=" + WANNING)).path("content");
        JsonNode confirmation = ok(api.get(gov, "/documents/" + codes.get(0).path("id").asLong()));
        assertThat(confirmation.path("lines").findValuesAsText("kind")).contains("ISLAND_MATERIAL_COST");
        // 按企业维度统计结果导出: the filings per enterprise, materials, finished products and scraps as columns
        String byEnterprise = cells(api.download(gov, "/statistics/filings-by-enterprise/export"));
        assertThat(byEnterprise).contains("materials").contains("finishedProducts").contains("scraps").contains(WANNING);
        // an enterprise sees only its own
        assertThat(ok(api.get(declarant(YANGPU_TRADING), "/documents?type=ISLAND_MATERIAL_REGISTRATION&enterprise=" + WANNING))
                .path("content").findValuesAsText("enterprise")).doesNotContain(WANNING);
    }

    @Test
    void everyRankingIsOrderedWithinItsLimitAndExportedAsItIsShown() throws Exception {
        JsonNode catalogue = ok(api.get(gov, "/statistics/rankings"));
        assertThat(catalogue.size()).isGreaterThanOrEqualTo(25);
        for (JsonNode entry : catalogue) {
            String name = entry.path("name").asText();
            assertThat(entry.path("chart").asText()).isIn("bar", "pie", "table");
            JsonNode result = ok(api.get(gov, "/statistics/rankings/" + name));
            JsonNode rows = result.path("rows");
            int limit = name.contains("top10") ? 10 : name.contains("top5") ? 5 : name.contains("top3") ? 3 : Integer.MAX_VALUE;
            assertThat(rows.size()).as(name).isLessThanOrEqualTo(limit);
            List<BigDecimal> values = new ArrayList<>();
            rows.forEach(r -> values.add(r.path("value").decimalValue()));
            assertThat(values).as("%s is ordered by its value, largest first", name)
                    .isSortedAccordingTo((a, b) -> b.compareTo(a));
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(api.download(gov, "/statistics/" + name + "/export")))) {
                Sheet sheet = wb.getSheetAt(0);
                if (rows.isEmpty()) {
                    assertThat(sheet.getPhysicalNumberOfRows()).as(name).isLessThanOrEqualTo(1);
                } else {
                    assertThat(sheet.getPhysicalNumberOfRows()).as(name).isEqualTo(rows.size() + 1);
                    assertThat(new DataFormatter().formatCellValue(sheet.getRow(1).getCell(0))).isEqualTo(rows.get(0).path("label").asText());
                }
            }
        }
        // enterprises do not read the government's rankings; an unknown one is not found
        assertThat(api.get(token, "/statistics/rankings").status()).isEqualTo(403);
        assertThat(api.get(token, "/statistics/rankings/island-registrations-top10-enterprises").status()).isEqualTo(403);
        assertThat(api.get(gov, "/statistics/rankings/no-such-ranking").status()).isEqualTo(404);
    }

    @Test
    void theTestEnterprisesFiguresLeadTheRankingsTheyTakePartIn() {
        JsonNode islandBy = row("island-registrations-by-enterprise", WANNING);
        assertThat(islandBy.path("value").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(islandBy.path("registrations").asInt()).isEqualTo(1);
        assertThat(islandBy.path("amount").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(first("island-registrations-top10-enterprises").path("label").asText()).isEqualTo(WANNING);
        JsonNode domesticBy = row("domestic-registrations-by-enterprise", WANNING);
        assertThat(domesticBy.path("value").decimalValue()).isEqualByComparingTo("900010");
        assertThat(domesticBy.path("registrations").asInt()).isEqualTo(2);
        assertThat(first("domestic-registrations-top10-enterprises").path("label").asText()).isEqualTo(WANNING);

        JsonNode islandCost = first("island-value-added-cost-top10-enterprises");
        assertThat(islandCost.path("label").asText()).isEqualTo(WANNING);
        assertThat(islandCost.path("value").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(islandCost.path("batches").asInt()).isEqualTo(1);
        JsonNode domesticCost = first("domestic-value-added-cost-top10-enterprises");
        assertThat(domesticCost.path("label").asText()).isEqualTo(WANNING);
        assertThat(domesticCost.path("value").decimalValue()).isEqualByComparingTo("45000500");
        assertThat(domesticCost.path("batches").asInt()).isEqualTo(2);
        rankedOrOutranked("domestic-value-added-batches-top10-enterprises", WANNING, new BigDecimal(2));
        rankedOrOutranked("island-value-added-batches-top10-enterprises", WANNING, BigDecimal.ONE);

        // 助力加工增值达标销售总价格: the confirmation code reached the threshold with island material
        JsonNode qualifying = first("island-qualifying-sales-top10-enterprises");
        assertThat(qualifying.path("label").asText()).isEqualTo(WANNING);
        assertThat(qualifying.path("value").decimalValue()).isEqualByComparingTo("100000000");
        assertThat(row("island-qualifying-sales-by-enterprise", WANNING).path("codes").asInt()).isEqualTo(1);

        // 确认码: the product leads by sale price and by domestic cost; the rate is in the TOP10 or outranked
        JsonNode sale = first("confirmation-sale-price-top10-products");
        assertThat(sale.path("label").asText()).isEqualTo(product);
        assertThat(sale.path("value").decimalValue()).isEqualByComparingTo("100000000");
        assertThat(first("confirmation-domestic-cost-top10-products").path("label").asText()).isEqualTo(product);
        assertThat(first("confirmation-island-cost-top10-products").path("label").asText()).isEqualTo(product);
        assertThat(row("confirmation-codes-by-enterprise", WANNING).path("value").asInt()).isEqualTo(1);
        // (100,000,000 − 45,000,000) ÷ 45,000,000 = 122.22 %
        rankedOrOutranked("value-added-rate-top10", null, new BigDecimal("122.22"));
        // 45,000,000 of 46,000,000 is domestic: 97.83 %; the enterprise has no imported material cost
        rankedOrOutranked("domestic-cost-share-top10-enterprises", WANNING, new BigDecimal("97.83"));
        assertThat(ok(api.get(gov, "/statistics/rankings/imported-cost-share-top10-enterprises")).path("rows")
                .findValuesAsText("label")).doesNotContain(WANNING);

        // 委托备案: three delegated scopes of the processing ledger
        rankedOrOutranked("delegating-enterprises-top5", WANNING, new BigDecimal(3));
        assertThat(ok(api.get(gov, "/statistics/rankings/delegations-by-ledger-type")).path("rows").findValuesAsText("label"))
                .contains("PROCESSING");
        assertThat(ok(api.get(gov, "/statistics/rankings/delegated-scopes-top3")).path("rows")).isNotEmpty();
        assertThat(ok(api.get(gov, "/statistics/rankings/delegates-top3")).path("rows")).isNotEmpty();
        // filings by HS chapter per kind: the material (chapter 39) and the finished product (chapter 84) are counted
        assertThat(ok(api.get(gov, "/statistics/rankings/filed-materials-by-hs-chapter")).path("rows").findValuesAsText("label")).contains("39");
        assertThat(ok(api.get(gov, "/statistics/rankings/filed-finished-products-by-hs-chapter")).path("rows").findValuesAsText("label")).contains("84");
        // filings: the enterprise filed one material and one finished product
        rankedOrOutranked("filed-materials-top10-enterprises", WANNING, BigDecimal.ONE);
        rankedOrOutranked("filed-finished-products-top10-enterprises", WANNING, BigDecimal.ONE);
    }

    private JsonNode first(String ranking) {
        JsonNode rows = ok(api.get(gov, "/statistics/rankings/" + ranking)).path("rows");
        assertThat(rows).as(ranking).isNotEmpty();
        return rows.get(0);
    }

    private JsonNode row(String ranking, String label) {
        for (JsonNode r : ok(api.get(gov, "/statistics/rankings/" + ranking)).path("rows")) {
            if (r.path("label").asText().equals(label)) {
                return r;
            }
        }
        throw new AssertionError(label + " not in " + ranking);
    }

    /**
     * The enterprise (or, with no label, a row) is in the ranking with the value, or the ranking is full of rows that
     * all rank at least as high.
     */
    private void rankedOrOutranked(String ranking, String label, BigDecimal value) {
        JsonNode result = ok(api.get(gov, "/statistics/rankings/" + ranking));
        JsonNode rows = result.path("rows");
        for (JsonNode r : rows) {
            if ((label == null || r.path("label").asText().equals(label)) && r.path("value").decimalValue().compareTo(value) == 0) {
                return;
            }
        }
        assertThat(rows.size()).as("%s without %s = %s: %s", ranking, label, value, rows).isGreaterThanOrEqualTo(
                ranking.contains("top10") ? 10 : ranking.contains("top5") ? 5 : 3);
        assertThat(rows.get(rows.size() - 1).path("value").decimalValue()).isGreaterThanOrEqualTo(value);
    }

    private static String cells(byte[] workbook) throws Exception {
        StringBuilder out = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            DataFormatter f = new DataFormatter();
            for (Row row : wb.getSheetAt(0)) {
                row.forEach(c -> out.append(f.formatCellValue(c)).append('|'));
            }
        }
        return out.toString();
    }

    private long documentOf(long lineId) {
        for (JsonNode d : ok(api.get(token, "/documents?type=DOMESTIC_MATERIAL_REGISTRATION&size=100")).path("content")) {
            for (JsonNode l : ok(api.get(token, "/documents/" + d.path("id").asLong())).path("lines")) {
                if (l.path("id").asLong() == lineId) {
                    return d.path("id").asLong();
                }
            }
        }
        throw new AssertionError("line " + lineId);
    }

    private long processingLedger() {
        long material = fileMaterial(token, "WN-M-" + UUID.randomUUID().toString().substring(0, 6), "3902100090", "聚丙烯");
        long setup = create(token, "PROCESSING_LEDGER_SETUP", null, Map.of("port", "洋浦港")).path("id").asLong();
        addLines(token, setup, List.of(Map.of("kind", "MATERIAL", "linkRef", material, "quantity", 1)));
        ok(api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, approve(token, setup).path("documentNo").asText(),
                "FORMAL_DATA", null, LedgerApi.newReceiptId()));
        for (JsonNode l : ok(api.get(token, "/ledgers"))) {
            if (l.path("setupDocumentId").asLong() == setup) {
                return l.path("id").asLong();
            }
        }
        throw new AssertionError("processing ledger not created");
    }

    private long finishedProduct(String itemNo) {
        long filing = create(token, "FINISHED_PRODUCT_FILING", null, Map.of()).path("id").asLong();
        addLines(token, filing, List.of(Map.of("kind", "FINISHED_PRODUCT", "itemNo", itemNo, "hsCode", "8471300000",
                "nameZh", "工控主板", "quantity", 1)));
        approve(token, filing);
        for (JsonNode c : ok(api.get(token, "/commodities"))) {
            if (c.path("itemNo").asText().equals(itemNo)) {
                return c.path("id").asLong();
            }
        }
        throw new AssertionError("finished product " + itemNo + " not in the library");
    }
}
