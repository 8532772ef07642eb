package cn.hnsw.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One outbox row as an operator sees it. The payload is left out on purpose: it may hold personal data
 * (names, ID numbers) that an operations screen has no need to show.
 */
public record OutboxEntry(
        long id,
        UUID eventId,
        String topic,
        String eventType,
        String aggregateType,
        String aggregateId,
        long sequence,
        Instant createdAt,
        Instant publishedAt,
        int attempts,
        String lastError,
        Instant nextAttemptAt) {
}
