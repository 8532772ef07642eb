package cn.hnsw.portsituation.gate;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.portsituation.alert.AlertRaiser;
import cn.hnsw.portsituation.live.LiveFeed;
import cn.hnsw.portsituation.monitoring.PortFlowObserved;
import cn.hnsw.portsituation.rule.AlertRule;
import cn.hnsw.portsituation.rule.RuleBook;
import cn.hnsw.portsituation.rule.RuleScope;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The gate collection-and-release loop: record and report a capture, apply the decision, relay it to the gate. */
@Service
public class GateService {

    private static final Logger log = LoggerFactory.getLogger(GateService.class);

    private final GateRepository gates;
    private final GatePassageRepository passages;
    private final OutboxPublisher outbox;
    private final AlertRaiser alerts;
    private final RuleBook rules;
    private final LiveFeed live;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile Runnable relayWakeUp = () -> { };

    public GateService(GateRepository gates, GatePassageRepository passages, OutboxPublisher outbox, AlertRaiser alerts,
                       RuleBook rules, LiveFeed live, ObjectMapper json, Clock clock) {
        this.gates = gates;
        this.passages = passages;
        this.outbox = outbox;
        this.alerts = alerts;
        this.rules = rules;
        this.live = live;
        this.json = json;
        this.clock = clock;
    }

    void onDecided(Runnable wakeUp) {
        this.relayWakeUp = wakeUp;
    }

    /** Parses a gate message opened by the sealed inbox; malformed JSON is refused before anything is stored. */
    public GateCapture parse(byte[] payload) {
        try {
            GateCapture capture = json.readValue(payload, GateCapture.class);
            if (capture == null || capture.gateCode() == null) {
                throw new HnswException(GateErrorCode.GATE_CAPTURE_MALFORMED, "gateCode");
            }
            return capture;
        } catch (java.io.IOException e) {
            throw new HnswException(GateErrorCode.GATE_CAPTURE_MALFORMED, e.getClass().getSimpleName());
        }
    }

    /** Collect → record → report (where the gate reports). A re-sent message returns the passage recorded first. */
    @Transactional
    public GatePassage record(String partnerMessageId, GateCapture capture) {
        Gate gate = gates.find(capture.gateCode())
                .orElseThrow(() -> new HnswException(GateErrorCode.GATE_UNKNOWN, capture.gateCode()));
        GatePassage passage = GatePassage.record(gate, partnerMessageId, capture, clock.instant());
        if (!passages.insert(passage)) {
            return passages.findByPartnerMessage(partnerMessageId).orElseThrow();
        }
        if (passage.report(clock.instant())) {
            passages.update(passage);
            passage = passages.find(passage.id()).orElseThrow();
            outbox.publish(GatePassageReported.TOPIC, "GatePassage", passage.id().toString(), GatePassageReported.TOPIC,
                    reported(passage));
        }
        observe(passage, "ENTRY");
        checkRules(passage);
        GatePassageView view = GatePassageView.of(passage);
        afterCommit(() -> live.publish("gate-passage", view));
        log.info("event=gate-passage-recorded passage={} gate={} state={}", passage.id(), gate.code(), passage.state());
        return passage;
    }

    private void checkRules(GatePassage p) {
        if (rules.isEmpty(RuleScope.GATE_PASSAGE)) {
            return;
        }
        GateCapture c = p.capture();
        Map<String, Object> facts = new HashMap<>();
        facts.put("portCode", p.gate().portCode());
        facts.put("gateCode", p.gate().code());
        facts.put("gateType", p.gate().gateType());
        facts.put("flow", p.gate().flow());
        Integer gross = c.weighbridge() == null ? null : c.weighbridge().grossKg();
        Integer tare = c.weighbridge() == null ? null : c.weighbridge().tareKg();
        facts.put("grossKg", gross == null ? 0 : gross);
        facts.put("tareKg", tare == null ? 0 : tare);
        facts.put("netKg", gross == null || tare == null ? 0 : gross - tare);
        facts.put("personCount", c.persons() == null ? 0 : c.persons().size());
        facts.put("plateNumber", c.vehicle() == null || c.vehicle().plateNumber() == null ? "" : c.vehicle().plateNumber());
        facts.put("containerNumber", c.containerNumber() == null ? "" : c.containerNumber());
        facts.put("hour", p.recordedAt().atZone(ZoneId.of("Asia/Shanghai")).getHour());
        for (AlertRule rule : rules.matching(RuleScope.GATE_PASSAGE, p.gate().code() + "|" + facts.get("plateNumber"),
                facts, clock.instant())) {
            String subject = facts.get("plateNumber").toString().isEmpty() ? p.gate().nameZh() : facts.get("plateNumber").toString();
            alerts.raise(new Alert(UUID.randomUUID().toString(), AlertRaiser.SOURCE, rule.alertType(), rule.level(),
                    p.gate().portCode(), null, List.of(), subject + "：" + rule.nameZh() + "（" + p.gate().nameZh() + "）",
                    subject + ": " + rule.nameEn() + " (" + p.gate().nameEn() + ")", p.recordedAt(), null, null,
                    Map.of("ruleCode", rule.code(), "gateCode", p.gate().code(), "passageId", p.id().toString())));
        }
    }

    /** The audit result and release instruction arrived from the supervision side. */
    @Transactional
    public void decide(GateReleaseDecided decided) {
        GatePassage passage = passages.find(decided.passageId())
                .orElseThrow(() -> new HnswException(GateErrorCode.PASSAGE_NOT_FOUND, decided.passageId()));
        if (passage.state() != PassageState.REPORTED) {
            log.info("event=gate-decision-ignored passage={} state={}", passage.id(), passage.state());
            return;
        }
        passage.decide(decided.decision(), decided.reason(), decided.guidanceZh(), decided.guidanceEn(),
                decided.decidedBy(), clock.instant());
        passages.update(passage);
        observe(passage, decided.decision() == ReleaseDecision.RELEASE ? "RELEASE" : "INSPECTION");
        afterCommit(relayWakeUp);
    }

    /** Relays one decided passage's instruction to its gate (outside any transaction: a partner call). */
    public void relay(UUID passageId, GateControlAdapter adapter) {
        GatePassage passage = passages.find(passageId).orElse(null);
        if (passage == null || passage.state() != PassageState.DECIDED) {
            return;
        }
        GateCapture c = passage.capture();
        try {
            adapter.relay(new GateControlAdapter.ReleaseInstruction(passage.id().toString(), passage.gate().code(),
                    c.lane(), c.vehicle() == null ? null : c.vehicle().plateNumber(), c.containerNumber(),
                    passage.decision(), passage.guidanceZh(), passage.guidanceEn(), passage.gate().guides()));
            passage.relayed(clock.instant());
            log.info("event=gate-instruction-relayed passage={} gate={} decision={}", passage.id(),
                    passage.gate().code(), passage.decision());
        } catch (GateControlAdapter.GateRelayException e) {
            passage.relayFailed(e.getMessage());
            log.warn("event=gate-relay-failed passage={} attempts={} error=\"{}\"", passage.id(),
                    passage.relayAttempts(), e.getMessage());
        }
        if (passages.update(passage)) {
            live.publish("gate-passage", GatePassageView.of(passage));
        }
    }

    /** A gate passage is also a flow observation of its port (entries, inspections, releases). */
    private void observe(GatePassage p, String stage) {
        String flow = switch (p.gate().flow()) {
            case "VEHICLE" -> "PASSENGER_VEHICLE";
            case "PERSON" -> "PASSENGER";
            default -> p.gate().flow();
        };
        int quantity = "PASSENGER".equals(flow) ? Math.max(1, p.capture().persons() == null ? 1 : p.capture().persons().size()) : 1;
        outbox.publish(PortFlowObserved.TOPIC, "GatePassage", p.id().toString(), PortFlowObserved.TOPIC,
                new PortFlowObserved(p.gate().portCode(), flow, stage, quantity, p.gate().code(), clock.instant(),
                        "gate:" + p.gate().code()));
    }

    private static GatePassageReported reported(GatePassage p) {
        GateCapture c = p.capture();
        return new GatePassageReported(p.id(), p.gate().code(), p.gate().gateType(), p.gate().portCode(),
                p.gate().flow(), c.lane(), c.capturedAt(), c.vehicle() == null ? null : c.vehicle().plateNumber(),
                c.vehicle() == null ? null : c.vehicle().vehicleType(), c.containerNumber(),
                c.persons() == null ? 0 : c.persons().size(), c.weighbridge() == null ? null : c.weighbridge().grossKg(),
                c.weighbridge() == null ? null : c.weighbridge().tareKg(), c.xrayImageRef(),
                c.vehicleTicket() == null ? null : c.vehicleTicket().ticketId(),
                c.vehicleTicket() != null ? c.vehicleTicket().voyage() : c.boarding() == null ? null : c.boarding().voyage());
    }

    private static void afterCommit(Runnable task) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    task.run();
                }
            });
        } else {
            task.run();
        }
    }
}
