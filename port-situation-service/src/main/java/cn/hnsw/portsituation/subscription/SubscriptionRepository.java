package cn.hnsw.portsituation.subscription;

import cn.hnsw.common.events.Alert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions, their queued deliveries and the attempts made (推送记录). */
@Repository
public class SubscriptionRepository {

    private final JdbcTemplate jdbc;

    public SubscriptionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final RowMapper<Subscription> ROW = (rs, i) -> new Subscription(
            rs.getObject("id", UUID.class), rs.getString("subscriber_kind"), rs.getString("subscriber_id"),
            rs.getString("name"), rs.getString("channel"), rs.getString("target"), list(rs.getArray("events")),
            list(rs.getArray("alert_types")), Alert.Level.valueOf(rs.getString("min_level")),
            list(rs.getArray("port_codes")), rs.getString("status"), rs.getString("created_by"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("cancelled_at") == null ? null : rs.getTimestamp("cancelled_at").toInstant());

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    public void insert(Subscription s) {
        jdbc.update("""
                INSERT INTO alert_subscription (id, subscriber_kind, subscriber_id, name, channel, target, events,
                    alert_types, min_level, port_codes, status, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, s.id(), s.subscriberKind(), s.subscriberId(), s.name(), s.channel(), s.target(),
                s.events().toArray(String[]::new), s.alertTypes().toArray(String[]::new), s.minLevel().name(),
                s.portCodes().toArray(String[]::new), s.status(), s.createdBy(), Timestamp.from(s.createdAt()));
    }

    public Optional<Subscription> find(UUID id) {
        return jdbc.query("SELECT * FROM alert_subscription WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** Subscriptions of one subscriber, or of every subscriber when {@code kind} is null; newest first. */
    public List<Subscription> list(String kind, String subscriberId) {
        return jdbc.query("""
                SELECT * FROM alert_subscription
                WHERE (?::text IS NULL OR (subscriber_kind = ? AND subscriber_id = ?))
                ORDER BY created_at DESC LIMIT 500
                """, ROW, kind, kind, subscriberId);
    }

    public List<Subscription> active() {
        return jdbc.query("SELECT * FROM alert_subscription WHERE status = 'ACTIVE'", ROW);
    }

    public boolean cancel(UUID id, Instant at) {
        return jdbc.update("UPDATE alert_subscription SET status = 'CANCELLED', cancelled_at = ? WHERE id = ? AND status = 'ACTIVE'",
                Timestamp.from(at), id) == 1;
    }

    /** Queues a delivery once per subscription, alert and event. */
    public void enqueue(UUID subscriptionId, String alertId, String event, String payloadJson, Instant now) {
        jdbc.update("""
                INSERT INTO alert_delivery (id, subscription_id, alert_id, event, payload, status, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?::jsonb, 'PENDING', ?, ?)
                ON CONFLICT (subscription_id, alert_id, event) DO NOTHING
                """, UUID.randomUUID(), subscriptionId, alertId, event, payloadJson, Timestamp.from(now),
                Timestamp.from(now));
    }

    /** A due delivery, claimed by pushing its next attempt out by {@code lease} (so no other worker takes it). */
    public record Due(UUID id, UUID subscriptionId, String alertId, String event, String payload, int attempts) {
    }

    public List<Due> claimDue(Instant now, java.time.Duration lease, int limit) {
        return jdbc.query("""
                UPDATE alert_delivery d SET next_attempt_at = ?
                WHERE d.id IN (SELECT id FROM alert_delivery WHERE status = 'PENDING' AND next_attempt_at <= ?
                               ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING d.id, d.subscription_id, d.alert_id, d.event, d.payload::text AS payload, d.attempts
                """, (rs, i) -> new Due(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                rs.getString("alert_id"), rs.getString("event"), rs.getString("payload"), rs.getInt("attempts")),
                Timestamp.from(now.plus(lease)), Timestamp.from(now), limit);
    }

    /** Records one attempt and the delivery's new state. */
    public void attempted(UUID deliveryId, int attempt, Instant at, DeliveryChannel.Outcome outcome, String status,
                          Instant nextAttemptAt) {
        jdbc.update("""
                INSERT INTO alert_delivery_attempt (delivery_id, attempt, at, outcome, status_code, detail)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, deliveryId, attempt, Timestamp.from(at), outcome.kind().name(), outcome.statusCode(),
                outcome.detail());
        jdbc.update("""
                UPDATE alert_delivery SET attempts = ?, status = ?, next_attempt_at = ?, last_error = ?,
                    delivered_at = CASE WHEN ? = 'DELIVERED' THEN ? ELSE delivered_at END
                WHERE id = ?
                """, attempt, status, Timestamp.from(nextAttemptAt),
                outcome.kind() == DeliveryChannel.Outcome.Kind.DELIVERED ? null : outcome.detail(), status,
                Timestamp.from(at), deliveryId);
    }

    /** The delivery log of one subscription, newest first, each with its attempts. */
    public List<Map<String, Object>> deliveries(UUID subscriptionId, int limit) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT id, alert_id AS "alertId", event, status, attempts, next_attempt_at AS "nextAttemptAt",
                       last_error AS "lastError", created_at AS "createdAt", delivered_at AS "deliveredAt"
                FROM alert_delivery WHERE subscription_id = ? ORDER BY created_at DESC LIMIT ?
                """, subscriptionId, limit);
        for (Map<String, Object> row : rows) {
            row.put("attemptLog", jdbc.queryForList("""
                    SELECT attempt, at, outcome, status_code AS "statusCode", detail
                    FROM alert_delivery_attempt WHERE delivery_id = ? ORDER BY attempt
                    """, row.get("id")));
        }
        return rows;
    }
}
