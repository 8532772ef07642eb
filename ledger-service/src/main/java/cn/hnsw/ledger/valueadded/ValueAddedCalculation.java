package cn.hnsw.ledger.valueadded;

import java.math.BigDecimal;
import java.util.List;

/**
 * The result of the value-added computation, with every step shown (the screen prints {@code steps} line by line).
 *
 * @param ratePct     value-added rate in percent, 2 decimals, HALF_UP
 * @param qualifies   rate ≥ threshold
 */
public record ValueAddedCalculation(BigDecimal salePrice, BigDecimal importedTotal, BigDecimal domesticTotal,
                                    BigDecimal cumulativeMaterialBase, BigDecimal cumulativeValueAdded,
                                    BigDecimal islandTotal, BigDecimal materialBase, BigDecimal valueAdded,
                                    BigDecimal ratePct, BigDecimal thresholdPct, boolean qualifies, List<Step> steps,
                                    String ruleSourceZh, String ruleSourceEn) {

    public record Step(String key, String labelZh, String labelEn, String expression, BigDecimal value) {
    }
}
