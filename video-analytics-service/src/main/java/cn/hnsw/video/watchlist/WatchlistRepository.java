package cn.hnsw.video.watchlist;

import cn.hnsw.common.events.Alert;
import cn.hnsw.video.library.FaceFeatureRepository;
import cn.hnsw.video.watchlist.WatchlistTask.PendingAction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Watch-list tasks, their targets and their review history. */
@Repository
public class WatchlistRepository {

    /**
     * 布控对象 — one target: a face descriptor, bound to a face base record where known; or, for a risk-vehicle task,
     * a licence-plate number (no descriptor).
     */
    public record WatchlistTarget(UUID id, UUID taskId, UUID faceBaseRecordId, String label, float[] descriptor,
            String photoKey, String plateNumber) {

        public WatchlistTarget(UUID id, UUID taskId, UUID faceBaseRecordId, String label, float[] descriptor,
                String photoKey) {
            this(id, taskId, faceBaseRecordId, label, descriptor, photoKey, null);
        }
    }

    /** One line of a task's history. */
    public record HistoryLine(String action, String actor, String comment, String fromStatus, String toStatus,
            java.time.Instant at) {
    }

    private final JdbcTemplate jdbc;

    public WatchlistRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(WatchlistTask t) {
        jdbc.update("INSERT INTO watchlist_task (id, name, kind, status, max_distance, camera_ids, officers, organization, "
                + "instruction, alert_level, created_by, pending_action, requested_by, sampling_rate) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", t.id(), t.name(), t.kind().name(),
                t.status().name(), t.maxDistance(), t.cameraIds().toArray(UUID[]::new),
                t.officers().toArray(String[]::new), t.organization(), t.instruction(), t.alertLevel().name(),
                t.createdBy(), t.pendingAction() == null ? null : t.pendingAction().name(), t.requestedBy(),
                t.samplingRate());
    }

    public boolean hasHits(UUID taskId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM watchlist_hit WHERE task_id = ?", Integer.class, taskId);
        return n != null && n > 0;
    }

    /** Removes a task with its targets and history (only for tasks that never took effect). */
    public void delete(UUID taskId) {
        jdbc.update("DELETE FROM watchlist_task_history WHERE task_id = ?", taskId);
        jdbc.update("DELETE FROM watchlist_target WHERE task_id = ?", taskId);
        jdbc.update("DELETE FROM watchlist_task WHERE id = ?", taskId);
    }

    public void update(WatchlistTask t) {
        jdbc.update("UPDATE watchlist_task SET status = ?, reviewed_by = ?, review_comment = ?, pending_action = ?, "
                + "requested_by = ?, updated_at = now(), version = version + 1 WHERE id = ?", t.status().name(),
                t.reviewedBy(), t.reviewComment(), t.pendingAction() == null ? null : t.pendingAction().name(),
                t.requestedBy(), t.id());
    }

    /** Writes what a revision may change. */
    public void revise(WatchlistTask t) {
        jdbc.update("UPDATE watchlist_task SET name = ?, max_distance = ?, camera_ids = ?, officers = ?, instruction = ?, "
                + "updated_at = now(), version = version + 1 WHERE id = ?", t.name(), t.maxDistance(),
                t.cameraIds().toArray(UUID[]::new), t.officers().toArray(String[]::new), t.instruction(), t.id());
    }

    /** 布控任务监控: the task's hits, open and handled, the last one and the cameras that saw its targets. */
    public record Monitoring(UUID taskId, WatchlistStatus status, long hits, long open, long handled,
            java.time.Instant lastHitAt, List<UUID> cameras) {
    }

    public Monitoring monitoring(WatchlistTask t) {
        return jdbc.queryForObject("SELECT count(*) n, count(*) FILTER (WHERE status = 'RAISED') o, count(*) FILTER "
                + "(WHERE status = 'HANDLED') h, max(occurred_at) last, COALESCE(array_agg(DISTINCT camera_id) FILTER "
                + "(WHERE camera_id IS NOT NULL), '{}') cams FROM watchlist_hit WHERE task_id = ?", (rs, i) -> {
                    java.sql.Timestamp last = rs.getTimestamp("last");
                    return new Monitoring(t.id(), t.status(), rs.getLong("n"), rs.getLong("o"), rs.getLong("h"),
                            last == null ? null : last.toInstant(),
                            java.util.Arrays.asList((UUID[]) rs.getArray("cams").getArray()));
                }, t.id());
    }

    public void history(UUID taskId, String action, String actor, String comment, WatchlistStatus from,
            WatchlistStatus to) {
        jdbc.update("INSERT INTO watchlist_task_history (task_id, action, actor, comment, from_status, to_status) "
                + "VALUES (?, ?, ?, ?, ?, ?)", taskId, action, actor, comment, from.name(), to.name());
    }

    public List<HistoryLine> history(UUID taskId) {
        return jdbc.query("SELECT * FROM watchlist_task_history WHERE task_id = ? ORDER BY id", (rs, i) ->
                new HistoryLine(rs.getString("action"), rs.getString("actor"), rs.getString("comment"),
                        rs.getString("from_status"), rs.getString("to_status"), rs.getTimestamp("at").toInstant()),
                taskId);
    }

    public Optional<WatchlistTask> find(UUID id) {
        return jdbc.query("SELECT * FROM watchlist_task WHERE id = ?", (rs, i) -> map(rs), id).stream().findFirst();
    }

    /** Locks the row for a state change. */
    public Optional<WatchlistTask> lock(UUID id) {
        return jdbc.query("SELECT * FROM watchlist_task WHERE id = ? FOR UPDATE", (rs, i) -> map(rs), id).stream()
                .findFirst();
    }

    public List<WatchlistTask> list(WatchlistStatus status, boolean pendingOnly, int limit, long offset) {
        return jdbc.query("SELECT * FROM watchlist_task WHERE (?::text IS NULL OR status = ?) "
                + "AND (NOT ? OR pending_action IS NOT NULL) ORDER BY created_at DESC LIMIT ? OFFSET ?",
                (rs, i) -> map(rs), status == null ? null : status.name(), status == null ? null : status.name(),
                pendingOnly, limit, offset);
    }

    public long count(WatchlistStatus status, boolean pendingOnly) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM watchlist_task WHERE (?::text IS NULL OR status = ?) "
                + "AND (NOT ? OR pending_action IS NOT NULL)", Long.class, status == null ? null : status.name(),
                status == null ? null : status.name(), pendingOnly);
        return n == null ? 0 : n;
    }

    public List<WatchlistTask> active() {
        return jdbc.query("SELECT * FROM watchlist_task WHERE status = 'ACTIVE'", (rs, i) -> map(rs));
    }

    /** The face base record of a person code, if stored. */
    public Optional<UUID> recordOfPerson(String personCode) {
        return jdbc.queryForList("SELECT id FROM face_base_record WHERE person_code = ?", UUID.class, personCode).stream()
                .findFirst();
    }

    public boolean hasRecordTarget(UUID taskId, UUID recordId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM watchlist_target WHERE task_id = ? AND face_base_record_id = ?",
                Integer.class, taskId, recordId);
        return n != null && n > 0;
    }

    public void insertTarget(WatchlistTarget t) {
        jdbc.update("INSERT INTO watchlist_target (id, task_id, face_base_record_id, label, descriptor, photo_key, "
                + "plate_number) VALUES (?, ?, ?, ?, ?, ?, ?)", t.id(), t.taskId(), t.faceBaseRecordId(), t.label(),
                t.descriptor() == null ? null : boxed(t.descriptor()), t.photoKey(), t.plateNumber());
    }

    public List<WatchlistTarget> targets(UUID taskId) {
        return jdbc.query("SELECT * FROM watchlist_target WHERE task_id = ? ORDER BY label", (rs, i) ->
                new WatchlistTarget(rs.getObject("id", UUID.class), rs.getObject("task_id", UUID.class),
                        rs.getObject("face_base_record_id", UUID.class), rs.getString("label"),
                        rs.getArray("descriptor") == null ? null : FaceFeatureRepository.fromArray(rs.getArray("descriptor")),
                        rs.getString("photo_key"), rs.getString("plate_number")), taskId);
    }

    /** 布控对象录入: the data items, the face's detection score and who entered the target. */
    public void entered(UUID targetId, String fieldsJson, Double faceScore, String by) {
        jdbc.update("UPDATE watchlist_target SET fields = ?::jsonb, face_score = ?, entered_by = ?, entered_at = now() "
                + "WHERE id = ?", fieldsJson == null ? "{}" : fieldsJson, faceScore, by, targetId);
    }

    /** A target with what was entered with it. */
    public record TargetEntry(UUID id, UUID faceBaseRecordId, String label, String plateNumber, String fields,
            Double faceScore, String enteredBy, java.time.Instant enteredAt) {
    }

    public List<TargetEntry> entries(UUID taskId) {
        return jdbc.query("SELECT id, face_base_record_id, label, plate_number, fields::text AS fields, face_score, "
                + "entered_by, entered_at FROM watchlist_target WHERE task_id = ? ORDER BY label, id", (rs, i) -> {
                    double score = rs.getDouble("face_score");
                    Double faceScore = rs.wasNull() ? null : score;
                    java.sql.Timestamp at = rs.getTimestamp("entered_at");
                    return new TargetEntry(rs.getObject("id", UUID.class),
                            rs.getObject("face_base_record_id", UUID.class), rs.getString("label"),
                            rs.getString("plate_number"), rs.getString("fields"), faceScore,
                            rs.getString("entered_by"), at == null ? null : at.toInstant());
                }, taskId);
    }

    public int deleteTarget(UUID taskId, UUID targetId) {
        return jdbc.update("DELETE FROM watchlist_target WHERE task_id = ? AND id = ?", taskId, targetId);
    }

    public int countTargets(UUID taskId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM watchlist_target WHERE task_id = ?", Integer.class,
                taskId);
        return n == null ? 0 : n;
    }

    public void clearInstruction(UUID taskId) {
        jdbc.update("UPDATE watchlist_task SET instruction = NULL, updated_at = now(), version = version + 1 "
                + "WHERE id = ?", taskId);
    }

    /** 布控查询: the conditions an officer enters; any left empty does not narrow. */
    public record TaskQuery(WatchlistStatus status, boolean pendingOnly, WatchlistKind kind, String text,
            String organization, String createdBy, String officer, UUID cameraId, java.time.Instant from,
            java.time.Instant to, TaskViewer viewer) {
    }

    public List<WatchlistTask> search(TaskQuery q, int limit, long offset) {
        List<Object> args = new java.util.ArrayList<>();
        String where = where(q, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT * FROM watchlist_task t" + where + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                (rs, i) -> map(rs), args.toArray());
    }

    public long count(TaskQuery q) {
        List<Object> args = new java.util.ArrayList<>();
        Long n = jdbc.queryForObject("SELECT count(*) FROM watchlist_task t" + where(q, args), Long.class,
                args.toArray());
        return n == null ? 0 : n;
    }

    private static String where(TaskQuery q, List<Object> args) {
        StringBuilder w = new StringBuilder(" WHERE true");
        TaskViewer v = q.viewer();
        if (v != null && !v.seesAll()) {
            // 可见范围 (TaskViewer): submitted by or bound to the viewer, or of one of the viewer's organisations
            w.append(" AND (created_by = ? OR ? = ANY (officers)");
            args.add(v.username());
            args.add(v.username());
            if (v.organizations().isEmpty() || v.reviewer()) {
                w.append(" OR organization IS NULL OR organization = ''");
            }
            for (String org : v.organizations()) {
                w.append(" OR organization = ? OR left(organization, ?) = ?");
                args.add(org);
                args.add(org.length() + 1);
                args.add(org + "/");
            }
            w.append(")");
        }
        if (q.status() != null) {
            w.append(" AND status = ?");
            args.add(q.status().name());
        }
        if (q.pendingOnly()) {
            w.append(" AND pending_action IS NOT NULL");
        }
        if (q.kind() != null) {
            w.append(" AND kind = ?");
            args.add(q.kind().name());
        }
        if (q.text() != null && !q.text().isBlank()) {
            // the task's name or any of its targets' labels (a person's name, a plate)
            String like = "%" + q.text().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%";
            w.append(" AND (name ILIKE ? OR EXISTS (SELECT 1 FROM watchlist_target g WHERE g.task_id = t.id "
                    + "AND (g.label ILIKE ? OR g.plate_number ILIKE ?)))");
            args.add(like);
            args.add(like);
            args.add(like);
        }
        if (q.organization() != null && !q.organization().isBlank()) {
            w.append(" AND organization LIKE ?");
            args.add(q.organization().trim() + "%");
        }
        if (q.createdBy() != null && !q.createdBy().isBlank()) {
            w.append(" AND created_by = ?");
            args.add(q.createdBy().trim());
        }
        if (q.officer() != null && !q.officer().isBlank()) {
            w.append(" AND ? = ANY (officers)");
            args.add(q.officer().trim());
        }
        if (q.cameraId() != null) {
            w.append(" AND ?::uuid = ANY (camera_ids)");
            args.add(q.cameraId());
        }
        if (q.from() != null) {
            w.append(" AND created_at >= ?");
            args.add(java.sql.Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            w.append(" AND created_at < ?");
            args.add(java.sql.Timestamp.from(q.to()));
        }
        return w.toString();
    }

    private static Float[] boxed(float[] v) {
        Float[] b = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = v[i];
        }
        return b;
    }

    private static WatchlistTask map(ResultSet rs) throws SQLException {
        String pending = rs.getString("pending_action");
        return new WatchlistTask(rs.getObject("id", UUID.class), rs.getString("name"),
                WatchlistKind.valueOf(rs.getString("kind")), WatchlistStatus.valueOf(rs.getString("status")),
                rs.getDouble("max_distance"), Arrays.asList((UUID[]) rs.getArray("camera_ids").getArray()),
                Arrays.asList((String[]) rs.getArray("officers").getArray()), rs.getString("organization"),
                rs.getString("instruction"), Alert.Level.valueOf(rs.getString("alert_level")),
                rs.getString("created_by"), rs.getString("reviewed_by"), rs.getString("review_comment"),
                pending == null ? null : PendingAction.valueOf(pending), rs.getString("requested_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getObject("sampling_rate", Double.class));
    }
}
