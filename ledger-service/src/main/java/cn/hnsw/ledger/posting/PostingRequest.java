package cn.hnsw.ledger.posting;

import java.math.BigDecimal;

/** One line of an approved document to book on one item of one ledger. */
public record PostingRequest(long ledgerId, String itemKind, String itemNo, String hsCode, String nameZh, String unit,
                             Direction direction, BigDecimal quantity, long documentId, String documentNo,
                             String documentType, long lineId, String receiptId) {
}
