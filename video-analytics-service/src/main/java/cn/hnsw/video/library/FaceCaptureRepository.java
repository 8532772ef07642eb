package cn.hnsw.video.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** 人脸抓拍 — faces captured by cameras (their descriptors sit in the SNAPSHOT feature library). */
@Repository
public class FaceCaptureRepository {

    /** One capture. {@code box} is x, y, width, height in frame pixels. */
    public record FaceCapture(UUID id, UUID cameraId, String deviceCode, Instant capturedAt, float[] box,
            double detectorScore, String snapshotKey, String attributesJson, String source) {
    }

    private final JdbcTemplate jdbc;

    public FaceCaptureRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(FaceCapture c) {
        jdbc.update("INSERT INTO face_capture (id, camera_id, device_code, captured_at, box, detector_score, "
                + "snapshot_key, attributes, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)", c.id(), c.cameraId(),
                c.deviceCode(), Timestamp.from(c.capturedAt()), FaceFeatureRepository.toArray(c.box()),
                c.detectorScore(), c.snapshotKey(), c.attributesJson(), c.source());
    }

    public List<FaceCapture> byIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT * FROM face_capture WHERE id = ANY (?)", (rs, i) -> map(rs),
                (Object) ids.toArray(UUID[]::new));
    }

    public FaceCapture get(UUID id) {
        List<FaceCapture> l = byIds(List.of(id));
        return l.isEmpty() ? null : l.get(0);
    }

    public List<FaceCapture> recent(UUID cameraId, int limit) {
        return jdbc.query("SELECT * FROM face_capture WHERE (?::uuid IS NULL OR camera_id = ?) "
                + "ORDER BY captured_at DESC LIMIT ?", (rs, i) -> map(rs), cameraId, cameraId, limit);
    }

    private static FaceCapture map(ResultSet rs) throws SQLException {
        return new FaceCapture(rs.getObject("id", UUID.class), rs.getObject("camera_id", UUID.class),
                rs.getString("device_code"), rs.getTimestamp("captured_at").toInstant(),
                FaceFeatureRepository.fromArray(rs.getArray("box")), rs.getDouble("detector_score"),
                rs.getString("snapshot_key"), rs.getString("attributes"), rs.getString("source"));
    }
}
