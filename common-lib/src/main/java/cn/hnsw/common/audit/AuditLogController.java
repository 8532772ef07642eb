package cn.hnsw.common.audit;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.Roles;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * 日志审计 — query of the service's login and operation logs, and verification of their chains. Operators and platform
 * administrators see everything; an enterprise administrator sees the operation log of its own enterprise only.
 */
@RestController
@RequestMapping("${hnsw.api.base:/api}/v1/audit")
public class AuditLogController {

    private static final List<String> AUDITORS = List.of(Roles.PLATFORM_ADMIN, Roles.SW_OPERATOR);

    private final AuditLog auditLog;

    public AuditLogController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/operation-logs")
    public PageResponse<OperationLogEntry> operationLogs(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String enterprise,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String businessId,
            @RequestParam(required = false) AuditResult result,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "false") boolean oldestFirst,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        CurrentActor current = Actors.current();
        AuditSearch search = new AuditSearch(actor, enterprise, action, businessId, result, from, to, oldestFirst);
        if (!current.hasAnyRole(AUDITORS)) {
            if (!current.hasRole(Roles.ENTERPRISE_ADMIN) || current.enterprise() == null) {
                throw new HnswException(CommonErrorCode.ACCESS_DENIED);
            }
            if (enterprise != null && !enterprise.equals(current.enterprise())) {
                throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
            }
            search = search.withEnterprise(current.enterprise());
        }
        return auditLog.searchOperations(search, PageQuery.of(page, size));
    }

    @GetMapping("/login-logs")
    public PageResponse<LoginLogEntry> loginLogs(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String enterprise,
            @RequestParam(required = false) AuditResult result,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "false") boolean oldestFirst,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        requireAuditor();
        return auditLog.searchLogins(new AuditSearch(actor, enterprise, null, null, result, from, to, oldestFirst),
                PageQuery.of(page, size));
    }

    @GetMapping("/verification")
    public AuditVerification verification() {
        requireAuditor();
        return auditLog.verify();
    }

    private static void requireAuditor() {
        if (!Actors.current().hasAnyRole(AUDITORS)) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
    }
}
