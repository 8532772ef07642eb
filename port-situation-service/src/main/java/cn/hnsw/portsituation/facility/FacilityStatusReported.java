package cn.hnsw.portsituation.facility;

import java.time.Instant;

/**
 * Event {@code hnsw.platform.facility-status}: a facility of a port reports that it is alive (HEARTBEAT), that it has a
 * fault (FAULT, with a reason), or that it was repaired (RECOVERED). Device platforms, gate controllers and the
 * software's own health checks publish it, keyed by the facility code so that one facility's reports stay in order.
 *
 * @param kind                CAMERA, SENSOR, SOFTWARE, INSPECTION_SITE, GATE, YARD
 * @param heartbeatTimeoutSec how long the facility may stay silent before it counts as offline (default 120 s)
 * @param area                the area of the port it stands in, if it says: GATE_AREA (卡口区域), INSPECTION_AREA
 *                            (查验区) or STORAGE_AREA (堆存区); kept from the latest report that names one
 */
public record FacilityStatusReported(String facilityCode, String kind, String portCode, String nameZh, String signal,
                                     String reason, Integer heartbeatTimeoutSec, Instant occurredAt, String source,
                                     String area) {

    public static final String TOPIC = "hnsw.platform.facility-status";

    /** The areas a facility may name. */
    public static final java.util.Set<String> AREAS = java.util.Set.of("GATE_AREA", "INSPECTION_AREA", "STORAGE_AREA");

    /** A report that names no area. */
    public FacilityStatusReported(String facilityCode, String kind, String portCode, String nameZh, String signal,
                                  String reason, Integer heartbeatTimeoutSec, Instant occurredAt, String source) {
        this(facilityCode, kind, portCode, nameZh, signal, reason, heartbeatTimeoutSec, occurredAt, source, null);
    }
}
