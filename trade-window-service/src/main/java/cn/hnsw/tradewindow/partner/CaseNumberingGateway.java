package cn.hnsw.tradewindow.partner;

/**
 * 海易办/海政通 统一赋码 and 办件状态同步 — the unified case number obtained at final submission, and every status change
 * pushed back (service list 73, 93, 107). Implemented over sealed partner messages; the 海易办 simulator answers in
 * local and test setups.
 */
public interface CaseNumberingGateway {

    /** Obtains the unified case number (办件编号) for a case. Refusals and outages are thrown, never swallowed. */
    String assignCaseNumber(CaseRequest request);

    /** Pushes a status change of a numbered case (办件审批状态同步). */
    void pushStatus(CaseStatus status);

    /** @param businessType {@code PILOT_APPLICATION}, {@code PREFERENCE_APPLICATION}… */
    record CaseRequest(String businessType, String businessId, String enterpriseUscc, String enterpriseName,
                       String title) {
    }

    record CaseStatus(String caseNumber, String businessId, String status, String step, String eventId) {
    }
}
