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
    private final GatePassRepository passes;
    private final OutboxPublisher outbox;
    private final AlertRaiser alerts;
    private final RuleBook rules;
    private final LiveFeed live;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile Runnable relayWakeUp = () -> { };

    public GateService(GateRepository gates, GatePassRepository passes, OutboxPublisher outbox, AlertRaiser alerts,
                       RuleBook rules, LiveFeed live, ObjectMapper json, Clock clock) {
        this.gates = gates;
        this.passes = passes;
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

    /** Collect → record → report (where the gate reports). A re-sent message returns the pass recorded first. */
    @Transactional
    public GatePass record(String partnerMessageId, GateCapture capture) {
        Gate gate = gates.find(capture.gateCode())
                .orElseThrow(() -> new HnswException(GateErrorCode.GATE_UNKNOWN, capture.gateCode()));
        GatePass pass = GatePass.record(gate, partnerMessageId, capture, clock.instant());
        if (!passes.insert(pass)) {
            return passes.findByPartnerMessage(partnerMessageId).orElseThrow();
        }
        if (pass.report(clock.instant())) {
            passes.update(pass);
            pass = passes.find(pass.id()).orElseThrow();
            outbox.publish(GatePassReported.TOPIC, "GatePass", pass.id().toString(), GatePassReported.TOPIC,
                    reported(pass));
        }
        observe(pass, "ENTRY");
        checkRules(pass);
        GatePassView view = GatePassView.of(pass);
        afterCommit(() -> live.publish("gate-pass", view));
        log.info("event=gate-pass-recorded pass={} gate={} state={}", pass.id(), gate.code(), pass.state());
        return pass;
    }

    private void checkRules(GatePass p) {
        if (rules.isEmpty(RuleScope.GATE_PASS)) {
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
        for (AlertRule rule : rules.matching(RuleScope.GATE_PASS, p.gate().code() + "|" + facts.get("plateNumber"),
                facts, clock.instant())) {
            String subject = facts.get("plateNumber").toString().isEmpty() ? p.gate().nameZh() : facts.get("plateNumber").toString();
            alerts.raise(new Alert(UUID.randomUUID().toString(), AlertRaiser.SOURCE, rule.alertType(), rule.level(),
                    p.gate().portCode(), null, List.of(), subject + "：" + rule.nameZh() + "（" + p.gate().nameZh() + "）",
                    subject + ": " + rule.nameEn() + " (" + p.gate().nameEn() + ")", p.recordedAt(), null, null,
                    Map.of("ruleCode", rule.code(), "gateCode", p.gate().code(), "passId", p.id().toString())));
        }
    }

    /** The audit result and release instruction arrived from the supervision side. */
    @Transactional
    public void decide(GateReleaseDecided decided) {
        GatePass pass = passes.find(decided.passId())
                .orElseThrow(() -> new HnswException(GateErrorCode.PASS_NOT_FOUND, decided.passId()));
        if (pass.state() != PassState.REPORTED) {
            log.info("event=gate-decision-ignored pass={} state={}", pass.id(), pass.state());
            return;
        }
        pass.decide(decided.decision(), decided.reason(), decided.guidanceZh(), decided.guidanceEn(),
                decided.decidedBy(), clock.instant());
        passes.update(pass);
        observe(pass, decided.decision() == ReleaseDecision.RELEASE ? "RELEASE" : "INSPECTION");
        afterCommit(relayWakeUp);
    }

    /** Relays one decided pass's instruction to its gate (outside any transaction: a partner call). */
    public void relay(UUID passId, GateControlAdapter adapter) {
        GatePass pass = passes.find(passId).orElse(null);
        if (pass == null || pass.state() != PassState.DECIDED) {
            return;
        }
        GateCapture c = pass.capture();
        try {
            adapter.relay(new GateControlAdapter.ReleaseInstruction(pass.id().toString(), pass.gate().code(),
                    c.lane(), c.vehicle() == null ? null : c.vehicle().plateNumber(), c.containerNumber(),
                    pass.decision(), pass.guidanceZh(), pass.guidanceEn(), pass.gate().guides()));
            pass.relayed(clock.instant());
            log.info("event=gate-instruction-relayed pass={} gate={} decision={}", pass.id(),
                    pass.gate().code(), pass.decision());
        } catch (GateControlAdapter.GateRelayException e) {
            pass.relayFailed(e.getMessage());
            log.warn("event=gate-relay-failed pass={} attempts={} error=\"{}\"", pass.id(),
                    pass.relayAttempts(), e.getMessage());
        }
        if (passes.update(pass)) {
            live.publish("gate-pass", GatePassView.of(pass));
        }
    }

    /** A gate pass is also a flow observation of its port (entries, inspections, releases). */
    private void observe(GatePass p, String stage) {
        String flow = switch (p.gate().flow()) {
            case "VEHICLE" -> "PASSENGER_VEHICLE";
            case "PERSON" -> "PASSENGER";
            default -> p.gate().flow();
        };
        int quantity = "PASSENGER".equals(flow) ? Math.max(1, p.capture().persons() == null ? 1 : p.capture().persons().size()) : 1;
        outbox.publish(PortFlowObserved.TOPIC, "GatePass", p.id().toString(), PortFlowObserved.TOPIC,
                new PortFlowObserved(p.gate().portCode(), flow, stage, quantity, p.gate().code(), clock.instant(),
                        "gate:" + p.gate().code()));
    }

    private static GatePassReported reported(GatePass p) {
        GateCapture c = p.capture();
        return new GatePassReported(p.id(), p.gate().code(), p.gate().gateType(), p.gate().portCode(),
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
