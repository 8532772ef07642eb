package cn.hnsw.ledger.warning;

/**
 * 通知渠道 — one way a ledger warning reaches the enterprise outside the platform (adapter): SMS through the
 * provincial SMS platform, e-mail through the government mail gateway. Implementations are thread-safe and never
 * throw for the partner's own failures: they say how the attempt went.
 */
public interface NotificationChannel {

    /** {@code SMS} or {@code EMAIL}. */
    String name();

    /**
     * Hands one notice to the partner.
     *
     * @param businessId the notice's own id: a retried notice carries the same one
     */
    Outcome send(String recipient, String subject, String text, String businessId);

    /** Delivered (with the partner's id), worth retrying (outage), or refused for good (with the partner's code). */
    record Outcome(Kind kind, String detail) {
        public enum Kind { DELIVERED, RETRY, REFUSED }
    }
}
