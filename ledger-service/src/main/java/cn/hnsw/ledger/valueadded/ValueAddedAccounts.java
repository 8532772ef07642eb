package cn.hnsw.ledger.valueadded;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 零关税货物加工增值率核算信息 (FP 1807–1821): the enterprise's own value-added accounting over its approved
 * cumulative and confirmation codes: how many, how many reached the threshold in force, their rates, the sales
 * revenue (销售收益) and the material costs by source, and the result export, one row per code.
 */
@Service
public class ValueAddedAccounts {

    private static final String CODES = "('CUMULATIVE_CODE_FILING', 'CONFIRMATION_CODE_FILING')";

    private final JdbcClient jdbc;
    private final ValueAddedRules rules;
    private final Clock clock;

    public ValueAddedAccounts(JdbcClient jdbc, ValueAddedRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.clock = clock;
    }

    /** One approved code with its computed figures. */
    public record Account(long id, String documentNo, String type, BigDecimal salePrice, BigDecimal ratePct,
                          boolean qualifies, BigDecimal importedCost, BigDecimal domesticCost, BigDecimal islandCost,
                          BigDecimal cumulativeCost) {
    }

    public List<Account> accounts(String enterprise) {
        BigDecimal threshold = threshold();
        return jdbc.sql("""
                        SELECT d.id, d.document_no, d.document_type, (d.header->>'salePrice')::numeric AS sale,
                               (d.header->>'valueAddedRatePct')::numeric AS rate,
                               coalesce(sum(l.amount) FILTER (WHERE l.line_kind = 'IMPORTED_MATERIAL_COST'), 0) AS imported,
                               coalesce(sum(l.amount) FILTER (WHERE l.line_kind = 'DOMESTIC_MATERIAL_COST'), 0) AS domestic,
                               coalesce(sum(l.amount) FILTER (WHERE l.line_kind = 'ISLAND_MATERIAL_COST'), 0) AS island,
                               coalesce(sum(l.amount) FILTER (WHERE l.line_kind = 'CUMULATIVE_CODE_COST'), 0) AS cumulative
                        FROM declarable_document d LEFT JOIN document_line l ON l.document_id = d.id
                        WHERE d.enterprise = :e AND d.status = 'APPROVED' AND d.document_type IN %s
                        GROUP BY d.id ORDER BY d.id""".formatted(CODES))
                .param("e", enterprise)
                .query((rs, n) -> {
                    BigDecimal rate = rs.getBigDecimal("rate");
                    return new Account(rs.getLong("id"), rs.getString("document_no"), rs.getString("document_type"),
                            rs.getBigDecimal("sale"), rate, rate != null && rate.compareTo(threshold) >= 0,
                            rs.getBigDecimal("imported"), rs.getBigDecimal("domestic"), rs.getBigDecimal("island"),
                            rs.getBigDecimal("cumulative"));
                }).list();
    }

    /** 增值率 / 销售收益 / 各来源料件成本统计结果. */
    public Map<String, Object> statistics(String enterprise) {
        List<Account> accounts = accounts(enterprise);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("thresholdPct", threshold());
        out.put("codes", accounts.size());
        out.put("qualifying", accounts.stream().filter(Account::qualifies).count());
        out.put("averageRatePct", accounts.isEmpty() ? BigDecimal.ZERO : accounts.stream().map(a -> a.ratePct() == null ? BigDecimal.ZERO : a.ratePct())
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(accounts.size()), 2, java.math.RoundingMode.HALF_UP));
        out.put("salesRevenue", sum(accounts, Account::salePrice));
        out.put("importedCost", sum(accounts, Account::importedCost));
        out.put("domesticCost", sum(accounts, Account::domesticCost));
        out.put("islandCost", sum(accounts, Account::islandCost));
        out.put("cumulativeCost", sum(accounts, Account::cumulativeCost));
        return out;
    }

    /** 核算结果导出. */
    public byte[] export(String enterprise) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("增值率核算 Value added");
            String[] headers = {"编号 No.", "类型 Type", "内销价格 Sale price", "增值率% Rate", "达标 Qualifies",
                    "进口料件 Imported", "国内采购 Domestic", "岛内自产 Island-made", "累计码料件 Cumulative"};
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(headers[i]);
            }
            int r = 1;
            for (Account a : accounts(enterprise)) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(a.documentNo());
                row.createCell(1).setCellValue(a.type());
                row.createCell(2).setCellValue(a.salePrice() == null ? 0 : a.salePrice().doubleValue());
                row.createCell(3).setCellValue(a.ratePct() == null ? 0 : a.ratePct().doubleValue());
                row.createCell(4).setCellValue(a.qualifies() ? "是 yes" : "否 no");
                row.createCell(5).setCellValue(a.importedCost().doubleValue());
                row.createCell(6).setCellValue(a.domesticCost().doubleValue());
                row.createCell(7).setCellValue(a.islandCost().doubleValue());
                row.createCell(8).setCellValue(a.cumulativeCost().doubleValue());
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BigDecimal threshold() {
        return rules.inForce(LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")))).thresholdPct();
    }

    private static BigDecimal sum(List<Account> accounts, java.util.function.Function<Account, BigDecimal> f) {
        return accounts.stream().map(f).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
