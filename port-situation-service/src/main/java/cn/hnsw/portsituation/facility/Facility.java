package cn.hnsw.portsituation.facility;

import java.time.Instant;

/** 设施 — a monitored facility of a port, and where it stands now. */
public record Facility(String code, String kind, String portCode, String nameZh, Status status, Instant statusSince,
                       Instant lastHeartbeatAt, int heartbeatTimeoutSec, String faultReason) {

    /**
     * Online, with a fault, or silent for longer than its heartbeat timeout. A fault ends only when the facility reports
     * its repair; an offline facility is back with its next heartbeat.
     */
    public enum Status { ONLINE, FAULT, OFFLINE }

    public static final java.util.Set<String> KINDS = java.util.Set.of("CAMERA", "SENSOR", "SOFTWARE",
            "INSPECTION_SITE", "GATE", "YARD", "H986", "XRAY", "CT", "UNPACKING_TABLE", "BARRIER", "DOOR_CONTROL",
            "PLATE_RECOGNITION", "RFID_READER", "TOLL_SYSTEM");
}
