package cn.hnsw.portsituation.monitoring;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The {@code flow_observation} table and the windowed aggregates over it. */
@Repository
public class FlowRepository {

    private final JdbcTemplate jdbc;

    public FlowRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the event was recorded already. */
    public boolean insert(String eventId, PortFlowObserved o) {
        return jdbc.update("""
                INSERT INTO flow_observation (event_id, port_code, flow, stage, quantity, area, occurred_at, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING
                """, eventId, o.portCode(), o.flow(), o.stage(), o.quantity(), o.area(), Timestamp.from(o.occurredAt()),
                o.source()) > 0;
    }

    /**
     * Tumbling windows of {@code window} from {@code from} to {@code to}: per port, flow and stage, the sum of
     * quantities (entries, inspections, releases) and, for queues, the last length seen in the window.
     */
    public List<Map<String, Object>> windows(Instant from, Instant to, Duration window, String portCode, String flow) {
        return jdbc.queryForList("""
                SELECT date_bin(make_interval(secs => ?), occurred_at, ?::timestamptz) AS "windowStart",
                       port_code AS "portCode", flow, stage,
                       CASE WHEN stage = 'QUEUE' THEN (array_agg(quantity ORDER BY occurred_at DESC))[1]
                            ELSE sum(quantity) END AS value
                FROM flow_observation
                WHERE occurred_at >= ? AND occurred_at < ? AND (?::text IS NULL OR port_code = ?)
                  AND (?::text IS NULL OR flow = ?)
                GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                """, (double) window.toSeconds(), Timestamp.from(from), Timestamp.from(from), Timestamp.from(to),
                portCode, portCode, flow, flow);
    }

    /** Today's totals per port, flow and stage (Asia/Shanghai day). */
    public List<Map<String, Object>> totalsSince(Instant since) {
        return jdbc.queryForList("""
                SELECT port_code AS "portCode", flow, stage,
                       CASE WHEN stage = 'QUEUE' THEN (array_agg(quantity ORDER BY occurred_at DESC))[1]
                            ELSE sum(quantity) END AS value
                FROM flow_observation WHERE occurred_at >= ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                """, Timestamp.from(since));
    }

    /** Entries per hour over the last day, per port (trend line). */
    public List<Map<String, Object>> hourlyEntries(Instant since) {
        return jdbc.queryForList("""
                SELECT to_char(date_trunc('hour', occurred_at AT TIME ZONE 'Asia/Shanghai'), 'HH24:00') AS hour,
                       port_code AS "portCode", sum(quantity) AS entries
                FROM flow_observation WHERE stage = 'ENTRY' AND occurred_at >= ? GROUP BY 1, 2 ORDER BY 1, 2
                """, Timestamp.from(since));
    }
}
