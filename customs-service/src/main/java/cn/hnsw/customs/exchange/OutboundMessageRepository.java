package cn.hnsw.customs.exchange;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The outbound queue table. */
@Repository
public class OutboundMessageRepository {

    private final JdbcClient jdbc;

    public OutboundMessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UUID conversationId, UUID declarationId, String enterprise, String partner,
                       String type, byte[] payload, Instant now) {
        insert(id, conversationId, declarationId, null, enterprise, partner, type, payload, now);
    }

    /** A message about something other than a declaration (a consolidated list, an arrival report): {@code subjectId}. */
    public void insert(UUID id, UUID conversationId, UUID declarationId, UUID subjectId, String enterprise,
                       String partner, String type, byte[] payload, Instant now) {
        jdbc.sql("""
                INSERT INTO outbound_message (id, conversation_id, declaration_id, subject_id, enterprise_uscc, partner, message_type,
                  payload, status, next_attempt_at, created_at) VALUES (:id, :c, :d, :subject, :e, :p, :t, :payload, 'PENDING', :now, :now)""")
                .param("id", id).param("c", conversationId).param("d", declarationId).param("subject", subjectId).param("e", enterprise)
                .param("p", partner).param("t", type).param("payload", payload).param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Claims up to {@code limit} due messages: pushes their next attempt {@code lease} ahead so another dispatcher (or
     * this one after a crash) retries them only if this one never reports back.
     */
    public List<Claimed> claimDue(Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                UPDATE outbound_message m SET next_attempt_at = :leaseUntil
                WHERE m.id IN (SELECT id FROM outbound_message WHERE status = 'PENDING' AND next_attempt_at <= :now
                               ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING m.id, m.conversation_id, m.declaration_id, m.subject_id, m.partner, m.message_type, m.payload, m.attempts""")
                .param("now", Timestamp.from(now)).param("leaseUntil", Timestamp.from(now.plus(lease)))
                .param("limit", limit)
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
                        rs.getObject("declaration_id", UUID.class), rs.getObject("subject_id", UUID.class), rs.getString("partner"),
                        rs.getString("message_type"), rs.getBytes("payload"), rs.getInt("attempts")))
                .list();
    }

    public void markSent(UUID id, String sealedMessageId, Instant now) {
        jdbc.sql("UPDATE outbound_message SET status = 'SENT', attempts = attempts + 1, sent_at = :now, last_error = NULL, sealed_message_id = :m WHERE id = :id")
                .param("id", id).param("now", Timestamp.from(now)).param("m", sealedMessageId).update();
    }

    public void markRetry(UUID id, String error, Instant nextAttempt) {
        jdbc.sql("UPDATE outbound_message SET attempts = attempts + 1, last_error = :err, next_attempt_at = :next WHERE id = :id")
                .param("id", id).param("err", truncate(error)).param("next", Timestamp.from(nextAttempt)).update();
    }

    public void markFailed(UUID id, String error) {
        jdbc.sql("UPDATE outbound_message SET status = 'PERMANENTLY_FAILED', attempts = attempts + 1, last_error = :err WHERE id = :id")
                .param("id", id).param("err", truncate(error)).update();
    }

    /** Re-drive: back to PENDING, due now, attempts counted afresh; answers false unless it was failed. */
    public boolean redrive(UUID id, Instant now) {
        return jdbc.sql("UPDATE outbound_message SET status = 'PENDING', attempts = 0, next_attempt_at = :now WHERE id = :id AND status = 'PERMANENTLY_FAILED'")
                .param("id", id).param("now", Timestamp.from(now)).update() > 0;
    }

    public Optional<OutboundMessage> find(UUID id) {
        return jdbc.sql("SELECT * FROM outbound_message WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public List<OutboundMessage> search(String enterprise, OutboundMessage.Status status, UUID declarationId, long offset, int limit) {
        return jdbc.sql("""
                SELECT * FROM outbound_message
                WHERE (CAST(:e AS text) IS NULL OR enterprise_uscc = :e) AND (CAST(:s AS text) IS NULL OR status = :s)
                  AND (CAST(:d AS uuid) IS NULL OR declaration_id = :d)
                ORDER BY created_at DESC OFFSET :o LIMIT :l""")
                .param("e", enterprise).param("s", status == null ? null : status.name()).param("d", declarationId)
                .param("o", offset).param("l", limit).query(this::map).list();
    }

    public long count(String enterprise, OutboundMessage.Status status, UUID declarationId) {
        return jdbc.sql("""
                SELECT count(*) FROM outbound_message
                WHERE (CAST(:e AS text) IS NULL OR enterprise_uscc = :e) AND (CAST(:s AS text) IS NULL OR status = :s)
                  AND (CAST(:d AS uuid) IS NULL OR declaration_id = :d)""")
                .param("e", enterprise).param("s", status == null ? null : status.name()).param("d", declarationId)
                .query(Long.class).single();
    }

    private OutboundMessage map(ResultSet rs, int n) throws SQLException {
        return new OutboundMessage(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
                rs.getObject("declaration_id", UUID.class), rs.getString("enterprise_uscc"), rs.getString("partner"),
                rs.getString("message_type"), OutboundMessage.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
                rs.getString("sealed_message_id"));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    /** A claimed message, ready to send. */
    public record Claimed(UUID id, UUID conversationId, UUID declarationId, UUID subjectId, String partner, String messageType,
                          byte[] payload, int attempts) {
    }
}
