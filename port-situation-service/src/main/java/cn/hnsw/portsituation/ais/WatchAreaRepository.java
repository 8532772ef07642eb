package cn.hnsw.portsituation.ais;

import cn.hnsw.common.events.Alert;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The watch areas on the water: the zones (table {@code zone}, maintained as base data) of kind restricted area,
 * channel or anchorage. The AIS warnings use the active ones an operator has confirmed.
 */
@Repository
public class WatchAreaRepository {

    private static final TypeReference<List<double[]>> POINTS = new TypeReference<>() { };

    private static final String WATER = "kind IN ('RESTRICTED', 'CHANNEL', 'ANCHORAGE')";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<WatchArea> row;

    public WatchAreaRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.row = (rs, i) -> {
            try {
                Object limit = rs.getObject("speed_limit_knots");
                return new WatchArea(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name_zh"),
                        rs.getString("name_en"), WatchArea.Kind.valueOf(rs.getString("kind")), rs.getString("port_code"),
                        json.readValue(rs.getString("polygon"), POINTS),
                        limit == null ? null : ((Number) limit).floatValue(), Alert.Level.valueOf(rs.getString("level")),
                        rs.getBoolean("active"), rs.getTimestamp("updated_at").toInstant());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    public List<WatchArea> findAll() {
        return jdbc.query("SELECT * FROM zone WHERE " + WATER + " ORDER BY code", row);
    }

    public List<WatchArea> findActive() {
        return jdbc.query("SELECT * FROM zone WHERE active AND status = 'CONFIRMED' AND " + WATER
                + " ORDER BY code", row);
    }

    /** The confirmed water areas of one port, watched or not: the waters a vessel of that port lies in. */
    public List<WatchArea> findConfirmed(String portCode) {
        return jdbc.query("SELECT * FROM zone WHERE status = 'CONFIRMED' AND port_code = ? AND " + WATER
                + " ORDER BY code", row, portCode);
    }

    public Optional<WatchArea> find(UUID id) {
        return jdbc.query("SELECT * FROM zone WHERE id = ? AND " + WATER, row, id).stream().findFirst();
    }

    public boolean codeTaken(String code, UUID except) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM zone WHERE code = ? AND id <> ?", Integer.class,
                code, except);
        return n != null && n > 0;
    }

    public void save(WatchArea a) {
        try {
            jdbc.update("""
                    INSERT INTO zone (id, code, name_zh, name_en, kind, port_code, polygon, speed_limit_knots, level,
                                      active, updated_at, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, 'DRAFT')
                    ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name_zh = EXCLUDED.name_zh,
                        name_en = EXCLUDED.name_en, kind = EXCLUDED.kind, port_code = EXCLUDED.port_code,
                        polygon = EXCLUDED.polygon, speed_limit_knots = EXCLUDED.speed_limit_knots,
                        level = EXCLUDED.level, active = EXCLUDED.active, updated_at = EXCLUDED.updated_at,
                        status = 'DRAFT', confirmed_by = NULL, confirmed_at = NULL
                    """, a.id(), a.code(), a.nameZh(), a.nameEn(), a.kind().name(), a.portCode(),
                    json.writeValueAsString(a.polygon()), a.speedLimitKnots(), a.level().name(), a.active(),
                    Timestamp.from(a.updatedAt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Confirms a drafted or changed area on the water; false when there is none with this id. */
    public boolean confirm(UUID id, String by, java.time.Instant at) {
        return jdbc.update("UPDATE zone SET status = 'CONFIRMED', confirmed_by = ?, confirmed_at = ? WHERE id = ? AND "
                + WATER, by, Timestamp.from(at), id) > 0;
    }

    public boolean delete(UUID id) {
        return jdbc.update("DELETE FROM zone WHERE id = ? AND " + WATER, id) > 0;
    }
}
