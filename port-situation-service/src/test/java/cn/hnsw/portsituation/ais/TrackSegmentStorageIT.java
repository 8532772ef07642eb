package cn.hnsw.portsituation.ais;

import cn.hnsw.portsituation.PortSituationIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Track segments stored packed (one {@code bytea} a segment, {@link TrackSegmentCodec}): migration V19's conversion of
 * the rows stored as arrays, and the history reads that decode the packed points (per-hour counts, limits).
 */
class TrackSegmentStorageIT extends PortSituationIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    AisPipeline pipeline;
    @Autowired
    AisHistoryRepository history;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void migrationV19ConvertsSegmentsStoredAsArraysPointForPoint() throws Exception {
        // V19 runs once at start-up on an empty table; here it runs again on a table of the V5/V18 layout, with the
        // same name in a scratch schema, holding segments as the writer stored them before (nulls, two feeders)
        String v19 = new ClassPathResource("db/migration/V19__ais_track_segment_packed.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        String schema = "v19_check_" + ThreadLocalRandom.current().nextInt(1_000_000);
        try (Connection c = dataSource.getConnection()) {
            JdbcTemplate one = new JdbcTemplate(new SingleConnectionDataSource(c, true));
            one.execute("CREATE SCHEMA " + schema);
            try {
                one.execute("SET search_path TO " + schema + ", public");
                one.execute("""
                        CREATE TABLE ais_track_segment (
                            mmsi int NOT NULL, first_at timestamptz NOT NULL, last_at timestamptz NOT NULL,
                            points int NOT NULL CHECK (points > 0), received_at timestamptz[] NOT NULL,
                            latitude double precision[] NOT NULL, longitude double precision[] NOT NULL,
                            sog_knots real[] NOT NULL, cog_degrees real[] NOT NULL, heading int[] NOT NULL,
                            nav_status text[] NOT NULL, feeder text[] NOT NULL)
                        """);
                one.execute("""
                        INSERT INTO ais_track_segment VALUES
                          (412000001, '2026-11-27 10:00:00.000001+00', '2026-11-27 10:00:59.5+00', 3,
                           ARRAY['2026-11-27 10:00:00.000001+00', '2026-11-27 10:00:59.5+00',
                                 '2026-11-27 10:00:00.000001+00']::timestamptz[],
                           ARRAY[19.123456789, 19.5, -0.25], ARRAY[109.987654321, 110.0, 0.0],
                           ARRAY[7.5, NULL, 0]::real[], ARRAY[123.4, NULL, NULL]::real[], ARRAY[511, NULL, 0],
                           ARRAY['15', NULL, '0'], ARRAY['海口基站', 'feeder-b', '海口基站']),
                          (412000002, '2026-11-27 11:00:00+00', '2026-11-27 11:00:00+00', 1,
                           ARRAY['2026-11-27 11:00:00+00']::timestamptz[], ARRAY[20.0], ARRAY[110.5],
                           ARRAY[12.25]::real[], ARRAY[90]::real[], ARRAY[88], ARRAY['5'], ARRAY['feeder-c'])
                        """);
                try (Statement st = c.createStatement()) {
                    st.execute(v19);
                }
                List<TrackSegmentCodec.Point> points = new ArrayList<>();
                one.query("SELECT first_at, packed, feeders FROM ais_track_segment ORDER BY mmsi", (java.sql.ResultSet rs) -> {
                    points.addAll(TrackSegmentCodec.decode(rs.getBytes(2), TrackSegmentCodec.pgMicros(rs.getTimestamp(1)),
                            (String[]) rs.getArray(3).getArray()));
                });
                assertThat(points).hasSize(4);
                TrackSegmentCodec.Point a = points.get(0);
                assertThat(a.at().toInstant()).isEqualTo(Instant.parse("2026-11-27T10:00:00.000001Z"));
                assertThat(a.latitude()).isEqualTo(19.123456789);
                assertThat(a.longitude()).isEqualTo(109.987654321);
                assertThat(a.sogKnots()).isEqualTo(7.5f);
                assertThat(a.cogDegrees()).isEqualTo(123.4f);
                assertThat(a.heading()).isEqualTo(511);
                assertThat(a.navText()).isEqualTo("15");
                assertThat(a.feeder()).isEqualTo("海口基站");
                TrackSegmentCodec.Point b = points.get(1);
                assertThat(b.at().toInstant()).isEqualTo(Instant.parse("2026-11-27T10:00:59.500Z"));
                assertThat(b.sogKnots()).isNull();
                assertThat(b.cogDegrees()).isNull();
                assertThat(b.heading()).isNull();
                assertThat(b.navStatus()).isNull();
                assertThat(b.feeder()).isEqualTo("feeder-b");
                TrackSegmentCodec.Point c2 = points.get(2);
                assertThat(c2.n()).isEqualTo(2);
                assertThat(c2.latitude()).isEqualTo(-0.25);
                assertThat(c2.sogKnots()).isEqualTo(0f);
                assertThat(c2.cogDegrees()).isNull();
                assertThat(c2.heading()).isZero();
                assertThat(c2.navText()).isEqualTo("0");
                assertThat(c2.feeder()).isEqualTo("海口基站");
                TrackSegmentCodec.Point d = points.get(3);
                assertThat(d.at().toInstant()).isEqualTo(Instant.parse("2026-11-27T11:00:00Z"));
                assertThat(d.sogKnots()).isEqualTo(12.25f);
                assertThat(d.heading()).isEqualTo(88);
                assertThat(d.navText()).isEqualTo("5");
                assertThat(d.feeder()).isEqualTo("feeder-c");
                // the arrays are gone; the packed form is checked against the point count
                assertThat(one.queryForObject("""
                        SELECT count(*) FROM information_schema.columns
                        WHERE table_schema = ? AND table_name = 'ais_track_segment'
                        """, Long.class, schema)).isEqualTo(6);
                assertThat(one.queryForList("SELECT feeders::text FROM ais_track_segment ORDER BY mmsi", String.class))
                        .containsExactly("{海口基站,feeder-b}", "{feeder-c}");
            } finally {
                one.execute("SET search_path TO DEFAULT");
                one.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void reportsPerHourCountsEveryPointOfSegmentsWithinAndAcrossAnHour() throws Exception {
        // a segment that straddles an hour of Asia/Shanghai is counted point by point, one within an hour at once
        int mmsi = 413_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Instant hourMark = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00");
        String before = f.format(LocalDateTime.ofInstant(hourMark.minusSeconds(1), shanghai));
        String after = f.format(LocalDateTime.ofInstant(hourMark, shanghai));
        Instant since = hourMark.minus(Duration.ofMinutes(30));
        Map<String, long[]> start = perHour(since);

        for (int i = 0; i < 10; i++) { // 20 s before the hour to 25 s after: one segment across it
            pipeline.accept(new AisPosition(mmsi, hourMark.minusSeconds(20).plusSeconds(5L * i), 19.9, 109.9, 1f, 2f,
                    3, 0, "it-hours"));
        }
        for (int i = 0; i < 4; i++) { // ten minutes before the hour, within it
            pipeline.accept(new AisPosition(mmsi, hourMark.minusSeconds(600).plusSeconds(i), 19.9, 109.9, 1f, 2f, 3,
                    0, "it-hours"));
        }
        awaitPoints(mmsi, hourMark.minusSeconds(700), hourMark.plusSeconds(60), 14);

        Map<String, long[]> end = perHour(since);
        assertThat(end.get(before)[0] - start.getOrDefault(before, new long[2])[0]).isEqualTo(4 + 4);
        assertThat(end.get(after)[0] - start.getOrDefault(after, new long[2])[0]).isEqualTo(6);
        assertThat(end.get(after)[1]).isGreaterThanOrEqualTo(1);
        // from a moment inside the straddling segment: only its points from then on count (one before the hour, 5 s
        // before it; the points of ten minutes before are left out)
        Map<String, long[]> late = perHour(hourMark.minusSeconds(5));
        assertThat(late.get(before)[0]).isEqualTo(1);
        assertThat(late.get(after)[0]).isGreaterThanOrEqualTo(6);
    }

    @Test
    void trackReturnsTheOldestPointsUpToTheLimitInTimeOrderAcrossSegments() throws Exception {
        int mmsi = 414_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
        Instant t0 = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        // 1,100 points, 50 ms apart: three or more segments (at most 500 points each); sent newest half first
        for (int i = 550; i < 1_100; i++) {
            pipeline.accept(new AisPosition(mmsi, t0.plusMillis(50L * i), 19.0 + i * 1e-6, 109.0, 5f, 6f, 7, 0, "it-lim"));
        }
        for (int i = 0; i < 550; i++) {
            pipeline.accept(new AisPosition(mmsi, t0.plusMillis(50L * i), 19.0 + i * 1e-6, 109.0, 5f, 6f, 7, 0, "it-lim"));
        }
        awaitPoints(mmsi, t0, t0.plusSeconds(120), 1_100);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ais_track_segment WHERE mmsi = ?", Long.class, mmsi))
                .isGreaterThanOrEqualTo(3);

        List<Map<String, Object>> first = history.track(mmsi, t0, t0.plusSeconds(120), 7);
        assertThat(first).hasSize(7);
        for (int i = 0; i < 7; i++) {
            assertThat(((Timestamp) first.get(i).get("at")).toInstant()).isEqualTo(t0.plusMillis(50L * i));
            assertThat((Double) first.get(i).get("latitude")).isEqualTo(19.0 + i * 1e-6);
        }
        List<Map<String, Object>> window = history.track(mmsi, t0.plusSeconds(20), t0.plusSeconds(30), 10_000);
        assertThat(window).hasSize(200);
        assertThat(((Timestamp) window.get(0).get("at")).toInstant()).isEqualTo(t0.plusSeconds(20));
        assertThat(((Timestamp) window.get(199).get("at")).toInstant()).isEqualTo(t0.plusMillis(29_950));
        List<Map<String, Object>> at = history.positionsAt(t0.plusMillis(30_010), Duration.ofMinutes(30));
        Map<String, Object> here = at.stream().filter(p -> p.get("mmsi").equals(mmsi)).findFirst().orElseThrow();
        assertThat(((Timestamp) here.get("at")).toInstant()).isEqualTo(t0.plusMillis(30_000));
        assertThat(at.stream().filter(p -> p.get("mmsi").equals(mmsi)).count()).isEqualTo(1);
    }

    private void awaitPoints(int mmsi, Instant from, Instant to, int n) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (history.track(mmsi, from, to, 100_000).size() < n && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(history.track(mmsi, from, to, 100_000)).hasSize(n);
    }

    private Map<String, long[]> perHour(Instant since) {
        Map<String, long[]> out = new java.util.HashMap<>();
        for (Map<String, Object> row : history.reportsPerHour(since)) {
            out.put((String) row.get("hour"), new long[] {((Number) row.get("reports")).longValue(),
                    ((Number) row.get("vessels")).longValue()});
        }
        return out;
    }
}
