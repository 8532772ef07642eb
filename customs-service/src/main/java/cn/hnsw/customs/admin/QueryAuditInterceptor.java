package cn.hnsw.customs.admin;

import cn.hnsw.common.audit.AuditContext;
import cn.hnsw.common.audit.AuditLog;
import cn.hnsw.common.audit.AuditResult;
import cn.hnsw.common.security.Actors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

/**
 * 查询日志处理 of the declaration screens and the sub-centre: a list query, a declaration's details, its print and an
 * export are written to the operation log like the changes common-lib's interceptor records (who, which query with
 * which conditions, which declaration, the answer's status). Registered by {@link QueryAuditWebConfig} for the read
 * paths of declarations and the sub-centre only.
 */
class QueryAuditInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(QueryAuditInterceptor.class);

    private final AuditLog auditLog;

    QueryAuditInterceptor(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!"GET".equals(request.getMethod())) {
            return;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String action = "GET " + (pattern != null ? pattern : request.getRequestURI());
        int status = response.getStatus();
        AuditResult result = ex == null && status < 400 ? AuditResult.SUCCESS : AuditResult.FAILURE;
        String query = request.getQueryString();
        String detail = "HTTP " + status + (query == null ? "" : " " + query);
        try {
            auditLog.recordOperationSeparately(AuditContext.operation(Actors.currentIfAny().orElse(null), request,
                    cut(action, 300), "query", businessId(request), result, cut(detail, 1000)));
        } catch (RuntimeException e) {
            log.error("event=query-audit-failed action={} status={}", action, status, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static String businessId(HttpServletRequest request) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (vars instanceof Map<?, ?> map) {
            Map<String, String> v = (Map<String, String>) map;
            return v.getOrDefault("id", v.get("preEntryNo"));
        }
        return null;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
