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
}
