package cn.hnsw.tradewindow.pilot;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class PilotDocumentRepository {

    private final JdbcClient jdbc;

    public PilotDocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(PilotDocument d) {
        jdbc.sql("""
                INSERT INTO pilot_document (id, application_id, doc_type, file_name, content_type, size_bytes, sm3,
                  object_key, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), d.applicationId(), d.type().name(), d.fileName(), d.contentType(), d.sizeBytes(),
                        d.sm3(), d.objectKey(), d.uploadedBy(), Timestamp.from(d.uploadedAt()))
                .update();
    }

    public List<PilotDocument> forApplication(UUID applicationId) {
        return jdbc.sql("SELECT * FROM pilot_document WHERE application_id = ? ORDER BY uploaded_at, id")
                .param(applicationId).query(this::map).list();
    }

    public Optional<PilotDocument> find(UUID applicationId, UUID id) {
        return jdbc.sql("SELECT * FROM pilot_document WHERE application_id = ? AND id = ?")
                .params(applicationId, id).query(this::map).optional();
    }

    public void revoke(UUID id, Instant at) {
        jdbc.sql("UPDATE pilot_document SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(at), id).update();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM pilot_document WHERE id = ?").param(id).update();
    }

    private PilotDocument map(ResultSet rs, int row) throws SQLException {
        return new PilotDocument(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                DocumentType.valueOf(rs.getString("doc_type")), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sm3"),
                rs.getString("object_key"), rs.getString("uploaded_by"),
                PilotApplicationRepository.instant(rs, "uploaded_at"),
                PilotApplicationRepository.instant(rs, "revoked_at"));
    }
}
