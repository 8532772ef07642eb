package cn.hnsw.video.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** 命中 — watch-list hits and the handling of the alerts they raised. */
@Repository
public class WatchlistHitRepository {

    /**
     * One hit; {@code status} RAISED until a bound officer handles it (HANDLED). A face hit has its capture and the
     * descriptor distance; a risk-vehicle hit has no capture, the plate number read and {@code 1 − confidence} as
     * its distance.
     */
    public record WatchlistHit(UUID id, String alertId, UUID taskId, UUID targetId, UUID captureId, UUID cameraId,
            double distance, Instant occurredAt, String snapshotKey, List<String> recipients, String status,
            String handledBy, String handlingResult, String handlingNote, Instant handledAt, String plateNumber) {

        public WatchlistHit(UUID id, String alertId, UUID taskId, UUID targetId, UUID captureId, UUID cameraId,
                double distance, Instant occurredAt, String snapshotKey, List<String> recipients, String status,
                String handledBy, String handlingResult, String handlingNote, Instant handledAt) {
            this(id, alertId, taskId, targetId, captureId, cameraId, distance, occurredAt, snapshotKey, recipients,
                    status, handledBy, handlingResult, handlingNote, handledAt, null);
        }
    }

    private final JdbcTemplate jdbc;

    public WatchlistHitRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(WatchlistHit h) {
        jdbc.update("INSERT INTO watchlist_hit (id, alert_id, task_id, target_id, capture_id, camera_id, distance, "
                + "occurred_at, snapshot_key, recipients, status, plate_number) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RAISED', ?)",
                h.id(), h.alertId(), h.taskId(), h.targetId(), h.captureId(), h.cameraId(), h.distance(),
                Timestamp.from(h.occurredAt()), h.snapshotKey(), h.recipients().toArray(String[]::new), h.plateNumber());
    }

    /** The alert's delivery as its risk alert mode gave it (channels, escalation minutes), in the raising transaction. */
    public void recordDelivery(String alertId, String level, UUID modeId, List<String> channels, Integer minutes) {
        jdbc.update("UPDATE watchlist_hit SET alert_level = ?, alert_mode_id = ?, channels = ?::varchar[], "
                + "escalate_minutes = ? WHERE alert_id = ?", level, modeId, channels.toArray(String[]::new), minutes,
                alertId);
    }

    /** The delivery of one alert: its mode, channels (screen and sound flags), requested channels and escalation. */
    public Map<String, Object> delivery(String alertId) {
        return jdbc.queryForObject("SELECT h.alert_id, h.alert_level, m.code AS mode_code, h.channels, "
                + "h.escalate_minutes, h.raised_at, h.escalated_at FROM watchlist_hit h "
                + "LEFT JOIN risk_alert_mode m ON m.id = h.alert_mode_id WHERE h.alert_id = ?", (rs, i) -> {
                    List<String> ch = Arrays.asList((String[]) rs.getArray("channels").getArray());
                    Map<String, Object> d = new java.util.LinkedHashMap<>();
                    d.put("alertId", rs.getString("alert_id"));
                    d.put("level", rs.getString("alert_level"));
                    d.put("alertMode", rs.getString("mode_code"));
                    d.put("channels", ch);
                    d.put("screen", ch.contains("SCREEN"));
                    d.put("sound", ch.contains("SOUND"));
                    d.put("requestedChannels", ch.stream().filter(c -> c.equals("SMS") || c.equals("APP_PUSH")).toList());
                    int m = rs.getInt("escalate_minutes");
                    d.put("escalateMinutes", rs.wasNull() ? null : m);
                    d.put("raisedAt", rs.getTimestamp("raised_at").toInstant());
                    Timestamp e = rs.getTimestamp("escalated_at");
                    d.put("escalatedAt", e == null ? null : e.toInstant());
                    return d;
                }, alertId);
    }

    /** True when the same target of the task was hit on the camera within the window before {@code at}. */
    public boolean recentlyHit(UUID taskId, UUID targetId, UUID cameraId, Instant at, long windowSeconds) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM watchlist_hit WHERE task_id = ? AND target_id = ? "
                + "AND camera_id IS NOT DISTINCT FROM ? AND occurred_at > ? AND occurred_at <= ?", Integer.class, taskId,
                targetId, cameraId, Timestamp.from(at.minusSeconds(windowSeconds)), Timestamp.from(at));
        return n != null && n > 0;
    }

    public Optional<WatchlistHit> findByAlertId(String alertId) {
        return jdbc.query("SELECT * FROM watchlist_hit WHERE alert_id = ?", (rs, i) -> map(rs), alertId).stream()
                .findFirst();
    }

    public Optional<WatchlistHit> lockByAlertId(String alertId) {
        return jdbc.query("SELECT * FROM watchlist_hit WHERE alert_id = ? FOR UPDATE", (rs, i) -> map(rs), alertId)
                .stream().findFirst();
    }

    /** Alerts for one officer (null: all), newest first. */
    public List<WatchlistHit> forRecipient(String username, String status, int limit, long offset) {
        return jdbc.query("SELECT * FROM watchlist_hit WHERE (?::text IS NULL OR ? = ANY (recipients)) "
                + "AND (?::text IS NULL OR status = ?) ORDER BY occurred_at DESC, id LIMIT ? OFFSET ?",
                (rs, i) -> map(rs), username, username, status, status, limit, offset);
    }

    public long countForRecipient(String username, String status) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM watchlist_hit WHERE (?::text IS NULL OR ? = ANY (recipients)) "
                + "AND (?::text IS NULL OR status = ?)", Long.class, username, username, status, status);
        return n == null ? 0 : n;
    }

    public void handle(String alertId, String by, String result, String note) {
        jdbc.update("UPDATE watchlist_hit SET status = 'HANDLED', handled_by = ?, handling_result = ?, handling_note = ?, "
                + "handled_at = now() WHERE alert_id = ?", by, result, note, alertId);
    }

    private static WatchlistHit map(ResultSet rs) throws SQLException {
        Timestamp handled = rs.getTimestamp("handled_at");
        return new WatchlistHit(rs.getObject("id", UUID.class), rs.getString("alert_id"),
                rs.getObject("task_id", UUID.class), rs.getObject("target_id", UUID.class),
                rs.getObject("capture_id", UUID.class), rs.getObject("camera_id", UUID.class), rs.getDouble("distance"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("snapshot_key"),
                Arrays.asList((String[]) rs.getArray("recipients").getArray()), rs.getString("status"),
                rs.getString("handled_by"), rs.getString("handling_result"), rs.getString("handling_note"),
                handled == null ? null : handled.toInstant(), rs.getString("plate_number"));
    }
}
