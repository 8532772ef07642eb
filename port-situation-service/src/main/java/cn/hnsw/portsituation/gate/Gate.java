package cn.hnsw.portsituation.gate;

/**
 * 卡口 — one physical gate of a port-group gate group, with its loop: {@code reports} (report to the Single Window
 * supervision system and relay its decision back) and {@code guides} (publish the decision and guide the vehicle).
 */
public record Gate(String code, String portCode, String groupZh, String nameZh, String nameEn, String gateType,
                   String flow, CaptureKind captureKind, boolean reports, boolean guides, int sequence, int firstFp,
                   int lanes, String status) {
}
