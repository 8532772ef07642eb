package cn.hnsw.portsituation.ais;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes AIS history and the latest state per vessel in batches, off the receiving threads: positions by PostgreSQL
 * COPY into {@code ais_position}, the newest fix and static data of each vessel in a batch by upsert into
 * {@code ais_vessel}. The queue is bounded; when the database falls behind, {@link #offer} blocks the receivers, so
 * nothing is lost silently.
 */
public final class PositionWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PositionWriter.class);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final BlockingQueue<Object> queue;
    private final int batch;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** Newest fix per vessel not yet in ais_vessel; upserted at most once a second, so a busy vessel costs one row. */
    private final Map<Integer, AisPosition> latestPending = new LinkedHashMap<>();
    private long latestFlushedAt;
    private final Thread worker;
    private volatile boolean running = true;

    public PositionWriter(DataSource dataSource, int capacity, int batch) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batch = batch;
        this.worker = Thread.ofPlatform().name("ais-position-writer").daemon().start(this::run);
    }

    /** Queues a fix or static data; waits while the queue is full. */
    public void offer(Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Fixes written to the history so far. */
    public long written() {
        return written.get();
    }

    public long failed() {
        return failed.get();
    }

    public int backlog() {
        return queue.size();
    }

    private void run() {
        List<Object> items = new ArrayList<>(batch);
        while (running || !queue.isEmpty()) {
            try {
                Object first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    flushLatest(true);
                    continue;
                }
                items.add(first);
                queue.drainTo(items, batch - 1);
                write(items);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failed.addAndGet(items.size());
                log.warn("event=ais-write-failed items={} error={}", items.size(), e.toString());
            } finally {
                items.clear();
            }
        }
    }

    private void write(List<Object> items) {
        StringBuilder copy = new StringBuilder(items.size() * 96);
        Map<Integer, AisStatic> statics = new LinkedHashMap<>();
        int fixes = 0;
        for (Object item : items) {
            if (item instanceof AisPosition f) {
                fixes++;
                copy.append(f.mmsi()).append('\t').append(f.receivedAt()).append('\t')
                        .append(f.latitude()).append('\t').append(f.longitude()).append('\t')
                        .append(nullable(f.sogKnots())).append('\t').append(nullable(f.cogDegrees())).append('\t')
                        .append(nullable(f.heading())).append('\t').append(nullable(f.navStatus())).append('\t')
                        .append(clean(f.feeder())).append('\n');
                latestPending.merge(f.mmsi(), f, (a, b) -> b.receivedAt().isBefore(a.receivedAt()) ? a : b);
            } else if (item instanceof AisStatic s) {
                statics.put(s.mmsi(), s);
            }
        }
        if (fixes > 0) {
            try (Connection c = dataSource.getConnection()) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY ais_position (mmsi, received_at, latitude, longitude, sog_knots, cog_degrees, heading,"
                                + " nav_status, feeder) FROM STDIN", new StringReader(copy.toString()));
            } catch (Exception e) {
                throw new IllegalStateException("COPY ais_position failed", e);
            }
        }
        flushLatest(false);
        if (!statics.isEmpty()) {
            writeStatics(statics);
        }
        written.addAndGet(fixes);
    }

    private void flushLatest(boolean idle) {
        long now = System.currentTimeMillis();
        if (latestPending.isEmpty() || (!idle && now - latestFlushedAt < 1_000)) {
            return;
        }
        latestFlushedAt = now;
        List<AisPosition> latest = List.copyOf(latestPending.values());
        latestPending.clear();
        jdbc.batchUpdate("""
                    INSERT INTO ais_vessel (mmsi, latitude, longitude, sog_knots, cog_degrees, heading, nav_status, position_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (mmsi) DO UPDATE SET latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
                        sog_knots = EXCLUDED.sog_knots, cog_degrees = EXCLUDED.cog_degrees, heading = EXCLUDED.heading,
                        nav_status = EXCLUDED.nav_status, position_at = EXCLUDED.position_at
                    WHERE ais_vessel.position_at IS NULL OR ais_vessel.position_at <= EXCLUDED.position_at
                    """, latest.stream().map(f -> new Object[] {f.mmsi(), f.latitude(), f.longitude(),
                    f.sogKnots(), f.cogDegrees(), f.heading(), navStatus(f.navStatus()), Timestamp.from(f.receivedAt())})
                    .toList());
    }

    private void writeStatics(Map<Integer, AisStatic> statics) {
        jdbc.batchUpdate("""
                    INSERT INTO ais_vessel (mmsi, ship_name, callsign, imo, ship_type, length_m, beam_m, destination,
                                            draught_m, static_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (mmsi) DO UPDATE SET ship_name = coalesce(EXCLUDED.ship_name, ais_vessel.ship_name),
                        callsign = coalesce(EXCLUDED.callsign, ais_vessel.callsign),
                        imo = coalesce(EXCLUDED.imo, ais_vessel.imo),
                        ship_type = coalesce(EXCLUDED.ship_type, ais_vessel.ship_type),
                        length_m = coalesce(EXCLUDED.length_m, ais_vessel.length_m),
                        beam_m = coalesce(EXCLUDED.beam_m, ais_vessel.beam_m),
                        destination = coalesce(EXCLUDED.destination, ais_vessel.destination),
                        draught_m = coalesce(EXCLUDED.draught_m, ais_vessel.draught_m), static_at = EXCLUDED.static_at
                    """, statics.values().stream().map(s -> new Object[] {s.mmsi(), s.shipName(), s.callsign(), s.imo(),
                    s.shipType(), s.lengthMetres(), s.beamMetres(), s.destination(), s.draughtMetres(),
                    Timestamp.from(s.receivedAt())}).toList());
    }

    private static String navStatus(Integer code) {
        return code == null ? null : String.valueOf(code);
    }

    private static String nullable(Object value) {
        return value == null ? "\\N" : value.toString();
    }

    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\\', '/');
    }

    /** Waits until everything queued before this call is written, or the time is up. */
    public boolean drain(java.time.Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!queue.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        return queue.isEmpty();
    }

    @Override
    public void close() {
        running = false;
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
