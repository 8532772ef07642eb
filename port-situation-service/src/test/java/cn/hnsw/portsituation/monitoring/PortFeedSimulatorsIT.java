package cn.hnsw.portsituation.monitoring;

import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import cn.hnsw.simulators.port.ContainerTerminalSimulator;
import cn.hnsw.simulators.port.DocumentFlowSimulator;
import cn.hnsw.simulators.port.FacilityPlatformSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The named port feed simulators, not a test, publish facility, container and document events (through the
 * simulators' own outbox and the shared Kafka): the facility summary, the container positions and the match degree
 * of this service come out of them as on the local stack.
 */
class PortFeedSimulatorsIT extends PortSituationIT {

    final FacilityPlatformSimulator facilities = SIMULATORS.context().getBean(FacilityPlatformSimulator.class);
    final ContainerTerminalSimulator terminal = SIMULATORS.context().getBean(ContainerTerminalSimulator.class);
    final DocumentFlowSimulator documents = SIMULATORS.context().getBean(DocumentFlowSimulator.class);

    @Test
    void theFacilityPlatformSimulatorsHeartbeatsAndFaultReachTheFacilityMonitor() {
        // Two of Yangpu's facilities only (a whole round would register every port's facilities in this test JVM,
        // where other tests count them): a report registers a facility, whatever its signal.
        facilities.repair("YANGPU_PORT-YARD-01");
        JsonNode yangpu = Api.await(Duration.ofSeconds(40), () -> {
            for (JsonNode f : api.get("/v1/facilities?portCode=YANGPU_PORT&size=200", maritime).json()
                    .get("content")) {
                if (f.get("code").asText().equals("YANGPU_PORT-YARD-01")) {
                    return f;
                }
            }
            return null;
        });
        assertThat(yangpu.get("kind").asText()).isEqualTo("YARD");
        assertThat(yangpu.get("status").asText()).isEqualTo("ONLINE");

        facilities.fault("YANGPU_PORT-GATE-01", "道闸卡滞 / barrier stuck");
        JsonNode alert = Api.await(Duration.ofSeconds(40), () -> {
            for (JsonNode a : api.get("/v1/alerts?type=facility-fault&portCode=YANGPU_PORT&size=200", customs)
                    .json().get("content")) {
                if (a.get("attributes").path("facilityCode").asText().equals("YANGPU_PORT-GATE-01")) {
                    return a;
                }
            }
            return null;
        });
        assertThat(alert.get("level").asText()).isEqualTo("HIGH");
        facilities.repair("YANGPU_PORT-GATE-01");
        Api.await(Duration.ofSeconds(40), () -> {
            for (JsonNode f : api.get("/v1/facilities?portCode=YANGPU_PORT&size=200", maritime).json()
                    .get("content")) {
                if (f.get("code").asText().equals("YANGPU_PORT-GATE-01") && f.get("status").asText().equals("ONLINE")) {
                    return f;
                }
            }
            return null;
        });
        JsonNode summary = api.get("/v1/facilities/summary?portCode=YANGPU_PORT", maritime).json();
        assertThat(summary.toString()).contains("GATE").contains("YARD");

        // Yangpu's low-point camera says it watches the inspection area: its fault and repair move that area's rate
        facilities.fault("YANGPU_PORT-CAM-02", "视频信号丢失 / video signal lost");
        awaitInspectionAreaCameraRate(0.0);
        facilities.repair("YANGPU_PORT-CAM-02");
        awaitInspectionAreaCameraRate(100.0);
    }

    void awaitInspectionAreaCameraRate(double rate) {
        Api.await(Duration.ofSeconds(40), () -> {
            JsonNode port = api.get("/v1/monitoring/kpi/indicators/FAC_CAMERA_ONLINE_RATE_INSPECTION_AREA/values"
                    + "?portCode=YANGPU_PORT", customs).json().get("ports").get(0);
            return port.hasNonNull("value") && port.get("value").asDouble() == rate ? true : null;
        });
    }

    @Test
    void theTerminalAndDocumentSimulatorsGiveContainerPositionsAndTheMatchDegree() {
        Instant from = Instant.now().minusSeconds(1);
        List<ContainerTerminalSimulator.Consignment> plan = terminal.consignments();
        terminal.round(1.0);
        terminal.round(1.0);
        documents.round();
        Set<String> documented = new HashSet<>();
        Set<String> all = new HashSet<>();
        for (ContainerTerminalSimulator.Consignment c : plan) {
            all.add(c.containerNo());
            if (c.documented()) {
                documented.add(c.containerNo());
            }
        }
        ContainerTerminalSimulator.Consignment first = plan.getFirst();
        JsonNode track = Api.await(Duration.ofSeconds(40), () -> {
            JsonNode t = api.get("/v1/containers/" + first.containerNo() + "/track?from=" + from + "&to="
                    + Instant.now().plusSeconds(60), customs).json();
            return t.get("points").size() == 2 ? t : null;
        });
        assertThat(track.get("points").findValuesAsText("stage")).containsExactly("ARRIVED", "IN_YARD");

        String window = "from=" + from + "&to=" + Instant.now().plusSeconds(60);
        JsonNode degrees = Api.await(Duration.ofSeconds(40), () -> {
            JsonNode d = api.get("/v1/match-degree?" + window, customs).json();
            long logistics = 0;
            long documentsSeen = 0;
            for (JsonNode p : d) {
                logistics += p.get("logistics").asLong();
                documentsSeen += p.get("documents").asLong();
            }
            return logistics == all.size() && documentsSeen == documented.size() ? d : null;
        });
        long matched = 0;
        long logisticsOnly = 0;
        for (JsonNode p : degrees) {
            matched += p.get("matched").asLong();
            logisticsOnly += p.get("logisticsOnly").asLong();
        }
        assertThat(matched).isEqualTo(documented.size());
        assertThat(logisticsOnly).isEqualTo(all.size() - documented.size()).isPositive();

        // 堆场立体化展示: the boxes stand in their yard slots; a laden, documented box has the goods its documents declare
        JsonNode details = api.get("/v1/container-yard/containers/" + first.containerNo(), customs).json();
        assertThat(details.get("stage").asText()).isEqualTo("IN_YARD");
        assertThat(details.get("block").asText()).matches("A0[1-4]");
        assertThat(details.get("tier").asInt()).isBetween(1, 4);
        assertThat(details.get("direction").asText()).isIn("IMPORT", "EXPORT");
        ContainerTerminalSimulator.Consignment laden = plan.stream().filter(c -> c.documented() && c.goods() != null)
                .findFirst().orElseThrow();
        JsonNode goods = Api.await(Duration.ofSeconds(30), () -> {
            JsonNode g = api.get("/v1/container-yard/containers/" + laden.containerNo(), customs).json().get("goods");
            return g != null && g.size() == 2 ? g : null;
        });
        assertThat(goods.findValuesAsText("kind")).containsExactly("MANIFEST", "DECLARATION");
        assertThat(goods.get(0).get("goodsNameZh").asText()).isEqualTo(laden.goods()[0]);
        assertThat(goods.get(0).get("hsCode").asText()).isEqualTo(laden.goods()[2]);
        JsonNode yard = api.get("/v1/container-yard?portCode=" + first.portCode(), customs).json();
        assertThat(yard.get("containers").findValuesAsText("containerNo")).contains(first.containerNo());
    }
}
