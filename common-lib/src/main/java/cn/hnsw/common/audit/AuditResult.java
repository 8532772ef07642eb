package cn.hnsw.common.audit;

/** Outcome of an audited operation or login. */
public enum AuditResult {
    SUCCESS,
    FAILURE
}
