package cn.hnsw.customs.exchange;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Receipts, each stored once per (kind, partner's receipt id). */
@Repository
public class ReceiptRepository {

    private final JdbcClient jdbc;

    public ReceiptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the receipt unless one with the same kind and source id is there; answers whether it was new. */
    public boolean insertOnce(UUID id, String sourceReceiptId, String kind, UUID conversationId, UUID declarationId,
                              String enterprise, String status, String customsNo, String note, String sender,
                              Instant receivedAt) {
        return jdbc.sql("""
                INSERT INTO customs_receipt (id, source_receipt_id, kind, conversation_id, declaration_id, enterprise_uscc,
                  status, customs_no, note, sender_key_id, received_at)
                VALUES (:id, :src, :kind, :conv, :decl, :ent, :status, :cno, :note, :sender, :at)
                ON CONFLICT (kind, source_receipt_id) DO NOTHING""")
                .param("id", id).param("src", sourceReceiptId).param("kind", kind).param("conv", conversationId)
                .param("decl", declarationId).param("ent", enterprise).param("status", status).param("cno", customsNo)
                .param("note", note == null || note.length() <= 500 ? note : note.substring(0, 500))
                .param("sender", sender).param("at", Timestamp.from(receivedAt))
                .update() > 0;
    }

    public List<ReceiptView> byDeclaration(UUID declarationId) {
        return jdbc.sql("SELECT * FROM customs_receipt WHERE declaration_id = :d ORDER BY received_at, kind")
                .param("d", declarationId).query((rs, n) -> new ReceiptView(rs.getObject("id", UUID.class),
                        rs.getString("kind"), rs.getString("status"), rs.getString("customs_no"), rs.getString("note"),
                        rs.getString("sender_key_id"), rs.getObject("conversation_id", UUID.class),
                        rs.getObject("declaration_id", UUID.class), rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    /** Pull by query: an enterprise's receipts received after {@code since}, oldest first. */
    public List<ReceiptView> since(String enterprise, Instant since, int limit) {
        return jdbc.sql("""
                SELECT * FROM customs_receipt WHERE (CAST(:e AS text) IS NULL OR enterprise_uscc = :e) AND received_at > :since
                ORDER BY received_at LIMIT :l""")
                .param("e", enterprise).param("since", Timestamp.from(since)).param("l", limit)
                .query((rs, n) -> new ReceiptView(rs.getObject("id", UUID.class),
                        rs.getString("kind"), rs.getString("status"), rs.getString("customs_no"), rs.getString("note"),
                        rs.getString("sender_key_id"), rs.getObject("conversation_id", UUID.class),
                        rs.getObject("declaration_id", UUID.class), rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    /** The taxes of a business receipt (FP 454), replacing those of an earlier one. */
    public void saveTaxes(UUID declarationId, String receiptId, java.util.List<ExchangeMessages.ItemTax> taxes) {
        for (ExchangeMessages.ItemTax t : taxes) {
            jdbc.sql("""
                    INSERT INTO declaration_item_tax (declaration_id, seq, duty, vat, total, receipt_id)
                    VALUES (:d, :seq, :duty, :vat, :total, :r)
                    ON CONFLICT (declaration_id, seq) DO UPDATE SET duty = EXCLUDED.duty, vat = EXCLUDED.vat,
                        total = EXCLUDED.total, receipt_id = EXCLUDED.receipt_id""")
                    .param("d", declarationId).param("seq", t.seq()).param("duty", t.duty()).param("vat", t.vat())
                    .param("total", t.total()).param("r", receiptId).update();
        }
    }
}
