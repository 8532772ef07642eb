package cn.hnsw.portsituation.basedata;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code site_label} and {@code site_label_link} tables. */
@Repository
public class SiteLabelRepository {

    /** Where each kind of labelled thing lives, by its code. */
    private static final Map<SiteLabel.TargetType, String> TABLES = Map.of(SiteLabel.TargetType.PORT, "port",
            SiteLabel.TargetType.PORT_AREA, "port_area", SiteLabel.TargetType.ZONE, "zone",
            SiteLabel.TargetType.POINT, "zone_point", SiteLabel.TargetType.CAMERA, "camera",
            SiteLabel.TargetType.GATE, "gate");

    private final JdbcTemplate jdbc;

    public SiteLabelRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private List<SiteLabel> query(String sql, Object... args) {
        return jdbc.query(sql, (rs, i) -> {
            UUID id = rs.getObject("id", UUID.class);
            return new SiteLabel(id, rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                    rs.getString("color"), rs.getString("description"), rs.getString("port_code"), links(id), rs.getString("updated_by"),
                    PortAreaRepository.instant(rs, "updated_at"));
        }, args);
    }

    private List<SiteLabel.Link> links(UUID id) {
        return jdbc.query("SELECT target_type, target_code FROM site_label_link WHERE label_id = ?"
                        + " ORDER BY target_type, target_code",
                (rs, i) -> new SiteLabel.Link(SiteLabel.TargetType.valueOf(rs.getString(1)), rs.getString(2)), id);
    }

    public Optional<SiteLabel> find(UUID id) {
        return query("SELECT * FROM site_label WHERE id = ?", id).stream().findFirst();
    }

    public boolean codeTaken(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT exists (SELECT 1 FROM site_label WHERE code = ?)",
                Boolean.class, code));
    }

    public boolean targetExists(SiteLabel.Link link) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT exists (SELECT 1 FROM " + TABLES.get(link.targetType())
                + " WHERE code = ?)", Boolean.class, link.targetCode()));
    }

    /**
     * Whether a labelled thing is a record of the port: the port itself, or an area, zone, camera or gate of it, or a
     * point of one of its zones.
     */
    public boolean targetOfPort(SiteLabel.Link link, String portCode) {
        String sql = switch (link.targetType()) {
            case PORT -> "SELECT ? = ?";
            case POINT -> "SELECT exists (SELECT 1 FROM zone_point p JOIN zone z ON z.code = p.zone_code"
                    + " WHERE p.code = ? AND z.port_code = ?)";
            default -> "SELECT exists (SELECT 1 FROM " + TABLES.get(link.targetType())
                    + " WHERE code = ? AND port_code = ?)";
        };
        return Boolean.TRUE.equals(jdbc.queryForObject(sql, Boolean.class, link.targetCode(), portCode));
    }

    public boolean portExists(String portCode) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT exists (SELECT 1 FROM port WHERE code = ?)",
                Boolean.class, portCode));
    }

    /** Labels by a word, of one port (null: all), or those on one labelled thing. */
    static Search search(String q, String portCode, String targetType, String targetCode) {
        Search s = new Search().word(q, "code", "name_zh", "name_en").eq("port_code", portCode);
        if (targetType != null && targetCode != null) {
            s.condition("id IN (SELECT label_id FROM site_label_link WHERE target_type = ? AND target_code = ?)",
                    targetType, targetCode);
        }
        return s;
    }

    public List<SiteLabel> search(Search s, int limit, long offset) {
        return query("SELECT * FROM site_label" + s.where() + " ORDER BY code LIMIT ? OFFSET ?", s.args(limit, offset));
    }

    public long count(Search s) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM site_label" + s.where(), Long.class, s.args());
        return n == null ? 0 : n;
    }

    public void save(SiteLabel l) {
        jdbc.update("""
                INSERT INTO site_label (id, code, name_zh, name_en, color, description, port_code, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                    color = EXCLUDED.color, description = EXCLUDED.description, port_code = EXCLUDED.port_code,
                    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                """, l.id(), l.code(), l.nameZh(), l.nameEn(), l.color(), l.description(), l.portCode(), l.updatedBy(),
                Timestamp.from(l.updatedAt()));
        jdbc.update("DELETE FROM site_label_link WHERE label_id = ?", l.id());
        for (SiteLabel.Link link : l.links()) {
            jdbc.update("INSERT INTO site_label_link (label_id, target_type, target_code) VALUES (?, ?, ?)", l.id(),
                    link.targetType().name(), link.targetCode());
        }
    }

    public void delete(UUID id) {
        jdbc.update("DELETE FROM site_label WHERE id = ?", id);
    }
}
