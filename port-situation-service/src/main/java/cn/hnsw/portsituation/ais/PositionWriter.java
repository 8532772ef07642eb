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
 * Writes AIS history and the latest state per vessel, off the receiving threads. Vessels are spread over
 * {@code shards} writer threads by MMSI (each with its own queue and database connection, so PostgreSQL ingests in
 * parallel and one vessel's points stay together). Each shard collects a vessel's fixes into an open track segment
 * (航迹段) and writes all its open segments, one row per vessel, by PostgreSQL binary {@code COPY} into
 * {@code ais_track_segment}: when the input pauses ({@link #IDLE_FLUSH}), at least once a second, and when a segment
 * holds {@link #MAX_SEGMENT_POINTS} points or would span more than {@link #MAX_SEGMENT_SPAN}. The newest fix and
 * static data of each vessel are upserted into {@code ais_vessel} at the same moments. Each queue is bounded; when the
 * database falls behind, {@link #offer} blocks the caller, so nothing is lost silently.
 */
public final class PositionWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PositionWriter.class);

    /** PostgreSQL binary COPY signature, flags and header extension length. */
    private static final byte[] COPY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in microseconds after the Unix epoch. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    private static final String COPY_SQL = "COPY ais_track_segment (mmsi, first_at, last_at, points, packed, feeders)"
            + " FROM STDIN (FORMAT binary)";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Shard[] shards;
    private final int batch;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong segments = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong offered = new AtomicLong();
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
        shards[shardOf(item)].put(new Object[] {item});
    }

    /**
     * Queues fixes and static data, in order, one hand-over per shard (one lock and at most one wake-up of its writer
     * for a lane's whole batch, instead of one per fix); waits while a shard's queue is full.
     */
    public void offerAll(List<?> items) {
        if (items.isEmpty()) {
            return;
        }
        if (shards.length == 1) {
            shards[0].put(items.toArray());
            return;
        }
        int[] counts = new int[shards.length];
        for (Object item : items) {
            counts[shardOf(item)]++;
        }
        Object[][] parts = new Object[shards.length][];
        int[] filled = new int[shards.length];
        for (Object item : items) {
            int s = shardOf(item);
            if (parts[s] == null) {
                parts[s] = new Object[counts[s]];
            }
            parts[s][filled[s]++] = item;
        }
        for (int s = 0; s < shards.length; s++) {
            if (parts[s] != null) {
                shards[s].put(parts[s]);
            }
        }
    }

    private int shardOf(Object item) {
        int mmsi = item instanceof AisPosition f ? f.mmsi() : ((AisStatic) item).mmsi();
        return Math.floorMod(mmsi, shards.length);
    }

    /** Fixes written to the history so far. */
    public long written() {
        return written.get();
    }

    /** Track segments (rows of {@code ais_track_segment}) written so far. */
    public long segments() {
        return segments.get();
    }

    public long failed() {
        return failed.get();
    }

    public int backlog() {
        int n = 0;
        for (Shard s : shards) {
            n += s.queued.get();
        }
        return n;
    }

    public int shards() {
        return shards.length;
    }

    /** Segments are written at least this often while positions arrive. */
    static final java.time.Duration FLUSH_INTERVAL = java.time.Duration.ofSeconds(1);
    /**
     * While positions keep arriving, the latest state and static data ({@code ais_vessel}) are upserted at most this
     * often (the live state is served from memory; the table is for restarts and joins); a pause writes them at once.
     */
    static final java.time.Duration LATEST_INTERVAL = java.time.Duration.ofSeconds(5);
    /** Open segments are written once no position has arrived for this long. */
    static final java.time.Duration IDLE_FLUSH = java.time.Duration.ofMillis(20);
    /** The points of a segment lie within this span of its first_at (what the reads rely on). */
    public static final java.time.Duration MAX_SEGMENT_SPAN = java.time.Duration.ofSeconds(60);
    static final int MAX_SEGMENT_POINTS = 500;
    /** Written segments a writer thread keeps for reuse, at most (each up to ~22 KiB of columns). */
    static final int MAX_SPARE_SEGMENTS = 512;
    private static final long MAX_SEGMENT_SPAN_MICROS = MAX_SEGMENT_SPAN.toNanos() / 1_000;

    private static final int OID_TEXT = 25;

    /**
     * One vessel's fixes not yet written, in arrival order, held as primitive columns (what the binary COPY writes):
     * a fix's record is let go as soon as it is collected, so the points waiting for the next flush (up to a second of
     * traffic) are a few arrays per vessel for the garbage collector, not a record and its boxed fields per point.
     */
    private static final class Segment {
        private static final int SOG_NULL = TrackSegmentCodec.SOG_MISSING;
        private static final int COG_NULL = TrackSegmentCodec.COG_MISSING;
        private static final int HEADING_NULL = TrackSegmentCodec.HEADING_MISSING;
        private static final int NAV_NULL = TrackSegmentCodec.NAV_MISSING;

        int mmsi;
        int size;
        long[] at = new long[16];
        double[] latitude = new double[16];
        double[] longitude = new double[16];
        float[] sog = new float[16];
        float[] cog = new float[16];
        int[] heading = new int[16];
        int[] nav = new int[16];
        byte[] nulls = new byte[16];
        String[] feeder = new String[16];
        long first;
        long last;

        Segment(int mmsi) {
            this.mmsi = mmsi;
        }

        /** Empties a written segment for reuse (lets go of the feeder names it referred to). */
        Segment release() {
            java.util.Arrays.fill(feeder, 0, size, null);
            size = 0;
            return this;
        }

        Segment reuse(int vessel) {
            this.mmsi = vessel;
            return this;
        }

        boolean fits(long micros) {
            if (size == 0) {
                return true;
            }
            long min = Math.min(micros, first);
            long max = Math.max(micros, last);
            return size < MAX_SEGMENT_POINTS && max - min <= MAX_SEGMENT_SPAN_MICROS;
        }

        void add(AisPosition f, long micros) {
            if (size == at.length) {
                grow();
            }
            if (size == 0 || micros < first) {
                first = micros;
            }
            if (size == 0 || micros > last) {
                last = micros;
            }
            int i = size++;
            at[i] = micros;
            latitude[i] = f.latitude();
            longitude[i] = f.longitude();
            int flags = 0;
            if (f.sogKnots() == null) {
                flags |= SOG_NULL;
            } else {
                sog[i] = f.sogKnots();
            }
            if (f.cogDegrees() == null) {
                flags |= COG_NULL;
            } else {
                cog[i] = f.cogDegrees();
            }
            if (f.heading() == null) {
                flags |= HEADING_NULL;
            } else {
                heading[i] = f.heading();
            }
            if (f.navStatus() == null) {
                flags |= NAV_NULL;
            } else {
                nav[i] = f.navStatus();
            }
            nulls[i] = (byte) flags;
            feeder[i] = f.feeder();
        }

        private void grow() {
            int n = Math.min(MAX_SEGMENT_POINTS, at.length * 2);
            at = java.util.Arrays.copyOf(at, n);
            latitude = java.util.Arrays.copyOf(latitude, n);
            longitude = java.util.Arrays.copyOf(longitude, n);
            sog = java.util.Arrays.copyOf(sog, n);
            cog = java.util.Arrays.copyOf(cog, n);
            heading = java.util.Arrays.copyOf(heading, n);
            nav = java.util.Arrays.copyOf(nav, n);
            nulls = java.util.Arrays.copyOf(nulls, n);
            feeder = java.util.Arrays.copyOf(feeder, n);
        }
    }

    /** One writer thread, its queue, the open segments and the newest fix per vessel not yet in {@code ais_vessel}. */
    private final class Shard {
        /** Hand-overs (a lane's batch for this shard, or a single item), at most {@code capacity / 64} waiting. */
        final BlockingQueue<Object[]> queue;
        final java.util.concurrent.atomic.AtomicInteger queued = new java.util.concurrent.atomic.AtomicInteger();
        final Map<Integer, Segment> open = new LinkedHashMap<>();
        final List<Segment> closed = new ArrayList<>();
        /**
         * Written segments kept for new ones (their columns grown already), so a vessel's next segment does not grow
         * eight arrays from 16 points again every second.
         */
        final java.util.ArrayDeque<Segment> spare = new java.util.ArrayDeque<>();
        final Map<Integer, AisPosition> latestPending = new LinkedHashMap<>();
        final Map<Integer, AisStatic> statics = new LinkedHashMap<>();
        final Thread worker;
        int pendingPoints;
        long flushedAt = System.nanoTime();
        long latestFlushedAt = System.nanoTime();
        ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);

        Shard(int index, int capacity) {
            this.queue = new ArrayBlockingQueue<>(Math.max(64, capacity / 64));
            this.worker = Thread.ofPlatform().name("ais-position-writer-" + index).daemon().start(this::run);
        }

        void put(Object[] items) {
            long positions = 0;
            for (Object item : items) {
                if (item instanceof AisPosition) {
                    positions++;
                }
            }
            offered.addAndGet(positions);
            queued.addAndGet(items.length);
            try {
                queue.put(items);
            } catch (InterruptedException e) {
                queued.addAndGet(-items.length);
                offered.addAndGet(-positions);
                Thread.currentThread().interrupt();
            }
        }

        private void run() {
            List<Object[]> items = new ArrayList<>(64);
            while (running || !queue.isEmpty() || pendingPoints > 0 || !statics.isEmpty()) {
                try {
                    Object[] first = queue.poll(IDLE_FLUSH.toMillis(), TimeUnit.MILLISECONDS);
                    if (first != null) {
                        items.add(first);
                        queue.drainTo(items, Math.max(1, batch / 32));
                        for (Object[] handed : items) {
                            queued.addAndGet(-handed.length);
                            collect(handed);
                        }
                    }
                    boolean idle = first == null;
                    if ((idle && (pendingPoints > 0 || !statics.isEmpty() || !latestPending.isEmpty()))
                            || System.nanoTime() - flushedAt >= FLUSH_INTERVAL.toNanos()
                            || closed.size() >= 1_000) {
                        flush(idle || System.nanoTime() - latestFlushedAt >= LATEST_INTERVAL.toNanos());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    failed.addAndGet(pendingPoints);
                    log.warn("event=ais-write-failed points={} error={}", pendingPoints, e.toString());
                    open.clear();
                    closed.clear();
                    statics.clear();
                    pendingPoints = 0;
                } finally {
                    items.clear();
                }
            }
        }

        private void collect(Object[] items) {
            for (Object item : items) {
                if (item instanceof AisPosition f) {
                    long micros = micros(f.receivedAt());
                    Integer mmsi = f.mmsi(); // boxed once for the four map look-ups
                    Segment segment = open.get(mmsi);
                    if (segment != null && !segment.fits(micros)) {
                        closed.add(open.remove(mmsi));
                        segment = null;
                    }
                    if (segment == null) {
                        segment = spare.isEmpty() ? new Segment(f.mmsi()) : spare.pop().reuse(f.mmsi());
                        open.put(mmsi, segment);
                    }
                    segment.add(f, micros);
                    pendingPoints++;
                    AisPosition before = latestPending.get(mmsi);
                    if (before == null || !f.receivedAt().isBefore(before.receivedAt())) {
                        latestPending.put(mmsi, f);
                    }
                } else if (item instanceof AisStatic s) {
                    statics.put(s.mmsi(), s);
                }
            }
        }

        /** Writes every closed and open segment (one COPY), then, when {@code latestToo}, latest state and static data. */
        private void flush(boolean latestToo) {
            flushedAt = System.nanoTime();
            if (pendingPoints > 0) {
                closed.addAll(open.values());
                open.clear();
                buffer.clear();
                put(COPY_HEADER);
                for (Segment segment : closed) {
                    tuple(segment);
                }
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
                    throw new IllegalStateException("COPY ais_track_segment failed", e);
                }
                segments.addAndGet(closed.size());
                for (Segment written : closed) {
                    if (spare.size() < MAX_SPARE_SEGMENTS) {
                        spare.push(written.release());
                    }
                }
                closed.clear();
                int points = pendingPoints;
                pendingPoints = 0;
                written.addAndGet(points);
            }
            if (!latestToo) {
                return;
            }
            latestFlushedAt = System.nanoTime();
            if (!latestPending.isEmpty()) {
                List<AisPosition> latest = List.copyOf(latestPending.values());
                latestPending.clear();
                writeLatest(latest);
            }
            if (!statics.isEmpty()) {
                Map<Integer, AisStatic> data = new LinkedHashMap<>(statics);
                statics.clear();
                writeStatics(data);
            }
        }

        /**
         * One segment as a row in PostgreSQL's binary COPY format: field count, then length and value per field. The
         * points go as one {@code bytea} ({@link TrackSegmentCodec}), the feeders' names as a small text array that
         * the points index (usually one name a segment).
         */
        private void tuple(Segment s) {
            int n = s.size;
            String[] names = dictionary;
            int distinct = 0;
            for (int i = 0; i < n; i++) {
                String f = s.feeder[i];
                int k = 0;
                while (k < distinct && names[k] != f && !names[k].equals(f)) {
                    k++;
                }
                if (k == distinct) {
                    if (distinct == names.length) {
                        names = dictionary = java.util.Arrays.copyOf(names, distinct * 2);
                    }
                    names[distinct++] = f;
                }
                feederIndex[i] = (short) k;
            }
            ensure(2 + 4 + 4 + 4 + 8 + 4 + 8 + 4 + 4 + 4 + n * TrackSegmentCodec.POINT_BYTES + 4 + 20);
            buffer.putShort((short) 6);
            buffer.putInt(4).putInt(s.mmsi);
            buffer.putInt(8).putLong(s.first);
            buffer.putInt(8).putLong(s.last);
            buffer.putInt(4).putInt(n);
            buffer.putInt(n * TrackSegmentCodec.POINT_BYTES);
            for (int i = 0; i < n; i++) {
                TrackSegmentCodec.put(buffer, s.at[i] - s.first, s.latitude[i], s.longitude[i], s.sog[i], s.cog[i],
                        s.heading[i], s.nav[i], feederIndex[i], s.nulls[i]);
            }
            int at = arrayStart(OID_TEXT, distinct, false);
            for (int k = 0; k < distinct; k++) {
                putText(feederText(names[k]));
            }
            arrayEnd(at);
            java.util.Arrays.fill(names, 0, distinct, null);
        }

        /** Begins a one-dimensional array field; returns where its length goes once its elements are written. */
        private int arrayStart(int elementOid, int size, boolean hasNulls) {
            ensure(4 + 20);
            int lengthAt = buffer.position();
            buffer.putInt(0);
            buffer.putInt(1).putInt(hasNulls ? 1 : 0).putInt(elementOid).putInt(size).putInt(1);
            return lengthAt;
        }

        private void arrayEnd(int lengthAt) {
            buffer.putInt(lengthAt, buffer.position() - lengthAt - 4);
        }

        /** A segment's feeder names, and each point's index into them (reused from segment to segment). */
        private String[] dictionary = new String[4];
        private final short[] feederIndex = new short[MAX_SEGMENT_POINTS];

        /** A feeder's name in UTF-8, encoded once per feeder (a writer sees a handful). */
        private final Map<String, byte[]> feederBytes = new java.util.HashMap<>();
        private String lastFeeder;
        private byte[] lastFeederBytes;

        private byte[] feederText(String feeder) {
            if (feeder == lastFeeder) {
                return lastFeederBytes;
            }
            byte[] bytes = feederBytes.computeIfAbsent(feeder, f -> f.getBytes(StandardCharsets.UTF_8));
            if (feederBytes.size() > 1_000) {
                feederBytes.clear();
            }
            lastFeeder = feeder;
            lastFeederBytes = bytes;
            return bytes;
        }

        private void putText(byte[] bytes) {
            ensure(4 + bytes.length);
            buffer.putInt(bytes.length).put(bytes);
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
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000 - PG_EPOCH_MICROS;
    }

    private void writeLatest(List<AisPosition> latest) {
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

    /** Waits until everything queued before this call is written (segments included), or the time is up. */
    public boolean drain(java.time.Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        long target = offered.get();
        while (written.get() + failed.get() < target && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        return written.get() + failed.get() >= target;
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
