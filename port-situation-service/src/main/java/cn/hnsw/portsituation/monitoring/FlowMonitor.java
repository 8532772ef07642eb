package cn.hnsw.portsituation.monitoring;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.events.EventJson;
import cn.hnsw.common.events.HandledEvents;
import cn.hnsw.portsituation.alert.AlertRaiser;
import cn.hnsw.portsituation.live.LiveFeed;
import cn.hnsw.portsituation.rule.AlertRule;
import cn.hnsw.portsituation.rule.RuleBook;
import cn.hnsw.portsituation.rule.RuleScope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Real-time monitoring: consumes the flow observations of every port, and once a minute closes the last 15-minute
 * window, pushes it to the big screen and tries the PORT_METRIC rules on each port and flow of it.
 */
@Component
class FlowMonitor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FlowMonitor.class);
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final HandledEvents handled;
    private final EventJson eventJson;
    private final FlowRepository flows;
    private final RuleBook rules;
    private final AlertRaiser alerts;
    private final LiveFeed live;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "flow-monitor");
        t.setDaemon(true);
        return t;
    });

    FlowMonitor(HandledEvents handled, EventJson eventJson, FlowRepository flows, RuleBook rules, AlertRaiser alerts,
                LiveFeed live, Clock clock) {
        this.handled = handled;
        this.eventJson = eventJson;
        this.flows = flows;
        this.rules = rules;
        this.alerts = alerts;
        this.live = live;
        this.clock = clock;
        executor.scheduleWithFixedDelay(this::evaluate, 10, 60, TimeUnit.SECONDS);
    }

    @KafkaListener(topics = PortFlowObserved.TOPIC, groupId = "port-situation-flows")
    void onObserved(ConsumerRecord<String, String> record) {
        handled.handleOnce("port-situation.port-flow-observed", record, event ->
                flows.insert(event.id().toString(), eventJson.dataAs(event, PortFlowObserved.class)));
    }

    /** Closes the current window: live push and the metric rules. Package-visible for the tests. */
    void evaluate() {
        try {
            Instant to = clock.instant();
            Instant from = to.minus(WINDOW);
            List<Map<String, Object>> rows = flows.windows(from, to, WINDOW, null, null);
            live.publish("metrics", Map.of("from", from, "to", to, "rows", rows));
            if (rules.isEmpty(RuleScope.PORT_METRIC)) {
                return;
            }
            Map<String, Map<String, Object>> facts = new HashMap<>();
            for (Map<String, Object> row : rows) {
                String key = row.get("portCode") + "|" + row.get("flow");
                Map<String, Object> f = facts.computeIfAbsent(key, k -> new HashMap<>(Map.of(
                        "portCode", row.get("portCode"), "flow", row.get("flow"), "count", 0L, "queueLength", 0,
                        "rejected", 0L, "windowMinutes", (int) WINDOW.toMinutes())));
                long value = ((Number) row.get("value")).longValue();
                switch (String.valueOf(row.get("stage"))) {
                    case "ENTRY" -> f.put("count", (Long) f.get("count") + value);
                    case "QUEUE" -> f.put("queueLength", (int) value);
                    case "INSPECTION" -> f.put("rejected", (Long) f.get("rejected") + value);
                    default -> { }
                }
            }
            for (Map.Entry<String, Map<String, Object>> e : facts.entrySet()) {
                for (AlertRule rule : rules.matching(RuleScope.PORT_METRIC, e.getKey(), e.getValue(), to)) {
                    Map<String, Object> f = e.getValue();
                    alerts.raise(new Alert(UUID.randomUUID().toString(), AlertRaiser.SOURCE, rule.alertType(),
                            rule.level(), String.valueOf(f.get("portCode")), null, List.of(),
                            f.get("portCode") + " " + f.get("flow") + "：" + rule.nameZh(),
                            f.get("portCode") + " " + f.get("flow") + ": " + rule.nameEn(), to, null, null,
                            Map.of("ruleCode", rule.code(), "count", String.valueOf(f.get("count")),
                                    "queueLength", String.valueOf(f.get("queueLength")))));
                }
            }
        } catch (RuntimeException e) {
            log.warn("event=flow-evaluate-failed error={}", e.toString());
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
