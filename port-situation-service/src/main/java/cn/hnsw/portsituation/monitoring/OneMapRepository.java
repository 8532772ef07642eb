package cn.hnsw.portsituation.monitoring;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;

/** Reads behind the One Map: ports, gate states and open alerts per port. */
@Repository
public class OneMapRepository {

    private final JdbcTemplate jdbc;

    public OneMapRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> ports() {
        return jdbc.queryForList("SELECT code, name_zh AS \"nameZh\", name_en AS \"nameEn\", kind, latitude, longitude"
                + " FROM port ORDER BY sort_order");
    }

    public List<Map<String, Object>> gatesByPort() {
        return jdbc.queryForList("SELECT port_code AS \"portCode\", count(*) AS gates,"
                + " count(*) FILTER (WHERE status = 'ONLINE') AS online FROM gate GROUP BY 1");
    }

    public List<Map<String, Object>> openAlertsByPort() {
        return jdbc.queryForList("SELECT coalesce(port_code, '') AS \"portCode\", level, count(*) AS count FROM alert"
                + " WHERE status <> 'CLOSED' GROUP BY 1, 2");
    }

    public List<Map<String, Object>> passesByStateToday(java.time.Instant since) {
        return jdbc.queryForList("SELECT port_code AS \"portCode\", state, decision, count(*) AS count FROM gate_pass"
                + " WHERE recorded_at >= ? GROUP BY 1, 2, 3", java.sql.Timestamp.from(since));
    }

    /**
     * 进卡/出卡轮播表: the latest passes of a flow's gates, entries (gate type ENTRY) or exits (any other gate), with the
     * time, plate, the first traveller's ID number masked, lane, inspection status and gate type.
     */
    public List<Map<String, Object>> carousel(String portCode, String flow, boolean entries, int size) {
        return jdbc.queryForList("""
                SELECT p.recorded_at AS "at", p.port_code AS "portCode", p.gate_code AS "gateCode",
                       g.gate_type AS "gateType", g.name_zh AS "gateNameZh", g.name_en AS "gateNameEn", p.lane,
                       p.plate_number AS "plateNumber",
                       CASE WHEN length(p.capture -> 'persons' -> 0 ->> 'idNumber') >= 8
                            THEN left(p.capture -> 'persons' -> 0 ->> 'idNumber', 6) || '********'
                                 || right(p.capture -> 'persons' -> 0 ->> 'idNumber', 2) END AS "personId",
                       p.state, p.decision,
                       CASE WHEN p.decision IS NULL THEN 'PENDING' WHEN p.decision = 'RELEASE' THEN 'RELEASED'
                            WHEN p.decision = 'INSPECT' THEN 'INSPECTION' ELSE 'HELD' END AS "inspectionStatus"
                FROM gate_pass p JOIN gate g ON g.code = p.gate_code
                WHERE (?::text IS NULL OR p.port_code = ?) AND (?::text IS NULL OR p.flow = ?)
                  AND (g.gate_type = 'ENTRY') = ?
                ORDER BY p.recorded_at DESC LIMIT ?
                """, portCode, portCode, flow, flow, entries, size);
    }

    /** The berths (泊位 points of the base data) of a port's zones. */
    public List<Map<String, Object>> berths(String portCode) {
        return jdbc.queryForList("""
                SELECT p.code, p.name_zh AS "nameZh", p.name_en AS "nameEn", p.latitude, p.longitude
                FROM zone_point p JOIN zone z ON z.code = p.zone_code
                WHERE p.kind = 'BERTH' AND z.port_code = ? ORDER BY p.code
                """, portCode);
    }
}
