package cn.hnsw.common.audit;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;

/** Builds audit rows from the request and its actor, the same way everywhere. */
public final class AuditContext {

    private AuditContext() {
    }

    public static OperationLogEntry operation(CurrentActor actor, HttpServletRequest request, String action,
                                              String businessType, String businessId, AuditResult result, String detail) {
        return new OperationLogEntry(null, null,
                actor == null ? null : actor.userId(),
                actor == null ? null : actor.username(),
                actor == null ? null : String.join(",", actor.roles()),
                actor == null ? null : actor.primaryOrganization(),
                actor == null ? null : actor.enterprise(),
                action, businessType, businessId, result, detail,
                request == null ? null : clientIp(request),
                request == null ? RequestIds.current() : RequestIds.of(request),
                null);
    }

    /**
     * The client's address: the first hop of {@code X-Forwarded-For} as the gateway sets it, else the peer address.
     * Kept short so a forged header cannot flood the log.
     */
    public static String clientIp(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        String ip = forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].trim() : request.getRemoteAddr();
        return ip.length() > 64 ? ip.substring(0, 64) : ip;
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
