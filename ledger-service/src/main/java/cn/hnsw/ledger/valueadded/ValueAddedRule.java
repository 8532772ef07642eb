package cn.hnsw.ledger.valueadded;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The value-added rule in force, read from the database (threshold as data, with its legal source). */
public record ValueAddedRule(String ruleCode, BigDecimal thresholdPct, LocalDate effectiveFrom, String sourceZh,
                             String sourceEn) {
}
