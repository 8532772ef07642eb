package cn.hnsw.customs.secondline;

import java.time.Instant;
import java.util.UUID;

/**
 * 运抵申报 — filed by the operator of a supervised site (监管作业场所经营人) when second-line goods reach it; declaring it
 * triggers customs' control and inspection (布控查验) of the linked declaration or list, and the vehicle, inspection
 * and gate-pass receipts come back to it.
 */
public record ArrivalReport(UUID id, String reportNo, String siteCode, String operatorUscc, String createdBy,
                            String enterpriseUscc, UUID declarationId, String preEntryNo, String verificationListNo,
                            String vehiclePlate, String containerNo, String gateCode, Instant arrivedAt, Status status,
                            UUID conversationId, String controlDecision, String inspectionResult, String vehicleStatus,
                            String gatePassNo, Instant createdAt, Instant declaredAt, Instant updatedAt) {

    /**
     * DRAFT (暂存) → DECLARED → RECEIVED (technical receipt) → INSPECTING (control decided to inspect) or CONTROLLED
     * (no inspection) → RELEASED (gate pass) | HELD (inspection failed, vehicle held); FAILED when it could not be sent.
     */
    public enum Status { DRAFT, DECLARED, RECEIVED, INSPECTING, CONTROLLED, RELEASED, HELD, FAILED }
}
