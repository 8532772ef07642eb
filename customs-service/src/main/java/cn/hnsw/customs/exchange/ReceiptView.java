package cn.hnsw.customs.exchange;

import java.time.Instant;
import java.util.UUID;

/** 回执 as the enterprise pulls it (FP 324, 563–568). */
public record ReceiptView(UUID id, String kind, String status, String customsNo, String note, String senderKeyId,
                          UUID conversationId, UUID declarationId, Instant receivedAt) {
}
