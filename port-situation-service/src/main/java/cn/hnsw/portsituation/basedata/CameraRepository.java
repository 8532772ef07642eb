package cn.hnsw.portsituation.basedata;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code camera} table. */
@Repository
public class CameraRepository {

    private final JdbcTemplate jdbc;

    public CameraRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final RowMapper<Camera> ROW = (rs, i) -> new Camera(rs.getObject("id", UUID.class),
            rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"), rs.getString("kind"),
            rs.getString("port_code"), rs.getDouble("latitude"), rs.getDouble("longitude"),
            rs.getString("high_camera_code"), rs.getString("stream_url"), rs.getString("status"),
            rs.getString("confirmed_by"),
            rs.getTimestamp("confirmed_at") == null ? null : rs.getTimestamp("confirmed_at").toInstant(),
            rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());

    public Optional<Camera> find(UUID id) {
        return jdbc.query("SELECT * FROM camera WHERE id = ?", ROW, id).stream().findFirst();
    }

    public Optional<Camera> byCode(String code) {
        return jdbc.query("SELECT * FROM camera WHERE code = ?", ROW, code).stream().findFirst();
    }

    public boolean portExists(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT exists (SELECT 1 FROM port WHERE code = ?)",
                Boolean.class, code));
    }

    /** Search: by kind, port, status and a word in the code or names; ordered by port, kind, code. */
    public List<Camera> search(String kind, String portCode, String status, String q, int limit, long offset) {
        List<Object> args = new ArrayList<>();
        String where = where(kind, portCode, status, q, args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT * FROM camera" + where + " ORDER BY port_code, kind, code LIMIT ? OFFSET ?", ROW,
                args.toArray());
    }

    public long count(String kind, String portCode, String status, String q) {
        List<Object> args = new ArrayList<>();
        Long n = jdbc.queryForObject("SELECT count(*) FROM camera" + where(kind, portCode, status, q, args), Long.class,
                args.toArray());
        return n == null ? 0 : n;
    }

    private static String where(String kind, String portCode, String status, String q, List<Object> args) {
        StringBuilder sql = new StringBuilder(" WHERE true");
        if (kind != null) {
            sql.append(" AND kind = ?");
            args.add(kind);
        }
        if (portCode != null) {
            sql.append(" AND port_code = ?");
            args.add(portCode);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status);
        }
        if (q != null && !q.isBlank()) {
            String like = "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (code ILIKE ? OR name_zh ILIKE ? OR coalesce(name_en, '') ILIKE ?)");
            args.add(like);
            args.add(like);
            args.add(like);
        }
        return sql.toString();
    }

    /** Inserts, or updates the camera of the same code (which becomes a draft again). */
    public void upsert(Camera c) {
        jdbc.update("""
                INSERT INTO camera (id, code, name_zh, name_en, kind, port_code, latitude, longitude, high_camera_code,
                                    stream_url, status, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)
                ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                    kind = EXCLUDED.kind, port_code = EXCLUDED.port_code, latitude = EXCLUDED.latitude,
                    longitude = EXCLUDED.longitude, high_camera_code = EXCLUDED.high_camera_code,
                    stream_url = EXCLUDED.stream_url, status = 'DRAFT', confirmed_by = NULL, confirmed_at = NULL,
                    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                """, c.id(), c.code(), c.nameZh(), c.nameEn(), c.kind(), c.portCode(), c.latitude(), c.longitude(),
                c.highCameraCode(), c.streamUrl(), c.updatedBy(), Timestamp.from(c.updatedAt()));
    }

    /** The low cameras paired with a high camera, by code. */
    public List<Camera> lowsOf(String highCode) {
        return jdbc.query("SELECT * FROM camera WHERE high_camera_code = ? ORDER BY code", ROW, highCode);
    }

    public int lowCamerasOf(String highCode) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM camera WHERE high_camera_code = ?", Integer.class, highCode);
        return n == null ? 0 : n;
    }

    public void delete(UUID id) {
        jdbc.update("DELETE FROM camera WHERE id = ?", id);
    }

    public void confirm(UUID id, String by, Instant at) {
        jdbc.update("UPDATE camera SET status = 'CONFIRMED', confirmed_by = ?, confirmed_at = ? WHERE id = ?", by,
                Timestamp.from(at), id);
    }
}
