package cn.hnsw.passenger.partner;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 报文日志 — one row per sealed message sent to or received from a partner, with its outcome and, for a failure, the
 * error code (错误信息处理). Written outside the business transaction where a failure must survive a rollback.
 */
@Component
public class PartnerMessageLog {

    public enum Direction { OUT, IN }

    public record Entry(long id, String partnerId, String direction, String messageType, String businessId,
                        String messageId, String outcome, String errorCode, String errorDetail, Instant occurredAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PartnerMessageLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String partnerId, Direction direction, String messageType, String businessId, String messageId,
                       String outcome, String errorCode, String errorDetail) {
        jdbc.update("""
                INSERT INTO partner_message (partner_id, direction, message_type, business_id, message_id, outcome,
                                             error_code, error_detail, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", partnerId, direction.name(), messageType, businessId, messageId,
                outcome, errorCode, errorDetail == null ? null : truncate(errorDetail),
                Timestamp.from(clock.instant()));
    }

    public List<Entry> forBusiness(String businessId) {
        return jdbc.query("SELECT * FROM partner_message WHERE business_id = ? ORDER BY id", (rs, i) -> new Entry(
                rs.getLong("id"), rs.getString("partner_id"), rs.getString("direction"), rs.getString("message_type"),
                rs.getString("business_id"), rs.getString("message_id"), rs.getString("outcome"),
                rs.getString("error_code"), rs.getString("error_detail"), rs.getTimestamp("occurred_at").toInstant()),
                businessId);
    }

    public List<Entry> failures(int limit) {
        return jdbc.query("SELECT * FROM partner_message WHERE outcome <> 'OK' ORDER BY id DESC LIMIT ?",
                (rs, i) -> new Entry(rs.getLong("id"), rs.getString("partner_id"), rs.getString("direction"),
                        rs.getString("message_type"), rs.getString("business_id"), rs.getString("message_id"),
                        rs.getString("outcome"), rs.getString("error_code"), rs.getString("error_detail"),
                        rs.getTimestamp("occurred_at").toInstant()), limit);
    }

    private static String truncate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500);
    }
}
