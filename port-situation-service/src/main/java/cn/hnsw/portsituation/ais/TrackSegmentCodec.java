package cn.hnsw.portsituation.ais;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The packed points of a track segment (航迹段, {@code ais_track_segment.packed}): one fixed-size record a point, in the
 * order the points were collected, each {@value #POINT_BYTES} bytes in network byte order (big-endian, as PostgreSQL's
 * {@code int4send}/{@code float8send} write them, which is how migration V19 converted the rows stored as arrays):
 *
 * <pre>
 *  0  int32    microseconds after the segment's first_at (0 .. 60 s)
 *  4  float64  latitude, degrees
 * 12  float64  longitude, degrees
 * 20  float32  speed over ground, knots (0 when missing)
 * 24  float32  course over ground, degrees (0 when missing)
 * 28  int16    true heading, degrees (0 when missing)
 * 30  int16    navigational status code, ITU-R M.1371 (0 when missing)
 * 32  int16    feeder: index into the segment's {@code feeders} text array (its small dictionary)
 * 34  uint8    missing flags: 1 speed, 2 course, 4 heading, 8 navigational status
 * </pre>
 *
 * One {@code bytea} value a segment replaces eight arrays (two of text): PostgreSQL copies it in as it comes instead of
 * checking and converting every element of every array, which was its largest remaining cost a position report
 * (docs/port-bench.md, session 8). The values are kept exactly (doubles and floats as received).
 */
public final class TrackSegmentCodec {

    public static final int POINT_BYTES = 35;
    public static final int SOG_MISSING = 1;
    public static final int COG_MISSING = 2;
    public static final int HEADING_MISSING = 4;
    public static final int NAV_MISSING = 8;
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in microseconds after the Unix epoch. */
    static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    private TrackSegmentCodec() {
    }

    /** One point of a segment as read back; {@code n} is its place in the segment (0-based, order collected). */
    public record Point(long pgMicros, int n, double latitude, double longitude, Float sogKnots, Float cogDegrees,
                        Integer heading, Integer navStatus, String feeder) {

        /** The receiving time as JDBC gives a {@code timestamptz} (microsecond precision). */
        public Timestamp at() {
            return timestamp(pgMicros);
        }

        /** The navigational status as text, as the history has always shown it ("5"), or null. */
        public String navText() {
            return navStatus == null ? null : navStatus.toString();
        }
    }

    /**
     * Appends one point; {@code offsetMicros} is its time after the segment's first (smallest) time. Values of the
     * missing fields are written as 0 and flagged.
     */
    public static void put(ByteBuffer out, long offsetMicros, double latitude, double longitude, float sog, float cog,
                           int heading, int nav, int feederIndex, int missing) {
        if (offsetMicros < 0 || offsetMicros > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("point outside its segment's span: " + offsetMicros + " us");
        }
        if (heading != (short) heading || nav != (short) nav || feederIndex != (short) feederIndex) {
            throw new IllegalArgumentException("heading, status or feeder index out of range: " + heading + ", " + nav
                    + ", " + feederIndex);
        }
        out.putInt((int) offsetMicros)
                .putDouble(latitude)
                .putDouble(longitude)
                .putFloat((missing & SOG_MISSING) != 0 ? 0f : sog)
                .putFloat((missing & COG_MISSING) != 0 ? 0f : cog)
                .putShort((missing & HEADING_MISSING) != 0 ? 0 : (short) heading)
                .putShort((missing & NAV_MISSING) != 0 ? 0 : (short) nav)
                .putShort((short) feederIndex)
                .put((byte) missing);
    }

    /** The points of one segment, in the order they were collected. */
    public static List<Point> decode(byte[] packed, long firstPgMicros, String[] feeders) {
        if (packed.length % POINT_BYTES != 0) {
            throw new IllegalArgumentException("packed track segment of " + packed.length + " bytes is not whole points");
        }
        int count = packed.length / POINT_BYTES;
        List<Point> points = new ArrayList<>(count);
        ByteBuffer in = ByteBuffer.wrap(packed);
        for (int n = 0; n < count; n++) {
            long at = firstPgMicros + in.getInt();
            double latitude = in.getDouble();
            double longitude = in.getDouble();
            float sog = in.getFloat();
            float cog = in.getFloat();
            short heading = in.getShort();
            short nav = in.getShort();
            short feeder = in.getShort();
            int missing = in.get() & 0xff;
            points.add(new Point(at, n, latitude, longitude,
                    (missing & SOG_MISSING) != 0 ? null : sog,
                    (missing & COG_MISSING) != 0 ? null : cog,
                    (missing & HEADING_MISSING) != 0 ? null : (int) heading,
                    (missing & NAV_MISSING) != 0 ? null : (int) nav,
                    feeders[feeder]));
        }
        return points;
    }

    /** Only the times of a segment's points (PostgreSQL microseconds), for counting. */
    public static long[] times(byte[] packed, long firstPgMicros) {
        int count = packed.length / POINT_BYTES;
        long[] at = new long[count];
        ByteBuffer in = ByteBuffer.wrap(packed);
        for (int n = 0; n < count; n++) {
            at[n] = firstPgMicros + in.getInt(n * POINT_BYTES);
        }
        return at;
    }

    /** A {@code timestamptz} as PostgreSQL's microseconds after 2000-01-01. */
    public static long pgMicros(Timestamp at) {
        long unixSeconds = Math.floorDiv(at.getTime(), 1_000L);
        return unixSeconds * 1_000_000L + at.getNanos() / 1_000 - PG_EPOCH_MICROS;
    }

    static Timestamp timestamp(long pgMicros) {
        long unixMicros = pgMicros + PG_EPOCH_MICROS;
        Timestamp t = new Timestamp(Math.floorDiv(unixMicros, 1_000L));
        t.setNanos((int) Math.floorMod(unixMicros, 1_000_000L) * 1_000);
        return t;
    }
}
