package cn.hnsw.simulators.port;

import cn.hnsw.common.events.OutboxPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;

/**
 * How the port feed simulators put their reports on the platform's Kafka topics: through the simulators' own outbox
 * (common-lib), in the platform's event envelope, keyed by the object they report on so one object's reports stay in
 * order. A batch of reports is one transaction: all of them leave, or none.
 */
@Component
class PlatformEventPublisher {

    /** One report: its topic, the aggregate it is about (type and id) and its payload. */
    record Report(String topic, String aggregateType, String aggregateId, Map<String, Object> data) {
    }

    private final OutboxPublisher outbox;
    private final TransactionTemplate tx;

    PlatformEventPublisher(OutboxPublisher outbox, TransactionTemplate tx) {
        this.outbox = outbox;
        this.tx = tx;
    }

    void publish(List<Report> reports) {
        if (reports.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(s -> reports.forEach(r ->
                outbox.publish(r.topic(), r.aggregateType(), r.aggregateId(), r.topic(), r.data())));
    }
}
