package cn.hnsw.portsituation.monitoring;

import java.time.Instant;

/**
 * Event {@code hnsw.platform.port-flow-observed}: something passed a stage of a supervised flow at a port — entries,
 * inspections, releases, or a queue length (quantity = vehicles waiting). Gates, the passenger and customs services
 * and the airport systems publish it; this service keeps the windowed metrics.
 *
 * @param flow  PASSENGER_VEHICLE, PASSENGER, FREIGHT, BULK, CONTAINER, AIR_PASSENGER, AIR_CARGO
 * @param stage ENTRY, INSPECTION, RELEASE, QUEUE
 */
public record PortFlowObserved(String portCode, String flow, String stage, int quantity, String area,
                               Instant occurredAt, String source) {

    public static final String TOPIC = "hnsw.platform.port-flow-observed";
}
