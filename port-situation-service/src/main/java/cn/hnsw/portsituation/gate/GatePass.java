package cn.hnsw.portsituation.gate;

import cn.hnsw.common.web.HnswException;

import java.time.Instant;
import java.util.UUID;

/** 过卡 — one vehicle or person at a gate, moved through the collection-and-release loop by its own methods. */
public final class GatePass {

    private final UUID id;
    private final Gate gate;
    private final String partnerMessage;
    private final GateCapture capture;
    private final Instant recordedAt;
    private PassState state;
    private Instant reportedAt;
    private Instant decidedAt;
    private ReleaseDecision decision;
    private String decisionReason;
    private String guidanceZh;
    private String guidanceEn;
    private String decidedBy;
    private int relayAttempts;
    private String relayError;
    private Instant relayedAt;
    private Instant guidedAt;
    private Instant displayedAt;
    private final int version;

    GatePass(UUID id, Gate gate, String partnerMessage, GateCapture capture, Instant recordedAt, PassState state,
                Instant reportedAt, Instant decidedAt, ReleaseDecision decision, String decisionReason, String guidanceZh,
                String guidanceEn, String decidedBy, int relayAttempts, String relayError, Instant relayedAt,
                Instant guidedAt, Instant displayedAt, int version) {
        this.id = id;
        this.gate = gate;
        this.partnerMessage = partnerMessage;
        this.capture = capture;
        this.recordedAt = recordedAt;
        this.state = state;
        this.reportedAt = reportedAt;
        this.decidedAt = decidedAt;
        this.decision = decision;
        this.decisionReason = decisionReason;
        this.guidanceZh = guidanceZh;
        this.guidanceEn = guidanceEn;
        this.decidedBy = decidedBy;
        this.relayAttempts = relayAttempts;
        this.relayError = relayError;
        this.relayedAt = relayedAt;
        this.guidedAt = guidedAt;
        this.displayedAt = displayedAt;
        this.version = version;
    }

    /** Collect + record (采集 / 记录): a complete capture from a known gate. */
    public static GatePass record(Gate gate, String partnerMessage, GateCapture capture, Instant now) {
        var missing = gate.captureKind().missing(capture);
        if (!missing.isEmpty()) {
            throw new HnswException(GateErrorCode.GATE_CAPTURE_INCOMPLETE, String.join(", ", missing));
        }
        return new GatePass(UUID.randomUUID(), gate, partnerMessage, capture, now, PassState.RECORDED, null, null,
                null, null, null, null, null, 0, null, null, null, null, 0);
    }

    private void move(PassState target) {
        if (!state.next().contains(target)) {
            throw new HnswException(GateErrorCode.PASS_STATE_CONFLICT, state, target);
        }
        state = target;
    }

    /** 上报: only gates with a report step; the others stop at RECORDED. */
    public boolean report(Instant now) {
        if (!gate.reports()) {
            return false;
        }
        move(PassState.REPORTED);
        reportedAt = now;
        return true;
    }

    /** The supervision system's audit result and release instruction arrived. */
    public void decide(ReleaseDecision decision, String reason, String guidanceZh, String guidanceEn, String decidedBy,
                       Instant now) {
        move(PassState.DECIDED);
        this.decision = decision;
        this.decisionReason = reason;
        this.guidanceZh = guidanceZh;
        this.guidanceEn = guidanceEn;
        this.decidedBy = decidedBy;
        this.decidedAt = now;
    }

    /** 转发 (+ 公示/引导) then 显示: the gate confirmed it took the instruction and shows it. */
    public void relayed(Instant now) {
        relayedAt = now;
        relayError = null;
        if (gate.guides()) {
            move(PassState.GUIDED);
            guidedAt = now;
        }
        move(PassState.DISPLAYED);
        displayedAt = now;
    }

    public void relayFailed(String error) {
        relayAttempts++;
        relayError = error;
    }

    public UUID id() { return id; }
    public Gate gate() { return gate; }
    public String partnerMessage() { return partnerMessage; }
    public GateCapture capture() { return capture; }
    public Instant recordedAt() { return recordedAt; }
    public PassState state() { return state; }
    public Instant reportedAt() { return reportedAt; }
    public Instant decidedAt() { return decidedAt; }
    public ReleaseDecision decision() { return decision; }
    public String decisionReason() { return decisionReason; }
    public String guidanceZh() { return guidanceZh; }
    public String guidanceEn() { return guidanceEn; }
    public String decidedBy() { return decidedBy; }
    public int relayAttempts() { return relayAttempts; }
    public String relayError() { return relayError; }
    public Instant relayedAt() { return relayedAt; }
    public Instant guidedAt() { return guidedAt; }
    public Instant displayedAt() { return displayedAt; }
    public int version() { return version; }
}
