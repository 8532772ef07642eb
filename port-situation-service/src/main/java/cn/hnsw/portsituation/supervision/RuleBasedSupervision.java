package cn.hnsw.portsituation.supervision;

import cn.hnsw.common.events.EventJson;
import cn.hnsw.common.events.HandledEvents;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.portsituation.gate.GatePassReported;
import cn.hnsw.portsituation.gate.GateProperties;
import cn.hnsw.portsituation.gate.GateReleaseDecided;
import cn.hnsw.portsituation.gate.ReleaseDecision;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * 单一窗口监管系统 (rule-based, for now): answers each gate report with an audit result and release instruction on
 * {@link GateReleaseDecided#RULE_BASED_TOPIC}, until the passenger and customs services decide. It talks to the gate
 * loop only over Kafka, as the real supervision side will. Switch off with
 * {@code hnsw.gates.supervision.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "hnsw.gates.supervision.enabled", havingValue = "true", matchIfMissing = true)
class RuleBasedSupervision {

    static final String DECIDED_BY = "单一窗口监管系统（规则）/ SW supervision (rules)";

    private final HandledEvents handled;
    private final EventJson eventJson;
    private final OutboxPublisher outbox;
    private final GateProperties properties;
    private final Clock clock;

    RuleBasedSupervision(HandledEvents handled, EventJson eventJson, OutboxPublisher outbox, GateProperties properties,
                         Clock clock) {
        this.handled = handled;
        this.eventJson = eventJson;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @KafkaListener(topics = GatePassReported.TOPIC, groupId = "port-situation-rule-supervision")
    void onReported(ConsumerRecord<String, String> record) {
        handled.handleOnce("port-situation.rule-supervision", record, event -> {
            GatePassReported report = eventJson.dataAs(event, GatePassReported.class);
            GateReleaseDecided decided = decide(report, properties.supervision(), clock);
            outbox.publish(GateReleaseDecided.RULE_BASED_TOPIC, "GatePass", report.passId().toString(),
                    GateReleaseDecided.RULE_BASED_TOPIC, decided);
        });
    }

    /** The rules: held plates are held, overweight vehicles and the sampled share go to inspection, the rest pass. */
    static GateReleaseDecided decide(GatePassReported r, GateProperties.Supervision rules, Clock clock) {
        String[] next = nextStep(r.gateType());
        if (r.plateNumber() != null && rules.heldPlates().contains(r.plateNumber())) {
            return new GateReleaseDecided(r.passId(), ReleaseDecision.HOLD, "布控车辆 / watched vehicle",
                    "禁止通行，请原地等候查验人员", "Do not pass; wait for the inspection officers", DECIDED_BY, clock.instant());
        }
        if (r.grossKg() != null && r.grossKg() > rules.maxGrossKg()) {
            return new GateReleaseDecided(r.passId(), ReleaseDecision.INSPECT,
                    "超重 " + r.grossKg() + " kg > " + rules.maxGrossKg() + " kg / overweight",
                    "请驶入查验通道接受查验", "Drive into the inspection lane", DECIDED_BY, clock.instant());
        }
        double sample = (r.passId().getLeastSignificantBits() >>> 1) / (double) (Long.MAX_VALUE);
        if (sample < rules.inspectionRate()) {
            return new GateReleaseDecided(r.passId(), ReleaseDecision.INSPECT, "随机布控抽检 / random sampling",
                    "请驶入查验通道接受查验", "Drive into the inspection lane", DECIDED_BY, clock.instant());
        }
        return new GateReleaseDecided(r.passId(), ReleaseDecision.RELEASE, "审核通过 / cleared",
                "放行，" + next[0], "Released; " + next[1], DECIDED_BY, clock.instant());
    }

    private static String[] nextStep(String gateType) {
        return switch (gateType) {
            case "ENTRY" -> new String[] {"请前往检查区", "proceed to the check area"};
            case "SECURITY_CHECK", "INSPECTION", "CARGO_INSPECTION" -> new String[] {"请前往待渡区", "proceed to the waiting area"};
            case "BOARDING" -> new String[] {"请按引导登船", "board as guided"};
            case "YARD" -> new String[] {"请驶入堆场", "enter the yard"};
            default -> new String[] {"请通行", "pass"};
        };
    }
}
