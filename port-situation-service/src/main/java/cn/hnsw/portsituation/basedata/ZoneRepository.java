package cn.hnsw.portsituation.basedata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code zone} table (the AIS watch areas are its zones on the water). */
@Repository
public class ZoneRepository {

    private static final TypeReference<List<double[]>> POINTS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<Zone> row;

    public ZoneRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.row = (rs, i) -> {
            try {
                Object limit = rs.getObject("speed_limit_knots");
                return new Zone(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name_zh"),
                        rs.getString("name_en"), Zone.Kind.valueOf(rs.getString("kind")), rs.getString("port_code"),
                        rs.getString("port_area_code"), json.readValue(rs.getString("polygon"), POINTS),
                        limit == null ? null : ((Number) limit).floatValue(), rs.getString("level"),
                        rs.getBoolean("active"), rs.getString("status"), rs.getString("confirmed_by"),
                        PortAreaRepository.instant(rs, "confirmed_at"), rs.getString("updated_by"),
                        PortAreaRepository.instant(rs, "updated_at"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    public Optional<Zone> find(UUID id) {
        return jdbc.query("SELECT * FROM zone WHERE id = ?", row, id).stream().findFirst();
    }

    public Optional<Zone> byCode(String code) {
        return jdbc.query("SELECT * FROM zone WHERE code = ?", row, code).stream().findFirst();
    }

    static Search search(String kind, String portCode, String portAreaCode, String status, String q) {
        return new Search().eq("kind", kind).eq("port_code", portCode).eq("port_area_code", portAreaCode)
                .eq("status", status).word(q, "code", "name_zh", "name_en");
    }

    public List<Zone> search(Search s, int limit, long offset) {
        return jdbc.query("SELECT * FROM zone" + s.where() + " ORDER BY port_code, kind, code LIMIT ? OFFSET ?", row,
                s.args(limit, offset));
    }

    public long count(Search s) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM zone" + s.where(), Long.class, s.args());
        return n == null ? 0 : n;
    }

    public void upsert(Zone z) {
        try {
            jdbc.update("""
                    INSERT INTO zone (id, code, name_zh, name_en, kind, port_code, port_area_code, polygon,
                                      speed_limit_knots, level, active, status, updated_by, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, 'DRAFT', ?, ?)
                    ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                        kind = EXCLUDED.kind, port_code = EXCLUDED.port_code, port_area_code = EXCLUDED.port_area_code,
                        polygon = EXCLUDED.polygon, speed_limit_knots = EXCLUDED.speed_limit_knots,
                        level = EXCLUDED.level, active = EXCLUDED.active, status = 'DRAFT', confirmed_by = NULL,
                        confirmed_at = NULL, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                    """, z.id(), z.code(), z.nameZh(), z.nameEn(), z.kind().name(),
                    z.portCode(), z.portAreaCode(), json.writeValueAsString(z.polygon()), z.speedLimitKnots(),
                    z.level(), z.active(), z.updatedBy(), Timestamp.from(z.updatedAt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public int pointsOf(String code) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM zone_point WHERE zone_code = ?", Integer.class, code);
        return n == null ? 0 : n;
    }

    public void delete(UUID id) {
        jdbc.update("DELETE FROM zone WHERE id = ?", id);
    }

    public void confirm(UUID id, String by, Instant at) {
        jdbc.update("UPDATE zone SET status = 'CONFIRMED', confirmed_by = ?, confirmed_at = ? WHERE id = ?", by,
                Timestamp.from(at), id);
    }
}
