package cn.hnsw.portsituation.ais;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads of the AIS history (track segments, {@code ais_track_segment}: each row one vessel's points packed in one
 * {@code bytea} that {@link TrackSegmentCodec} decodes, all within {@link PositionWriter#MAX_SEGMENT_SPAN} of its
 * {@code first_at}), the vessel table and the data-receive log.
 */
@Repository
public class AisHistoryRepository {

    private final JdbcTemplate jdbc;

    public AisHistoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Track points of one vessel between two instants, oldest first, at most {@code limit}. */
    public List<Map<String, Object>> track(int mmsi, Instant from, Instant to, int limit) {
        long fromMicros = TrackSegmentCodec.pgMicros(Timestamp.from(from));
        long toMicros = TrackSegmentCodec.pgMicros(Timestamp.from(to));
        List<TrackSegmentCodec.Point> points = new ArrayList<>();
        // segments by first_at: a segment's points lie within MAX_SEGMENT_SPAN after it; once `limit` points are in
        // hand, a segment starting after the newest of them cannot bring an older point
        long[] newestKept = {Long.MAX_VALUE};
        jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    SELECT first_at, packed, feeders FROM ais_track_segment
                    WHERE mmsi = ? AND first_at > ? AND first_at < ? ORDER BY first_at
                    """);
            ps.setInt(1, mmsi);
            ps.setTimestamp(2, Timestamp.from(from.minus(PositionWriter.MAX_SEGMENT_SPAN)));
            ps.setTimestamp(3, Timestamp.from(to));
            ps.setFetchSize(500);
            return ps;
        }, (ResultSet rs) -> {
            long first = TrackSegmentCodec.pgMicros(rs.getTimestamp(1));
            if (first > newestKept[0]) {
                return;
            }
            for (TrackSegmentCodec.Point p : TrackSegmentCodec.decode(rs.getBytes(2), first, feeders(rs, 3))) {
                if (p.pgMicros() >= fromMicros && p.pgMicros() < toMicros) {
                    points.add(p);
                }
            }
            if (limit > 0 && points.size() >= 2 * limit) {
                keepOldest(points, limit);
                newestKept[0] = points.get(points.size() - 1).pgMicros();
            }
        });
        keepOldest(points, limit);
        List<Map<String, Object>> out = new ArrayList<>(points.size());
        for (TrackSegmentCodec.Point p : points) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", p.at());
            row.put("latitude", p.latitude());
            row.put("longitude", p.longitude());
            row.put("sogKnots", p.sogKnots());
            row.put("cogDegrees", p.cogDegrees());
            row.put("heading", p.heading());
            row.put("navStatus", p.navText());
            out.add(row);
        }
        return out;
    }

    /**
     * Sorts by time, the points collected in segment order (first_at, then place in the segment) so that equal times
     * keep that order (the sort is stable), and keeps the oldest {@code limit}.
     */
    private static void keepOldest(List<TrackSegmentCodec.Point> points, int limit) {
        points.sort(java.util.Comparator.comparingLong(TrackSegmentCodec.Point::pgMicros));
        if (points.size() > limit) {
            points.subList(limit, points.size()).clear();
        }
    }

    private static String[] feeders(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        try {
            return (String[]) array.getArray();
        } finally {
            array.free();
        }
    }

    /** Positions of every vessel at a moment of the past: each vessel's last fix before it (history view). */
    public List<Map<String, Object>> positionsAt(Instant at, java.time.Duration lookBack) {
        Instant since = at.minus(lookBack);
        long atMicros = TrackSegmentCodec.pgMicros(Timestamp.from(at));
        long sinceMicros = TrackSegmentCodec.pgMicros(Timestamp.from(since));
        List<Map<String, Object>> out = new ArrayList<>();
        List<Map<String, Object>> current = new ArrayList<>(1); // the vessel's best row so far, if any
        long[] best = new long[1];
        // per vessel, only the segments that can hold its last fix: its newest segment starting at or before `at`
        // has a point then (its first), so an older segment ending before that first point cannot win
        jdbc.query("""
                SELECT c.mmsi, c.first_at, c.packed, c.feeders, v.ship_name, v.ship_type
                FROM (SELECT s.mmsi, s.first_at, s.packed, s.feeders,
                             max(s.first_at) OVER (PARTITION BY s.mmsi) AS newest
                      FROM ais_track_segment s WHERE s.first_at <= ? AND s.first_at > ?) c
                     LEFT JOIN ais_vessel v ON v.mmsi = c.mmsi
                WHERE c.first_at >= c.newest - make_interval(secs => ?)
                ORDER BY c.mmsi, c.first_at
                """, (ResultSet rs) -> {
            int mmsi = rs.getInt(1);
            long first = TrackSegmentCodec.pgMicros(rs.getTimestamp(2));
            if (!current.isEmpty() && !current.get(0).get("mmsi").equals(mmsi)) {
                current.clear();
            }
            if (current.isEmpty()) {
                best[0] = Long.MIN_VALUE;
            }
            // segments come oldest first and points in their order: the last of the latest time wins, as before
            for (TrackSegmentCodec.Point p : TrackSegmentCodec.decode(rs.getBytes(3), first, feeders(rs, 4))) {
                if (p.pgMicros() <= atMicros && p.pgMicros() > sinceMicros && p.pgMicros() >= best[0]) {
                    best[0] = p.pgMicros();
                    boolean added = !current.isEmpty();
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("mmsi", mmsi);
                    row.put("at", p.at());
                    row.put("latitude", p.latitude());
                    row.put("longitude", p.longitude());
                    row.put("sogKnots", p.sogKnots());
                    row.put("cogDegrees", p.cogDegrees());
                    row.put("shipName", rs.getString(5));
                    row.put("shipType", rs.getString(6));
                    if (added) {
                        out.set(out.size() - 1, row);
                    } else {
                        out.add(row);
                    }
                    current.clear();
                    current.add(row);
                }
            }
        }, Timestamp.from(at), Timestamp.from(since.minus(PositionWriter.MAX_SEGMENT_SPAN)),
                PositionWriter.MAX_SEGMENT_SPAN.toSeconds());
        return out;
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

    /**
     * Position reports and vessels per hour (Asia/Shanghai) since a moment. A segment within one hour, after
     * {@code since}, counts its {@code points} where it lies without being opened; the few that straddle an hour or
     * {@code since} are decoded and counted point by point.
     */
    public List<Map<String, Object>> reportsPerHour(Instant since) {
        long sinceMicros = TrackSegmentCodec.pgMicros(Timestamp.from(since));
        java.util.TreeMap<java.time.LocalDateTime, long[]> reports = new java.util.TreeMap<>();
        Map<java.time.LocalDateTime, java.util.Set<Integer>> vessels = new HashMap<>();
        jdbc.query("""
                SELECT mmsi, first_at, points,
                       CASE WHEN first_at < ? OR date_trunc('hour', first_at AT TIME ZONE 'Asia/Shanghai')
                                                <> date_trunc('hour', last_at AT TIME ZONE 'Asia/Shanghai')
                            THEN packed END AS packed
                FROM ais_track_segment WHERE first_at > ?
                """, (ResultSet rs) -> {
            int mmsi = rs.getInt(1);
            Timestamp first = rs.getTimestamp(2);
            byte[] packed = rs.getBytes(4);
            if (packed == null) {
                java.time.LocalDateTime hour = hour(TrackSegmentCodec.pgMicros(first));
                reports.computeIfAbsent(hour, h -> new long[1])[0] += rs.getInt(3);
                vessels.computeIfAbsent(hour, h -> new HashSet<>()).add(mmsi);
                return;
            }
            for (long at : TrackSegmentCodec.times(packed, TrackSegmentCodec.pgMicros(first))) {
                if (at >= sinceMicros) {
                    java.time.LocalDateTime hour = hour(at);
                    reports.computeIfAbsent(hour, h -> new long[1])[0]++;
                    vessels.computeIfAbsent(hour, h -> new HashSet<>()).add(mmsi);
                }
            }
        }, Timestamp.from(since), Timestamp.from(since.minus(PositionWriter.MAX_SEGMENT_SPAN)));
        List<Map<String, Object>> out = new ArrayList<>();
        reports.forEach((hour, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("hour", HOUR.format(hour));
            row.put("reports", n[0]);
            row.put("vessels", (long) vessels.get(hour).size());
            out.add(row);
        });
        return out;
    }

    private static final java.time.ZoneId SHANGHAI = java.time.ZoneId.of("Asia/Shanghai");
    private static final java.time.format.DateTimeFormatter HOUR =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00");

    private static java.time.LocalDateTime hour(long pgMicros) {
        long unixMicros = pgMicros + TrackSegmentCodec.PG_EPOCH_MICROS;
        return java.time.LocalDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(unixMicros, 1_000_000L)), SHANGHAI)
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
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
