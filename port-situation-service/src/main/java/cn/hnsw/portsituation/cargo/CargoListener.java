package cn.hnsw.portsituation.cargo;

import cn.hnsw.common.events.EventJson;
import cn.hnsw.common.events.HandledEvents;
import cn.hnsw.portsituation.gate.ContainerNumbers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Takes container positions (物流) and documents (单证) from Kafka, each event once. A container number that fails the
 * ISO 6346 check digit, an unknown port or stage is dropped and logged: it would only spoil the match degree.
 */
@Component
class CargoListener {

    private static final Logger log = LoggerFactory.getLogger(CargoListener.class);
    private static final Set<String> STAGES = Set.of("ON_ROAD", "ARRIVED", "IN_YARD", "ON_QUAY", "LOADED", "GATE_OUT");
    private static final Set<String> DOCUMENTS = Set.of("MANIFEST", "DECLARATION", "RELEASE");

    private final HandledEvents handled;
    private final EventJson eventJson;
    private final CargoRepository cargo;

    CargoListener(HandledEvents handled, EventJson eventJson, CargoRepository cargo) {
        this.handled = handled;
        this.eventJson = eventJson;
        this.cargo = cargo;
    }

    @KafkaListener(topics = ContainerPositionReported.TOPIC, groupId = "port-situation-containers")
    void onPosition(ConsumerRecord<String, String> record) {
        handled.handleOnce("port-situation.container-position", record, event -> {
            ContainerPositionReported p = eventJson.dataAs(event, ContainerPositionReported.class);
            if (!ContainerNumbers.valid(p.containerNo()) || p.portCode() == null || !cargo.portExists(p.portCode())
                    || !STAGES.contains(p.stage()) || !Set.of("DOMESTIC", "FOREIGN").contains(p.trade())
                    || p.occurredAt() == null || !(Math.abs(p.latitude()) <= 90 && Math.abs(p.longitude()) <= 180)
                    || !slotValid(p)) {
                log.warn("event=container-position-dropped container={} port={} stage={}", p.containerNo(),
                        p.portCode(), p.stage());
                return;
            }
            cargo.position(event.id().toString(), p);
        });
    }

    /** A yard slot is all four parts or none, in range; a direction is IMPORT or EXPORT when given. */
    static boolean slotValid(ContainerPositionReported p) {
        if (p.direction() != null && !Set.of("IMPORT", "EXPORT").contains(p.direction())) {
            return false;
        }
        if (p.yardBlock() == null && p.yardBay() == null && p.yardRow() == null && p.yardTier() == null) {
            return true;
        }
        return p.yardBlock() != null && p.yardBlock().matches("[A-Z0-9]{1,6}") && p.yardBay() != null
                && p.yardBay() >= 1 && p.yardBay() <= 99 && p.yardRow() != null && p.yardRow() >= 1
                && p.yardRow() <= 20 && p.yardTier() != null && p.yardTier() >= 1 && p.yardTier() <= 9;
    }

    @KafkaListener(topics = DocumentFlowRecorded.TOPIC, groupId = "port-situation-documents")
    void onDocument(ConsumerRecord<String, String> record) {
        handled.handleOnce("port-situation.document-flow", record, event -> {
            DocumentFlowRecorded d = eventJson.dataAs(event, DocumentFlowRecorded.class);
            if (!ContainerNumbers.valid(d.containerNo()) || d.portCode() == null || !cargo.portExists(d.portCode())
                    || !DOCUMENTS.contains(d.kind()) || d.documentNo() == null || d.occurredAt() == null
                    || (d.packages() != null && d.packages() < 0)
                    || (d.grossKg() != null && (d.grossKg().signum() < 0 || d.grossKg().precision() - d.grossKg().scale() > 10))) {
                log.warn("event=document-flow-dropped document={} container={}", d.documentNo(), d.containerNo());
                return;
            }
            cargo.document(event.id().toString(), d);
        });
    }
}
