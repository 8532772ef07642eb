package cn.hnsw.portsituation.ais;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reads of the AIS history ({@code ais_position}), the vessel table and the data-receive log. */
@Repository
public class AisHistoryRepository {

    private final JdbcTemplate jdbc;

    public AisHistoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Track points of one vessel between two instants, oldest first, at most {@code limit}. */
    public List<Map<String, Object>> track(int mmsi, Instant from, Instant to, int limit) {
        return jdbc.queryForList("""
                SELECT received_at AS "at", latitude, longitude, sog_knots AS "sogKnots", cog_degrees AS "cogDegrees",
                       heading, nav_status AS "navStatus"
                FROM ais_position WHERE mmsi = ? AND received_at >= ? AND received_at < ?
                ORDER BY received_at LIMIT ?
                """, mmsi, Timestamp.from(from), Timestamp.from(to), limit);
    }

    /** Positions of every vessel at a moment of the past: each vessel's last fix before it (history view). */
    public List<Map<String, Object>> positionsAt(Instant at, java.time.Duration lookBack) {
        return jdbc.queryForList("""
                SELECT DISTINCT ON (p.mmsi) p.mmsi, p.received_at AS "at", p.latitude, p.longitude,
                       p.sog_knots AS "sogKnots", p.cog_degrees AS "cogDegrees", v.ship_name AS "shipName",
                       v.ship_type AS "shipType"
                FROM ais_position p LEFT JOIN ais_vessel v ON v.mmsi = p.mmsi
                WHERE p.received_at <= ? AND p.received_at > ?
                ORDER BY p.mmsi, p.received_at DESC
                """, Timestamp.from(at), Timestamp.from(at.minus(lookBack)));
    }

    public long positionCount() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM ais_position", Long.class);
        return n == null ? 0 : n;
    }

    /** Vessels by ship type, and position reports per hour over the last day (statistics). */
    public List<Map<String, Object>> vesselsByType() {
        return jdbc.queryForList("SELECT coalesce(ship_type, 'UNKNOWN') AS \"shipType\", count(*) AS count"
                + " FROM ais_vessel GROUP BY 1 ORDER BY 2 DESC");
    }

    public List<Map<String, Object>> reportsPerHour(Instant since) {
        return jdbc.queryForList("""
                SELECT to_char(date_trunc('hour', received_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:00') AS hour,
                       count(*) AS reports, count(DISTINCT mmsi) AS vessels
                FROM ais_position WHERE received_at >= ? GROUP BY 1 ORDER BY 1
                """, Timestamp.from(since));
    }

    public void logReceive(String channel, IntakeStats.Snapshot delta, Instant periodStart, String reasonsJson) {
        jdbc.update("""
                INSERT INTO data_receive_log (channel, source, period_start, received, accepted, dropped, drop_reasons)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
                """, channel, delta.feeder(), Timestamp.from(periodStart), delta.received(), delta.decoded(),
                delta.dropped(), reasonsJson);
    }

    public List<Map<String, Object>> receiveLog(Instant from, Instant to, String source, int limit, long offset) {
        return jdbc.queryForList("""
                SELECT id, channel, source, period_start AS "periodStart", received, accepted, dropped,
                       drop_reasons::text AS "dropReasons"
                FROM data_receive_log WHERE period_start >= ? AND period_start < ? AND (?::text IS NULL OR source = ?)
                ORDER BY period_start DESC, id DESC LIMIT ? OFFSET ?
                """, Timestamp.from(from), Timestamp.from(to), source, source, limit, offset);
    }

    public long receiveLogCount(Instant from, Instant to, String source) {
        Long n = jdbc.queryForObject("""
                SELECT count(*) FROM data_receive_log WHERE period_start >= ? AND period_start < ?
                  AND (?::text IS NULL OR source = ?)
                """, Long.class, Timestamp.from(from), Timestamp.from(to), source, source);
        return n == null ? 0 : n;
    }
}
