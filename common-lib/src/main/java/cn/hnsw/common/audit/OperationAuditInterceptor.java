package cn.hnsw.common.audit;

import cn.hnsw.common.security.Actors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.Set;

/**
 * Writes an operation log row for every change made through a service's API (POST, PUT, PATCH, DELETE), whether it
 * succeeded or was refused, after the response is decided. Reads are not logged here; a feature that must log a read
 * (an export of personal data, say) calls {@link AuditLog} itself.
 */
public class OperationAuditInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(OperationAuditInterceptor.class);
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditLog auditLog;

    public OperationAuditInterceptor(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!CHANGES.contains(request.getMethod())) {
            return;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String action = request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
        int status = response.getStatus();
        AuditResult result = ex == null && status < 400 ? AuditResult.SUCCESS : AuditResult.FAILURE;
        try {
            auditLog.recordOperationSeparately(AuditContext.operation(Actors.currentIfAny().orElse(null), request,
                    AuditContext.truncate(action, 300), null, businessId(request), result, "HTTP " + status));
        } catch (RuntimeException e) {
            // The response is already decided; a lost audit row must be loud in the logs, not a second failure.
            log.error("event=audit-write-failed action={} status={}", action, status, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static String businessId(HttpServletRequest request) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (vars instanceof Map<?, ?> map && !map.isEmpty()) {
            Map<String, String> variables = (Map<String, String>) map;
            String id = variables.get("id");
            return AuditContext.truncate(id != null ? id : variables.values().iterator().next(), 128);
        }
        return null;
    }
}
