package cn.hnsw.ledger.posting;

import java.math.BigDecimal;
import java.time.Instant;

/** 核增核减记录 — one booked change of one stock row, with the balance it left. */
public record LedgerPosting(long id, long ledgerId, long stockId, String itemNo, Direction direction, BigDecimal quantity,
                            BigDecimal balanceAfter, long documentId, String documentNo, String documentType,
                            long lineId, String receiptId, Instant postedAt) {
}
