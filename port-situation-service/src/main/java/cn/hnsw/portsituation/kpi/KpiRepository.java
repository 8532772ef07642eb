package cn.hnsw.portsituation.kpi;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The facts of the indicator system, read per port from the monitoring tables (a read model). */
@Repository
public class KpiRepository {

    private final JdbcTemplate jdbc;

    public KpiRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<PortFacts> facts(Instant today, Instant dayAgo, Instant now) {
        Timestamp t = Timestamp.from(today);
        Timestamp d = Timestamp.from(dayAgo);
        Timestamp n = Timestamp.from(now);
        return jdbc.query("""
                SELECT p.code, p.name_zh, p.name_en,
                       (SELECT count(*) FROM facility f WHERE f.port_code = p.code) AS facilities,
                       (SELECT count(*) FROM facility f WHERE f.port_code = p.code AND f.status = 'ONLINE') AS fac_online,
                       (SELECT coalesce(sum(quantity), 0) FROM flow_observation o
                         WHERE o.port_code = p.code AND o.stage = 'ENTRY' AND o.occurred_at >= ?) AS entries,
                       (SELECT count(*) FROM gate_pass g WHERE g.port_code = p.code AND g.recorded_at >= ?
                         AND g.decision IS NOT NULL) AS decided,
                       (SELECT count(*) FROM gate_pass g WHERE g.port_code = p.code AND g.recorded_at >= ?
                         AND g.decision = 'RELEASE') AS released,
                       (SELECT count(*) FROM gate g WHERE g.port_code = p.code) AS gates,
                       (SELECT count(*) FROM gate g WHERE g.port_code = p.code AND g.status = 'ONLINE') AS gates_online,
                       m.any_containers, m.matched,
                       e.trade_value, e.trade_tonnes, e.foreign_enterprises, e.tariff
                FROM port p
                LEFT JOIN LATERAL (
                    SELECT coalesce(sum((measures ->> 'valueCny')::numeric), 0) AS trade_value,
                           coalesce(sum((measures ->> 'tonnes')::numeric), 0) AS trade_tonnes,
                           count(DISTINCT dims ->> 'enterprise') FILTER (WHERE dims ->> 'trade' = 'FOREIGN')
                               AS foreign_enterprises,
                           coalesce(sum((measures ->> 'tariffCny')::numeric), 0) AS tariff
                    FROM port_fact WHERE port_code = p.code AND subject = 'CARGO_DECLARATION'
                     AND occurred_at >= ?) e ON true
                LEFT JOIN LATERAL (
                    SELECT count(*) AS any_containers, count(*) FILTER (WHERE doc AND log) AS matched
                    FROM (SELECT container_no, bool_or(doc) AS doc, bool_or(log) AS log FROM (
                              SELECT container_no, true AS doc, false AS log FROM document_flow
                               WHERE port_code = p.code AND occurred_at >= ? AND occurred_at < ?
                              UNION ALL
                              SELECT container_no, false, true FROM container_position
                               WHERE port_code = p.code AND occurred_at >= ? AND occurred_at < ?) u
                          GROUP BY container_no) c) m ON true
                ORDER BY p.sort_order
                """, (rs, i) -> new PortFacts(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getLong("facilities"), rs.getLong("fac_online"), rs.getLong("entries"), rs.getLong("decided"),
                rs.getLong("released"), rs.getLong("gates"), rs.getLong("gates_online"), rs.getLong("any_containers"),
                rs.getLong("matched"), rs.getDouble("trade_value"), rs.getDouble("trade_tonnes"),
                rs.getLong("foreign_enterprises"), rs.getDouble("tariff")), t, t, t, t, d, n, d, n);
    }
}
