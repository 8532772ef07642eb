package cn.hnsw.video.analysistask;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Kind settings, data feeds, algorithm services, tasks, slices and findings of the analysis task engine. */
@Repository
public class AnalysisTaskRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** 流类型管理 and 存储管理 of one kind. */
    public record KindSetting(AnalysisKind kind, List<String> streamTypes, boolean keepSlices, int sliceSeconds,
            int retentionDays, String updatedBy, Instant updatedAt) {
    }

    /** 接入数据源: a camera, a stream address or an uploaded video file in object storage. */
    public record Feed(UUID id, AnalysisKind kind, String name, String protocol, UUID cameraId, String sourceUrl,
            String objectKey, String fileName, Long fileBytes, boolean enabled, String createdBy, Instant createdAt) {
    }

    /** 分析服务: a configured detector serving one kind. */
    public record AlgorithmService(UUID id, AnalysisKind kind, String name, String detector, double sampleFps,
            boolean enabled, int version, String createdBy, Instant createdAt, Instant updatedAt) {
    }

    /** 分析任务 with its instruction, progress (存储任务监控) and anomaly (异常预警/处置). */
    public record Task(UUID id, AnalysisKind kind, String name, UUID serviceId, UUID feedId,
            Map<String, Object> instruction, int instructionVersion, Integer appliedVersion, int maxSeconds,
            Instant startAt, AnalysisTaskStatus status, int frames, long mediaMs, Long durationMs, Double progress,
            int findings, int slices, String errorZh, String errorEn, String anomaly, String anomalyAlertId,
            String anomalyNote, String anomalyHandledBy, Instant anomalyHandledAt, int runs, String createdBy,
            Instant createdAt, Instant startedAt, Instant finishedAt, boolean continuous, UUID watchlistTaskId,
            int interruptions, String leaseOwner, Instant leaseUntil, String stopReason, String stoppedBy,
            Instant stoppedAt) {
    }

    /** 断流记录: one end or failure of a continuous task's stream, and when it was read again. */
    public record Interruption(UUID id, UUID taskId, int run, int attempt, int framesBefore, String reasonZh,
            String reasonEn, long backoffMs, String instance, Instant interruptedAt, Instant resumedAt) {
    }

    /** 视频流切片: a stored piece of the analysed video. */
    public record Slice(UUID taskId, int run, int seq, long startMs, long endMs, String objectKey, long bytes) {
    }

    /** 分析结果: one behaviour, picture fault or face found by a task, with its handling. */
    public record Finding(UUID id, UUID taskId, int run, AnalysisKind kind, String family, String code, long startMs,
            long endMs, Map<String, Object> detail, String alertId, UUID captureId, String snapshotKey,
            UUID faceRecordId, String faceLabel, Double similarity, Integer clusterNo, String status,
            String handlingResult, String handlingNote, String handledBy, Instant handledAt, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;

    public AnalysisTaskRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- kind settings

    public Optional<KindSetting> setting(AnalysisKind kind) {
        return jdbc.query("SELECT * FROM analysis_kind_setting WHERE kind = ?", this::settingRow, kind.name()).stream()
                .findFirst();
    }

    public void saveSetting(KindSetting s) {
        jdbc.update("INSERT INTO analysis_kind_setting (kind, stream_types, keep_slices, slice_seconds, retention_days, "
                + "updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, now()) ON CONFLICT (kind) DO UPDATE SET "
                + "stream_types = EXCLUDED.stream_types, keep_slices = EXCLUDED.keep_slices, slice_seconds = "
                + "EXCLUDED.slice_seconds, retention_days = EXCLUDED.retention_days, updated_by = EXCLUDED.updated_by, "
                + "updated_at = now()", s.kind().name(), s.streamTypes().toArray(String[]::new), s.keepSlices(),
                s.sliceSeconds(), s.retentionDays(), s.updatedBy());
    }

    private KindSetting settingRow(ResultSet rs, int i) throws SQLException {
        Array a = rs.getArray("stream_types");
        return new KindSetting(AnalysisKind.valueOf(rs.getString("kind")), Arrays.asList((String[]) a.getArray()),
                rs.getBoolean("keep_slices"), rs.getInt("slice_seconds"), rs.getInt("retention_days"),
                rs.getString("updated_by"), instant(rs, "updated_at"));
    }

    // ---- feeds

    public void insertFeed(Feed f) {
        jdbc.update("INSERT INTO analysis_feed (id, kind, name, protocol, camera_id, source_url, object_key, file_name, "
                + "file_bytes, enabled, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", f.id(), f.kind().name(),
                f.name(), f.protocol(), f.cameraId(), f.sourceUrl(), f.objectKey(), f.fileName(), f.fileBytes(),
                f.enabled(), f.createdBy());
    }

    public void updateFeed(UUID id, String name, String sourceUrl, boolean enabled) {
        jdbc.update("UPDATE analysis_feed SET name = ?, source_url = COALESCE(?, source_url), enabled = ? WHERE id = ?",
                name, sourceUrl, enabled, id);
    }

    public Optional<Feed> feed(UUID id) {
        return jdbc.query("SELECT * FROM analysis_feed WHERE id = ?", this::feedRow, id).stream().findFirst();
    }

    public List<Feed> feeds(AnalysisKind kind, int offset, int limit) {
        return jdbc.query("SELECT * FROM analysis_feed WHERE (?::varchar IS NULL OR kind = ?) ORDER BY created_at DESC, id "
                + "OFFSET ? LIMIT ?", this::feedRow, kindName(kind), kindName(kind), offset, limit);
    }

    public long countFeeds(AnalysisKind kind) {
        return jdbc.queryForObject("SELECT count(*) FROM analysis_feed WHERE (?::varchar IS NULL OR kind = ?)", Long.class,
                kindName(kind), kindName(kind));
    }

    /** Deletes the feed when no task uses it. */
    public boolean deleteUnusedFeed(UUID id) {
        return jdbc.update("DELETE FROM analysis_feed f WHERE id = ? AND NOT EXISTS (SELECT 1 FROM analysis_task t "
                + "WHERE t.feed_id = f.id)", id) == 1;
    }

    private Feed feedRow(ResultSet rs, int i) throws SQLException {
        long bytes = rs.getLong("file_bytes");
        return new Feed(uuid(rs, "id"), AnalysisKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("protocol"), uuid(rs, "camera_id"), rs.getString("source_url"), rs.getString("object_key"),
                rs.getString("file_name"), rs.wasNull() ? null : bytes, rs.getBoolean("enabled"),
                rs.getString("created_by"), instant(rs, "created_at"));
    }

    // ---- algorithm services

    public void insertService(AlgorithmService s) {
        jdbc.update("INSERT INTO analysis_service (id, kind, name, detector, sample_fps, enabled, created_by) VALUES "
                + "(?, ?, ?, ?, ?, ?, ?)", s.id(), s.kind().name(), s.name(), s.detector(), s.sampleFps(), s.enabled(),
                s.createdBy());
    }

    public void updateService(UUID id, String name, double sampleFps, boolean enabled) {
        jdbc.update("UPDATE analysis_service SET name = ?, sample_fps = ?, enabled = ?, version = version + 1, "
                + "updated_at = now() WHERE id = ?", name, sampleFps, enabled, id);
    }

    public Optional<AlgorithmService> service(UUID id) {
        return jdbc.query("SELECT * FROM analysis_service WHERE id = ?", this::serviceRow, id).stream().findFirst();
    }

    public List<AlgorithmService> services(AnalysisKind kind) {
        return jdbc.query("SELECT * FROM analysis_service WHERE (?::varchar IS NULL OR kind = ?) ORDER BY created_at, id",
                this::serviceRow, kindName(kind), kindName(kind));
    }

    public boolean deleteUnusedService(UUID id) {
        return jdbc.update("DELETE FROM analysis_service s WHERE id = ? AND NOT EXISTS (SELECT 1 FROM analysis_task t "
                + "WHERE t.service_id = s.id)", id) == 1;
    }

    private AlgorithmService serviceRow(ResultSet rs, int i) throws SQLException {
        return new AlgorithmService(uuid(rs, "id"), AnalysisKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("detector"), rs.getDouble("sample_fps"), rs.getBoolean("enabled"), rs.getInt("version"),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    // ---- tasks

    public void insertTask(UUID id, AnalysisKind kind, String name, UUID serviceId, UUID feedId,
            Map<String, Object> instruction, int maxSeconds, Instant startAt, AnalysisTaskStatus status, String by) {
        jdbc.update("INSERT INTO analysis_task (id, kind, name, service_id, feed_id, instruction, max_seconds, start_at, "
                + "status, created_by) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)", id, kind.name(), name, serviceId,
                feedId, json(instruction), maxSeconds, ts(startAt), status.name(), by);
    }

    /** 任务修改: name, service, feed, limits and schedule, only while the task is not queued or running. */
    public boolean updateTask(UUID id, String name, UUID serviceId, UUID feedId, int maxSeconds, Instant startAt,
            AnalysisTaskStatus status) {
        return jdbc.update("UPDATE analysis_task SET name = ?, service_id = ?, feed_id = ?, max_seconds = ?, start_at = ?, "
                + "status = ? WHERE id = ? AND status NOT IN ('QUEUED', 'RUNNING', 'RECONNECTING')", name, serviceId, feedId, maxSeconds,
                ts(startAt), status.name(), id) == 1;
    }

    /** 指令修改/删除: a new version of the instruction; a running task takes it at its next run. */
    public void setInstruction(UUID id, Map<String, Object> instruction) {
        jdbc.update("UPDATE analysis_task SET instruction = ?::jsonb, instruction_version = instruction_version + 1 "
                + "WHERE id = ?", json(instruction), id);
    }

    public Optional<Task> task(UUID id) {
        return jdbc.query("SELECT * FROM analysis_task WHERE id = ?", this::taskRow, id).stream().findFirst();
    }

    public List<Task> tasks(AnalysisKind kind, String status, int offset, int limit) {
        return jdbc.query("SELECT * FROM analysis_task WHERE (?::varchar IS NULL OR kind = ?) AND (?::varchar IS NULL OR "
                + "status = ?) ORDER BY created_at DESC, id OFFSET ? LIMIT ?", this::taskRow, kindName(kind),
                kindName(kind), status, status, offset, limit);
    }

    public long countTasks(AnalysisKind kind, String status) {
        return jdbc.queryForObject("SELECT count(*) FROM analysis_task WHERE (?::varchar IS NULL OR kind = ?) AND "
                + "(?::varchar IS NULL OR status = ?)", Long.class, kindName(kind), kindName(kind), status, status);
    }

    /** Moves the task from one of {@code from} to {@code to}; false when it was in none of them. */
    public boolean move(UUID id, List<AnalysisTaskStatus> from, AnalysisTaskStatus to) {
        return jdbc.update("UPDATE analysis_task SET status = ? WHERE id = ? AND status = ANY (?)", to.name(), id,
                from.stream().map(Enum::name).toArray(String[]::new)) == 1;
    }

    /** Starts a run: progress reset, the run number counted, the instruction version taken. */
    public int startRun(UUID id, Long durationMs) {
        return jdbc.queryForObject("UPDATE analysis_task SET status = 'RUNNING', runs = runs + 1, frames = 0, media_ms = 0, "
                + "duration_ms = ?, error_zh = NULL, error_en = NULL, applied_version = instruction_version, "
                + "started_at = now(), finished_at = NULL WHERE id = ? RETURNING runs", Integer.class, durationMs, id);
    }

    public void progress(UUID id, int frames, long mediaMs) {
        jdbc.update("UPDATE analysis_task SET frames = ?, media_ms = ?, findings = (SELECT count(*) FROM analysis_finding "
                + "f WHERE f.task_id = analysis_task.id), slices = (SELECT count(*) FROM analysis_slice s WHERE s.task_id = "
                + "analysis_task.id) WHERE id = ?", frames, mediaMs, id);
    }

    public void finish(UUID id, AnalysisTaskStatus status) {
        jdbc.update("UPDATE analysis_task SET status = ?, finished_at = now() WHERE id = ?", status.name(), id);
    }

    public void fail(UUID id, String zh, String en, String alertId) {
        jdbc.update("UPDATE analysis_task SET status = 'FAILED', finished_at = now(), error_zh = ?, error_en = ?, "
                + "anomaly = 'OPEN', anomaly_alert_id = ?, anomaly_note = NULL, anomaly_handled_by = NULL, "
                + "anomaly_handled_at = NULL WHERE id = ?", trim(zh), trim(en), alertId, id);
    }

    public void handleAnomaly(UUID id, String note, String by) {
        jdbc.update("UPDATE analysis_task SET anomaly = 'HANDLED', anomaly_note = ?, anomaly_handled_by = ?, "
                + "anomaly_handled_at = now() WHERE id = ?", note, by, id);
    }

    public List<UUID> dueScheduled(Instant now) {
        return jdbc.queryForList("SELECT id FROM analysis_task WHERE status = 'SCHEDULED' AND start_at <= ? ORDER BY "
                + "start_at", UUID.class, Timestamp.from(now));
    }

    /** Tasks left queued or running by an instance that stopped, other than {@code here}. */
    public List<UUID> unfinished(List<UUID> here) {
        return jdbc.queryForList("SELECT id FROM analysis_task WHERE status IN ('QUEUED', 'RUNNING') AND NOT continuous "
                + "AND NOT (id = ANY (?))",
                UUID.class, (Object) here.toArray(UUID[]::new));
    }

    public void deleteTask(UUID id) {
        jdbc.update("DELETE FROM analysis_task WHERE id = ?", id);
    }

    private Task taskRow(ResultSet rs, int i) throws SQLException {
        long duration = rs.getLong("duration_ms");
        Long durationMs = rs.wasNull() ? null : duration;
        int applied = rs.getInt("applied_version");
        Integer appliedVersion = rs.wasNull() ? null : applied;
        long media = rs.getLong("media_ms");
        AnalysisTaskStatus status = AnalysisTaskStatus.valueOf(rs.getString("status"));
        Double progress = status == AnalysisTaskStatus.DONE ? Double.valueOf(1.0)
                : durationMs != null && durationMs > 0 ? Math.min(1.0, (double) media / durationMs) : null;
        return new Task(uuid(rs, "id"), AnalysisKind.valueOf(rs.getString("kind")), rs.getString("name"),
                uuid(rs, "service_id"), uuid(rs, "feed_id"), map(rs.getString("instruction")),
                rs.getInt("instruction_version"), appliedVersion, rs.getInt("max_seconds"), instant(rs, "start_at"),
                status, rs.getInt("frames"), media, durationMs, progress, rs.getInt("findings"), rs.getInt("slices"),
                rs.getString("error_zh"), rs.getString("error_en"), rs.getString("anomaly"),
                rs.getString("anomaly_alert_id"), rs.getString("anomaly_note"), rs.getString("anomaly_handled_by"),
                instant(rs, "anomaly_handled_at"), rs.getInt("runs"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getBoolean("continuous"), uuid(rs, "watchlist_task_id"), rs.getInt("interruptions"),
                rs.getString("lease_owner"), instant(rs, "lease_until"), rs.getString("stop_reason"),
                rs.getString("stopped_by"), instant(rs, "stopped_at"));
    }

    // ---- continuous (live) tasks: lease, interruptions, stop

    /** The highest slice number stored for the run (0 when none). */
    public int lastSliceSeq(UUID taskId, int run) {
        Integer n = jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM analysis_slice WHERE task_id = ? AND run = ?",
                Integer.class, taskId, run);
        return n == null ? 0 : n;
    }

    public void setContinuous(UUID id, boolean continuous, UUID watchlistTaskId) {
        jdbc.update("UPDATE analysis_task SET continuous = ?, watchlist_task_id = ? WHERE id = ?", continuous,
                watchlistTaskId, id);
    }

    /**
     * Takes the task's lease for {@code owner} when nobody holds it, it has expired or the owner already holds it; a
     * live lease of another instance is left alone. True when {@code owner} now holds it.
     */
    public boolean claim(UUID id, String owner, int leaseSeconds) {
        return jdbc.update("UPDATE analysis_task SET lease_owner = ?, lease_until = now() + make_interval(secs => ?) "
                + "WHERE id = ? AND continuous AND status IN ('QUEUED', 'RUNNING', 'RECONNECTING') AND NOT stop_requested "
                + "AND (lease_owner IS NULL OR lease_until IS NULL OR lease_until < now() OR lease_owner = ?)", owner,
                leaseSeconds, id, owner) == 1;
    }

    /** Renews the owner's leases; answers the tasks whose lease it still holds and whether each was asked to stop. */
    public Map<UUID, Boolean> renew(List<UUID> ids, String owner, int leaseSeconds) {
        Map<UUID, Boolean> out = new java.util.HashMap<>();
        jdbc.query("UPDATE analysis_task SET lease_until = now() + make_interval(secs => ?) WHERE id = ANY (?) AND "
                + "lease_owner = ? RETURNING id, stop_requested", rs -> {
                    out.put(uuid(rs, "id"), rs.getBoolean("stop_requested"));
                }, leaseSeconds, ids.toArray(UUID[]::new), owner);
        return out;
    }

    public void release(UUID id, String owner) {
        jdbc.update("UPDATE analysis_task SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                id, owner);
    }

    /** Continuous tasks that should run and whose lease nobody holds (an instance stopped or never took them). */
    public List<UUID> orphanedLive() {
        return jdbc.queryForList("SELECT id FROM analysis_task WHERE continuous AND NOT stop_requested AND status IN "
                + "('QUEUED', 'RUNNING', 'RECONNECTING') AND (lease_until IS NULL OR lease_until < now()) ORDER BY "
                + "created_at", UUID.class);
    }

    /** A resumed run keeps its run number, counters and findings; only the status and times move. */
    public int resumeRun(UUID id) {
        return jdbc.queryForObject("UPDATE analysis_task SET status = 'RUNNING', runs = CASE WHEN runs = 0 THEN 1 ELSE runs "
                + "END, applied_version = coalesce(applied_version, instruction_version), started_at = coalesce(started_at, "
                + "now()), finished_at = NULL WHERE id = ? RETURNING runs", Integer.class, id);
    }

    public boolean requestStop(UUID id, String reason, String by) {
        return jdbc.update("UPDATE analysis_task SET stop_requested = true, stop_reason = ?, stopped_by = ?, "
                + "stopped_at = now() WHERE id = ? AND continuous AND status IN ('QUEUED', 'RUNNING', 'RECONNECTING')",
                trim(reason), by, id) == 1;
    }

    /** The run has ended by a stop: STOPPED, the lease given back. */
    public void stopped(UUID id, String reason, String by) {
        jdbc.update("UPDATE analysis_task SET status = 'STOPPED', finished_at = now(), lease_owner = NULL, "
                + "lease_until = NULL, stop_requested = false, stop_reason = coalesce(?, stop_reason), stopped_by = "
                + "coalesce(?, stopped_by), stopped_at = coalesce(stopped_at, now()) WHERE id = ?", trim(reason), by, id);
    }

    /** Clears an earlier stop when the task is started again. */
    public void clearStop(UUID id) {
        jdbc.update("UPDATE analysis_task SET stop_requested = false, stop_reason = NULL, stopped_by = NULL, "
                + "stopped_at = NULL, interruptions = 0 WHERE id = ?", id);
    }

    public void interrupted(Interruption i) {
        jdbc.update("INSERT INTO analysis_interruption (id, task_id, run, attempt, frames_before, reason_zh, reason_en, "
                + "backoff_ms, instance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", i.id(), i.taskId(), i.run(), i.attempt(),
                i.framesBefore(), trim(i.reasonZh()), trim(i.reasonEn()), i.backoffMs(), i.instance());
        jdbc.update("UPDATE analysis_task SET status = 'RECONNECTING', interruptions = interruptions + 1 WHERE id = ? "
                + "AND status = 'RUNNING'", i.taskId());
    }

    public void reconnected(UUID taskId, UUID interruptionId) {
        jdbc.update("UPDATE analysis_interruption SET resumed_at = now() WHERE id = ?", interruptionId);
        jdbc.update("UPDATE analysis_task SET status = 'RUNNING' WHERE id = ? AND status = 'RECONNECTING'", taskId);
    }

    public List<Interruption> interruptions(UUID taskId, int limit) {
        return jdbc.query("SELECT * FROM analysis_interruption WHERE task_id = ? ORDER BY interrupted_at DESC, attempt "
                + "DESC LIMIT ?", (rs, i) -> new Interruption(uuid(rs, "id"), uuid(rs, "task_id"), rs.getInt("run"),
                        rs.getInt("attempt"), rs.getInt("frames_before"), rs.getString("reason_zh"),
                        rs.getString("reason_en"), rs.getLong("backoff_ms"), rs.getString("instance"),
                        instant(rs, "interrupted_at"), instant(rs, "resumed_at")), taskId, limit);
    }

    /** The status of a watch-list task (null when there is none): a continuous task bound to it runs while ACTIVE. */
    public String watchlistStatus(UUID watchlistTaskId) {
        return jdbc.query("SELECT status FROM watchlist_task WHERE id = ?", rs -> rs.next() ? rs.getString(1) : null,
                watchlistTaskId);
    }

    /** Live tasks running (or due to run) now, across instances. */
    public long countLive() {
        return jdbc.queryForObject("SELECT count(*) FROM analysis_task WHERE continuous AND status IN ('QUEUED', "
                + "'RUNNING', 'RECONNECTING')", Long.class);
    }

    // ---- slices

    public void insertSlice(Slice s) {
        jdbc.update("INSERT INTO analysis_slice (task_id, run, seq, start_ms, end_ms, object_key, bytes) VALUES "
                + "(?, ?, ?, ?, ?, ?, ?)", s.taskId(), s.run(), s.seq(), s.startMs(), s.endMs(), s.objectKey(), s.bytes());
    }

    public List<Slice> slices(UUID taskId) {
        return jdbc.query("SELECT * FROM analysis_slice WHERE task_id = ? ORDER BY run, seq", (rs, i) -> new Slice(
                uuid(rs, "task_id"), rs.getInt("run"), rs.getInt("seq"), rs.getLong("start_ms"), rs.getLong("end_ms"),
                rs.getString("object_key"), rs.getLong("bytes")), taskId);
    }

    // ---- findings

    public void insertFinding(Finding f) {
        jdbc.update("INSERT INTO analysis_finding (id, task_id, run, kind, family, code, start_ms, end_ms, detail, alert_id, "
                + "capture_id, snapshot_key, face_record_id, face_label, similarity, cluster_no) VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)", f.id(), f.taskId(), f.run(), f.kind().name(),
                f.family(), f.code(), f.startMs(), f.endMs(), json(f.detail()), f.alertId(), f.captureId(),
                f.snapshotKey(), f.faceRecordId(), f.faceLabel(), f.similarity(), f.clusterNo());
    }

    public void setCluster(UUID findingId, int clusterNo) {
        jdbc.update("UPDATE analysis_finding SET cluster_no = ? WHERE id = ?", clusterNo, findingId);
    }

    public Optional<Finding> finding(UUID id) {
        return jdbc.query("SELECT * FROM analysis_finding WHERE id = ?", this::findingRow, id).stream().findFirst();
    }

    /** Findings by kind, task, code and status, newest first. */
    public List<Finding> findings(AnalysisKind kind, UUID taskId, String code, String status, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(kind, taskId, code, status, args);
        args.add(offset);
        args.add(limit);
        return jdbc.query("SELECT * FROM analysis_finding" + where + " ORDER BY created_at DESC, start_ms, id OFFSET ? "
                + "LIMIT ?", this::findingRow, args.toArray());
    }

    public long countFindings(AnalysisKind kind, UUID taskId, String code, String status) {
        List<Object> args = new ArrayList<>();
        String where = where(kind, taskId, code, status, args);
        return jdbc.queryForObject("SELECT count(*) FROM analysis_finding" + where, Long.class, args.toArray());
    }

    private static String where(AnalysisKind kind, UUID taskId, String code, String status, List<Object> args) {
        List<String> c = new ArrayList<>();
        if (kind != null) {
            c.add("kind = ?");
            args.add(kind.name());
        }
        if (taskId != null) {
            c.add("task_id = ?");
            args.add(taskId);
        }
        if (code != null) {
            c.add("code = ?");
            args.add(code);
        }
        if (status != null) {
            c.add("status = ?");
            args.add(status);
        }
        return c.isEmpty() ? "" : " WHERE " + String.join(" AND ", c);
    }

    /** Marks an open finding handled; false when it was not open. */
    public boolean handle(UUID id, String result, String note, String by) {
        return jdbc.update("UPDATE analysis_finding SET status = 'HANDLED', handling_result = ?, handling_note = ?, "
                + "handled_by = ?, handled_at = now() WHERE id = ? AND status = 'OPEN'", result, note, by, id) == 1;
    }

    private Finding findingRow(ResultSet rs, int i) throws SQLException {
        double sim = rs.getDouble("similarity");
        Double similarity = rs.wasNull() ? null : sim;
        int cl = rs.getInt("cluster_no");
        Integer cluster = rs.wasNull() ? null : cl;
        return new Finding(uuid(rs, "id"), uuid(rs, "task_id"), rs.getInt("run"), AnalysisKind.valueOf(rs.getString("kind")),
                rs.getString("family"), rs.getString("code"), rs.getLong("start_ms"), rs.getLong("end_ms"),
                map(rs.getString("detail")), rs.getString("alert_id"), uuid(rs, "capture_id"),
                rs.getString("snapshot_key"), uuid(rs, "face_record_id"), rs.getString("face_label"), similarity,
                cluster, rs.getString("status"), rs.getString("handling_result"), rs.getString("handling_note"),
                rs.getString("handled_by"), instant(rs, "handled_at"), instant(rs, "created_at"));
    }

    /** Findings of a kind (and code) found between the times, on a camera's feeds when one is given. */
    public long countFindings(AnalysisKind kind, String code, UUID cameraId, Instant from, Instant to) {
        return jdbc.queryForObject("SELECT count(*) FROM analysis_finding f JOIN analysis_task t ON t.id = f.task_id "
                + "JOIN analysis_feed d ON d.id = t.feed_id WHERE f.kind = ? AND (?::varchar IS NULL OR f.code = ?) AND "
                + "(?::uuid IS NULL OR d.camera_id = ?) AND f.created_at >= ? AND f.created_at <= ?", Long.class,
                kind.name(), code, code, cameraId, cameraId, Timestamp.from(from), Timestamp.from(to));
    }

    // ---- statistics

    /** One count of a statistic: a group key and how many. */
    public record Count(String key, String code, long count) {
    }

    public List<Count> taskCounts(AnalysisKind kind, Instant from, Instant to) {
        return jdbc.query("SELECT kind, status, count(*) n FROM analysis_task WHERE (?::varchar IS NULL OR kind = ?) AND "
                + "created_at >= ? AND created_at < ? GROUP BY kind, status ORDER BY kind, status", (rs, i) -> new Count(
                        rs.getString("kind"), rs.getString("status"), rs.getLong("n")), kindName(kind), kindName(kind),
                Timestamp.from(from), Timestamp.from(to));
    }

    public List<Count> findingCounts(AnalysisKind kind, Instant from, Instant to, String by) {
        String col = switch (by) {
            case "code" -> "code";
            case "status" -> "status";
            default -> "to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')";
        };
        return jdbc.query("SELECT kind, " + col + " c, count(*) n FROM analysis_finding WHERE (?::varchar IS NULL OR "
                + "kind = ?) AND created_at >= ? AND created_at < ? GROUP BY kind, c ORDER BY kind, c", (rs, i) -> new Count(
                        rs.getString("kind"), rs.getString("c"), rs.getLong("n")), kindName(kind), kindName(kind),
                Timestamp.from(from), Timestamp.from(to));
    }

    // ---- helpers

    private static String kindName(AnalysisKind kind) {
        return kind == null ? null : kind.name();
    }

    private static String json(Map<String, Object> m) {
        try {
            return JSON.writeValueAsString(m == null ? Map.of() : m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> map(String s) {
        try {
            return s == null ? Map.of() : JSON.readValue(s, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String trim(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    private static UUID uuid(ResultSet rs, String col) throws SQLException {
        return rs.getObject(col, UUID.class);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
