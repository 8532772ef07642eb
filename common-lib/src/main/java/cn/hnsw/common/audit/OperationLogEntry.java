package cn.hnsw.common.audit;

import java.time.Instant;

/**
 * 操作日志 — one audited operation: who (user, role, organisation, enterprise) did what (action) to which business
 * object, with what result, from where and when. {@code seq} and {@code hash} are set once stored.
 */
public record OperationLogEntry(
        Long seq,
        Instant occurredAt,
        String actorId,
        String actorName,
        String roles,
        String organization,
        String enterprise,
        String action,
        String businessType,
        String businessId,
        AuditResult result,
        String detail,
        String clientIp,
        String requestId,
        String hash) {
}
