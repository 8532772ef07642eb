package cn.hnsw.tradewindow.pilot;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Opinions, termination cases, the blacklist, copies (抄送) and notification records of the pilot approval. */
@Repository
public class PilotRecordsRepository {

    private final JdbcClient jdbc;

    public PilotRecordsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- opinions ---------------------------------------------------------------------------------------------

    public void insertOpinion(ApprovalOpinion o) {
        jdbc.sql("""
                INSERT INTO approval_opinion (id, case_kind, case_id, application_id, step, task_id, unit_org, actor_id,
                  actor_name, decision, opinion, created_at, record_hash, audit_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(o.id(), o.caseKind(), o.caseId(), o.applicationId(), o.step(), o.taskId(), o.unitOrg(),
                        o.actorId(), o.actorName(), o.decision(), o.opinion(), Timestamp.from(o.createdAt()),
                        o.recordHash(), o.auditSeq())
                .update();
    }

    public List<ApprovalOpinion> opinions(UUID applicationId) {
        return jdbc.sql("SELECT * FROM approval_opinion WHERE application_id = ? ORDER BY created_at, id")
                .param(applicationId).query(PilotRecordsRepository::opinion).list();
    }

    /** Whether one of {@code orgs} gave an opinion on the application as a unit. */
    public boolean actedAsUnit(UUID applicationId, List<String> orgs) {
        return jdbc.sql("SELECT count(*) FROM approval_opinion WHERE application_id = :id AND unit_org IN (:orgs)")
                .param("id", applicationId).param("orgs", orgs).query(Long.class).single() > 0;
    }

    /** 已办: the decisions one user took on tasks, newest first. */
    public List<ApprovalOpinion> decisionsBy(String actorName, int limit) {
        return jdbc.sql("""
                SELECT * FROM approval_opinion WHERE actor_name = ? AND task_id IS NOT NULL
                ORDER BY created_at DESC, id LIMIT ?""")
                .params(actorName, limit).query(PilotRecordsRepository::opinion).list();
    }

    private static ApprovalOpinion opinion(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new ApprovalOpinion(rs.getObject("id", UUID.class), rs.getString("case_kind"),
                rs.getObject("case_id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getString("step"), rs.getString("task_id"), rs.getString("unit_org"),
                rs.getString("actor_id"), rs.getString("actor_name"), rs.getString("decision"),
                rs.getString("opinion"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("record_hash"), rs.getLong("audit_seq"));
    }

    // --- termination and blacklist ----------------------------------------------------------------------------

    public record TerminationCase(UUID id, UUID applicationId, String enterpriseUscc, String initiatorKind,
                                  String initiatorOrg, String initiatedBy, String discoveryRecord,
                                  String blacklistReason, String status, String processInstanceId, Instant createdAt,
                                  Instant decidedAt) {
    }

    public void insertTermination(TerminationCase t) {
        jdbc.sql("""
                INSERT INTO termination_case (id, application_id, enterprise_uscc, initiator_kind, initiator_org,
                  initiated_by, discovery_record, blacklist_reason, status, process_instance_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.id(), t.applicationId(), t.enterpriseUscc(), t.initiatorKind(), t.initiatorOrg(),
                        t.initiatedBy(), t.discoveryRecord(), t.blacklistReason(), t.status(),
                        t.processInstanceId(), Timestamp.from(t.createdAt()))
                .update();
    }

    public void decideTermination(UUID id, String status, Instant at) {
        jdbc.sql("UPDATE termination_case SET status = ?, decided_at = ? WHERE id = ?")
                .params(status, Timestamp.from(at), id).update();
    }

    public Optional<TerminationCase> terminationByProcess(String processInstanceId) {
        return terminations("WHERE process_instance_id = ?", processInstanceId).stream().findFirst();
    }

    public List<TerminationCase> terminationsOf(UUID applicationId) {
        return terminations("WHERE application_id = ?", applicationId);
    }

    public List<TerminationCase> allTerminations() {
        return terminations("WHERE TRUE", null);
    }

    private List<TerminationCase> terminations(String where, Object param) {
        var spec = jdbc.sql("SELECT * FROM termination_case " + where + " ORDER BY created_at DESC");
        if (param != null) {
            spec = spec.param(param);
        }
        return spec.query((rs, i) -> new TerminationCase(rs.getObject("id", UUID.class),
                rs.getObject("application_id", UUID.class), rs.getString("enterprise_uscc"),
                rs.getString("initiator_kind"), rs.getString("initiator_org"), rs.getString("initiated_by"),
                rs.getString("discovery_record"), rs.getString("blacklist_reason"), rs.getString("status"),
                rs.getString("process_instance_id"), rs.getTimestamp("created_at").toInstant(),
                PilotApplicationRepository.instant(rs, "decided_at"))).list();
    }

    public record BlacklistEntry(UUID id, String enterpriseUscc, String enterpriseName, String reason,
                                 UUID terminationCaseId, Instant createdAt, String createdBy, Instant removedAt) {
    }

    public void insertBlacklist(BlacklistEntry b) {
        jdbc.sql("""
                INSERT INTO blacklist_entry (id, enterprise_uscc, enterprise_name, reason, termination_case_id,
                  created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(b.id(), b.enterpriseUscc(), b.enterpriseName(), b.reason(), b.terminationCaseId(),
                        Timestamp.from(b.createdAt()), b.createdBy())
                .update();
    }

    public List<BlacklistEntry> blacklist(boolean activeOnly) {
        return jdbc.sql("SELECT * FROM blacklist_entry" + (activeOnly ? " WHERE removed_at IS NULL" : "")
                        + " ORDER BY created_at DESC")
                .query((rs, i) -> new BlacklistEntry(rs.getObject("id", UUID.class), rs.getString("enterprise_uscc"),
                        rs.getString("enterprise_name"), rs.getString("reason"),
                        rs.getObject("termination_case_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("created_by"), PilotApplicationRepository.instant(rs, "removed_at")))
                .list();
    }

    public boolean isBlacklisted(String uscc) {
        return jdbc.sql("SELECT count(*) FROM blacklist_entry WHERE enterprise_uscc = ? AND removed_at IS NULL")
                .param(uscc).query(Long.class).single() > 0;
    }

    public Optional<BlacklistEntry> blacklistEntryForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM blacklist_entry WHERE id = ? FOR UPDATE").param(id)
                .query((rs, i) -> new BlacklistEntry(rs.getObject("id", UUID.class), rs.getString("enterprise_uscc"),
                        rs.getString("enterprise_name"), rs.getString("reason"),
                        rs.getObject("termination_case_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("created_by"), PilotApplicationRepository.instant(rs, "removed_at")))
                .optional();
    }

    public void updateBlacklistReason(UUID id, String reason, String by, Instant at) {
        jdbc.sql("UPDATE blacklist_entry SET reason = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(reason, Timestamp.from(at), by, id).update();
    }

    /** One change of a blacklist entry, as kept in {@code blacklist_change} (insert only). */
    public record BlacklistChange(UUID id, UUID entryId, String action, String reasonBefore, String reasonAfter,
                                  String changeReason, String actorName, Instant changedAt, String sm3, long auditSeq) {

        /** The SM3 over what the change says, in a fixed order: what is anchored in the audit chain. */
        public static String hash(UUID id, UUID entryId, String action, String reasonBefore, String reasonAfter,
                                  String changeReason, String actorName, Instant changedAt) {
            String text = String.join("\u001f", id.toString(), entryId.toString(), action,
                    String.valueOf(reasonBefore), String.valueOf(reasonAfter), changeReason, actorName,
                    changedAt.toString());
            return java.util.HexFormat.of().formatHex(cn.hnsw.common.crypto.Sm3.digest(
                    text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }

        public String computeHash() {
            return hash(id, entryId, action, reasonBefore, reasonAfter, changeReason, actorName, changedAt);
        }
    }

    public void insertBlacklistChange(BlacklistChange c) {
        jdbc.sql("""
                INSERT INTO blacklist_change (id, entry_id, action, reason_before, reason_after, change_reason,
                  actor_name, changed_at, sm3, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.entryId(), c.action(), c.reasonBefore(), c.reasonAfter(), c.changeReason(),
                        c.actorName(), Timestamp.from(c.changedAt()), c.sm3(), c.auditSeq())
                .update();
    }

    public List<BlacklistChange> blacklistChanges(UUID entryId) {
        return jdbc.sql("SELECT * FROM blacklist_change WHERE entry_id = ? ORDER BY changed_at, audit_seq").param(entryId)
                .query((rs, i) -> new BlacklistChange(rs.getObject("id", UUID.class), rs.getObject("entry_id", UUID.class),
                        rs.getString("action"), rs.getString("reason_before"), rs.getString("reason_after"),
                        rs.getString("change_reason"), rs.getString("actor_name"),
                        rs.getTimestamp("changed_at").toInstant(), rs.getString("sm3"), rs.getLong("audit_seq")))
                .list();
    }

    public boolean removeFromBlacklist(UUID id, Instant at) {
        return jdbc.sql("UPDATE blacklist_entry SET removed_at = ? WHERE id = ? AND removed_at IS NULL")
                .params(Timestamp.from(at), id).update() == 1;
    }

    // --- copies (抄送) -----------------------------------------------------------------------------------------

    public record CaseCopy(UUID id, UUID applicationId, String toOrg, String fromActor, String note,
                           Instant createdAt) {
    }

    public void insertCopy(CaseCopy c) {
        jdbc.sql("INSERT INTO case_copy (id, application_id, to_org, from_actor, note, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.applicationId(), c.toOrg(), c.fromActor(), c.note(), Timestamp.from(c.createdAt()))
                .update();
    }

    public List<CaseCopy> copiesTo(List<String> orgs) {
        if (orgs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM case_copy WHERE to_org IN (:orgs) ORDER BY created_at DESC LIMIT 200")
                .param("orgs", orgs)
                .query((rs, i) -> new CaseCopy(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                        rs.getString("to_org"), rs.getString("from_actor"), rs.getString("note"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public boolean copiedTo(UUID applicationId, List<String> orgs) {
        if (orgs.isEmpty()) {
            return false;
        }
        return jdbc.sql("SELECT count(*) FROM case_copy WHERE application_id = :id AND to_org IN (:orgs)")
                .param("id", applicationId).param("orgs", orgs).query(Long.class).single() > 0;
    }

    // --- notification records (通知消息记录) -------------------------------------------------------------------

    public record NotificationRecord(UUID id, String channel, String recipient, String businessId, String kind,
                                     String content, String status, Instant createdAt) {
    }

    public void insertNotification(NotificationRecord n) {
        jdbc.sql("""
                INSERT INTO notification_record (id, channel, recipient, business_id, kind, content, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(n.id(), n.channel(), n.recipient(), n.businessId(), n.kind(), n.content(), n.status(),
                        Timestamp.from(n.createdAt()))
                .update();
    }

    public List<NotificationRecord> notifications(String businessId) {
        var spec = businessId == null
                ? jdbc.sql("SELECT * FROM notification_record ORDER BY created_at DESC LIMIT 200")
                : jdbc.sql("SELECT * FROM notification_record WHERE business_id = ? ORDER BY created_at").param(businessId);
        return spec.query((rs, i) -> new NotificationRecord(rs.getObject("id", UUID.class), rs.getString("channel"),
                rs.getString("recipient"), rs.getString("business_id"), rs.getString("kind"), rs.getString("content"),
                rs.getString("status"), rs.getTimestamp("created_at").toInstant())).list();
    }

    /** Locks up to {@code limit} pending notices (oldest first) for the caller's transaction; others skip them. */
    public List<NotificationRecord> lockPending(int limit) {
        return jdbc.sql("""
                SELECT * FROM notification_record WHERE status = 'PENDING' ORDER BY created_at
                LIMIT ? FOR UPDATE SKIP LOCKED""").param(limit)
                .query((rs, i) -> new NotificationRecord(rs.getObject("id", UUID.class), rs.getString("channel"),
                        rs.getString("recipient"), rs.getString("business_id"), rs.getString("kind"),
                        rs.getString("content"), rs.getString("status"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public void markNotification(UUID id, String status, Instant at) {
        jdbc.sql("UPDATE notification_record SET status = ?, attempts = attempts + 1, sent_at = ? WHERE id = ?")
                .params(status, "SENT".equals(status) ? Timestamp.from(at) : null, id).update();
    }

    /** A failed notice back to PENDING, for the dispatcher to send again; false if it is not a failed one. */
    public boolean resendNotification(UUID id) {
        return jdbc.sql("UPDATE notification_record SET status = 'PENDING' WHERE id = ? AND status = 'FAILED'")
                .param(id).update() == 1;
    }

    public boolean notified(String businessId, String kind) {
        return jdbc.sql("SELECT count(*) FROM notification_record WHERE business_id = ? AND kind = ?")
                .params(businessId, kind).query(Long.class).single() > 0;
    }
}
