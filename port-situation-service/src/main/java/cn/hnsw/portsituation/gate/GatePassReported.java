package cn.hnsw.portsituation.gate;

import java.time.Instant;
import java.util.UUID;

/**
 * Event {@code hnsw.port-situation.gate-pass-reported}: a gate's report to the Single Window supervision system
 * (卡口上报信息至单一窗口监管系统). The supervision side answers with {@link GateReleaseDecided}.
 */
public record GatePassReported(UUID passId, String gateCode, String gateType, String portCode, String flow,
                                  Integer lane, Instant capturedAt, String plateNumber, String vehicleType,
                                  String containerNumber, int personCount, Integer grossKg, Integer tareKg,
                                  String xrayImageRef, String vehicleTicketId, String voyage) {

    public static final String TOPIC = "hnsw.port-situation.gate-pass-reported";
}
