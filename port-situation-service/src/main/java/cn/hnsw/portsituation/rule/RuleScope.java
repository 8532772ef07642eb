package cn.hnsw.portsituation.rule;

import java.util.List;
import java.util.Map;

/**
 * What a rule looks at, and the facts its condition may name. The sample facts are what a condition is tried against
 * on save: a condition that names anything else, or does not give a boolean, is refused.
 */
public enum RuleScope {
    /** every AIS position report of a vessel */
    AIS_POSITION(Map.ofEntries(
            Map.entry("mmsi", 412345678), Map.entry("sogKnots", 12.5), Map.entry("cogDegrees", 180.0),
            Map.entry("latitude", 20.05), Map.entry("longitude", 110.15), Map.entry("navStatus", 0),
            Map.entry("shipType", "PASSENGER"), Map.entry("shipName", "琼州海峡1"), Map.entry("areaCodes", List.of("QZ-CHANNEL")),
            Map.entry("areaKinds", List.of("CHANNEL")), Map.entry("hour", 8))),
    /** windowed counts of a port and flow (monitoring) */
    PORT_METRIC(Map.of("portCode", "XINHAI_PORT", "flow", "PASSENGER_VEHICLE", "count", 120L, "windowMinutes", 15,
            "queueLength", 30, "rejected", 2L)),
    /** each recorded gate pass */
    GATE_PASS(Map.ofEntries(Map.entry("portCode", "XIUYING_PORT"), Map.entry("gateCode", "XIUYING-VEHICLE-ENTRY"),
            Map.entry("gateType", "ENTRY"), Map.entry("flow", "VEHICLE"), Map.entry("grossKg", 30000),
            Map.entry("tareKg", 12000), Map.entry("netKg", 18000), Map.entry("personCount", 2),
            Map.entry("plateNumber", "琼A12345"), Map.entry("containerNumber", ""), Map.entry("hour", 8)));

    private final Map<String, Object> sampleFacts;

    RuleScope(Map<String, Object> sampleFacts) {
        this.sampleFacts = sampleFacts;
    }

    public Map<String, Object> sampleFacts() {
        return sampleFacts;
    }
}
