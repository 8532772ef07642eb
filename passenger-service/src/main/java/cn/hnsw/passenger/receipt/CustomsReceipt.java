package cn.hnsw.passenger.receipt;

import java.time.Instant;
import java.util.UUID;

/**
 * 海关审批回执 — a verified business receipt from customs. {@code state}: APPLIED to its declaration, FAILED (on the
 * permanently-failed list until an operator retries it), or DUPLICATE of a receipt already received.
 */
public record CustomsReceipt(UUID id, String messageId, String receiptNo, UUID conversationId, UUID declarationId,
                             int revision, String action, String decision, String payload, Instant receivedAt,
                             String state, String failureCode, String failureDetail, int attempts,
                             Instant resolvedAt) {
}
