package cn.hnsw.portsituation.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Event {@code hnsw.platform.port-business-fact}: one business fact of a port that the indicator system needs and no
 * other stream carries — a trade declaration, a vehicle or passenger trip, a baggage declaration, a data exchange, a
 * yard stock reading, a terminal operation, a joint inspection. The port group's ticketing and terminal systems, the
 * customs statistics and the exchange nodes publish it (the port business simulator in development); an operator may
 * record one by hand. {@link FactSubjects} lists each subject's dimensions and measures.
 */
public record PortBusinessFact(String portCode, String subject, Map<String, String> dims,
                               Map<String, BigDecimal> measures, Instant occurredAt, String source) {

    public static final String TOPIC = "hnsw.platform.port-business-fact";
}
