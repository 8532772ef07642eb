package cn.hnsw.portsituation.ais;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
 * Writes AIS history and the latest state per vessel in batches, off the receiving threads. Vessels are spread over
 * {@code shards} writer threads by MMSI (each with its own queue and database connection, so PostgreSQL ingests in
 * parallel and one vessel's rows stay in order): positions by PostgreSQL binary {@code COPY} into {@code ais_position}
 * (no text to format on this side nor to parse on the server's), the newest fix and static data of each vessel by
 * upsert into {@code ais_vessel}, at most once a second per shard. Each queue is bounded; when the database falls
 * behind, {@link #offer} blocks the caller, so nothing is lost silently.
 */
public final class PositionWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PositionWriter.class);

    /** PostgreSQL binary COPY signature, flags and header extension length. */
    private static final byte[] COPY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in microseconds after the Unix epoch. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    private static final String COPY_SQL = "COPY ais_position (mmsi, received_at, latitude, longitude, sog_knots,"
            + " cog_degrees, heading, nav_status, feeder) FROM STDIN (FORMAT binary)";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Shard[] shards;
    private final int batch;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running = true;

    public PositionWriter(DataSource dataSource, int capacity, int batch) {
        this(dataSource, capacity, batch, 1);
    }

    public PositionWriter(DataSource dataSource, int capacity, int batch, int shards) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.batch = batch;
        int n = Math.max(1, shards);
        this.shards = new Shard[n];
        for (int i = 0; i < n; i++) {
            this.shards[i] = new Shard(i, Math.max(1, capacity / n));
        }
    }

    /** Queues a fix or static data; waits while its shard's queue is full. */
    public void offer(Object item) {
        int mmsi = item instanceof AisPosition f ? f.mmsi() : ((AisStatic) item).mmsi();
        Shard shard = shards[Math.floorMod(mmsi, shards.length)];
        try {
            shard.queue.put(item);
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
        int n = 0;
        for (Shard s : shards) {
            n += s.queue.size();
        }
        return n;
    }

    public int shards() {
        return shards.length;
    }

    /** One writer thread, its queue, and the newest fix per vessel not yet in {@code ais_vessel}. */
    private final class Shard {
        final BlockingQueue<Object> queue;
        final Map<Integer, AisPosition> latestPending = new LinkedHashMap<>();
        final Thread worker;
        long latestFlushedAt;
        ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);

        Shard(int index, int capacity) {
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.worker = Thread.ofPlatform().name("ais-position-writer-" + index).daemon().start(this::run);
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
            Map<Integer, AisStatic> statics = new LinkedHashMap<>();
            buffer.clear();
            put(COPY_HEADER);
            int fixes = 0;
            for (Object item : items) {
                if (item instanceof AisPosition f) {
                    fixes++;
                    tuple(f);
                    AisPosition before = latestPending.get(f.mmsi());
                    if (before == null || !f.receivedAt().isBefore(before.receivedAt())) {
                        latestPending.put(f.mmsi(), f);
                    }
                } else if (item instanceof AisStatic s) {
                    statics.put(s.mmsi(), s);
                }
            }
            if (fixes > 0) {
                ensure(2);
                buffer.putShort((short) -1);
                try (Connection c = dataSource.getConnection()) {
                    CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL);
                    try {
                        copy.writeToCopy(buffer.array(), 0, buffer.position());
                        copy.endCopy();
                    } finally {
                        if (copy.isActive()) {
                            copy.cancelCopy();
                        }
                    }
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

        /** One row in PostgreSQL's binary COPY format: field count, then length and big-endian value per field. */
        private void tuple(AisPosition f) {
            byte[] feeder = f.feeder().getBytes(StandardCharsets.UTF_8);
            ensure(2 + 9 * 4 + 4 + 8 + 8 + 8 + 4 + 4 + 4 + 8 + feeder.length);
            buffer.putShort((short) 9);
            buffer.putInt(4).putInt(f.mmsi());
            Instant at = f.receivedAt();
            buffer.putInt(8).putLong(at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000 - PG_EPOCH_MICROS);
            buffer.putInt(8).putDouble(f.latitude());
            buffer.putInt(8).putDouble(f.longitude());
            putReal(f.sogKnots());
            putReal(f.cogDegrees());
            putInt(f.heading());
            if (f.navStatus() == null) {
                buffer.putInt(-1);
            } else {
                // nav_status is text (the code as written in ITU-R M.1371), at most two ASCII digits
                byte[] code = Integer.toString(f.navStatus()).getBytes(StandardCharsets.US_ASCII);
                ensure(4 + code.length);
                buffer.putInt(code.length).put(code);
            }
            buffer.putInt(feeder.length).put(feeder);
        }

        private void putReal(Float value) {
            if (value == null) {
                buffer.putInt(-1);
            } else {
                buffer.putInt(4).putFloat(value);
            }
        }

        private void putInt(Integer value) {
            if (value == null) {
                buffer.putInt(-1);
            } else {
                buffer.putInt(4).putInt(value);
            }
        }

        private void put(byte[] bytes) {
            ensure(bytes.length);
            buffer.put(bytes);
        }

        private void ensure(int more) {
            if (buffer.remaining() < more) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + more));
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
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

    /** Waits until everything queued before this call is written, or the time is up. */
    public boolean drain(java.time.Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (backlog() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        return backlog() == 0;
    }

    @Override
    public void close() {
        running = false;
        for (Shard s : shards) {
            try {
                s.worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
