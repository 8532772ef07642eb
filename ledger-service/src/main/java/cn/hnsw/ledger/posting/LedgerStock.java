package cn.hnsw.ledger.posting;

import java.math.BigDecimal;

/** 账册库存 — the quantity of one item on one ledger, and the sum of its postings (they must agree). */
public record LedgerStock(long id, long ledgerId, String itemNo, String itemKind, String hsCode, String nameZh,
                          String unit, BigDecimal quantity, BigDecimal postedTotal, long postings) {
}
