package cn.hnsw.customs.exchange;

import java.time.Instant;
import java.util.UUID;

/**
 * 发送记录 (FP 326, 328, 329): one message to a partner and how its delivery went. PENDING until the partner's sealed
 * reply is in, SENT after, PERMANENTLY_FAILED once the attempts are spent or the partner refused it for good; an
 * operator re-drives a failed one.
 */
public record OutboundMessage(UUID id, UUID conversationId, UUID declarationId, String enterpriseUscc, String partner,
                              String messageType, Status status, int attempts, Instant nextAttemptAt, String lastError,
                              Instant createdAt, Instant sentAt, String sealedMessageId) {

    public enum Status { PENDING, SENT, PERMANENTLY_FAILED }
}
