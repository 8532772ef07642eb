package cn.hnsw.common.audit;

/** The result of verifying both audit chains of a service. */
public record AuditVerification(ChainVerification operationLog, ChainVerification loginLog) {

    public boolean intact() {
        return operationLog.intact() && loginLog.intact();
    }
}
