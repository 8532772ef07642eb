package cn.hnsw.portsituation.monitoring;

import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Flow observations over Kafka become windowed metrics per port and flow, the One Map overview and metric alerts. */
class MonitoringIT extends PortSituationIT {

    @Autowired
    OutboxPublisher outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    FlowMonitor monitor;

    void observe(String port, String flow, String stage, int quantity, Instant at) {
        tx.executeWithoutResult(s -> outbox.publish(PortFlowObserved.TOPIC, "PortFlow", port + "-" + UUID.randomUUID(),
                PortFlowObserved.TOPIC, new PortFlowObserved(port, flow, stage, quantity, "T2", at, "test")));
    }

    @Test
    void observationsAreSummedPerPortFlowAndWindowAndQueuesKeepTheirLastLength() {
        Instant now = Instant.now();
        observe("PHOENIX_AIRPORT", "AIR_PASSENGER", "ENTRY", 120, now.minusSeconds(60));
        observe("PHOENIX_AIRPORT", "AIR_PASSENGER", "ENTRY", 80, now.minusSeconds(30));
        observe("PHOENIX_AIRPORT", "AIR_PASSENGER", "QUEUE", 12, now.minusSeconds(50));
        observe("PHOENIX_AIRPORT", "AIR_PASSENGER", "QUEUE", 41, now.minusSeconds(20));
        JsonNode windows = Api.await(Duration.ofSeconds(30), () -> {
            JsonNode w = api.get("/v1/monitoring/windows?portCode=PHOENIX_AIRPORT&flow=AIR_PASSENGER&windowMinutes=1440"
                    + "&from=" + now.minusSeconds(3600) + "&to=" + now.plusSeconds(60), customs).json();
            long entries = 0;
            long queue = -1;
            for (JsonNode r : w) {
                if (r.get("stage").asText().equals("ENTRY")) {
                    entries += r.get("value").asLong();
                } else if (r.get("stage").asText().equals("QUEUE")) {
                    queue = r.get("value").asLong();
                }
            }
            // Observations of different aggregates arrive in any order; the later queue length (41) must win.
            return entries >= 200 && queue == 41 ? w : null;
        });
        JsonNode queue = null;
        for (JsonNode r : windows) {
            if (r.get("stage").asText().equals("QUEUE")) {
                queue = r;
            }
        }
        assertThat(queue).isNotNull();
        assertThat(queue.get("value").asInt()).isEqualTo(41);

        JsonNode overview = api.get("/v1/monitoring/overview", maritime).json();
        assertThat(overview.get("ports")).hasSize(11);
        JsonNode phoenix = null;
        for (JsonNode p : overview.get("ports")) {
            if (p.get("code").asText().equals("PHOENIX_AIRPORT")) {
                phoenix = p;
            }
        }
        assertThat(phoenix.get("today").get("AIR_PASSENGER.ENTRY").asLong()).isGreaterThanOrEqualTo(200);
        assertThat(api.get("/v1/monitoring/windows?windowMinutes=0", customs).status()).isEqualTo(400);
        String enterprise = tokens.user("zhangwei", "enterprise-admin").enterprise("91460000MA5T0XXXXA").mint();
        assertThat(api.get("/v1/monitoring/overview", enterprise).status()).isEqualTo(403);
    }

    @Test
    void aMetricRuleRaisesAnAlertWhenAQueueGrowsTooLong() {
        Api.Reply saved = api.post("/v1/alert-rules", operator, Map.of("code", "QUEUE-BOAO-" + System.nanoTime(),
                "nameZh", "排队过长", "nameEn", "Queue too long", "scope", "PORT_METRIC",
                "condition", "portCode == 'BOAO_AIRPORT' and queueLength > 30", "alertType", "queue-too-long",
                "level", "MEDIUM", "cooldownSeconds", 0, "enabled", true));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        observe("BOAO_AIRPORT", "AIR_PASSENGER", "QUEUE", 55, Instant.now().minusSeconds(5));
        JsonNode alert = Api.await(Duration.ofSeconds(30), () -> {
            monitor.evaluate();
            JsonNode list = api.get("/v1/alerts?type=queue-too-long&portCode=BOAO_AIRPORT", customs).json();
            return list.get("totalElements").asLong() > 0 ? list.get("content").get(0) : null;
        });
        assertThat(alert.get("attributes").get("queueLength").asText()).isEqualTo("55");
        api.delete("/v1/alert-rules/" + saved.json().get("id").asText(), operator);
    }
}
