package cn.hnsw.common.audit;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.Roles;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
    public PageResponse<OperationLogEntry> operationLogs(AuditLogQuery query) {
        CurrentActor current = Actors.current();
        AuditSearch search = query.search();
        if (!current.hasAnyRole(AUDITORS)) {
            if (!current.hasRole(Roles.ENTERPRISE_ADMIN) || current.enterprise() == null) {
                throw new HnswException(CommonErrorCode.ACCESS_DENIED);
            }
            if (query.enterprise() != null && !query.enterprise().equals(current.enterprise())) {
                throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
            }
            search = search.withEnterprise(current.enterprise());
        }
        return auditLog.searchOperations(search, query.paging());
    }

    @GetMapping("/login-logs")
    public PageResponse<LoginLogEntry> loginLogs(AuditLogQuery query) {
        requireAuditor();
        return auditLog.searchLogins(query.search(), query.paging());
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
