package cn.hnsw.tradewindow.pilot;

import cn.hnsw.common.audit.AuditLog;
import cn.hnsw.common.audit.AuditResult;
import cn.hnsw.common.audit.OperationLogEntry;
import cn.hnsw.common.security.CurrentActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * 政务区块链存证 — anchors the hash of an approval record so it cannot be changed unnoticed. The tender's government
 * blockchain (BSN node, service list 87) becomes this adapter over the service's SM3 audit hash chain: the record's
 * hash goes into an operation-log row whose own chained hash covers it, and {@link #anchoredHash} reads it back.
 */
@Component
public class ApprovalRecordAnchor {

    static final String BUSINESS_TYPE = "approval-record";
    private static final String PREFIX = "sm3=";

    private final AuditLog auditLog;
    private final JdbcClient jdbc;

    public ApprovalRecordAnchor(AuditLog auditLog, JdbcClient jdbc) {
        this.auditLog = auditLog;
        this.jdbc = jdbc;
    }

    /** Anchors {@code hash} in the caller's transaction; returns the audit sequence number. */
    public long anchor(CurrentActor actor, String recordId, String action, String hash, Instant at) {
        return auditLog.recordOperation(new OperationLogEntry(null, at, actor.userId(), actor.username(),
                String.join(",", actor.roles()), actor.primaryOrganization(), actor.enterprise(), action,
                BUSINESS_TYPE, recordId, AuditResult.SUCCESS, PREFIX + hash, null, null, null));
    }

    /** The hash anchored under {@code seq} for {@code recordId}, if that row exists and is about that record. */
    public Optional<String> anchoredHash(long seq, String recordId) {
        return jdbc.sql("SELECT detail FROM audit_operation_log WHERE seq = ? AND business_type = ? AND business_id = ?")
                .params(seq, BUSINESS_TYPE, recordId).query(String.class).optional()
                .filter(d -> d.startsWith(PREFIX)).map(d -> d.substring(PREFIX.length()));
    }

    /** Whether the audit chain itself is intact. */
    public boolean chainIntact() {
        return auditLog.verify().intact();
    }
}
