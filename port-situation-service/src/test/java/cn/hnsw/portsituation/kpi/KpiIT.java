package cn.hnsw.portsituation.kpi;

import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import cn.hnsw.portsituation.facility.FacilityStatusReported;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** 口岸指标体系 on the real database: every port with its six dimensions, the facilities one from the live facilities. */
class KpiIT extends PortSituationIT {

    @Autowired
    OutboxPublisher outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyPortHasItsDimensionScoresOverallScoreAndRank() {
        String camera = "QL-CAM-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        tx.executeWithoutResult(s -> outbox.publish(FacilityStatusReported.TOPIC, "Facility", camera,
                FacilityStatusReported.TOPIC, new FacilityStatusReported(camera, "CAMERA", "QINGLAN_PORT",
                        "清澜港码头高点", "HEARTBEAT", null, 3600, Instant.now(), "test")));
        JsonNode qinglan = Api.await(Duration.ofSeconds(30), () -> {
            for (JsonNode p : api.get("/v1/monitoring/kpi", maritime).json().get("ports")) {
                if (p.get("portCode").asText().equals("QINGLAN_PORT")
                        && p.get("dimensions").path("facilities").isNumber()) {
                    return p;
                }
            }
            return null;
        });
        long total = jdbc.queryForObject("SELECT count(*) FROM facility WHERE port_code = 'QINGLAN_PORT'", Long.class);
        long online = jdbc.queryForObject("SELECT count(*) FROM facility WHERE port_code = 'QINGLAN_PORT'"
                + " AND status = 'ONLINE'", Long.class);
        assertThat(qinglan.get("dimensions").get("facilities").asDouble())
                .isCloseTo(Math.round(1000.0 * online / total) / 10.0, org.assertj.core.data.Offset.offset(0.05));
        // no economic data: the dimension is left out (null), not scored
        assertThat(qinglan.get("dimensions").path("economy").isNumber()).isFalse();
        assertThat(qinglan.get("rank").asInt()).isPositive();

        JsonNode kpi = api.get("/v1/monitoring/kpi", customs).json();
        assertThat(kpi.get("ports")).hasSize(11);
        assertThat(kpi.get("dimensions")).hasSize(6);
        for (JsonNode p : kpi.get("ports")) {
            for (JsonNode v : p.get("dimensions")) {
                assertThat(v.isNull() || (v.asDouble() >= 0 && v.asDouble() <= 100)).as(p.toString()).isTrue();
            }
        }
        String enterprise = tokens.user("zhangwei", "enterprise-admin").enterprise("91460000MA5T0XXXXA").mint();
        assertThat(api.get("/v1/monitoring/kpi", enterprise).status()).isEqualTo(403);
    }
}
