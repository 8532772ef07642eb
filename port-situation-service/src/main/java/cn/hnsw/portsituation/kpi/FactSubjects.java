package cn.hnsw.portsituation.kpi;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The subjects of port business facts, with the dimensions and measures each may carry; checks a fact against them. */
public final class FactSubjects {

    /** The dimensions and measures of one subject. */
    public record Subject(Set<String> dims, Set<String> measures) {
    }

    public static final Map<String, Subject> SUBJECTS = Map.of(
            "VEHICLE_TRIP", new Subject(Set.of("direction", "vehicleClass", "vehicleType", "carried"),
                    Set.of("vehicles", "declared")),
            "PASSENGER_TRIP", new Subject(Set.of("direction", "mode", "origin", "carried"), Set.of("persons", "declared")),
            "BAGGAGE_DECLARATION", new Subject(Set.of("category", "mode"), Set.of("declarations")),
            "TRUCK_TRIP", new Subject(Set.of("direction", "truckClass", "cargoType", "region"), Set.of("trucks", "tonnes")),
            "CARGO_DECLARATION", new Subject(Set.of("trade", "direction", "goodsType", "tradeMode", "clearanceType",
                    "enterprise", "region", "partnerCountry", "flow"), Set.of("declarations", "valueCny", "tonnes",
                    "tariffCny", "controlHit", "seized", "inspected", "compliant", "clearanceMinutes", "costCny")),
            "DATA_EXCHANGE", new Subject(Set.of("counterpart", "dataKind"), Set.of("messages")),
            "JOINT_INSPECTION", new Subject(Set.of("flow"), Set.of("inspectionMinutes", "clearanceMinutes",
                    "baselineMinutes", "savedMinutes")),
            "YARD_STOCK", new Subject(Set.of("yardKind"), Set.of("stockTeu", "capacityTeu", "tonnes")),
            "CARGO_OPERATION", new Subject(Set.of("cargoType", "direction"), Set.of("tonnes", "teu", "operationMinutes",
                    "standardMinutes", "transportMinutes")));

    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    private FactSubjects() {
    }

    /** What is wrong with a fact (empty: nothing); {@code portExists} tells whether its port is known. */
    public static List<String> problems(PortBusinessFact f, boolean portExists, Instant now) {
        List<String> out = new ArrayList<>();
        Subject s = f.subject() == null ? null : SUBJECTS.get(f.subject());
        if (s == null) {
            out.add("subject " + f.subject());
            return out;
        }
        if (!portExists) {
            out.add("portCode " + f.portCode());
        }
        if (f.occurredAt() == null || f.occurredAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
            out.add("occurredAt " + f.occurredAt());
        }
        if (f.dims() != null) {
            f.dims().forEach((k, v) -> {
                if (!s.dims().contains(k) || v == null || v.isBlank() || v.length() > 80) {
                    out.add("dims." + k);
                }
            });
        }
        if (f.measures() == null || f.measures().isEmpty()) {
            out.add("measures");
        } else {
            f.measures().forEach((k, v) -> {
                if (!s.measures().contains(k) || v == null || v.signum() < 0 || v.compareTo(LIMIT) >= 0) {
                    out.add("measures." + k);
                }
            });
        }
        return out;
    }
}
