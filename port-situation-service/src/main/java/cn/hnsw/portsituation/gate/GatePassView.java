package cn.hnsw.portsituation.gate;

import java.time.Instant;
import java.util.UUID;

/** A pass as the screens show it; ID numbers and names stay in the stored capture, never on a screen. */
public record GatePassView(UUID id, String gateCode, String gateNameZh, String gateNameEn, String portCode,
                              String flow, Integer lane, PassState state, String plateNumber, String containerNumber,
                              int personCount, Integer grossKg, Integer tareKg, Instant recordedAt, Instant reportedAt,
                              Instant decidedAt, ReleaseDecision decision, String decisionReason, String guidanceZh,
                              String guidanceEn, String decidedBy, int relayAttempts, String relayError,
                              Instant guidedAt, Instant displayedAt) {

    public static GatePassView of(GatePass p) {
        GateCapture c = p.capture();
        return new GatePassView(p.id(), p.gate().code(), p.gate().nameZh(), p.gate().nameEn(), p.gate().portCode(),
                p.gate().flow(), c.lane(), p.state(), c.vehicle() == null ? null : c.vehicle().plateNumber(),
                c.containerNumber(), c.persons() == null ? 0 : c.persons().size(),
                c.weighbridge() == null ? null : c.weighbridge().grossKg(),
                c.weighbridge() == null ? null : c.weighbridge().tareKg(), p.recordedAt(), p.reportedAt(),
                p.decidedAt(), p.decision(), p.decisionReason(), p.guidanceZh(), p.guidanceEn(), p.decidedBy(),
                p.relayAttempts(), p.relayError(), p.guidedAt(), p.displayedAt());
    }
}
