package cn.hnsw.passenger.declaration;

import java.math.BigDecimal;

/**
 * 行李物品（申报项） — one declared article. {@code value} is in {@code currency}; {@code releaseStatus} is customs'
 * release annotation (验放情况), empty until a receipt brings it.
 */
public record BaggageItem(ArticleCategory category, String name, BigDecimal quantity, String unit, BigDecimal value,
                          String currency, String releaseStatus) {

    public BaggageItem withReleaseStatus(String status) {
        return new BaggageItem(category, name, quantity, unit, value, currency, status);
    }
}
