package cn.hnsw.portsituation.ais;

import dk.dma.ais.message.AisMessage;
import dk.dma.ais.message.AisMessage5;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class NmeaIntakeTest {

    private final IntakeStats stats = new IntakeStats("test");
    private final List<long[]> gaps = new ArrayList<>();
    private final NmeaIntake intake = new NmeaIntake(stats, (from, to) -> gaps.add(new long[] {from, to}));

    @Test
    void decodesASinglePositionReport() {
        String line = Nmea.position(412440690, 20.05, 110.15, 14.2, 355.0, 0).getFirst();
        Optional<AisMessage> message = intake.offer(line);
        assertThat(message).isPresent();
        AisPosition fix = AisDecoded.fix(message.get(), java.time.Instant.now(), "test").orElseThrow();
        assertThat(fix.mmsi()).isEqualTo(412440690);
        assertThat(fix.latitude()).isCloseTo(20.05, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(fix.sogKnots()).isEqualTo(14.2f);
        assertThat(stats.snapshot().decoded()).isEqualTo(1);
    }

    @Test
    void assemblesAMultiSentenceMessage() {
        List<String> parts = Nmea.shipAndVoyage(412440690, "ZI JING 19", "BQRK", 9734567, 60, "HAIAN", 4);
        assertThat(parts).hasSize(2);
        assertThat(intake.offer(parts.get(0))).isEmpty();
        assertThat(intake.awaitingFragments()).isTrue();
        AisMessage message = intake.offer(parts.get(1)).orElseThrow();
        assertThat(message).isInstanceOf(AisMessage5.class);
        AisStatic data = AisDecoded.staticData(message, java.time.Instant.now()).orElseThrow();
        assertThat(data.shipName()).isEqualTo("ZI JING 19");
        assertThat(data.shipType()).isEqualTo("PASSENGER");
        assertThat(data.destination()).isEqualTo("HAIAN");
    }

    @Test
    void countsAndDropsMalformedLinesWithoutStopping() {
        String good = Nmea.position(412440690, 20.05, 110.15, 14.2, 355.0, 0).getFirst();
        String badChecksum = good.substring(0, good.length() - 2) + (good.endsWith("00") ? "01" : "00");
        List<String> parts = Nmea.shipAndVoyage(412440691, "HAI XIA 1", "BQRL", 9734568, 60, "XINHAI", 5);

        assertThat(intake.offer(badChecksum)).isEmpty();
        assertThat(intake.offer("garbage that is not NMEA")).isEmpty();
        assertThat(intake.offer("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47")).isEmpty();
        assertThat(intake.offer(parts.get(0))).isEmpty();
        // The second fragment never comes: the next message starts, the group is counted as truncated.
        assertThat(intake.offer(good)).isPresent();
        assertThat(intake.offer(parts.get(1))).isEmpty();

        IntakeStats.Snapshot s = stats.snapshot();
        assertThat(s.dropReasons().get("BAD_CHECKSUM")).isEqualTo(1);
        assertThat(s.dropReasons().get("GARBAGE")).isEqualTo(2);
        assertThat(s.dropReasons().get("TRUNCATED_MULTIPART")).isEqualTo(2);
        assertThat(s.decoded()).isEqualTo(1);
        assertThat(s.received()).isEqualTo(6);
    }

    @Test
    void reportsGapsInTheFeedersLineCounter() {
        String line = Nmea.position(412440690, 20.05, 110.15, 14.2, 355.0, 0).getFirst();
        intake.offer(Nmea.numbered(line, 1));
        intake.offer(Nmea.numbered(line, 2));
        intake.offer(Nmea.numbered(line, 6));
        intake.offer(Nmea.numbered(line, 3));
        assertThat(gaps).hasSize(1);
        assertThat(gaps.getFirst()).containsExactly(3, 5);
        assertThat(stats.snapshot().missingLines()).isEqualTo(3);
        assertThat(stats.snapshot().decoded()).isEqualTo(4);
    }
}
