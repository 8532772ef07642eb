package cn.hnsw.ledger.valueadded;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.errors.LedgerErrorCode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * 加工增值率 per the GACC 2025 interim measures for Hainan processing value-added duty-free goods, art. 3–4:
 * <pre>
 * rate = (domestic-sale price − Σ imported-material prices − Σ domestically purchased material prices)
 *        ÷ (Σ imported-material prices + Σ domestically purchased material prices) × 100 %
 * </pre>
 * Materials produced in Hainan are not subtracted (they are value added). Materials received with a cumulative code
 * subtract only their upstream material base; the upstream value added accumulates along the chain.
 * Pure: no Spring, no database.
 */
public final class ValueAddedCalculator {

    private static final int MONEY_SCALE = 2;

    private ValueAddedCalculator() {
    }

    public static ValueAddedCalculation compute(BigDecimal salePrice, List<CostLine> lines, ValueAddedRule rule) {
        if (salePrice == null || salePrice.signum() <= 0) {
            throw new HnswException(LedgerErrorCode.VALUE_ADDED_INPUT_INVALID, "salePrice");
        }
        List<ValueAddedCalculation.Step> steps = new ArrayList<>();
        BigDecimal imported = BigDecimal.ZERO;
        BigDecimal domestic = BigDecimal.ZERO;
        BigDecimal cumulativeBase = BigDecimal.ZERO;
        BigDecimal cumulativeAdded = BigDecimal.ZERO;
        BigDecimal island = BigDecimal.ZERO;
        int n = 0;
        for (CostLine line : lines) {
            n++;
            if (line.amount() == null || line.amount().signum() < 0) {
                throw new HnswException(LedgerErrorCode.VALUE_ADDED_INPUT_INVALID, "line " + n + " amount");
            }
            BigDecimal amount = money(line.amount());
            switch (line.kind()) {
                case "IMPORTED_MATERIAL_COST" -> {
                    imported = imported.add(amount);
                    steps.add(step("line" + n, "进口料件 " + line.label(), "imported material " + line.label(),
                            "CIF " + amount.toPlainString() + (line.source() == null ? "" : " ← " + line.source()), amount));
                }
                case "DOMESTIC_MATERIAL_COST" -> {
                    domestic = domestic.add(amount);
                    steps.add(step("line" + n, "国内采购料件 " + line.label(), "domestic material " + line.label(),
                            "到厂价（不含增值税） " + amount.toPlainString() + (line.source() == null ? "" : " ← " + line.source()), amount));
                }
                case "CUMULATIVE_CODE_COST" -> {
                    BigDecimal base = money(line.materialBase() == null ? amount : line.materialBase().min(amount));
                    cumulativeBase = cumulativeBase.add(base);
                    cumulativeAdded = cumulativeAdded.add(amount.subtract(base));
                    steps.add(step("line" + n, "累计码料件 " + line.label(), "cumulative-code material " + line.label(),
                            amount.toPlainString() + " = 上游料件 " + base.toPlainString() + " + 上游增值 "
                                    + amount.subtract(base).toPlainString()
                                    + (line.source() == null ? "" : " ← " + line.source()), base));
                }
                case "ISLAND_MATERIAL_COST" -> {
                    island = island.add(amount);
                    steps.add(step("line" + n, "岛内自产料件 " + line.label() + "（计入增值，不扣减）",
                            "island-made material " + line.label() + " (value added, not subtracted)",
                            amount.toPlainString() + (line.source() == null ? "" : " ← " + line.source()), amount));
                }
                default -> throw new HnswException(LedgerErrorCode.VALUE_ADDED_INPUT_INVALID, "line " + n + " kind " + line.kind());
            }
        }
        BigDecimal base = imported.add(domestic).add(cumulativeBase);
        if (base.signum() == 0) {
            throw new HnswException(LedgerErrorCode.VALUE_ADDED_INPUT_INVALID, "imported + domestic material base is 0");
        }
        BigDecimal price = money(salePrice);
        BigDecimal added = price.subtract(base);
        BigDecimal rate = added.multiply(BigDecimal.valueOf(100)).divide(base, MONEY_SCALE, RoundingMode.HALF_UP);
        steps.add(step("A", "内销价格", "domestic-sale price", "A", price));
        steps.add(step("B", "Σ 进口料件价格", "Σ imported-material prices", "B", imported));
        steps.add(step("C", "Σ 国内采购料件价格", "Σ domestically purchased material prices", "C", domestic));
        steps.add(step("D", "Σ 累计码料件的上游料件价格", "Σ upstream material base of cumulative-code materials", "D", cumulativeBase));
        steps.add(step("E", "岛内自产料件及上游增值（不扣减）", "island-made materials and upstream value added (not subtracted)",
                "E", island.add(cumulativeAdded)));
        steps.add(step("VA", "增值额 = A − B − C − D", "value added = A − B − C − D",
                price.toPlainString() + " − " + imported.toPlainString() + " − " + domestic.toPlainString() + " − "
                        + cumulativeBase.toPlainString(), added));
        steps.add(step("RATE", "增值率 = 增值额 ÷ (B + C + D) × 100%", "rate = value added ÷ (B + C + D) × 100%",
                added.toPlainString() + " ÷ " + base.toPlainString() + " × 100%", rate));
        boolean qualifies = rate.compareTo(rule.thresholdPct()) >= 0;
        steps.add(step("RESULT", (qualifies ? "达到" : "未达到") + "门槛 " + rule.thresholdPct().toPlainString() + "%",
                (qualifies ? "meets" : "below") + " the threshold " + rule.thresholdPct().toPlainString() + "%",
                rate.toPlainString() + (qualifies ? " ≥ " : " < ") + rule.thresholdPct().toPlainString(), rate));
        return new ValueAddedCalculation(price, imported, domestic, cumulativeBase, cumulativeAdded, island, base, added,
                rate, rule.thresholdPct(), qualifies, List.copyOf(steps), rule.sourceZh(), rule.sourceEn());
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    private static ValueAddedCalculation.Step step(String key, String zh, String en, String expression, BigDecimal value) {
        return new ValueAddedCalculation.Step(key, zh, en, expression, value);
    }
}
