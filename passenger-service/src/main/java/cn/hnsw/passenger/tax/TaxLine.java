package cn.hnsw.passenger.tax;

import java.math.BigDecimal;

/** 税款明细 — the duty customs assessed on one declared article. */
public record TaxLine(int index, String category, String name, BigDecimal dutiableValue, BigDecimal rate,
                      BigDecimal tax) {
}
