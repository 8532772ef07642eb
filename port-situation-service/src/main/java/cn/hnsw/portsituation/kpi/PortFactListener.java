package cn.hnsw.portsituation.kpi;

import cn.hnsw.common.events.EventJson;
import cn.hnsw.common.events.HandledEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/** Takes port business facts from Kafka, each event once; a fact that fails {@link FactSubjects} is dropped and logged. */
@Component
class PortFactListener {

    private static final Logger log = LoggerFactory.getLogger(PortFactListener.class);

    private final HandledEvents handled;
    private final EventJson eventJson;
    private final PortFactRepository facts;
    private final Clock clock;

    PortFactListener(HandledEvents handled, EventJson eventJson, PortFactRepository facts, Clock clock) {
        this.handled = handled;
        this.eventJson = eventJson;
        this.facts = facts;
        this.clock = clock;
    }

    @KafkaListener(topics = PortBusinessFact.TOPIC, groupId = "port-situation-facts")
    void onFact(ConsumerRecord<String, String> record) {
        handled.handleOnce("port-situation.port-business-fact", record, event -> {
            PortBusinessFact f = eventJson.dataAs(event, PortBusinessFact.class);
            List<String> problems = FactSubjects.problems(f, facts.portExists(f.portCode()), clock.instant());
            if (!problems.isEmpty()) {
                log.warn("event=port-fact-dropped subject={} port={} problems={}", f.subject(), f.portCode(), problems);
                return;
            }
            facts.insert(event.id().toString(), f, null);
        });
    }
}
