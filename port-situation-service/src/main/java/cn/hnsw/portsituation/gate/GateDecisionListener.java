package cn.hnsw.portsituation.gate;

import cn.hnsw.common.events.EventJson;
import cn.hnsw.common.events.HandledEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Receives audit results and release instructions from the supervision side (idempotent on the event id). */
@Component
class GateDecisionListener {

    private final HandledEvents handled;
    private final EventJson eventJson;
    private final GateService gates;

    GateDecisionListener(HandledEvents handled, EventJson eventJson, GateService gates) {
        this.handled = handled;
        this.eventJson = eventJson;
        this.gates = gates;
    }

    @KafkaListener(topics = "#{'${hnsw.gates.decision-topics:hnsw.port-situation.gate-release-decided}'.split(',')}",
            groupId = "port-situation-gate-decisions")
    void onDecision(ConsumerRecord<String, String> record) {
        handled.handleOnce("port-situation.gate-release-decided", record,
                event -> gates.decide(eventJson.dataAs(event, GateReleaseDecided.class)));
    }
}
