package cn.hnsw.portsituation.basedata;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code zone_point} table. */
@Repository
public class ZonePointRepository {

    private static final RowMapper<ZonePoint> ROW = (rs, i) -> new ZonePoint(rs.getObject("id", UUID.class),
            rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"), rs.getString("zone_code"),
            ZonePoint.Kind.valueOf(rs.getString("kind")), rs.getDouble("latitude"), rs.getDouble("longitude"),
            rs.getString("status"), rs.getString("confirmed_by"), PortAreaRepository.instant(rs, "confirmed_at"),
            rs.getString("updated_by"), PortAreaRepository.instant(rs, "updated_at"));

    private final JdbcTemplate jdbc;

    public ZonePointRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ZonePoint> find(UUID id) {
        return jdbc.query("SELECT * FROM zone_point WHERE id = ?", ROW, id).stream().findFirst();
    }

    public Optional<ZonePoint> byCode(String code) {
        return jdbc.query("SELECT * FROM zone_point WHERE code = ?", ROW, code).stream().findFirst();
    }

    static Search search(String zoneCode, String kind, String status, String q) {
        return new Search().eq("zone_code", zoneCode).eq("kind", kind).eq("status", status)
                .word(q, "code", "name_zh", "name_en");
    }

    /** The same search limited to the points of one port's zones (null: every port). */
    static Search search(String zoneCode, String kind, String status, String q, String portCode) {
        Search s = search(zoneCode, kind, status, q);
        return portCode == null ? s : s.condition("zone_code IN (SELECT code FROM zone WHERE port_code = ?)", portCode);
    }

    public List<ZonePoint> search(Search s, int limit, long offset) {
        return jdbc.query("SELECT * FROM zone_point" + s.where() + " ORDER BY zone_code, code LIMIT ? OFFSET ?", ROW,
                s.args(limit, offset));
    }

    public long count(Search s) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM zone_point" + s.where(), Long.class, s.args());
        return n == null ? 0 : n;
    }

    public void upsert(ZonePoint p) {
        jdbc.update("""
                INSERT INTO zone_point (id, code, name_zh, name_en, zone_code, kind, latitude, longitude, status,
                                        updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)
                ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                    zone_code = EXCLUDED.zone_code, kind = EXCLUDED.kind, latitude = EXCLUDED.latitude,
                    longitude = EXCLUDED.longitude, status = 'DRAFT', confirmed_by = NULL, confirmed_at = NULL,
                    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                """, p.id(), p.code(), p.nameZh(), p.nameEn(), p.zoneCode(), p.kind().name(), p.latitude(),
                p.longitude(), p.updatedBy(), Timestamp.from(p.updatedAt()));
    }

    public void delete(UUID id) {
        jdbc.update("DELETE FROM zone_point WHERE id = ?", id);
    }

    public void confirm(UUID id, String by, Instant at) {
        jdbc.update("UPDATE zone_point SET status = 'CONFIRMED', confirmed_by = ?, confirmed_at = ? WHERE id = ?", by,
                Timestamp.from(at), id);
    }
}
