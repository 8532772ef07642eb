package cn.hnsw.ledger.customs;

import java.time.Instant;

/**
 * 回执 pushed by 金关二期 (inside a sealed envelope): {@code kind} is RECEIVED (回执), APPROVED or RETURNED (回执更新,
 * with a reason), or FORMAL_DATA (正式核注数据 that activates a ledger). {@code messageType} is {@value #TYPE}.
 */
public record CustomsReceiptMessage(String messageType, String receiptId, String documentNo, String kind, String reason,
                                    Instant issuedAt, String formalDataRef) {

    public static final String TYPE = "LEDGER_RECEIPT";
}
