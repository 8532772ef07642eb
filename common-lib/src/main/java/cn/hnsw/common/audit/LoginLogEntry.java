package cn.hnsw.common.audit;

import java.time.Instant;

/** 登录日志 — one login, logout or refused token, with who, from where and when. */
public record LoginLogEntry(
        Long seq,
        Instant occurredAt,
        LoginEvent event,
        String actorId,
        String actorName,
        String roles,
        String organization,
        String enterprise,
        AuditResult result,
        String reason,
        String sessionId,
        String clientIp,
        String userAgent,
        String requestId,
        String hash) {
}
