package cn.hnsw.portsituation.gate;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code hnsw.<supervisor>.gate-release-decided}: the supervision side's audit result and release instruction
 * for a reported pass (审核结果、放行指令). Which topics are read is configuration ({@code hnsw.gates.decision-topics}).
 */
public record GateReleaseDecided(UUID passId, ReleaseDecision decision, String reason, String guidanceZh,
                                 String guidanceEn, String decidedBy, Instant decidedAt) {

    public static final String RULE_BASED_TOPIC = "hnsw.port-situation.gate-release-decided";
}
