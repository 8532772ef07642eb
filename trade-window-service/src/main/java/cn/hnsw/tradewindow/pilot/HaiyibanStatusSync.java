package cn.hnsw.tradewindow.pilot;

import cn.hnsw.common.events.EventJson;
import cn.hnsw.common.events.HandledEvents;
import cn.hnsw.tradewindow.partner.CaseNumberingGateway;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * 办件状态同步: every status change of a numbered pilot application is pushed to 海易办, once per event however often
 * Kafka delivers it. A failed push leaves no marker, so the redelivered event is pushed again.
 */
@Component
class HaiyibanStatusSync {

    static final String CONSUMER = "trade-window.haiyiban-status-sync";

    private final HandledEvents handled;
    private final EventJson json;
    private final CaseNumberingGateway gateway;

    HaiyibanStatusSync(HandledEvents handled, EventJson json, CaseNumberingGateway gateway) {
        this.handled = handled;
        this.json = json;
        this.gateway = gateway;
    }

    @KafkaListener(topics = PilotApprovalService.STATUS_TOPIC, groupId = "trade-window-haiyiban-status-sync")
    void onStatusChanged(ConsumerRecord<String, String> record) {
        handled.handleOnce(CONSUMER, record, event -> {
            var changed = json.dataAs(event, PilotApprovalService.PilotStatusChanged.class);
            if (changed.caseNumber() != null) {
                gateway.pushStatus(new CaseNumberingGateway.CaseStatus(changed.caseNumber(),
                        changed.applicationId().toString(), changed.status(), changed.step(), event.id().toString()));
            }
        });
    }
}
