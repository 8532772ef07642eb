package cn.hnsw.video.camera;

import cn.hnsw.common.events.EventTopics;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.Roles;
import cn.hnsw.common.web.HnswException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 视频信号分发 (FP 113–115): a platform administrator distributes a camera's signal through a distribution point to a
 * receiving organisation, and stops it. The platform keeps who receives which camera from when to when and tells the
 * receiver (分发提示) through the outbox on {@link #TOPIC}; the point itself switches the stream, so this is the
 * record and the notice, not media handling. A point that is offline or faulty, or at its capacity of active
 * signals, distributes nothing; a camera goes to the same receiver once at a time. Administrators see every
 * distribution; an officer or a reviewer those to their organisation or a unit below it; an enterprise user none.
 */
@Service
public class SignalDistributionService {

    public static final String TOPIC = EventTopics.topic("video-analytics", "signal-distribution");
    public static final String AGGREGATE_TYPE = "SignalDistribution";
    private static final Logger log = LoggerFactory.getLogger(SignalDistributionService.class);

    /** A camera's signal distributed to a receiver through a point. */
    public record Distribution(UUID id, UUID cameraId, String cameraCode, String cameraName, String pointCode,
            String receiverOrg, String receiverName, String purpose, String status, String startedBy,
            Instant startedAt, String stoppedBy, Instant stoppedAt, String stopReason) {
    }

    /** 分发提示: what the receiver is told when a distribution starts or stops. */
    public record Notice(UUID distributionId, String event, String cameraCode, String cameraName, String pointCode,
            String receiverOrg, String receiverName, String purpose, String by, Instant at, String textZh,
            String textEn) {
    }

    private static final String SELECT = "SELECT d.*, c.device_code, c.name AS camera_name FROM signal_distribution d "
            + "JOIN camera c ON c.id = d.camera_id ";

    private final JdbcTemplate jdbc;
    private final OutboxPublisher outbox;

    public SignalDistributionService(JdbcTemplate jdbc, OutboxPublisher outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Transactional
    public Distribution distribute(UUID cameraId, String pointCode, String receiverOrg, String receiverName,
            String purpose) {
        String org = receiverOrg == null ? "" : receiverOrg.trim();
        if (!org.startsWith("/") || org.length() < 2 || org.endsWith("/")) {
            throw new HnswException(DistributionPointErrorCode.RECEIVER_INVALID, receiverOrg);
        }
        List<String> camera = jdbc.queryForList("SELECT device_code FROM camera WHERE id = ?", String.class, cameraId);
        if (camera.isEmpty()) {
            throw new HnswException(DistributionPointErrorCode.CAMERA_UNKNOWN, cameraId);
        }
        // the point's row is locked so that two distributions cannot both take its last place
        var point = jdbc.queryForList("SELECT status, capacity FROM distribution_point WHERE code = ? FOR UPDATE",
                pointCode);
        if (point.isEmpty()) {
            throw new HnswException(DistributionPointErrorCode.POINT_NOT_FOUND, pointCode);
        }
        String status = (String) point.get(0).get("status");
        if ("OFFLINE".equals(status) || "FAULT".equals(status)) {
            throw new HnswException(DistributionPointErrorCode.POINT_DOWN, pointCode, status);
        }
        Integer capacity = (Integer) point.get(0).get("capacity");
        Long active = jdbc.queryForObject("SELECT count(*) FROM signal_distribution WHERE point_code = ? AND "
                + "status = 'ACTIVE'", Long.class, pointCode);
        if (capacity != null && active != null && active >= capacity) {
            throw new HnswException(DistributionPointErrorCode.POINT_FULL, pointCode, capacity);
        }
        UUID id = UUID.randomUUID();
        String by = Actors.current().username();
        int inserted = jdbc.update("INSERT INTO signal_distribution (id, camera_id, point_code, receiver_org, "
                + "receiver_name, purpose, status, started_by) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?) "
                + "ON CONFLICT (camera_id, receiver_org) WHERE status = 'ACTIVE' DO NOTHING", id, cameraId, pointCode,
                org, receiverName.trim(), blank(purpose), by);
        if (inserted == 0) {
            throw new HnswException(DistributionPointErrorCode.ALREADY_DISTRIBUTED, camera.get(0) + " → " + org);
        }
        Distribution d = find(id);
        notice(d, "STARTED", by);
        log.info("event=signal-distributed id={} camera={} point={} receiver={}", id, d.cameraCode(), pointCode, org);
        return d;
    }

    /** Stops an active distribution, with an optional reason; the receiver is told. */
    @Transactional
    public Distribution stop(UUID id, String reason) {
        Distribution d = find(id);
        String by = Actors.current().username();
        if (jdbc.update("UPDATE signal_distribution SET status = 'STOPPED', stopped_by = ?, stopped_at = now(), "
                + "stop_reason = ? WHERE id = ? AND status = 'ACTIVE'", by, blank(reason), id) == 0) {
            throw new HnswException(DistributionPointErrorCode.DISTRIBUTION_STOPPED, id);
        }
        Distribution stopped = find(id);
        notice(stopped, "STOPPED", by);
        log.info("event=signal-distribution-stopped id={} camera={} receiver={}", id, d.cameraCode(), d.receiverOrg());
        return stopped;
    }

    /** One distribution, if the caller may see it (403 otherwise). */
    public Distribution get(UUID id) {
        Distribution d = find(id);
        if (!sees(Actors.current(), d.receiverOrg())) {
            throw new HnswException(DistributionPointErrorCode.DISTRIBUTION_NOT_VISIBLE);
        }
        return d;
    }

    /** 视频信号分发管理: the distributions the caller may see, filtered by camera, point, receiver and status. */
    public List<Distribution> list(UUID cameraId, String pointCode, String receiverOrg, String status) {
        CurrentActor actor = Actors.current();
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE true");
        List<Object> args = new ArrayList<>();
        if (cameraId != null) {
            sql.append(" AND d.camera_id = ?");
            args.add(cameraId);
        }
        if (pointCode != null && !pointCode.isBlank()) {
            sql.append(" AND d.point_code = ?");
            args.add(pointCode);
        }
        if (receiverOrg != null && !receiverOrg.isBlank()) {
            sql.append(" AND d.receiver_org = ?");
            args.add(receiverOrg);
        }
        if (status != null && !status.isBlank()) {
            sql.append(" AND d.status = ?");
            args.add(status);
        }
        if (!actor.hasRole(Roles.PLATFORM_ADMIN)) {
            // an officer's own organisations and the units below them; none: nothing
            List<String> orgs = actor.organizations();
            if (orgs.isEmpty()) {
                return List.of();
            }
            sql.append(" AND (false");
            for (String o : orgs) {
                sql.append(" OR d.receiver_org = ? OR left(d.receiver_org, ?) = ?");
                args.add(o);
                args.add(o.length() + 1);
                args.add(o + "/");
            }
            sql.append(")");
        }
        sql.append(" ORDER BY d.started_at DESC, d.id LIMIT 500");
        return jdbc.query(sql.toString(), (rs, i) -> row(rs), args.toArray());
    }

    static boolean sees(CurrentActor actor, String receiverOrg) {
        return actor.hasRole(Roles.PLATFORM_ADMIN) || actor.organizations().stream()
                .anyMatch(o -> receiverOrg.equals(o) || receiverOrg.startsWith(o + "/"));
    }

    private Distribution find(UUID id) {
        return jdbc.query(SELECT + "WHERE d.id = ?", (rs, i) -> row(rs), id).stream().findFirst()
                .orElseThrow(() -> new HnswException(DistributionPointErrorCode.DISTRIBUTION_NOT_FOUND, id));
    }

    private void notice(Distribution d, String event, String by) {
        boolean started = "STARTED".equals(event);
        String zh = started ? "摄像机 " + d.cameraName() + "（" + d.cameraCode() + "）的视频信号已经分发点 "
                + d.pointCode() + " 分发给" + d.receiverName()
                : "摄像机 " + d.cameraName() + "（" + d.cameraCode() + "）分发给" + d.receiverName() + "的视频信号已停止"
                        + (d.stopReason() == null ? "" : "：" + d.stopReason());
        String en = started ? "The signal of camera " + d.cameraCode() + " is distributed to " + d.receiverName()
                + " through point " + d.pointCode()
                : "The signal of camera " + d.cameraCode() + " to " + d.receiverName() + " has stopped"
                        + (d.stopReason() == null ? "" : ": " + d.stopReason());
        outbox.publish(TOPIC, AGGREGATE_TYPE, d.id().toString(), "signal-distribution-" + event.toLowerCase(),
                new Notice(d.id(), event, d.cameraCode(), d.cameraName(), d.pointCode(), d.receiverOrg(),
                        d.receiverName(), d.purpose(), by, Instant.now(), zh, en));
    }

    private static Distribution row(ResultSet rs) throws SQLException {
        return new Distribution(rs.getObject("id", UUID.class), rs.getObject("camera_id", UUID.class),
                rs.getString("device_code"), rs.getString("camera_name"), rs.getString("point_code"),
                rs.getString("receiver_org"), rs.getString("receiver_name"), rs.getString("purpose"),
                rs.getString("status"), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                rs.getString("stopped_by"), instant(rs.getTimestamp("stopped_at")), rs.getString("stop_reason"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
