package cn.hnsw.portsituation.basedata;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code video_platform} table. */
@Repository
public class VideoPlatformRepository {

    private static final RowMapper<VideoPlatform> ROW = (rs, i) -> new VideoPlatform(rs.getObject("id", UUID.class),
            rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
            VideoPlatform.Protocol.valueOf(rs.getString("protocol")), rs.getString("host"), rs.getInt("port"),
            rs.getString("gb_device_id"), rs.getString("port_code"), rs.getBoolean("enabled"),
            rs.getString("updated_by"), PortAreaRepository.instant(rs, "updated_at"));

    private final JdbcTemplate jdbc;

    public VideoPlatformRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<VideoPlatform> find(UUID id) {
        return jdbc.query("SELECT * FROM video_platform WHERE id = ?", ROW, id).stream().findFirst();
    }

    public Optional<VideoPlatform> byCode(String code) {
        return jdbc.query("SELECT * FROM video_platform WHERE code = ?", ROW, code).stream().findFirst();
    }

    public boolean codeTaken(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT exists (SELECT 1 FROM video_platform WHERE code = ?)", Boolean.class, code));
    }

    public boolean portExists(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT exists (SELECT 1 FROM port WHERE code = ?)",
                Boolean.class, code));
    }

    static Search search(String protocol, String portCode, Boolean enabled, String q) {
        return new Search().eq("protocol", protocol).eq("port_code", portCode).eq("enabled", enabled)
                .word(q, "code", "name_zh", "name_en", "host");
    }

    public List<VideoPlatform> search(Search s, int limit, long offset) {
        return jdbc.query("SELECT * FROM video_platform" + s.where() + " ORDER BY code LIMIT ? OFFSET ?", ROW,
                s.args(limit, offset));
    }

    public long count(Search s) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM video_platform" + s.where(), Long.class, s.args());
        return n == null ? 0 : n;
    }

    public void save(VideoPlatform p) {
        jdbc.update("""
                INSERT INTO video_platform (id, code, name_zh, name_en, protocol, host, port, gb_device_id, port_code,
                                            enabled, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                    protocol = EXCLUDED.protocol, host = EXCLUDED.host, port = EXCLUDED.port,
                    gb_device_id = EXCLUDED.gb_device_id, port_code = EXCLUDED.port_code, enabled = EXCLUDED.enabled,
                    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                """, p.id(), p.code(), p.nameZh(), p.nameEn(), p.protocol().name(), p.host(), p.port(), p.gbDeviceId(),
                p.portCode(), p.enabled(), p.updatedBy(), Timestamp.from(p.updatedAt()));
    }

    public void delete(UUID id) {
        jdbc.update("DELETE FROM video_platform WHERE id = ?", id);
    }
}
