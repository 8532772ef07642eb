package cn.hnsw.video.scene;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Venues, supervision scenes and the cameras bound to the scenes. */
@Repository
public class SceneRepository {

    /** 运行场所. */
    public record Venue(UUID id, String code, String name, String portCode, String address, List<UUID> sceneIds,
            String createdBy, Instant createdAt, Instant updatedAt) {
    }

    /** 监管场景. */
    public record Scene(UUID id, String code, String name, SceneType sceneType, List<String> analysisKinds,
            UUID venueId, List<UUID> cameraIds, String createdBy, Instant createdAt, Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;

    public SceneRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean venueCodeTaken(String code) {
        return jdbc.queryForObject("SELECT count(*) FROM venue WHERE code = ?", Integer.class, code) > 0;
    }

    public boolean sceneCodeTaken(String code) {
        return jdbc.queryForObject("SELECT count(*) FROM supervision_scene WHERE code = ?", Integer.class, code) > 0;
    }

    public void insertVenue(UUID id, String code, String name, String portCode, String address, String by) {
        jdbc.update("INSERT INTO venue (id, code, name, port_code, address, created_by) VALUES (?, ?, ?, ?, ?, ?)", id,
                code, name, portCode, address, by);
    }

    public void updateVenue(UUID id, String name, String portCode, String address) {
        jdbc.update("UPDATE venue SET name = ?, port_code = ?, address = ?, updated_at = now() WHERE id = ?", name,
                portCode, address, id);
    }

    public boolean deleteUnusedVenue(UUID id) {
        return jdbc.update("DELETE FROM venue v WHERE id = ? AND NOT EXISTS (SELECT 1 FROM supervision_scene s WHERE "
                + "s.venue_id = v.id)", id) == 1;
    }

    public Optional<Venue> venue(UUID id) {
        return jdbc.query("SELECT * FROM venue WHERE id = ?", this::venueRow, id).stream().findFirst();
    }

    public List<Venue> venues(String portCode) {
        return jdbc.query("SELECT * FROM venue WHERE (?::varchar IS NULL OR port_code = ?) ORDER BY code", this::venueRow,
                portCode, portCode);
    }

    /** 运行场所绑定: the venue holds exactly these scenes (others it held are released). */
    public void bindScenes(UUID venueId, List<UUID> sceneIds) {
        jdbc.update("UPDATE supervision_scene SET venue_id = NULL, updated_at = now() WHERE venue_id = ?", venueId);
        for (UUID s : sceneIds) {
            jdbc.update("UPDATE supervision_scene SET venue_id = ?, updated_at = now() WHERE id = ?", venueId, s);
        }
    }

    private Venue venueRow(ResultSet rs, int i) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Venue(id, rs.getString("code"), rs.getString("name"), rs.getString("port_code"),
                rs.getString("address"), jdbc.queryForList("SELECT id FROM supervision_scene WHERE venue_id = ? "
                        + "ORDER BY code", UUID.class, id), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    public void insertScene(UUID id, String code, String name, SceneType type, List<String> kinds, String by) {
        jdbc.update("INSERT INTO supervision_scene (id, code, name, scene_type, analysis_kinds, created_by) VALUES "
                + "(?, ?, ?, ?, ?, ?)", id, code, name, type.name(), kinds.toArray(String[]::new), by);
    }

    public void updateScene(UUID id, String name, SceneType type, List<String> kinds) {
        jdbc.update("UPDATE supervision_scene SET name = ?, scene_type = ?, analysis_kinds = ?, updated_at = now() "
                + "WHERE id = ?", name, type.name(), kinds.toArray(String[]::new), id);
    }

    public void deleteScene(UUID id) {
        jdbc.update("DELETE FROM supervision_scene WHERE id = ?", id);
    }

    /** 监管场景绑定: the scene watches exactly these cameras. */
    public void bindCameras(UUID sceneId, List<UUID> cameraIds) {
        jdbc.update("DELETE FROM scene_camera WHERE scene_id = ?", sceneId);
        for (UUID c : cameraIds) {
            jdbc.update("INSERT INTO scene_camera (scene_id, camera_id) VALUES (?, ?) ON CONFLICT DO NOTHING", sceneId, c);
        }
        jdbc.update("UPDATE supervision_scene SET updated_at = now() WHERE id = ?", sceneId);
    }

    public Optional<Scene> scene(UUID id) {
        return jdbc.query("SELECT * FROM supervision_scene WHERE id = ?", this::sceneRow, id).stream().findFirst();
    }

    public List<Scene> scenes(String type, UUID cameraId) {
        return jdbc.query("SELECT * FROM supervision_scene s WHERE (?::varchar IS NULL OR scene_type = ?) AND (?::uuid IS "
                + "NULL OR EXISTS (SELECT 1 FROM scene_camera c WHERE c.scene_id = s.id AND c.camera_id = ?)) ORDER BY code",
                this::sceneRow, type, type, cameraId, cameraId);
    }

    private Scene sceneRow(ResultSet rs, int i) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Array kinds = rs.getArray("analysis_kinds");
        return new Scene(id, rs.getString("code"), rs.getString("name"), SceneType.valueOf(rs.getString("scene_type")),
                Arrays.asList((String[]) kinds.getArray()), rs.getObject("venue_id", UUID.class),
                jdbc.queryForList("SELECT camera_id FROM scene_camera WHERE scene_id = ? ORDER BY camera_id", UUID.class, id),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
