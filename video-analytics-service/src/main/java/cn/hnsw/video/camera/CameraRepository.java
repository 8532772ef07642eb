package cn.hnsw.video.camera;

import cn.hnsw.common.web.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Cameras and their health. */
@Repository
public class CameraRepository {

    /** A camera (video source). */
    public record Camera(UUID id, String deviceCode, String name, CameraType cameraType, DeviceProtocol protocol,
            String sourceUrl, String portCode, String location, Double latitude, Double longitude, double sampleFps,
            String status, Instant lastSeenAt, String lastSnapshotKey) {
    }

    private final JdbcTemplate jdbc;

    public CameraRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean deviceCodeTaken(String code, UUID except) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM camera WHERE device_code = ? AND (?::uuid IS NULL OR id <> ?)",
                Integer.class, code, except, except);
        return n != null && n > 0;
    }

    public void insert(Camera c) {
        jdbc.update("INSERT INTO camera (id, device_code, name, camera_type, protocol, source_url, port_code, location, "
                + "latitude, longitude, sample_fps) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id(), c.deviceCode(),
                c.name(), c.cameraType().name(), c.protocol().name(), c.sourceUrl(), c.portCode(), c.location(),
                c.latitude(), c.longitude(), c.sampleFps());
    }

    public void update(Camera c) {
        jdbc.update("UPDATE camera SET device_code = ?, name = ?, camera_type = ?, protocol = ?, source_url = ?, "
                + "port_code = ?, location = ?, latitude = ?, longitude = ?, sample_fps = ? WHERE id = ?",
                c.deviceCode(), c.name(), c.cameraType().name(), c.protocol().name(), c.sourceUrl(), c.portCode(),
                c.location(), c.latitude(), c.longitude(), c.sampleFps(), c.id());
    }

    public void delete(UUID id) {
        jdbc.update("DELETE FROM camera WHERE id = ?", id);
    }

    public void markSeen(UUID id, Instant at, String snapshotKey) {
        jdbc.update("UPDATE camera SET status = 'ONLINE', last_seen_at = ?, last_snapshot_key = COALESCE(?, last_snapshot_key) "
                + "WHERE id = ?", Timestamp.from(at), snapshotKey, id);
    }

    public void markStatus(UUID id, String status) {
        jdbc.update("UPDATE camera SET status = ? WHERE id = ?", status, id);
    }

    public Optional<Camera> find(UUID id) {
        return jdbc.query("SELECT * FROM camera WHERE id = ?", (rs, i) -> map(rs), id).stream().findFirst();
    }

    public List<Camera> page(String q, PageQuery page) {
        String like = q == null || q.isBlank() ? null : "%" + q.trim() + "%";
        return jdbc.query("SELECT * FROM camera WHERE (?::text IS NULL OR name LIKE ? OR device_code LIKE ?) "
                + "ORDER BY device_code LIMIT ? OFFSET ?", (rs, i) -> map(rs), like, like, like, page.size(),
                page.offset());
    }

    public long count(String q) {
        String like = q == null || q.isBlank() ? null : "%" + q.trim() + "%";
        Long n = jdbc.queryForObject("SELECT count(*) FROM camera WHERE (?::text IS NULL OR name LIKE ? OR device_code LIKE ?)",
                Long.class, like, like, like);
        return n == null ? 0 : n;
    }

    private static Camera map(ResultSet rs) throws SQLException {
        Timestamp seen = rs.getTimestamp("last_seen_at");
        return new Camera(rs.getObject("id", UUID.class), rs.getString("device_code"), rs.getString("name"),
                CameraType.valueOf(rs.getString("camera_type")), DeviceProtocol.valueOf(rs.getString("protocol")),
                rs.getString("source_url"), rs.getString("port_code"), rs.getString("location"),
                (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"), rs.getDouble("sample_fps"),
                rs.getString("status"), seen == null ? null : seen.toInstant(), rs.getString("last_snapshot_key"));
    }
}
