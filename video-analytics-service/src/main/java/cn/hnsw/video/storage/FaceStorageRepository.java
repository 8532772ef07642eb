package cn.hnsw.video.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Data feeds, storage tasks and their failed records of the face base library. */
@Repository
public class FaceStorageRepository {

    /** 数据源配置: an external source the face base library imports from, reached as a partner. */
    /** A face data feed; {@code poiCategory} set: what it stores is also bound as persons of interest of it. */
    public record DataFeed(UUID id, String code, String name, String sourceType, String partnerId, int pageSize,
            boolean enabled, String createdBy, Instant createdAt, String poiCategory, UUID watchlistTaskId) {
    }

    /** 入库任务 with its monitoring counts (of its latest run) and its settings. */
    public record StorageTask(UUID id, UUID dataFeedId, String dataFeedCode, String status, Integer total,
            int processed, int stored, int failed, int skipped, String errorZh, String errorEn, String createdBy,
            Instant createdAt, Instant finishedAt, String alertId, Settings settings, int runs, String modifiedBy,
            Instant modifiedAt) {
    }

    /**
     * A storage task's settings: its name, the batch read from the source at a time (null: the feed's page size), the
     * most records one run reads (null: all), what makes a record a duplicate of one stored already, the minutes
     * between runs (null: run by hand only) and whether it may run.
     */
    public record Settings(String name, Integer batchSize, Integer maxRecords, String dedupKey,
            Integer intervalMinutes, boolean enabled) {
    }

    /** One change of a task's settings, with the settings before and after. */
    public record SettingsChange(UUID id, UUID taskId, String changedBy, Instant changedAt, Settings before,
            Settings after) {
    }

    /** A record a task could not store, with why; RESOLVED once a retry stored it. */
    public record Failure(UUID id, UUID taskId, String externalId, String personCode, String name, String reasonCode,
            String reasonZh, String reasonEn, String status, int attempts, UUID faceBaseRecordId,
            Instant lastAttemptAt) {
    }

    private static final String TASK_SELECT = "SELECT t.*, s.code AS data_feed_code FROM face_storage_task t "
            + "JOIN face_data_feed s ON s.id = t.data_feed_id ";

    private final JdbcTemplate jdbc;

    public FaceStorageRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean codeTaken(String code) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM face_data_feed WHERE code = ?", Integer.class, code);
        return n != null && n > 0;
    }

    public void insert(DataFeed s) {
        jdbc.update("INSERT INTO face_data_feed (id, code, name, source_type, partner_id, page_size, enabled, "
                + "created_by, poi_category, watchlist_task_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s.id(), s.code(),
                s.name(), s.sourceType(), s.partnerId(), s.pageSize(), s.enabled(), s.createdBy(), s.poiCategory(),
                s.watchlistTaskId());
    }

    public void update(UUID id, String name, String sourceType, String partnerId, int pageSize, String poiCategory,
            UUID watchlistTaskId) {
        jdbc.update("UPDATE face_data_feed SET name = ?, source_type = ?, partner_id = ?, page_size = ?, poi_category = ?, "
                + "watchlist_task_id = ? WHERE id = ?", name, sourceType, partnerId, pageSize, poiCategory, watchlistTaskId,
                id);
    }

    /** Deletes a source that no task ever ran on; false otherwise. */
    public boolean deleteUnused(UUID id) {
        return jdbc.update("DELETE FROM face_data_feed s WHERE id = ? AND NOT EXISTS (SELECT 1 FROM face_storage_task t "
                + "WHERE t.data_feed_id = s.id)", id) == 1;
    }

    /** Deletes a task that is not running or retrying, with its failed records; false otherwise. */
    public boolean deleteFinished(UUID id) {
        jdbc.update("DELETE FROM face_storage_failure f USING face_storage_task t WHERE f.task_id = t.id AND t.id = ? "
                + "AND t.status NOT IN ('RUNNING', 'RETRYING')", id);
        return jdbc.update("DELETE FROM face_storage_task WHERE id = ? AND status NOT IN ('RUNNING', 'RETRYING')", id)
                == 1;
    }

    public void setEnabled(UUID id, boolean enabled) {
        jdbc.update("UPDATE face_data_feed SET enabled = ? WHERE id = ?", enabled, id);
    }

    public Optional<DataFeed> source(UUID id) {
        return jdbc.query("SELECT * FROM face_data_feed WHERE id = ?", (rs, i) -> source(rs), id).stream()
                .findFirst();
    }

    public List<DataFeed> sources() {
        return jdbc.query("SELECT * FROM face_data_feed ORDER BY created_at DESC, code", (rs, i) -> source(rs));
    }

    /** Inserts a RUNNING task unless one of the same source runs (the partial check and insert in one statement). */
    public boolean insertRunning(UUID id, UUID sourceId, String createdBy, Settings s) {
        return jdbc.update("INSERT INTO face_storage_task (id, data_feed_id, status, created_by, name, batch_size, "
                + "max_records, dedup_key, interval_minutes, enabled) SELECT ?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM face_storage_task WHERE data_feed_id = ? AND "
                + "status IN ('RUNNING', 'RETRYING'))", id, sourceId, createdBy, s.name(), s.batchSize(),
                s.maxRecords(), s.dedupKey(), s.intervalMinutes(), s.enabled(), sourceId) == 1;
    }

    /**
     * Changes a task's settings unless a run of it is in progress (the check and the change in one statement); false
     * when it is running or retrying.
     */
    public boolean updateSettings(UUID id, Settings s, String by) {
        return jdbc.update("UPDATE face_storage_task SET name = ?, batch_size = ?, max_records = ?, dedup_key = ?, "
                + "interval_minutes = ?, enabled = ?, modified_by = ?, modified_at = now() WHERE id = ? AND "
                + "status NOT IN ('RUNNING', 'RETRYING')", s.name(), s.batchSize(), s.maxRecords(), s.dedupKey(),
                s.intervalMinutes(), s.enabled(), by, id) == 1;
    }

    public void insertChange(UUID taskId, String by, Settings before, Settings after) {
        jdbc.update("INSERT INTO face_storage_task_change (id, task_id, changed_by, before, after) VALUES (?, ?, ?, "
                + "?::jsonb, ?::jsonb)", UUID.randomUUID(), taskId, by, json(before), json(after));
    }

    public List<SettingsChange> changes(UUID taskId) {
        return jdbc.query("SELECT * FROM face_storage_task_change WHERE task_id = ? ORDER BY changed_at DESC, id",
                (rs, i) -> new SettingsChange(rs.getObject("id", UUID.class), rs.getObject("task_id", UUID.class),
                        rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant(),
                        settings(rs.getString("before")), settings(rs.getString("after"))), taskId);
    }

    /**
     * Starts the next run of an enabled, finished task: counts back to zero, one more run, its earlier failed records
     * dropped (the run meets them again). False when it is disabled, running, or another task of its source runs.
     */
    public boolean restart(UUID id) {
        int n = jdbc.update("UPDATE face_storage_task t SET status = 'RUNNING', total = NULL, processed = 0, stored = 0, "
                + "failed = 0, skipped = 0, error_zh = NULL, error_en = NULL, finished_at = NULL, alert_id = NULL, "
                + "runs = runs + 1 WHERE id = ? AND enabled AND status NOT IN ('RUNNING', 'RETRYING') AND NOT EXISTS "
                + "(SELECT 1 FROM face_storage_task o WHERE o.data_feed_id = t.data_feed_id AND o.id <> t.id AND "
                + "o.status IN ('RUNNING', 'RETRYING'))", id);
        if (n == 1) {
            jdbc.update("DELETE FROM face_storage_failure WHERE task_id = ?", id);
        }
        return n == 1;
    }

    /** Enabled tasks with an interval whose last run ended at least that long ago, on enabled feeds. */
    public List<UUID> due() {
        return jdbc.queryForList("SELECT t.id FROM face_storage_task t JOIN face_data_feed s ON s.id = t.data_feed_id "
                + "WHERE t.enabled AND s.enabled AND t.interval_minutes IS NOT NULL AND t.status NOT IN ('RUNNING', "
                + "'RETRYING') AND t.finished_at + t.interval_minutes * interval '1 minute' <= now() "
                + "ORDER BY t.finished_at LIMIT 50", UUID.class);
    }

    /** Whether the face base holds a person with this ID number (the ID_NO duplicate key). */
    public boolean idNoStored(String idNo) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM face_base_record WHERE id_no = ?", Integer.class, idNo);
        return n != null && n > 0;
    }

    public void progress(UUID id, Integer total, int processed, int stored, int failed, int skipped) {
        jdbc.update("UPDATE face_storage_task SET total = ?, processed = ?, stored = ?, failed = ?, skipped = ? "
                + "WHERE id = ?", total, processed, stored, failed, skipped, id);
    }

    public void finish(UUID id, String status, String errorZh, String errorEn, String alertId) {
        jdbc.update("UPDATE face_storage_task SET status = ?, error_zh = ?, error_en = ?, alert_id = "
                + "coalesce(?, alert_id), finished_at = now() WHERE id = ?", status, errorZh, errorEn, alertId, id);
    }

    /** Moves a finished task into RETRYING; false when it is running or retrying already. */
    public boolean startRetry(UUID id) {
        return jdbc.update("UPDATE face_storage_task SET status = 'RETRYING' WHERE id = ? AND status NOT IN "
                + "('RUNNING', 'RETRYING')", id) == 1;
    }

    /** Tasks left RUNNING or RETRYING by a stopped instance: FAILED, with the reason. */
    public int failInterrupted(String zh, String en) {
        return jdbc.update("UPDATE face_storage_task SET status = 'FAILED', error_zh = ?, error_en = ?, "
                + "finished_at = now() WHERE status IN ('RUNNING', 'RETRYING')", zh, en);
    }

    public Optional<StorageTask> task(UUID id) {
        return jdbc.query(TASK_SELECT + "WHERE t.id = ?", (rs, i) -> task(rs), id).stream().findFirst();
    }

    public List<StorageTask> tasks(UUID sourceId, int limit) {
        return jdbc.query(TASK_SELECT + "WHERE (?::uuid IS NULL OR t.data_feed_id = ?) ORDER BY t.created_at DESC, "
                + "t.id LIMIT ?", (rs, i) -> task(rs), sourceId, sourceId, limit);
    }

    public void insertFailure(Failure f) {
        jdbc.update("INSERT INTO face_storage_failure (id, task_id, external_id, person_code, name, reason_code, "
                + "reason_zh, reason_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (task_id, external_id) DO UPDATE "
                + "SET reason_code = EXCLUDED.reason_code, reason_zh = EXCLUDED.reason_zh, reason_en = "
                + "EXCLUDED.reason_en, attempts = face_storage_failure.attempts + 1, last_attempt_at = now()",
                f.id(), f.taskId(), f.externalId(), f.personCode(), f.name(), f.reasonCode(), f.reasonZh(),
                f.reasonEn());
    }

    public void failedAgain(UUID id, String code, String zh, String en) {
        jdbc.update("UPDATE face_storage_failure SET reason_code = ?, reason_zh = ?, reason_en = ?, attempts = "
                + "attempts + 1, last_attempt_at = now() WHERE id = ?", code, zh, en, id);
    }

    public void resolved(UUID id, UUID faceBaseRecordId) {
        jdbc.update("UPDATE face_storage_failure SET status = 'RESOLVED', face_base_record_id = ?, attempts = "
                + "attempts + 1, last_attempt_at = now() WHERE id = ?", faceBaseRecordId, id);
    }

    public List<Failure> failures(UUID taskId, String status) {
        return jdbc.query("SELECT * FROM face_storage_failure WHERE task_id = ? AND (?::text IS NULL OR status = ?) "
                + "ORDER BY external_id", (rs, i) -> failure(rs), taskId, status, status);
    }

    private static DataFeed source(ResultSet rs) throws SQLException {
        return new DataFeed(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getString("source_type"), rs.getString("partner_id"), rs.getInt("page_size"),
                rs.getBoolean("enabled"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("poi_category"), rs.getObject("watchlist_task_id", UUID.class));
    }

    private static StorageTask task(ResultSet rs) throws SQLException {
        return new StorageTask(rs.getObject("id", UUID.class), rs.getObject("data_feed_id", UUID.class),
                rs.getString("data_feed_code"), rs.getString("status"), (Integer) rs.getObject("total"),
                rs.getInt("processed"), rs.getInt("stored"), rs.getInt("failed"), rs.getInt("skipped"),
                rs.getString("error_zh"), rs.getString("error_en"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("finished_at")),
                rs.getString("alert_id"), new Settings(rs.getString("name"), (Integer) rs.getObject("batch_size"),
                        (Integer) rs.getObject("max_records"), rs.getString("dedup_key"),
                        (Integer) rs.getObject("interval_minutes"), rs.getBoolean("enabled")),
                rs.getInt("runs"), rs.getString("modified_by"), instant(rs.getTimestamp("modified_at")));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static String json(Settings s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Settings settings(String json) {
        try {
            return JSON.readValue(json, Settings.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Failure failure(ResultSet rs) throws SQLException {
        return new Failure(rs.getObject("id", UUID.class), rs.getObject("task_id", UUID.class),
                rs.getString("external_id"), rs.getString("person_code"), rs.getString("name"),
                rs.getString("reason_code"), rs.getString("reason_zh"), rs.getString("reason_en"),
                rs.getString("status"), rs.getInt("attempts"), rs.getObject("face_base_record_id", UUID.class),
                rs.getTimestamp("last_attempt_at").toInstant());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
