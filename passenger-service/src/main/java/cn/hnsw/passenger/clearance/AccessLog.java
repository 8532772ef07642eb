package cn.hnsw.passenger.clearance;

import cn.hnsw.common.audit.AuditContext;
import cn.hnsw.common.audit.AuditLog;
import cn.hnsw.common.audit.AuditResult;
import cn.hnsw.common.security.Actors;
import cn.hnsw.common.audit.OperationLogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 日志处理 for reads — who queried, downloaded or displayed which personal record (clearance information, tax-paid
 * certificates, their QR codes and public checks), written to the service's operation log (the audit hash chain).
 * Changes are logged by common-lib's interceptor; reads of personal data are logged here because the interceptor
 * does not log GETs.
 */
@Component
public class AccessLog {

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

    private final AuditLog auditLog;

    public AccessLog(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** {@code clientIp}: as {@link AuditContext#clientIp} reads it from the request at the web edge. */
    public void read(String clientIp, String action, String businessType, String businessId, String detail) {
        write(clientIp, action, businessType, businessId, AuditResult.SUCCESS, detail);
    }

    public void refused(String clientIp, String action, String businessType, String businessId, String detail) {
        write(clientIp, action, businessType, businessId, AuditResult.FAILURE, detail);
    }

    private void write(String clientIp, String action, String businessType, String businessId, AuditResult result,
                       String detail) {
        OperationLogEntry row = AuditContext.operation(Actors.currentIfAny().orElse(null), null, action, businessType,
                businessId, result, detail);
        try {
            auditLog.recordOperationSeparately(new OperationLogEntry(row.seq(), row.occurredAt(), row.actorId(),
                    row.actorName(), row.roles(), row.organization(), row.enterprise(), row.action(), row.businessType(),
                    row.businessId(), row.result(), row.detail(), clientIp, row.requestId(), row.hash()));
        } catch (RuntimeException e) {
            // the answer is already decided; a lost row must be loud in the logs, not a second failure
            log.error("event=access-log-failed action={} businessId={}", action, businessId, e);
        }
    }
}
