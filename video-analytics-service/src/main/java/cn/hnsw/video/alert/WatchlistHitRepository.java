package cn.hnsw.video.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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
