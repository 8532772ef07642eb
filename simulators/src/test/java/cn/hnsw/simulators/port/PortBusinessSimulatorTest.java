package cn.hnsw.simulators.port;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The port business simulator: what each kind of port reports, and that its figures hold together. */
class PortBusinessSimulatorTest {

    final PortFeedSimulatorsTest.Captured captured = new PortFeedSimulatorsTest.Captured();
    final PortBusinessSimulator simulator = new PortBusinessSimulator(new PortSimulatorProperties(null, null,
            new PortSimulatorProperties.Feeds(false, Duration.ofSeconds(10))), captured);

    @SuppressWarnings("unchecked")
    static Map<String, BigDecimal> measures(PlatformEventPublisher.Report r) {
        return (Map<String, BigDecimal>) r.data().get("measures");
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> dims(PlatformEventPublisher.Report r) {
        return (Map<String, String>) r.data().get("dims");
    }

    @Test
    void everySubjectIsReportedAndTheFiguresHoldTogether() {
        Instant at = Instant.parse("2026-03-02T02:00:00Z");
        for (int i = 0; i < 30; i++) {
            assertThat(simulator.round(at)).isPositive();
        }
        Set<String> subjects = new HashSet<>();
        for (PlatformEventPublisher.Report r : captured.reports) {
            assertThat(r.data().get("occurredAt")).isEqualTo(at.toString());
            if (r.topic().equals(PortBusinessSimulator.FLOW_TOPIC)) {
                assertThat(r.data().get("stage")).isEqualTo("QUEUE");
                assertThat(List.of("XINHAI_PORT", "XIUYING_PORT")).contains((String) r.data().get("portCode"));
                assertThat((Integer) r.data().get("quantity")).isNotNegative();
                continue;
            }
            assertThat(r.topic()).isEqualTo(PortBusinessSimulator.FACT_TOPIC);
            String subject = (String) r.data().get("subject");
            subjects.add(subject);
            Map<String, BigDecimal> m = measures(r);
            assertThat(m.values()).allMatch(v -> v.signum() >= 0);
            switch (subject) {
                case "CARGO_DECLARATION" -> {
                    assertThat(m.get("seized")).isLessThanOrEqualTo(m.get("controlHit"));
                    assertThat(m.get("compliant")).isLessThanOrEqualTo(m.get("inspected"));
                    assertThat(m.get("inspected")).isLessThanOrEqualTo(m.get("declarations"));
                    if (dims(r).get("trade").equals("SECOND_LINE")) {
                        assertThat(dims(r).get("direction")).isEqualTo("OUT_ISLAND");
                    }
                }
                case "JOINT_INSPECTION" -> assertThat(m.get("savedMinutes"))
                        .isEqualByComparingTo(m.get("baselineMinutes").subtract(m.get("clearanceMinutes")));
                case "YARD_STOCK" -> assertThat(m.get("stockTeu")).isLessThanOrEqualTo(m.get("capacityTeu"));
                case "VEHICLE_TRIP", "TRUCK_TRIP" -> assertThat(List.of("XINHAI_PORT", "XIUYING_PORT"))
                        .contains((String) r.data().get("portCode"));
                default -> { }
            }
        }
        assertThat(subjects).containsExactlyInAnyOrderElementsOf(PortBusinessSimulator.SUBJECTS);
    }
}
