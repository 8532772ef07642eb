package cn.hnsw.portsituation.basedata;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code port_area} table. */
@Repository
public class PortAreaRepository {

    private static final RowMapper<PortArea> ROW = (rs, i) -> new PortArea(rs.getObject("id", UUID.class),
            rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"), rs.getString("port_code"),
            rs.getDouble("latitude"), rs.getDouble("longitude"), rs.getString("description"), rs.getString("status"),
            rs.getString("confirmed_by"), instant(rs, "confirmed_at"), rs.getString("updated_by"),
            instant(rs, "updated_at"));

    private final JdbcTemplate jdbc;

    public PortAreaRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public Optional<PortArea> find(UUID id) {
        return jdbc.query("SELECT * FROM port_area WHERE id = ?", ROW, id).stream().findFirst();
    }

    public Optional<PortArea> byCode(String code) {
        return jdbc.query("SELECT * FROM port_area WHERE code = ?", ROW, code).stream().findFirst();
    }

    public boolean portExists(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT exists (SELECT 1 FROM port WHERE code = ?)",
                Boolean.class, code));
    }

    static Search search(String portCode, String status, String q) {
        return new Search().eq("port_code", portCode).eq("status", status).word(q, "code", "name_zh", "name_en");
    }

    public List<PortArea> search(Search s, int limit, long offset) {
        return jdbc.query("SELECT * FROM port_area" + s.where() + " ORDER BY port_code, code LIMIT ? OFFSET ?", ROW,
                s.args(limit, offset));
    }

    public long count(Search s) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM port_area" + s.where(), Long.class, s.args());
        return n == null ? 0 : n;
    }

    public void upsert(PortArea a) {
        jdbc.update("""
                INSERT INTO port_area (id, code, name_zh, name_en, port_code, latitude, longitude, description, status,
                                       updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)
                ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                    port_code = EXCLUDED.port_code, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
                    description = EXCLUDED.description, status = 'DRAFT', confirmed_by = NULL, confirmed_at = NULL,
                    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                """, a.id(), a.code(), a.nameZh(), a.nameEn(), a.portCode(), a.latitude(), a.longitude(),
                a.description(), a.updatedBy(), Timestamp.from(a.updatedAt()));
    }

    public int zonesOf(String code) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM zone WHERE port_area_code = ?", Integer.class, code);
        return n == null ? 0 : n;
    }

    public void delete(UUID id) {
        jdbc.update("DELETE FROM port_area WHERE id = ?", id);
    }

    public void confirm(UUID id, String by, Instant at) {
        jdbc.update("UPDATE port_area SET status = 'CONFIRMED', confirmed_by = ?, confirmed_at = ? WHERE id = ?", by,
                Timestamp.from(at), id);
    }
}
