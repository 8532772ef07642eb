package cn.hnsw.portsituation.alert;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.events.EventJson;
import cn.hnsw.common.events.HandledEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The receiving side of the one alerts topic ({@link Alert#TOPIC}): every service's alerts arrive here. Idempotent
 * twice over: on the event id ({@link HandledEvents}) and on the alert id (a re-sent alert with a new event id).
 */
@Component
class AlertListener {

    static final String CONSUMER = "port-situation.alert-raised";

    private final HandledEvents handled;
    private final EventJson eventJson;
    private final AlertService alerts;

    AlertListener(HandledEvents handled, EventJson eventJson, AlertService alerts) {
        this.handled = handled;
        this.eventJson = eventJson;
        this.alerts = alerts;
    }

    @KafkaListener(topics = "#{T(cn.hnsw.common.events.Alert).TOPIC}", groupId = "port-situation-alerts")
    void onAlert(ConsumerRecord<String, String> record) {
        handled.handleOnce(CONSUMER, record, event -> alerts.receive(eventJson.dataAs(event, Alert.class)));
    }
}
