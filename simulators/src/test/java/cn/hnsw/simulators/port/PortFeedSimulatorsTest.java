package cn.hnsw.simulators.port;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The facility, container-terminal and document-flow simulators: what they report, in the platform's words. */
class PortFeedSimulatorsTest {

    /** Keeps the reports instead of writing them to the outbox. */
    static final class Captured extends PlatformEventPublisher {
        final List<Report> reports = new ArrayList<>();

        Captured() {
            super(null, null);
        }

        @Override
        void publish(List<Report> batch) {
            reports.addAll(batch);
        }
    }

    final PortSimulatorProperties properties = new PortSimulatorProperties(null, null,
            new PortSimulatorProperties.Feeds(false, Duration.ofSeconds(10)));

    @Test
    void iso6346CheckDigitsAreTheStandardOnes() {
        // Published examples: CSQU305438 3, and the platform's own test numbers.
        assertThat(ContainerTerminalSimulator.checkDigit("CSQU305438")).isEqualTo(3);
        assertThat(ContainerTerminalSimulator.checkDigit("COSU123456")).isEqualTo(0);
        assertThat(ContainerTerminalSimulator.checkDigit("TCLU700012")).isEqualTo(4);
        assertThat(ContainerTerminalSimulator.containerNumber("CSQU", 305438)).isEqualTo("CSQU3054383");
    }

    @Test
    void everyFacilityBeatsAndAFaultStaysUntilRepaired() {
        Captured out = new Captured();
        FacilityPlatformSimulator sim = new FacilityPlatformSimulator(properties, out);
        int sent = sim.round(false);
        assertThat(sent).isEqualTo(sim.facilities().size());
        assertThat(out.reports).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo("hnsw.platform.facility-status");
            assertThat(r.data().get("signal")).isEqualTo("HEARTBEAT");
            // cameras say which area of the port they watch; no other kind names one
            assertThat(r.data().get("area")).isEqualTo(!r.data().get("kind").equals("CAMERA") ? null
                    : r.data().get("facilityCode").toString().endsWith("-CAM-01") ? "GATE_AREA" : "INSPECTION_AREA");
        });
        assertThat(sim.facilities().stream().map(FacilityPlatformSimulator.SimulatedFacility::portCode)
                .collect(Collectors.toSet())).hasSize(11);
        assertThat(sim.facilities().stream().map(FacilityPlatformSimulator.SimulatedFacility::kind)
                .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("CAMERA", "SENSOR", "SOFTWARE", "GATE", "YARD", "INSPECTION_SITE", "BARRIER",
                        "DOOR_CONTROL", "PLATE_RECOGNITION", "RFID_READER", "TOLL_SYSTEM", "XRAY", "UNPACKING_TABLE",
                        "H986", "CT");

        out.reports.clear();
        sim.fault("XINHAI_PORT-CAM-02", "镜头遮挡");
        sim.round(true);
        List<Map<String, Object>> cam = out.reports.stream().map(PlatformEventPublisher.Report::data)
                .filter(d -> d.get("facilityCode").equals("XINHAI_PORT-CAM-02")).toList();
        assertThat(cam).extracting(d -> d.get("signal")).containsExactly("FAULT", "FAULT");
        assertThat(cam.getFirst().get("reason")).isEqualTo("镜头遮挡");

        out.reports.clear();
        sim.repair("XINHAI_PORT-CAM-02");
        sim.round(false);
        assertThat(out.reports.stream().map(PlatformEventPublisher.Report::data)
                .filter(d -> d.get("facilityCode").equals("XINHAI_PORT-CAM-02")).map(d -> d.get("signal")))
                .containsExactly("RECOVERED", "HEARTBEAT");
        assertThatThrownBy(() -> sim.fault("NOWHERE-CAM-01", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void containersMoveStageByStageAndDocumentsFollowExceptForTheUndocumented() {
        Captured out = new Captured();
        ContainerTerminalSimulator terminal = new ContainerTerminalSimulator(properties, out);
        DocumentFlowSimulator documents = new DocumentFlowSimulator(properties, terminal, out);
        List<ContainerTerminalSimulator.Consignment> first = terminal.consignments();
        assertThat(first).allSatisfy(c -> {
            String no = c.containerNo();
            assertThat(ContainerTerminalSimulator.checkDigit(no.substring(0, 10)))
                    .isEqualTo(no.charAt(10) - '0');
            assertThat(c.stage()).isEqualTo("ON_ROAD");
        });

        terminal.round(1.0);
        assertThat(out.reports).hasSize(first.size()).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo("hnsw.platform.container-position");
            assertThat(r.data().get("stage")).isEqualTo("ARRIVED");
        });
        out.reports.clear();
        terminal.round(1.0);
        documents.round();
        Set<String> documented = first.stream().filter(ContainerTerminalSimulator.Consignment::documented)
                .map(ContainerTerminalSimulator.Consignment::containerNo).collect(Collectors.toSet());
        assertThat(documented).hasSizeLessThan(first.size()).isNotEmpty();
        List<Map<String, Object>> docs = out.reports.stream()
                .filter(r -> r.topic().equals("hnsw.platform.document-flow")).map(PlatformEventPublisher.Report::data)
                .toList();
        // In the yard: manifest and declaration, each once, only for the documented containers.
        assertThat(docs).hasSize(documented.size() * 2);
        assertThat(docs.stream().map(d -> (String) d.get("containerNo")).collect(Collectors.toSet()))
                .isEqualTo(documented);
        out.reports.clear();
        documents.round();
        assertThat(out.reports).isEmpty();
    }
}
