package cn.hnsw.video.camera;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.video.camera.CameraPlatformAdapter.Catalog;
import cn.hnsw.video.camera.CameraPlatformAdapter.DeviceStatus;
import cn.hnsw.video.camera.CameraPlatformAdapter.PlatformDevice;
import cn.hnsw.video.camera.CameraPlatformAdapter.PlatformPoint;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 设备与分发点管理 — keeps the cameras and media distribution points in step with the camera platform's catalogue,
 * and turns the platform's health reports into device health: every change is recorded, and a device or point that
 * goes OFFLINE or FAULT raises a device-fault alert on the platform's alerts topic (a point MEDIUM: all its cameras are
 * blind; a camera LOW). Polled every {@code hnsw.video.camera-platform.health-interval} when that is set (the local
 * stack and production), on demand otherwise.
 */
@Service
public class CameraPlatformService {

    private static final Logger log = LoggerFactory.getLogger(CameraPlatformService.class);
    private static final Set<String> DOWN = Set.of("OFFLINE", "FAULT");

    /** What a synchronisation changed. */
    public record SyncReport(int pointsAdded, int pointsUpdated, int camerasAdded, int camerasUpdated) {
    }

    /** One reported change of health. */
    public record HealthChange(String deviceCode, String kind, String oldStatus, String newStatus, String fault,
            String alertId) {
    }

    /** What a health check found. */
    public record HealthReport(int reported, int unknownDevices, List<HealthChange> changes) {
    }

    private final CameraPlatformAdapter platform;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final OutboxPublisher outbox;
    private final Duration interval;
    private final org.springframework.context.ApplicationEventPublisher events;
    private ScheduledExecutorService poller;

    public CameraPlatformService(CameraPlatformAdapter platform, JdbcTemplate jdbc, TransactionTemplate tx,
            OutboxPublisher outbox, @Value("${hnsw.video.camera-platform.health-interval:0s}") Duration interval,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.platform = platform;
        this.jdbc = jdbc;
        this.tx = tx;
        this.outbox = outbox;
        this.interval = interval;
    }

    @PostConstruct
    void startPolling() {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "camera-platform-health");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                checkHealth();
            } catch (RuntimeException e) {
                log.warn("event=camera-platform-health-failed error=\"{}\"", e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopPolling() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    /** Reads the platform's catalogue and adds or updates distribution points and cameras by their codes. */
    public SyncReport synchronise() {
        Catalog catalog = platform.catalog();
        return tx.execute(status -> {
            int pointsAdded = 0;
            int pointsUpdated = 0;
            for (PlatformPoint p : catalog.points()) {
                int existing = count("SELECT count(*) FROM distribution_point WHERE code = ?", p.code());
                jdbc.update("INSERT INTO distribution_point (code, name_zh, name_en, port_code, capacity) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, "
                        + "port_code = EXCLUDED.port_code, capacity = EXCLUDED.capacity, synced_at = now()",
                        p.code(), p.nameZh(), p.nameEn(), p.portCode(), p.capacity());
                if (existing == 0) {
                    pointsAdded++;
                } else {
                    pointsUpdated++;
                }
            }
            int camerasAdded = 0;
            int camerasUpdated = 0;
            for (PlatformDevice d : catalog.devices()) {
                CameraType type = enumOr(CameraType.class, d.cameraType(), CameraType.BOX);
                DeviceProtocol protocol = enumOr(DeviceProtocol.class, d.protocol(), DeviceProtocol.NON_STANDARD);
                int updated = jdbc.update("UPDATE camera SET name = ?, camera_type = ?, protocol = ?, source_url = ?, "
                        + "port_code = ?, location = ?, latitude = ?, longitude = ?, distribution_point_code = ?, "
                        + "platform_synced_at = now() WHERE device_code = ?", d.nameZh(), type.name(), protocol.name(),
                        d.streamUrl(), d.portCode(), d.location(), d.latitude(), d.longitude(), d.distributionPoint(),
                        d.deviceCode());
                if (updated == 0) {
                    jdbc.update("INSERT INTO camera (id, device_code, name, camera_type, protocol, source_url, port_code, "
                            + "location, latitude, longitude, distribution_point_code, platform_synced_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())", UUID.randomUUID(), d.deviceCode(),
                            d.nameZh(), type.name(), protocol.name(), d.streamUrl(), d.portCode(), d.location(),
                            d.latitude(), d.longitude(), d.distributionPoint());
                    camerasAdded++;
                } else {
                    camerasUpdated++;
                }
            }
            log.info("event=camera-platform-synced pointsAdded={} pointsUpdated={} camerasAdded={} camerasUpdated={}",
                    pointsAdded, pointsUpdated, camerasAdded, camerasUpdated);
            return new SyncReport(pointsAdded, pointsUpdated, camerasAdded, camerasUpdated);
        });
    }

    /** Applies the platform's health report; changes into OFFLINE or FAULT raise alerts (once per change). */
    public HealthReport checkHealth() {
        List<DeviceStatus> statuses = platform.status();
        return tx.execute(status -> {
            List<HealthChange> changes = new ArrayList<>();
            int unknown = 0;
            for (DeviceStatus s : statuses) {
                boolean point = "DISTRIBUTION_POINT".equals(s.kind());
                List<Map<String, Object>> rows = jdbc.queryForList(point
                        ? "SELECT code, name_zh AS name, port_code, status, NULL::double precision AS latitude, "
                                + "NULL::double precision AS longitude, NULL::uuid AS id FROM distribution_point WHERE code = ? FOR UPDATE"
                        : "SELECT device_code AS code, name, port_code, status, latitude, longitude, id FROM camera "
                                + "WHERE device_code = ? FOR UPDATE", s.deviceCode());
                if (rows.isEmpty()) {
                    unknown++;
                    continue;
                }
                Map<String, Object> row = rows.get(0);
                String old = (String) row.get("status");
                String fault = s.faultZh();
                Timestamp since = s.since() == null ? Timestamp.from(Instant.now()) : Timestamp.from(s.since());
                jdbc.update(point
                        ? "UPDATE distribution_point SET status = ?, fault_reason = ?, status_since = CASE WHEN status = ? "
                                + "THEN status_since ELSE ? END, last_checked_at = now() WHERE code = ?"
                        : "UPDATE camera SET status = ?, fault_reason = ?, status_since = CASE WHEN status = ? "
                                + "THEN status_since ELSE ? END WHERE device_code = ?",
                        s.status(), fault, s.status(), since, s.deviceCode());
                if (s.status().equals(old)) {
                    continue;
                }
                String alertId = DOWN.contains(s.status()) && !DOWN.contains(old) ? raise(s, row, point) : null;
                jdbc.update("INSERT INTO device_health_event (id, device_code, device_kind, old_status, new_status, "
                        + "fault_reason, alert_id) VALUES (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), s.deviceCode(),
                        point ? "DISTRIBUTION_POINT" : "CAMERA", old, s.status(), fault, alertId);
                HealthChange change = new HealthChange(s.deviceCode(), point ? "DISTRIBUTION_POINT" : "CAMERA", old,
                        s.status(), fault, alertId);
                changes.add(change);
                // in this transaction: the watch-list tasks on a camera that went down record their anomaly with it
                events.publishEvent(change);
            }
            if (!changes.isEmpty()) {
                log.info("event=camera-platform-health changes={} unknown={}", changes.size(), unknown);
            }
            return new HealthReport(statuses.size(), unknown, changes);
        });
    }

    private String raise(DeviceStatus s, Map<String, Object> row, boolean point) {
        String alertId = "VD-" + UUID.randomUUID();
        String name = (String) row.get("name");
        Map<String, String> attributes = new HashMap<>();
        attributes.put("deviceCode", s.deviceCode());
        attributes.put("deviceKind", point ? "DISTRIBUTION_POINT" : "CAMERA");
        attributes.put("status", s.status());
        if (s.faultZh() != null) {
            attributes.put("fault", s.faultZh());
        }
        if (row.get("id") != null) {
            attributes.put("cameraId", row.get("id").toString());
        }
        String stateZh = "OFFLINE".equals(s.status()) ? "离线" : "故障";
        String stateEn = "OFFLINE".equals(s.status()) ? "offline" : "faulty";
        String titleZh = (point ? "分发点" : "摄像机") + stateZh + "：" + name
                + (s.faultZh() == null ? "" : "（" + s.faultZh() + "）");
        String titleEn = (point ? "Distribution point " : "Camera ") + s.deviceCode() + " " + stateEn
                + (s.faultEn() == null ? "" : " (" + s.faultEn() + ")");
        outbox.publish(Alert.TOPIC, Alert.AGGREGATE_TYPE, alertId, Alert.EVENT_TYPE, new Alert(alertId,
                "video-analytics-service", "device-fault", point ? Alert.Level.MEDIUM : Alert.Level.LOW,
                (String) row.get("port_code"), null, List.of(), titleZh, titleEn, Instant.now(),
                (Double) row.get("latitude"), (Double) row.get("longitude"), attributes));
        return alertId;
    }

    /** Distribution points with their health and how many cameras stream through each. */
    public List<Map<String, Object>> points() {
        return jdbc.queryForList("SELECT p.code, p.name_zh, p.name_en, p.port_code, p.capacity, p.status, p.fault_reason, "
                + "p.status_since, p.last_checked_at, (SELECT count(*) FROM camera c WHERE c.distribution_point_code = p.code) "
                + "AS cameras FROM distribution_point p ORDER BY p.code");
    }

    /**
     * 断流记录 on the device's health history: a continuous analysis task lost the camera's stream ({@code STREAMING} to
     * {@code INTERRUPTED}, the reason kept), so the device health pages show the interruption beside the platform's
     * reports. No alert: the task reconnects by itself and records each attempt.
     */
    public void recordStreamInterruption(String deviceCode, String reason) {
        jdbc.update("INSERT INTO device_health_event (id, device_code, device_kind, old_status, new_status, fault_reason) "
                + "VALUES (?, ?, 'CAMERA', 'STREAMING', 'INTERRUPTED', ?)", UUID.randomUUID(), deviceCode,
                reason == null ? null : reason.length() > 256 ? reason.substring(0, 256) : reason);
    }

    /** The latest health changes, newest first, of one device or of all. */
    public List<Map<String, Object>> events(String deviceCode, int limit) {
        return jdbc.queryForList("SELECT device_code, device_kind, old_status, new_status, fault_reason, alert_id, "
                + "occurred_at FROM device_health_event WHERE (?::text IS NULL OR device_code = ?) "
                + "ORDER BY occurred_at DESC, id LIMIT ?", deviceCode, deviceCode, Math.max(1, Math.min(limit, 500)));
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    private static <E extends Enum<E>> E enumOr(Class<E> type, String value, E fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
