package cn.hnsw.tradewindow.repair;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
public class RepairRepository {

    private final JdbcClient jdbc;

    public RepairRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 享惠申请 (new or change). status: DRAFT, PENDING, APPROVED, REJECTED. */
    public record Application(UUID id, String enterpriseUscc, String enterpriseName, String kind, String applicationType,
                              UUID originalId, String regionCode, String conveyance, String imoNumber,
                              String changeSummary, String status, String caseNumber, String competentOrg,
                              String competentResult, String competentOpinion, String competentBy, Instant competentAt,
                              String relatedOrg, String relatedResult, String relatedOpinion, String relatedBy,
                              Instant relatedAt, UUID supersededBy, Instant createdAt, Instant submittedAt, Instant dueAt,
                              Instant decidedAt) {
    }

    public record Document(UUID id, UUID applicationId, RepairDocumentType type, String fileName, String contentType,
                           long sizeBytes, String sm3, String objectKey, String uploadedBy, Instant uploadedAt,
                           Instant revokedAt) {
    }

    public record SupervisionRecord(UUID id, UUID applicationId, String kind, String content, String createdBy,
                                    String organization, Instant createdAt, Instant revokedAt) {
    }

    public void insert(Application a) {
        jdbc.sql("""
                INSERT INTO repair_application (id, enterprise_uscc, enterprise_name, kind, application_type, original_id,
                  region_code, conveyance, imo_number, change_summary, status, competent_org, related_org, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), a.enterpriseUscc(), a.enterpriseName(), a.kind(), a.applicationType(), a.originalId(),
                        a.regionCode(), a.conveyance(), a.imoNumber(), a.changeSummary(), a.status(), a.competentOrg(),
                        a.relatedOrg(), ts(a.createdAt()))
                .update();
    }

    public void update(Application a) {
        jdbc.sql("""
                UPDATE repair_application SET status = ?, case_number = ?, competent_result = ?, competent_opinion = ?,
                  competent_by = ?, competent_at = ?, related_result = ?, related_opinion = ?, related_by = ?, related_at = ?,
                  superseded_by = ?, submitted_at = ?, due_at = ?, decided_at = ? WHERE id = ?""")
                .params(a.status(), a.caseNumber(), a.competentResult(), a.competentOpinion(), a.competentBy(),
                        ts(a.competentAt()), a.relatedResult(), a.relatedOpinion(), a.relatedBy(), ts(a.relatedAt()),
                        a.supersededBy(), ts(a.submittedAt()), ts(a.dueAt()), ts(a.decidedAt()), a.id())
                .update();
    }

    public Optional<Application> find(UUID id) {
        return jdbc.sql("SELECT * FROM repair_application WHERE id = ?").param(id).query(this::application).optional();
    }

    public Optional<Application> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM repair_application WHERE id = ? FOR UPDATE").param(id).query(this::application).optional();
    }

    public List<Application> list(String enterprise, String status) {
        StringBuilder sql = new StringBuilder("SELECT * FROM repair_application WHERE TRUE");
        Map<String, Object> p = new java.util.HashMap<>();
        if (enterprise != null) { sql.append(" AND enterprise_uscc = :e"); p.put("e", enterprise); }
        if (status != null) { sql.append(" AND status = :s"); p.put("s", status); }
        sql.append(" ORDER BY created_at DESC LIMIT 500");
        return jdbc.sql(sql.toString()).params(p).query(this::application).list();
    }

    public void insertDocument(Document d) {
        jdbc.sql("""
                INSERT INTO repair_document (id, application_id, doc_type, file_name, content_type, size_bytes, sm3,
                  object_key, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), d.applicationId(), d.type().name(), d.fileName(), d.contentType(), d.sizeBytes(), d.sm3(),
                        d.objectKey(), d.uploadedBy(), ts(d.uploadedAt()))
                .update();
    }

    public List<Document> documents(UUID applicationId) {
        return jdbc.sql("SELECT * FROM repair_document WHERE application_id = ? ORDER BY uploaded_at, id").param(applicationId)
                .query((rs, i) -> new Document(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                        RepairDocumentType.valueOf(rs.getString("doc_type")), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sm3"),
                        rs.getString("object_key"), rs.getString("uploaded_by"), inst(rs, "uploaded_at"),
                        inst(rs, "revoked_at"))).list();
    }

    /** Deletes a document row of the application; the object key of what was deleted, if anything was. */
    public Optional<String> deleteDocument(UUID applicationId, UUID id) {
        return jdbc.sql("DELETE FROM repair_document WHERE application_id = ? AND id = ? RETURNING object_key")
                .params(applicationId, id).query(String.class).optional();
    }

    public boolean revokeDocument(UUID applicationId, UUID id, Instant at) {
        return jdbc.sql("UPDATE repair_document SET revoked_at = ? WHERE application_id = ? AND id = ? AND revoked_at IS NULL")
                .params(ts(at), applicationId, id).update() == 1;
    }

    public void insertSupervision(SupervisionRecord r) {
        jdbc.sql("""
                INSERT INTO repair_supervision_record (id, application_id, kind, content, created_by, organization, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.applicationId(), r.kind(), r.content(), r.createdBy(), r.organization(), ts(r.createdAt()))
                .update();
    }

    public List<SupervisionRecord> supervision(UUID applicationId) {
        return jdbc.sql("SELECT * FROM repair_supervision_record WHERE application_id = ? ORDER BY created_at").param(applicationId)
                .query((rs, i) -> new SupervisionRecord(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                        rs.getString("kind"), rs.getString("content"), rs.getString("created_by"), rs.getString("organization"),
                        inst(rs, "created_at"), inst(rs, "revoked_at"))).list();
    }

    public boolean revokeSupervision(UUID applicationId, UUID id, Instant at) {
        return jdbc.sql("UPDATE repair_supervision_record SET revoked_at = ? WHERE application_id = ? AND id = ? AND revoked_at IS NULL")
                .params(ts(at), applicationId, id).update() == 1;
    }

    /** 业务分析 (S3 FP 473–513) over applications, by kind and by city/county, in one pass. */
    public List<Map<String, Object>> analysis() {
        return jdbc.sql("""
                SELECT kind, region_code,
                  count(*) FILTER (WHERE application_type = 'NEW' AND status <> 'DRAFT') AS applications,
                  count(*) FILTER (WHERE application_type = 'NEW' AND status = 'PENDING') AS pending,
                  count(*) FILTER (WHERE status = 'PENDING' AND competent_result IS NULL) AS pending_competent,
                  count(*) FILTER (WHERE status = 'PENDING' AND related_result IS NULL) AS pending_related,
                  count(*) FILTER (WHERE application_type = 'NEW' AND status = 'APPROVED') AS approved,
                  count(*) FILTER (WHERE application_type = 'NEW' AND status IN ('APPROVED', 'REJECTED')) AS decided,
                  count(*) FILTER (WHERE application_type = 'CHANGE' AND status <> 'DRAFT') AS changes,
                  count(*) FILTER (WHERE application_type = 'CHANGE' AND status = 'PENDING') AS pending_changes,
                  avg(extract(epoch FROM competent_at - submitted_at)) AS avg_competent_seconds,
                  avg(extract(epoch FROM related_at - submitted_at)) AS avg_related_seconds,
                  count(DISTINCT enterprise_uscc) FILTER (WHERE status = 'APPROVED' AND superseded_by IS NULL
                    AND EXISTS (SELECT 1 FROM repair_supervision_record s WHERE s.application_id = repair_application.id
                                AND s.revoked_at IS NULL)) AS supervised_enterprises
                FROM repair_application GROUP BY kind, region_code ORDER BY kind, region_code""").query().listOfRows();
    }

    private Application application(ResultSet rs, int i) throws SQLException {
        return new Application(rs.getObject("id", UUID.class), rs.getString("enterprise_uscc"), rs.getString("enterprise_name"),
                rs.getString("kind"), rs.getString("application_type"), rs.getObject("original_id", UUID.class),
                rs.getString("region_code"), rs.getString("conveyance"), rs.getString("imo_number"),
                rs.getString("change_summary"), rs.getString("status"), rs.getString("case_number"),
                rs.getString("competent_org"), rs.getString("competent_result"), rs.getString("competent_opinion"),
                rs.getString("competent_by"), inst(rs, "competent_at"), rs.getString("related_org"),
                rs.getString("related_result"), rs.getString("related_opinion"), rs.getString("related_by"),
                inst(rs, "related_at"), rs.getObject("superseded_by", UUID.class), inst(rs, "created_at"),
                inst(rs, "submitted_at"), inst(rs, "due_at"), inst(rs, "decided_at"));
    }

    private static Instant inst(ResultSet rs, String c) throws SQLException {
        Timestamp t = rs.getTimestamp(c);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
