package cn.hnsw.portsituation.basedata;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code logistics_route} table. */
@Repository
public class LogisticsRouteRepository {

    private static final RowMapper<LogisticsRoute> ROW = (rs, i) -> new LogisticsRoute(rs.getObject("id", UUID.class),
            rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
            LogisticsRoute.Trade.valueOf(rs.getString("trade")), LogisticsRoute.Mode.valueOf(rs.getString("mode")),
            rs.getString("port_code"), rs.getString("origin"), rs.getString("destination"),
            rs.getString("description"), rs.getBoolean("enabled"), rs.getString("updated_by"),
            PortAreaRepository.instant(rs, "updated_at"));

    private final JdbcTemplate jdbc;

    public LogisticsRouteRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LogisticsRoute> find(UUID id) {
        return jdbc.query("SELECT * FROM logistics_route WHERE id = ?", ROW, id).stream().findFirst();
    }

    public boolean codeTaken(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT exists (SELECT 1 FROM logistics_route WHERE code = ?)", Boolean.class, code));
    }

    /** The kind of the port (SEAPORT, AIRPORT, SITE), or null when there is no such port. */
    public String portKind(String code) {
        return jdbc.query("SELECT kind FROM port WHERE code = ?", (rs, i) -> rs.getString(1), code).stream()
                .findFirst().orElse(null);
    }

    static Search search(String trade, String mode, String portCode, Boolean enabled, String q) {
        return new Search().eq("trade", trade).eq("mode", mode).eq("port_code", portCode).eq("enabled", enabled)
                .word(q, "code", "name_zh", "name_en", "origin", "destination");
    }

    public List<LogisticsRoute> search(Search s, int limit, long offset) {
        return jdbc.query("SELECT * FROM logistics_route" + s.where() + " ORDER BY trade, mode, code LIMIT ? OFFSET ?",
                ROW, s.args(limit, offset));
    }

    public long count(Search s) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM logistics_route" + s.where(), Long.class, s.args());
        return n == null ? 0 : n;
    }

    public void save(LogisticsRoute r) {
        jdbc.update("""
                INSERT INTO logistics_route (id, code, name_zh, name_en, trade, mode, port_code, origin, destination,
                                             description, enabled, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                    trade = EXCLUDED.trade, mode = EXCLUDED.mode, port_code = EXCLUDED.port_code,
                    origin = EXCLUDED.origin, destination = EXCLUDED.destination, description = EXCLUDED.description,
                    enabled = EXCLUDED.enabled, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                """, r.id(), r.code(), r.nameZh(), r.nameEn(), r.trade().name(), r.mode().name(), r.portCode(),
                r.origin(), r.destination(), r.description(), r.enabled(), r.updatedBy(), Timestamp.from(r.updatedAt()));
    }

    public void enable(UUID id, boolean enabled, String by, Instant at) {
        jdbc.update("UPDATE logistics_route SET enabled = ?, updated_by = ?, updated_at = ? WHERE id = ?", enabled, by,
                Timestamp.from(at), id);
    }

    public void delete(UUID id) {
        jdbc.update("DELETE FROM logistics_route WHERE id = ?", id);
    }
}
