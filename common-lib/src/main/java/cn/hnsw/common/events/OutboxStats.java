package cn.hnsw.common.events;

import java.time.Duration;
import java.time.Instant;

/**
 * How the outbox stands.
 *
 * @param pending         events not yet acknowledged by Kafka
 * @param failing         of those, the ones whose last send failed
 * @param oldestPendingAt when the oldest pending event was written, or null when none is pending
 */
public record OutboxStats(long pending, long failing, Instant oldestPendingAt) {

    public static final OutboxStats EMPTY = new OutboxStats(0, 0, null);

    /** How long the oldest pending event has waited; the number to alert on. */
    public Duration oldestPendingAge(Instant now) {
        if (oldestPendingAt == null || now.isBefore(oldestPendingAt)) {
            return Duration.ZERO;
        }
        return Duration.between(oldestPendingAt, now);
    }
}
