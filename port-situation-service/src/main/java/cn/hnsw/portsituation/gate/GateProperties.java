package cn.hnsw.portsituation.gate;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code hnsw.gates.*}: which topics carry supervision decisions, and the rule-based supervision that decides for now
 * (until the passenger and customs services take over): overweight trucks and watched plates are sent to inspection or
 * held, a share of the rest is sampled for inspection.
 */
@ConfigurationProperties("hnsw.gates")
public record GateProperties(List<String> decisionTopics, Supervision supervision) {

    public GateProperties {
        decisionTopics = decisionTopics == null || decisionTopics.isEmpty()
                ? List.of(GateReleaseDecided.RULE_BASED_TOPIC) : List.copyOf(decisionTopics);
        supervision = supervision == null ? new Supervision(true, 49_000, 0.0, List.of()) : supervision;
    }

    /**
     * @param enabled        the rule-based supervision answers reports
     * @param maxGrossKg     a heavier vehicle goes to inspection (GB 1589 limit for a 6-axle truck: 49 t)
     * @param inspectionRate share of the other reports sampled for inspection, 0–1 (by pass id, reproducible)
     * @param heldPlates     plates held at the gate (布控)
     */
    public record Supervision(boolean enabled, int maxGrossKg, double inspectionRate, List<String> heldPlates) {
        public Supervision {
            heldPlates = heldPlates == null ? List.of() : List.copyOf(heldPlates);
        }
    }
}
