package cn.hnsw.common.events;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 发件箱运维 — what operators need when events do not arrive: what is pending, what keeps failing and why, and a
 * way to have a failed event tried again now instead of at the end of its backoff.
 */
public class OutboxAdmin {

    private static final int MAX_LIMIT = 1000;

    private static final String COLUMNS = """
            SELECT id, event_id, topic, event_type, aggregate_type, aggregate_id, sequence, created_at, published_at,
                   attempts, last_error, next_attempt_at
            FROM event_outbox""";

    private static final RowMapper<OutboxEntry> ENTRY = (rs, n) -> new OutboxEntry(
            rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getString("topic"), rs.getString("event_type"),
            rs.getString("aggregate_type"), rs.getString("aggregate_id"), rs.getLong("sequence"),
            instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("published_at")), rs.getInt("attempts"),
            rs.getString("last_error"), instant(rs.getTimestamp("next_attempt_at")));

    private final JdbcTemplate jdbc;
    private final Runnable wakeRelay;

    /**
     * @param dataSource the database holding {@code event_outbox}
     * @param wakeRelay  asks the relay of this instance for a pass now (a no-op where no relay runs)
     */
    public OutboxAdmin(DataSource dataSource, Runnable wakeRelay) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.wakeRelay = wakeRelay == null ? () -> { } : wakeRelay;
    }

    /** Unpublished events, oldest first. */
    public List<OutboxEntry> pending(int limit) {
        return jdbc.query(COLUMNS + " WHERE published_at IS NULL ORDER BY id LIMIT ?", ENTRY, bounded(limit));
    }

    /** Unpublished events whose last send failed, the most tried first: these block their aggregate. */
    public List<OutboxEntry> failing(int limit) {
        return jdbc.query(COLUMNS + " WHERE published_at IS NULL AND last_error IS NOT NULL ORDER BY attempts DESC, id LIMIT ?",
                ENTRY, bounded(limit));
    }

    /** The events of one aggregate, in sequence order, published or not. */
    public List<OutboxEntry> aggregate(String aggregateType, String aggregateId) {
        return jdbc.query(COLUMNS + " WHERE aggregate_type = ? AND aggregate_id = ? ORDER BY sequence",
                ENTRY, aggregateType, aggregateId);
    }

    public OutboxStats stats() {
        return readStats(jdbc);
    }

    static OutboxStats readStats(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                SELECT count(*) AS pending, count(*) FILTER (WHERE last_error IS NOT NULL) AS failing,
                       min(created_at) AS oldest
                FROM event_outbox WHERE published_at IS NULL""",
                (rs, n) -> new OutboxStats(rs.getLong("pending"), rs.getLong("failing"), instant(rs.getTimestamp("oldest"))));
    }

    /**
     * Ends the backoff of the aggregate the event belongs to, so that the relay tries it at its next pass. The whole
     * aggregate is released, not only this event, because the relay always sends an aggregate's earliest pending
     * event first: retrying a later one alone would change nothing.
     *
     * @return the number of pending events whose backoff ended; 0 when the event is unknown, already published, or
     *         not waiting (then it is already due)
     */
    public int retryNow(UUID eventId) {
        int released = jdbc.update("""
                UPDATE event_outbox o SET next_attempt_at = now()
                FROM event_outbox e
                WHERE e.event_id = ?
                  AND o.aggregate_type = e.aggregate_type AND o.aggregate_id = e.aggregate_id
                  AND o.published_at IS NULL AND o.next_attempt_at > now()""", eventId);
        wakeRelay.run();
        return released;
    }

    /** Ends every backoff, e.g. once the cause of an outage is fixed. */
    public int retryAllNow() {
        int released = jdbc.update(
                "UPDATE event_outbox SET next_attempt_at = now() WHERE published_at IS NULL AND next_attempt_at > now()");
        wakeRelay.run();
        return released;
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
