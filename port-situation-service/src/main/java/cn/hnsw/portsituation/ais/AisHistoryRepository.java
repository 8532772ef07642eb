package cn.hnsw.portsituation.ais;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads of the AIS history (track segments, {@code ais_track_segment}: each row one vessel's points as arrays, all
 * within {@link PositionWriter#MAX_SEGMENT_SPAN} of its {@code first_at}), the vessel table and the data-receive log.
 */
@Repository
public class AisHistoryRepository {

    private final JdbcTemplate jdbc;

    public AisHistoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Track points of one vessel between two instants, oldest first, at most {@code limit}. */
    public List<Map<String, Object>> track(int mmsi, Instant from, Instant to, int limit) {
        return jdbc.queryForList("""
                SELECT p.at AS "at", p.latitude, p.longitude, p.sog AS "sogKnots", p.cog AS "cogDegrees", p.heading,
                       p.nav AS "navStatus"
                FROM ais_track_segment s,
                     unnest(s.received_at, s.latitude, s.longitude, s.sog_knots, s.cog_degrees, s.heading, s.nav_status)
                         WITH ORDINALITY AS p(at, latitude, longitude, sog, cog, heading, nav, n)
                WHERE s.mmsi = ? AND s.first_at > ? AND s.first_at < ? AND p.at >= ? AND p.at < ?
                ORDER BY p.at, s.first_at, p.n LIMIT ?
                """, mmsi, Timestamp.from(from.minus(PositionWriter.MAX_SEGMENT_SPAN)), Timestamp.from(to),
                Timestamp.from(from), Timestamp.from(to), limit);
    }

    /** Positions of every vessel at a moment of the past: each vessel's last fix before it (history view). */
    public List<Map<String, Object>> positionsAt(Instant at, java.time.Duration lookBack) {
        Instant since = at.minus(lookBack);
        return jdbc.queryForList("""
                SELECT DISTINCT ON (s.mmsi) s.mmsi, p.at AS "at", p.latitude, p.longitude,
                       p.sog AS "sogKnots", p.cog AS "cogDegrees", v.ship_name AS "shipName",
                       v.ship_type AS "shipType"
                FROM ais_track_segment s
                     CROSS JOIN LATERAL unnest(s.received_at, s.latitude, s.longitude, s.sog_knots, s.cog_degrees)
                         WITH ORDINALITY AS p(at, latitude, longitude, sog, cog, n)
                     LEFT JOIN ais_vessel v ON v.mmsi = s.mmsi
                WHERE s.first_at <= ? AND s.first_at > ? AND p.at <= ? AND p.at > ?
                ORDER BY s.mmsi, p.at DESC, s.first_at DESC, p.n DESC
                """, Timestamp.from(at), Timestamp.from(since.minus(PositionWriter.MAX_SEGMENT_SPAN)),
                Timestamp.from(at), Timestamp.from(since));
    }

    public long positionCount() {
        Long n = jdbc.queryForObject("SELECT coalesce(sum(points), 0) FROM ais_track_segment", Long.class);
        return n == null ? 0 : n;
    }

    /** Vessels by ship type, and position reports per hour over the last day (statistics). */
    public List<Map<String, Object>> vesselsByType() {
        return jdbc.queryForList("SELECT coalesce(ship_type, 'UNKNOWN') AS \"shipType\", count(*) AS count"
                + " FROM ais_vessel GROUP BY 1 ORDER BY 2 DESC");
    }

    public List<Map<String, Object>> reportsPerHour(Instant since) {
        return jdbc.queryForList("""
                SELECT to_char(date_trunc('hour', p.at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:00') AS hour,
                       count(*) AS reports, count(DISTINCT s.mmsi) AS vessels
                FROM ais_track_segment s, unnest(s.received_at) AS p(at)
                WHERE s.first_at > ? AND p.at >= ? GROUP BY 1 ORDER BY 1
                """, Timestamp.from(since.minus(PositionWriter.MAX_SEGMENT_SPAN)), Timestamp.from(since));
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
