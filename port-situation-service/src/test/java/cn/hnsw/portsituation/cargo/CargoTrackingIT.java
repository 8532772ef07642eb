package cn.hnsw.portsituation.cargo;

import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 集装箱位置追踪 and 单证流与物流匹配度 over the real Kafka and PostgreSQL: positions become the live position, the
 * trajectory in time order and the on-site statistics; documents and positions give the match degree per port with
 * the unmatched containers; bad container numbers are dropped.
 */
class CargoTrackingIT extends PortSituationIT {

    // ISO 6346 numbers with valid check digits
    static final String CSQU = "CSQU3054383";
    static final String MSKU = "MSKU9070323";
    static final String TGHU = "TGHU9783331";
    static final String COSU = "COSU1234560";

    @Autowired
    OutboxPublisher outbox;
    @Autowired
    TransactionTemplate tx;

    void position(String container, String port, double lat, double lon, String stage, String trade, boolean laden,
                  Instant at) {
        tx.executeWithoutResult(s -> outbox.publish(ContainerPositionReported.TOPIC, "Container", container,
                ContainerPositionReported.TOPIC, new ContainerPositionReported(container, port, lat, lon, "A01-03-2",
                        stage, trade, laden, at, "terminal")));
    }

    void document(String documentNo, String kind, String port, String container, Instant at) {
        tx.executeWithoutResult(s -> outbox.publish(DocumentFlowRecorded.TOPIC, "Document", documentNo,
                DocumentFlowRecorded.TOPIC, new DocumentFlowRecorded(documentNo, kind, port, container, at, "customs")));
    }

    @Test
    void containerPositionsGiveTheLivePositionTheTrajectoryAndTheOnSiteStatistics() {
        Instant t0 = Instant.parse("2026-03-02T01:00:00Z");
        // out of order on purpose: the trajectory is ordered by when the container was seen
        position(CSQU, "YANGPU_PORT", 19.735, 109.185, "IN_YARD", "FOREIGN", true, t0.plusSeconds(1800));
        position(CSQU, "YANGPU_PORT", 19.700, 109.300, "ON_ROAD", "FOREIGN", true, t0);
        position(CSQU, "YANGPU_PORT", 19.728, 109.190, "ARRIVED", "FOREIGN", true, t0.plusSeconds(900));
        position(MSKU, "YANGPU_PORT", 19.736, 109.186, "IN_YARD", "DOMESTIC", false, t0.plusSeconds(600));
        position("ABCD1234567", "YANGPU_PORT", 19.736, 109.186, "IN_YARD", "DOMESTIC", false, t0);

        JsonNode track = Api.await(Duration.ofSeconds(30), () -> {
            JsonNode t = api.get("/v1/containers/" + CSQU + "/track?from=" + t0.minusSeconds(60) + "&to="
                    + t0.plusSeconds(3600), customs).json();
            return t.get("points").size() == 3 ? t : null;
        });
        assertThat(track.get("points").findValuesAsText("stage")).containsExactly("ON_ROAD", "ARRIVED", "IN_YARD");
        JsonNode latest = api.get("/v1/containers/" + CSQU, maritime).json();
        assertThat(latest.get("stage").asText()).isEqualTo("IN_YARD");
        assertThat(latest.get("place").asText()).isEqualTo("A01-03-2");

        JsonNode site = Api.await(Duration.ofSeconds(30), () -> {
            JsonNode s = api.get("/v1/containers?portCode=YANGPU_PORT", customs).json();
            return s.get("containers").findValuesAsText("containerNo").contains(MSKU) ? s : null;
        });
        assertThat(site.get("containers").findValuesAsText("containerNo")).contains(CSQU)
                .doesNotContain("ABCD1234567");
        JsonNode stats = site.get("statistics");
        assertThat(stats.get("foreign").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("empty").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("total").asLong()).isEqualTo(stats.get("laden").asLong() + stats.get("empty").asLong());

        // 运抵记录: its arrival at Yangpu, in the window, and nowhere else
        JsonNode arrivals = api.get("/v1/containers/arrivals?portCode=YANGPU_PORT&from=" + t0.minusSeconds(60) + "&to="
                + t0.plusSeconds(3600), customs).json();
        assertThat(arrivals.findValuesAsText("containerNo")).contains(CSQU);
        assertThat(arrivals.findValuesAsText("stage")).containsOnly("ARRIVED");
        assertThat(api.get("/v1/containers/arrivals?portCode=XINHAI_PORT&from=" + t0.minusSeconds(60) + "&to="
                + t0.plusSeconds(3600), customs).json().findValuesAsText("containerNo")).doesNotContain(CSQU);
        assertThat(api.get("/v1/containers/arrivals?from=" + t0 + "&to=" + t0.minusSeconds(1), customs).status())
                .isEqualTo(400);

        // leaving through the gate takes it off the site
        position(MSKU, "YANGPU_PORT", 19.72, 109.20, "GATE_OUT", "DOMESTIC", false, t0.plusSeconds(7200));
        Api.await(Duration.ofSeconds(30), () -> api.get("/v1/containers?portCode=YANGPU_PORT", customs).json()
                .get("containers").findValuesAsText("containerNo").contains(MSKU) ? null : true);

        assertThat(api.get("/v1/containers/ABCD1234567", customs).status()).isEqualTo(400);
        assertThat(api.get("/v1/containers/" + COSU, customs).status()).isIn(200, 404);
        String enterprise = tokens.user("zhangwei", "enterprise-admin").enterprise("91460000MA5T0XXXXA").mint();
        assertThat(api.get("/v1/containers/" + CSQU, enterprise).status()).isEqualTo(403);
    }

    @Test
    void documentsAndLogisticsGiveTheMatchDegreePerPortWithTheUnmatchedContainers() {
        // a window of its own, so that other tests' events do not count
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z")
                .plusSeconds(java.util.concurrent.ThreadLocalRandom.current().nextLong(30_000_000L) / 60 * 60);
        document("MF-" + UUID.randomUUID(), "MANIFEST", "XINHAI_PORT", CSQU, t0.plusSeconds(10));
        document("DC-" + UUID.randomUUID(), "DECLARATION", "XINHAI_PORT", CSQU, t0.plusSeconds(20));
        String release = "RL-" + UUID.randomUUID();
        document(release, "RELEASE", "XINHAI_PORT", CSQU, t0.plusSeconds(35));
        document("DC-" + UUID.randomUUID(), "DECLARATION", "XINHAI_PORT", MSKU, t0.plusSeconds(30));
        document("DC-" + UUID.randomUUID(), "DECLARATION", "XINHAI_PORT", "ABCD1234567", t0.plusSeconds(30));
        position(CSQU, "XINHAI_PORT", 20.055, 110.155, "ARRIVED", "DOMESTIC", true, t0.plusSeconds(40));
        position(TGHU, "XINHAI_PORT", 20.056, 110.156, "ARRIVED", "DOMESTIC", true, t0.plusSeconds(50));

        String window = "from=" + t0 + "&to=" + t0.plusSeconds(60);
        JsonNode xinhai = Api.await(Duration.ofSeconds(30), () -> {
            for (JsonNode p : api.get("/v1/match-degree?" + window, customs).json()) {
                if (p.get("portCode").asText().equals("XINHAI_PORT") && p.get("documents").asLong() == 2
                        && p.get("logistics").asLong() == 2) {
                    return p;
                }
            }
            return null;
        });
        assertThat(xinhai.get("matched").asLong()).isEqualTo(1);
        assertThat(xinhai.get("documentsOnly").asLong()).isEqualTo(1);
        assertThat(xinhai.get("logisticsOnly").asLong()).isEqualTo(1);
        assertThat(xinhai.get("degree").asDouble()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(0.0001));
        JsonNode unmatched = api.get("/v1/match-degree/XINHAI_PORT/unmatched?" + window, maritime).json();
        assertThat(unmatched).hasSize(2);
        assertThat(unmatched.get(0).get("containerNo").asText()).isEqualTo(MSKU);
        assertThat(unmatched.get(0).get("side").asText()).isEqualTo("DOCUMENT_ONLY");
        assertThat(unmatched.get(1).get("containerNo").asText()).isEqualTo(TGHU);
        assertThat(unmatched.get(1).get("side").asText()).isEqualTo("LOGISTICS_ONLY");

        // 审核流程: where each container's approval stands, and a container's trail replayed in order
        JsonNode approvals = Api.await(Duration.ofSeconds(30), () -> {
            JsonNode a = api.get("/v1/approvals?portCode=XINHAI_PORT&" + window, customs).json();
            return a.findValuesAsText("status").contains("RELEASED") ? a : null;
        });
        assertThat(approvals).hasSize(2);
        for (JsonNode a : approvals) {
            if (a.get("containerNo").asText().equals(CSQU)) {
                assertThat(a.get("status").asText()).isEqualTo("RELEASED");
                assertThat(Instant.parse(a.get("manifestAt").asText())).isEqualTo(t0.plusSeconds(10));
                assertThat(Instant.parse(a.get("releasedAt").asText())).isEqualTo(t0.plusSeconds(35));
                assertThat(a.get("minutesToRelease").decimalValue()).isEqualByComparingTo("0.25");
            } else {
                assertThat(a.get("containerNo").asText()).isEqualTo(MSKU);
                assertThat(a.get("status").asText()).isEqualTo("DECLARED");
                assertThat(a.hasNonNull("releasedAt")).isFalse();
            }
        }
        JsonNode trail = api.get("/v1/containers/" + CSQU + "/approval-trail?" + window, maritime).json();
        assertThat(trail.findValuesAsText("kind")).containsExactly("MANIFEST", "DECLARATION", "RELEASE");
        assertThat(trail.get(2).get("documentNo").asText()).isEqualTo(release);
        assertThat(api.get("/v1/approvals?from=" + t0 + "&to=" + t0, customs).status()).isEqualTo(400);
        assertThat(api.get("/v1/containers/ABCD1234567/approval-trail", customs).status()).isEqualTo(400);
        assertThat(api.get("/v1/match-degree?from=" + t0 + "&to=" + t0.minusSeconds(1), customs).status())
                .isEqualTo(400);
    }
}
