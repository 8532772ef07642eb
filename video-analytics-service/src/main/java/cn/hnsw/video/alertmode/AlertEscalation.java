package cn.hnsw.video.alertmode;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.events.EventTopics;
import cn.hnsw.common.events.OutboxPublisher;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 预警升级 — an alert still unhandled after its mode's escalation minutes is escalated once: an escalation record
 * and an event on {@link #TOPIC} through the outbox. The check runs on a schedule in every instance; the due rows are
 * locked with {@code FOR UPDATE SKIP LOCKED} and marked escalated in the same transaction, so two instances never
 * escalate the same alert and a second run finds nothing left (the escalation record is unique per alert besides).
 */
@Component
public class AlertEscalation {

    private static final Logger log = LoggerFactory.getLogger(AlertEscalation.class);

    /** Fact published when an unhandled alert is escalated. */
    public static final String TOPIC = EventTopics.topic("video-analytics", "alert-escalated");

    /** Payload of {@link #TOPIC}. */
    public record AlertEscalated(String alertId, UUID alertModeId, String level, int escalateMinutes,
            List<String> recipients, Instant raisedAt, Instant escalatedAt) {
    }

    private record Due(String alertId, UUID modeId, String level, int minutes, List<String> recipients,
            Instant raisedAt) {
    }

    private final JdbcTemplate jdbc;
    private final OutboxPublisher outbox;

    public AlertEscalation(JdbcTemplate jdbc, OutboxPublisher outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** Escalates the alerts whose time has passed, at most a batch per run; returns how many. */
    @Scheduled(initialDelayString = "${hnsw.video.alert-escalation.initial-delay:PT30S}",
            fixedDelayString = "${hnsw.video.alert-escalation.interval:PT30S}")
    @Transactional
    public int escalateDue() {
        List<Due> due = jdbc.query("SELECT alert_id, alert_mode_id, alert_level, escalate_minutes, recipients, raised_at "
                + "FROM watchlist_hit WHERE status = 'RAISED' AND escalated_at IS NULL AND escalate_minutes IS NOT NULL "
                + "AND raised_at + escalate_minutes * interval '1 minute' <= now() "
                + "ORDER BY raised_at LIMIT 200 FOR UPDATE SKIP LOCKED",
                (rs, i) -> new Due(rs.getString("alert_id"), rs.getObject("alert_mode_id", UUID.class),
                        rs.getString("alert_level"), rs.getInt("escalate_minutes"),
                        Arrays.asList((String[]) rs.getArray("recipients").getArray()),
                        rs.getTimestamp("raised_at").toInstant()));
        int n = 0;
        for (Due d : due) {
            Instant now = Instant.now();
            int marked = jdbc.update("UPDATE watchlist_hit SET escalated_at = ? WHERE alert_id = ? "
                    + "AND escalated_at IS NULL AND status = 'RAISED'", Timestamp.from(now), d.alertId());
            int recorded = marked == 0 ? 0 : jdbc.update("INSERT INTO risk_alert_escalation (id, alert_id, "
                    + "alert_mode_id, alert_level, escalate_minutes, raised_at, escalated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (alert_id) DO NOTHING", UUID.randomUUID(), d.alertId(),
                    d.modeId(), d.level(), d.minutes(), Timestamp.from(d.raisedAt()), Timestamp.from(now));
            if (recorded == 0) {
                continue;
            }
            outbox.publish(TOPIC, Alert.AGGREGATE_TYPE, d.alertId(), TOPIC, new AlertEscalated(d.alertId(),
                    d.modeId(), d.level(), d.minutes(), d.recipients(), d.raisedAt(), now));
            log.warn("event=alert-escalated alert={} level={} minutes={}", d.alertId(), d.level(), d.minutes());
            n++;
        }
        return n;
    }
}
