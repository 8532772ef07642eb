package cn.hnsw.tradewindow.repair;

import cn.hnsw.common.crypto.Sm3;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.Roles;
import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.tradewindow.pilot.DocumentPolicy;
import cn.hnsw.tradewindow.repair.RepairRepository.Application;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * S3 around the review: the service guide per kind (办事指南, data the competent departments edit, with the document
 * list of the kind), attachments the reviewers add to their opinions (会审附件), and the preview of an application's
 * documents and attachments for the enterprise and the officers.
 */
@Service
public class RepairGuideAndAttachments {

    private final JdbcClient jdbc;
    private final RepairRepository repo;
    private final RepairPreferenceService applications;
    private final ObjectStorage storage;
    private final DocumentPolicy policy;
    private final Clock clock;

    public RepairGuideAndAttachments(JdbcClient jdbc, RepairRepository repo, RepairPreferenceService applications,
                                     ObjectStorage storage,
                                     @Value("${tradewindow.documents.max-size:10MB}") DataSize maxSize, Clock clock) {
        this.jdbc = jdbc;
        this.repo = repo;
        this.applications = applications;
        this.storage = storage;
        this.policy = new DocumentPolicy(maxSize.toBytes());
        this.clock = clock;
    }

    // --- guide ------------------------------------------------------------------------------------------------

    public record RequiredDocument(String type, String nameZh, String nameEn) {
    }

    public record Guide(String kind, String titleZh, String titleEn, String bodyZh, String bodyEn,
                        List<RequiredDocument> documents, String updatedBy, Instant updatedAt) {
    }

    public List<Guide> guides() {
        return jdbc.sql("SELECT * FROM repair_guide ORDER BY kind").query(this::guide).list();
    }

    private Guide guide(ResultSet rs, int i) throws SQLException {
        String kind = rs.getString("kind");
        List<RequiredDocument> docs = Arrays.stream(RepairDocumentType.values()).filter(t -> t.appliesTo(kind))
                .map(t -> new RequiredDocument(t.name(), t.nameZh(), t.nameEn())).toList();
        return new Guide(kind, rs.getString("title_zh"), rs.getString("title_en"), rs.getString("body_zh"),
                rs.getString("body_en"), docs, rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }

    /** The competent department of the kind, or an operator, edits its guide. */
    @Transactional
    public Guide saveGuide(CurrentActor actor, String kind, String titleZh, String titleEn, String bodyZh,
                           String bodyEn) {
        boolean competent = actor.hasRole(RepairPreferenceService.COMPETENT_ROLE.get(kind))
                && member(actor, RepairPreferenceService.COMPETENT.get(kind));
        if (!competent && !actor.hasAnyRole(List.of(Roles.SW_OPERATOR, Roles.PLATFORM_ADMIN))) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
        jdbc.sql("""
                UPDATE repair_guide SET title_zh = ?, title_en = ?, body_zh = ?, body_en = ?, updated_by = ?,
                  updated_at = ? WHERE kind = ?""")
                .params(titleZh, titleEn, bodyZh, bodyEn, actor.username(), Timestamp.from(clock.instant()), kind)
                .update();
        return jdbc.sql("SELECT * FROM repair_guide WHERE kind = ?").param(kind).query(this::guide).single();
    }

    // --- reviewer attachments ---------------------------------------------------------------------------------

    public record ReviewAttachment(UUID id, UUID applicationId, String reviewerSide, String fileName,
                                   String contentType, long sizeBytes, String sm3, String note, String uploadedBy,
                                   Instant uploadedAt, Instant revokedAt) {
    }

    /** 会审附件: only the competent department or the related unit of a pending application adds one. */
    @Transactional
    public ReviewAttachment attach(CurrentActor actor, UUID id, String fileName, byte[] content, String note) {
        Application a = repo.findForUpdate(id)
                .orElseThrow(() -> new HnswException(RepairErrorCode.APPLICATION_NOT_FOUND, id));
        String side = side(actor, a);
        if (side == null) {
            throw new HnswException(RepairErrorCode.NOT_A_REVIEWER);
        }
        if (!"PENDING".equals(a.status())) {
            throw new HnswException(RepairErrorCode.NOT_PENDING, a.status());
        }
        String contentType = policy.check(fileName, content);
        UUID attachmentId = UUID.randomUUID();
        String key = "repair/" + a.enterpriseUscc() + "/" + a.id() + "/review/" + attachmentId;
        storage.put(RepairPreferenceService.BUCKET, key, content, contentType);
        Instant now = clock.instant();
        String sm3 = HexFormat.of().formatHex(Sm3.digest(content));
        jdbc.sql("""
                INSERT INTO repair_review_attachment (id, application_id, reviewer_side, file_name, content_type,
                  size_bytes, sm3, object_key, note, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(attachmentId, id, side, fileName, contentType, content.length, sm3, key, note,
                        actor.username(), Timestamp.from(now))
                .update();
        return new ReviewAttachment(attachmentId, id, side, fileName, contentType, content.length, sm3, note,
                actor.username(), now, null);
    }

    /** 撤销: the reviewer who added an attachment withdraws it while the application is pending; it stays on record. */
    @Transactional
    public ReviewAttachment revoke(CurrentActor actor, UUID id, UUID attachmentId) {
        Application a = repo.findForUpdate(id)
                .orElseThrow(() -> new HnswException(RepairErrorCode.APPLICATION_NOT_FOUND, id));
        ReviewAttachment att = jdbc.sql("SELECT * FROM repair_review_attachment WHERE id = ? AND application_id = ?")
                .params(attachmentId, id).query(RepairGuideAndAttachments::attachment).optional()
                .orElseThrow(() -> new HnswException(CommonErrorCode.NOT_FOUND));
        if (!att.uploadedBy().equals(actor.username()) || side(actor, a) == null) {
            throw new HnswException(RepairErrorCode.NOT_A_REVIEWER);
        }
        if (!"PENDING".equals(a.status())) {
            throw new HnswException(RepairErrorCode.NOT_PENDING, a.status());
        }
        if (att.revokedAt() != null) {
            throw new HnswException(RepairErrorCode.ATTACHMENT_REVOKED);
        }
        jdbc.sql("UPDATE repair_review_attachment SET revoked_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), attachmentId).update();
        return jdbc.sql("SELECT * FROM repair_review_attachment WHERE id = ?").param(attachmentId)
                .query(RepairGuideAndAttachments::attachment).single();
    }

    public List<ReviewAttachment> attachments(CurrentActor actor, UUID id) {
        applications.read(actor, id);
        return jdbc.sql("SELECT * FROM repair_review_attachment WHERE application_id = ? ORDER BY uploaded_at")
                .param(id).query(RepairGuideAndAttachments::attachment).list();
    }

    private static ReviewAttachment attachment(ResultSet rs, int i) throws SQLException {
        return new ReviewAttachment(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getString("reviewer_side"), rs.getString("file_name"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getString("sm3"), rs.getString("note"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant(),
                rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant());
    }

    // --- preview ----------------------------------------------------------------------------------------------

    public record Content(String fileName, String contentType, byte[] bytes) {
    }

    /** 预览: a document of the application, for its enterprise and the officers (as reading the application). */
    public Content document(CurrentActor actor, UUID id, UUID documentId) {
        applications.read(actor, id);
        RepairRepository.Document d = repo.documents(id).stream().filter(x -> x.id().equals(documentId)).findFirst()
                .orElseThrow(() -> new HnswException(CommonErrorCode.NOT_FOUND));
        return new Content(d.fileName(), d.contentType(), storage.get(RepairPreferenceService.BUCKET, d.objectKey()));
    }

    public Content attachmentContent(CurrentActor actor, UUID id, UUID attachmentId) {
        applications.read(actor, id);
        var row = jdbc.sql("SELECT file_name, content_type, object_key FROM repair_review_attachment WHERE id = ? AND application_id = ?")
                .params(attachmentId, id).query().listOfRows();
        if (row.isEmpty()) {
            throw new HnswException(CommonErrorCode.NOT_FOUND);
        }
        return new Content((String) row.get(0).get("file_name"), (String) row.get(0).get("content_type"),
                storage.get(RepairPreferenceService.BUCKET, (String) row.get(0).get("object_key")));
    }

    private static String side(CurrentActor actor, Application a) {
        if (actor.hasRole(RepairPreferenceService.COMPETENT_ROLE.get(a.kind())) && member(actor, a.competentOrg())) {
            return "COMPETENT";
        }
        if (actor.hasRole(Roles.CUSTOMS_OFFICER) && member(actor, a.relatedOrg())) {
            return "RELATED";
        }
        return null;
    }

    private static boolean member(CurrentActor actor, String org) {
        return org != null && actor.organizations().stream().anyMatch(o -> o.equals(org) || o.startsWith(org + "/"));
    }
}
