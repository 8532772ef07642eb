package cn.hnsw.common.audit;

import java.time.Instant;

/** Filters of an audit log query; null means "any". {@code to} is exclusive. */
public record AuditSearch(String actor, String enterprise, String action, String businessId, AuditResult result,
                          Instant from, Instant to, boolean oldestFirst) {

    public AuditSearch withEnterprise(String enterprise) {
        return new AuditSearch(actor, enterprise, action, businessId, result, from, to, oldestFirst);
    }
}
