package cn.hnsw.video.watchlist;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.camera.CameraPlatformService.HealthChange;
import cn.hnsw.video.support.VideoErrorCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 人脸布控 / 人脸基础信息库布控 任务异常反馈与处置 (FP 289/290, 305/306): when a camera an active watch-list task names goes
 * offline or faulty, the task records an open anomaly and its officers receive an alert (反馈); one of them, or an
 * administrator, handles it with a note (处置).
 */
@Service
public class WatchlistAnomalyService {

    private static final Logger log = LoggerFactory.getLogger(WatchlistAnomalyService.class);

    /** One anomaly of a watch-list task. */
    public record Anomaly(UUID id, UUID taskId, UUID cameraId, String deviceCode, String reasonZh, String reasonEn,
            String status, String alertId, String note, String handledBy, Instant handledAt, Instant raisedAt) {
    }

    private final WatchlistRepository tasks;
    private final JdbcTemplate jdbc;
    private final OutboxPublisher outbox;

    public WatchlistAnomalyService(WatchlistRepository tasks, JdbcTemplate jdbc, OutboxPublisher outbox) {
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** Runs in the health check's transaction: a camera that just went down gives its tasks an anomaly each. */
    @EventListener
    public void onHealthChange(HealthChange change) {
        if (!"CAMERA".equals(change.kind()) || change.alertId() == null) {
            return;
        }
        List<Map<String, Object>> cams = jdbc.queryForList("SELECT id, name FROM camera WHERE device_code = ?",
                change.deviceCode());
        if (cams.isEmpty()) {
            return;
        }
        UUID cameraId = (UUID) cams.get(0).get("id");
        String cameraName = (String) cams.get(0).get("name");
        boolean offline = "OFFLINE".equals(change.newStatus());
        String zh = "布控摄像机" + (offline ? "离线" : "故障") + "：" + cameraName
                + (change.fault() == null ? "" : "（" + change.fault() + "）");
        String en = "A camera of the watch-list task is " + (offline ? "offline" : "faulty") + ": "
                + change.deviceCode();
        for (WatchlistTask task : tasks.active()) {
            if (!task.cameraIds().contains(cameraId)) {
                continue;
            }
            String alertId = "VA-" + UUID.randomUUID();
            UUID id = UUID.randomUUID();
            jdbc.update("INSERT INTO watchlist_task_anomaly (id, task_id, camera_id, device_code, reason_zh, reason_en, "
                    + "alert_id) VALUES (?, ?, ?, ?, ?, ?, ?)", id, task.id(), cameraId, change.deviceCode(), zh, en,
                    alertId);
            outbox.publish(Alert.TOPIC, Alert.AGGREGATE_TYPE, alertId, Alert.EVENT_TYPE, new Alert(alertId,
                    "video-analytics-service", "watchlist-task-anomaly", Alert.Level.MEDIUM, null,
                    task.organization(), task.officers(), "布控任务异常：" + task.name() + "（" + zh + "）",
                    "Watch-list task anomaly: " + task.name() + " (" + en + ")", Instant.now(), null, null,
                    Map.of("taskId", task.id().toString(), "anomalyId", id.toString(), "cameraId",
                            cameraId.toString(), "deviceCode", change.deviceCode())));
            log.warn("event=watchlist-task-anomaly task={} camera={}", task.id(), change.deviceCode());
        }
    }

    public List<Anomaly> list(UUID taskId) {
        readable(taskId, Actors.current());
        return jdbc.query("SELECT * FROM watchlist_task_anomaly WHERE task_id = ? ORDER BY raised_at DESC", this::map,
                taskId);
    }

    /**
     * 异常处置: a bound officer or an administrator closes the open anomaly with a note; whoever may not see the task
     * (TaskViewer) is refused with {@code TASK_NOT_VISIBLE} before anything is looked at or changed.
     */
    @Transactional
    public Anomaly handle(UUID taskId, UUID anomalyId, String note) {
        CurrentActor actor = Actors.current();
        WatchlistTask task = readable(taskId, actor);
        if (!actor.hasRole("platform-admin") && !task.officers().contains(actor.username())) {
            throw new HnswException(VideoErrorCode.NOT_BOUND_OFFICER);
        }
        int n = jdbc.update("UPDATE watchlist_task_anomaly SET status = 'HANDLED', note = ?, handled_by = ?, "
                + "handled_at = now() WHERE id = ? AND task_id = ? AND status = 'OPEN'", note, actor.username(),
                anomalyId, taskId);
        if (n == 0) {
            throw new HnswException(VideoErrorCode.NO_ANOMALY);
        }
        return jdbc.query("SELECT * FROM watchlist_task_anomaly WHERE id = ?", this::map, anomalyId).get(0);
    }

    /** The task, refused ({@code TASK_NOT_VISIBLE}) to whoever may not see it (TaskViewer, the task list's rule). */
    private WatchlistTask readable(UUID taskId, CurrentActor actor) {
        WatchlistTask task = tasks.find(taskId)
                .orElseThrow(() -> new HnswException(VideoErrorCode.TASK_NOT_FOUND, taskId));
        if (!TaskViewer.of(actor).sees(task)) {
            throw new HnswException(VideoErrorCode.TASK_NOT_VISIBLE);
        }
        return task;
    }

    private Anomaly map(ResultSet rs, int row) throws SQLException {
        java.sql.Timestamp h = rs.getTimestamp("handled_at");
        return new Anomaly(rs.getObject("id", UUID.class), rs.getObject("task_id", UUID.class),
                rs.getObject("camera_id", UUID.class), rs.getString("device_code"), rs.getString("reason_zh"),
                rs.getString("reason_en"), rs.getString("status"), rs.getString("alert_id"), rs.getString("note"),
                rs.getString("handled_by"), h == null ? null : h.toInstant(), rs.getTimestamp("raised_at").toInstant());
    }
}
