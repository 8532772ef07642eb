package cn.hnsw.portsituation.alert;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.events.OutboxPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Raises this service's own alerts (AIS, gates, monitoring rules) the way every service does: an outbox row on the
 * shared alerts topic, so they reach the same lifecycle, the officer app and any other reader.
 */
@Component
public class AlertRaiser {

    public static final String SOURCE = "port-situation-service";

    private final OutboxPublisher outbox;
    private final TransactionTemplate tx;

    public AlertRaiser(OutboxPublisher outbox, TransactionTemplate tx) {
        this.outbox = outbox;
        this.tx = tx;
    }

    /** Publishes in a transaction of its own (or the caller's, when there is one). */
    public void raise(Alert alert) {
        tx.executeWithoutResult(s -> outbox.publish(Alert.TOPIC, Alert.AGGREGATE_TYPE, alert.alertId(), Alert.EVENT_TYPE,
                alert));
    }
}
