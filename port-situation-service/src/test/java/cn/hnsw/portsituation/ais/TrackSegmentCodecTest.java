package cn.hnsw.portsituation.ais;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackSegmentCodecTest {

    @Test
    void pointsRoundTripExactlyWithMissingValuesAndTheirFeeders() {
        long first = TrackSegmentCodec.pgMicros(Timestamp.from(Instant.parse("2026-11-27T23:59:30.123456Z")));
        ByteBuffer out = ByteBuffer.allocate(3 * TrackSegmentCodec.POINT_BYTES);
        TrackSegmentCodec.put(out, 0, 19.123456789012, 109.987654321098, 7.5f, 123.4f, 511, 15, 0, 0);
        TrackSegmentCodec.put(out, 60_000_000, -89.999999, -179.5, 0f, 0f, 0, 0, 1,
                TrackSegmentCodec.SOG_MISSING | TrackSegmentCodec.COG_MISSING | TrackSegmentCodec.HEADING_MISSING
                        | TrackSegmentCodec.NAV_MISSING);
        TrackSegmentCodec.put(out, 1, 0.0, 0.0, 102.2f, 359.9f, 0, 5, 0, TrackSegmentCodec.COG_MISSING);
        assertThat(out.position()).isEqualTo(out.capacity());

        List<TrackSegmentCodec.Point> points = TrackSegmentCodec.decode(out.array(), first,
                new String[] {"feeder-海口", "feeder-2"});

        assertThat(points).hasSize(3);
        TrackSegmentCodec.Point a = points.get(0);
        assertThat(a.n()).isZero();
        assertThat(a.at().toInstant()).isEqualTo(Instant.parse("2026-11-27T23:59:30.123456Z"));
        assertThat(a.latitude()).isEqualTo(19.123456789012);
        assertThat(a.longitude()).isEqualTo(109.987654321098);
        assertThat(a.sogKnots()).isEqualTo(7.5f);
        assertThat(a.cogDegrees()).isEqualTo(123.4f);
        assertThat(a.heading()).isEqualTo(511);
        assertThat(a.navStatus()).isEqualTo(15);
        assertThat(a.navText()).isEqualTo("15");
        assertThat(a.feeder()).isEqualTo("feeder-海口");
        TrackSegmentCodec.Point b = points.get(1);
        assertThat(b.at().toInstant()).isEqualTo(Instant.parse("2026-11-28T00:00:30.123456Z"));
        assertThat(b.latitude()).isEqualTo(-89.999999);
        assertThat(b.longitude()).isEqualTo(-179.5);
        assertThat(b.sogKnots()).isNull();
        assertThat(b.cogDegrees()).isNull();
        assertThat(b.heading()).isNull();
        assertThat(b.navStatus()).isNull();
        assertThat(b.navText()).isNull();
        assertThat(b.feeder()).isEqualTo("feeder-2");
        TrackSegmentCodec.Point c = points.get(2);
        assertThat(c.n()).isEqualTo(2);
        assertThat(c.pgMicros()).isEqualTo(first + 1);
        assertThat(c.sogKnots()).isEqualTo(102.2f);
        assertThat(c.cogDegrees()).isNull();
        assertThat(c.heading()).isZero();
        assertThat(c.navStatus()).isEqualTo(5);

        assertThat(TrackSegmentCodec.times(out.array(), first)).containsExactly(first, first + 60_000_000L, first + 1);
    }

    @Test
    void theRecordIsBigEndianAtFixedPlaces() {
        ByteBuffer out = ByteBuffer.allocate(TrackSegmentCodec.POINT_BYTES);
        TrackSegmentCodec.put(out, 0x01020304, 1.0, 2.0, 3f, 4f, 0x0506, 0x0708, 0x090a, TrackSegmentCodec.NAV_MISSING);
        byte[] b = out.array();
        assertThat(b[0]).isEqualTo((byte) 1);
        assertThat(b[3]).isEqualTo((byte) 4);
        assertThat(ByteBuffer.wrap(b, 4, 8).getDouble()).isEqualTo(1.0);
        assertThat(ByteBuffer.wrap(b, 12, 8).getDouble()).isEqualTo(2.0);
        assertThat(ByteBuffer.wrap(b, 20, 4).getFloat()).isEqualTo(3f);
        assertThat(ByteBuffer.wrap(b, 24, 4).getFloat()).isEqualTo(4f);
        assertThat(ByteBuffer.wrap(b, 28, 2).getShort()).isEqualTo((short) 0x0506);
        assertThat(ByteBuffer.wrap(b, 30, 2).getShort()).isZero(); // missing status written as 0
        assertThat(ByteBuffer.wrap(b, 32, 2).getShort()).isEqualTo((short) 0x090a);
        assertThat(b[34]).isEqualTo((byte) TrackSegmentCodec.NAV_MISSING);
    }

    @Test
    void valuesTheRecordCannotHoldAreRefusedNotCut() {
        ByteBuffer out = ByteBuffer.allocate(TrackSegmentCodec.POINT_BYTES);
        assertThatThrownBy(() -> TrackSegmentCodec.put(out, -1, 0, 0, 0, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrackSegmentCodec.put(out, 1L << 31, 0, 0, 0, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrackSegmentCodec.put(out, 0, 0, 0, 0, 0, 40_000, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(out.position()).isZero();
        assertThatThrownBy(() -> TrackSegmentCodec.decode(new byte[TrackSegmentCodec.POINT_BYTES + 1], 0, new String[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
