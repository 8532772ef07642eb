package cn.hnsw.ledger.attachment;

import cn.hnsw.common.crypto.Sm3;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.DeclarableDocument;
import cn.hnsw.ledger.document.DocumentService;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * 随附单证 (ATTACH4): files attached to a document, kept in object storage with their SM3 digest; added and removed
 * only while the document can be edited.
 */
@Service
public class AttachmentService {

    static final String BUCKET = "ledger-attachments";
    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final Set<String> TYPES = Set.of("application/pdf", "image/jpeg", "image/png",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip", "application/ofd");

    private final DocumentService documents;
    private final ObjectProvider<ObjectStorage> storage;
    private final JdbcClient jdbc;
    private final Clock clock;

    public AttachmentService(DocumentService documents, ObjectProvider<ObjectStorage> storage, JdbcClient jdbc, Clock clock) {
        this.documents = documents;
        this.storage = storage;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Attachment(long id, long documentId, String fileName, String contentType, long sizeBytes,
                             String bucket, String objectKey, String sm3) {
    }

    @Transactional
    public Attachment upload(CurrentActor actor, long documentId, String fileName, String contentType, byte[] content) {
        DeclarableDocument d = documents.lockForEdit(actor, documentId);
        if (content.length == 0 || content.length > MAX_BYTES) {
            throw new HnswException(LedgerErrorCode.ATTACHMENT_INVALID, "size 1 B – 10 MB");
        }
        if (contentType == null || !TYPES.contains(contentType)) {
            throw new HnswException(LedgerErrorCode.ATTACHMENT_INVALID, "type " + contentType);
        }
        String safeName = fileName == null ? "file" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        String key = d.enterprise() + "/" + d.documentNo() + "/" + UUID.randomUUID() + "-" + safeName;
        String digest = HexFormat.of().formatHex(Sm3.digest(content));
        store().put(BUCKET, key, content, contentType);
        long id = jdbc.sql("""
                        INSERT INTO document_attachment (document_id, file_name, content_type, size_bytes, bucket, object_key,
                            sm3_digest, uploaded_by, uploaded_at)
                        VALUES (:d, :n, :t, :s, :b, :k, :h, :u, :at) RETURNING id""")
                .param("d", documentId).param("n", safeName).param("t", contentType).param("s", content.length)
                .param("b", BUCKET).param("k", key).param("h", digest).param("u", actor.username())
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        return get(documentId, id);
    }

    public Attachment get(long documentId, long id) {
        return jdbc.sql("""
                        SELECT id, document_id, file_name, content_type, size_bytes, bucket, object_key, sm3_digest AS sm3
                        FROM document_attachment WHERE id = :id AND document_id = :d""")
                .param("id", id).param("d", documentId).query(Attachment.class).optional()
                .orElseThrow(() -> new HnswException(LedgerErrorCode.ATTACHMENT_NOT_FOUND, id));
    }

    public Map.Entry<Attachment, byte[]> download(CurrentActor actor, long documentId, long id) {
        documents.read(actor, documentId);
        Attachment a = get(documentId, id);
        return Map.entry(a, store().get(a.bucket(), a.objectKey()));
    }

    @Transactional
    public void delete(CurrentActor actor, long documentId, long id) {
        documents.lockForEdit(actor, documentId);
        Attachment a = get(documentId, id);
        jdbc.sql("DELETE FROM document_attachment WHERE id = :id").param("id", id).update();
        store().delete(a.bucket(), a.objectKey());
    }

    private ObjectStorage store() {
        ObjectStorage s = storage.getIfAvailable();
        if (s == null) {
            throw new HnswException(LedgerErrorCode.ATTACHMENT_INVALID, "object storage not configured");
        }
        return s;
    }
}
