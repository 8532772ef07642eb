package cn.hnsw.ledger.document;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Declarable documents and their lines, in PostgreSQL through JDBC. */
@Repository
public class DocumentRepository {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, document_no, document_type, enterprise, enterprise_name, ledger_id, "
            + "source_document_id, status, version, change_round, title, header::text AS header, vehicle::text AS vehicle, "
            + "return_reason, created_by, acting_delegate, created_at, declared_at, approved_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public DocumentRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** 自主编号: HNZT + type prefix + date (Asia/Shanghai) + six-digit daily sequence, taken under a row lock. */
    public String nextNumber(DocumentType type, Instant now) {
        String prefix = "HNZT" + type.numberPrefix() + LocalDate.ofInstant(now, SHANGHAI).format(DateTimeFormatter.BASIC_ISO_DATE);
        long value = jdbc.sql("""
                        INSERT INTO document_number_sequence (prefix, last_value) VALUES (:p, 1)
                        ON CONFLICT (prefix) DO UPDATE SET last_value = document_number_sequence.last_value + 1
                        RETURNING last_value""")
                .param("p", prefix).query(Long.class).single();
        return prefix + String.format("%06d", value);
    }

    public long insert(DeclarableDocument d) {
        return jdbc.sql("""
                        INSERT INTO declarable_document (document_no, document_type, enterprise, enterprise_name, ledger_id,
                            source_document_id, status, title, header, created_by, acting_delegate, created_at, updated_at)
                        VALUES (:no, :type, :ent, :entName, :ledger, :source, :status, :title, CAST(:header AS jsonb),
                            :by, :delegate, :at, :at)
                        RETURNING id""")
                .param("no", d.documentNo()).param("type", d.type().code()).param("ent", d.enterprise())
                .param("entName", d.enterpriseName()).param("ledger", d.ledgerId()).param("source", d.sourceDocumentId())
                .param("status", d.status().name()).param("title", d.title()).param("header", write(d.header()))
                .param("by", d.createdBy()).param("delegate", d.actingDelegate())
                .param("at", Timestamp.from(d.createdAt()))
                .query(Long.class).single();
    }

    /** Saves state and header; refuses when someone else saved the document since it was read. */
    public void update(DeclarableDocument d, Instant now) {
        int rows = jdbc.sql("""
                        UPDATE declarable_document SET status = :status, version = version + 1, change_round = :round,
                            title = :title, header = CAST(:header AS jsonb), vehicle = CAST(:vehicle AS jsonb),
                            return_reason = :reason, declared_at = :declaredAt, approved_at = :approvedAt, updated_at = :now
                        WHERE id = :id AND version = :version""")
                .param("status", d.status().name()).param("round", d.changeRound()).param("title", d.title())
                .param("header", write(d.header())).param("vehicle", d.vehicle() == null ? null : write(d.vehicle()))
                .param("reason", d.returnReason()).param("declaredAt", ts(d.declaredAt()))
                .param("approvedAt", ts(d.approvedAt())).param("now", Timestamp.from(now))
                .param("id", d.id()).param("version", d.version())
                .update();
        if (rows != 1) {
            throw new HnswException(LedgerErrorCode.DOCUMENT_VERSION_CONFLICT, d.documentNo());
        }
    }

    public Optional<DeclarableDocument> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM declarable_document WHERE id = :id")
                .param("id", id).query(this::map).optional();
    }

    /** Reads and locks the row until commit: receipts and declarations of one document queue up here. */
    public Optional<DeclarableDocument> findForUpdate(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM declarable_document WHERE id = :id FOR UPDATE")
                .param("id", id).query(this::map).optional();
    }

    public Optional<DeclarableDocument> findByNumber(String documentNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM declarable_document WHERE document_no = :no")
                .param("no", documentNo).query(this::map).optional();
    }

    public DeclarableDocument get(long id) {
        return find(id).orElseThrow(() -> new HnswException(LedgerErrorCode.DOCUMENT_NOT_FOUND, id));
    }

    public record ListFilter(String enterprise, List<String> types, String status, Long ledgerId, String documentNo) {
    }

    public List<DeclarableDocument> list(ListFilter f, int limit, long offset) {
        Where w = where(f);
        return jdbc.sql("SELECT " + COLUMNS + " FROM declarable_document" + w.sql + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(w.params).param("limit", limit).param("offset", offset).query(this::map).list();
    }

    public long count(ListFilter f) {
        Where w = where(f);
        return jdbc.sql("SELECT count(*) FROM declarable_document" + w.sql).params(w.params).query(Long.class).single();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(ListFilter f) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        if (f.enterprise() != null) {
            parts.add("enterprise = :ent");
            params.put("ent", f.enterprise());
        }
        if (f.types() != null && !f.types().isEmpty()) {
            parts.add("document_type IN (:types)");
            params.put("types", f.types());
        }
        if (f.status() != null) {
            parts.add("status = :status");
            params.put("status", f.status());
        }
        if (f.ledgerId() != null) {
            parts.add("ledger_id = :ledger");
            params.put("ledger", f.ledgerId());
        }
        if (f.documentNo() != null && !f.documentNo().isBlank()) {
            parts.add("document_no LIKE :no");
            params.put("no", "%" + f.documentNo().replace("%", "") + "%");
        }
        return new Where(parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts), params);
    }

    // ---- lines

    public List<DocumentLine> lines(long documentId) {
        return jdbc.sql("""
                        SELECT id, line_no, line_kind, item_no, hs_code, name_zh, spec, unit, quantity, unit_price, amount,
                               currency, direction, link_target, link_ref, extra::text AS extra
                        FROM document_line WHERE document_id = :d ORDER BY line_kind, line_no""")
                .param("d", documentId).query(this::mapLine).list();
    }

    public Optional<DocumentLine> line(long lineId) {
        return jdbc.sql("""
                        SELECT id, line_no, line_kind, item_no, hs_code, name_zh, spec, unit, quantity, unit_price, amount,
                               currency, direction, link_target, link_ref, extra::text AS extra
                        FROM document_line WHERE id = :id""")
                .param("id", lineId).query(this::mapLine).optional();
    }

    public Optional<Long> documentOfLine(long lineId) {
        return jdbc.sql("SELECT document_id FROM document_line WHERE id = :id").param("id", lineId).query(Long.class).optional();
    }

    public int nextLineNo(long documentId, LineKind kind) {
        return jdbc.sql("SELECT coalesce(max(line_no), 0) + 1 FROM document_line WHERE document_id = :d AND line_kind = :k")
                .param("d", documentId).param("k", kind.name()).query(Integer.class).single();
    }

    public long insertLine(long documentId, DocumentLine l) {
        return jdbc.sql("""
                        INSERT INTO document_line (document_id, line_no, line_kind, item_no, hs_code, name_zh, spec, unit,
                            quantity, unit_price, amount, currency, direction, link_target, link_ref, extra)
                        VALUES (:d, :no, :kind, :item, :hs, :name, :spec, :unit, :qty, :price, :amount, :cur, :dir,
                            :link, :ref, CAST(:extra AS jsonb))
                        RETURNING id""")
                .param("d", documentId).param("no", l.lineNo()).param("kind", l.kind().name()).param("item", l.itemNo())
                .param("hs", l.hsCode()).param("name", l.nameZh()).param("spec", l.spec()).param("unit", l.unit())
                .param("qty", l.quantity()).param("price", l.unitPrice()).param("amount", l.amount())
                .param("cur", l.currency()).param("dir", l.direction())
                .param("link", l.linkTarget() == null ? null : l.linkTarget().name()).param("ref", l.linkRef())
                .param("extra", write(l.extra()))
                .query(Long.class).single();
    }

    public int updateLine(long documentId, long lineId, DocumentLine l) {
        return jdbc.sql("""
                        UPDATE document_line SET item_no = :item, hs_code = :hs, name_zh = :name, spec = :spec, unit = :unit,
                            quantity = :qty, unit_price = :price, amount = :amount, currency = :cur, direction = :dir,
                            link_target = :link, link_ref = :ref, extra = CAST(:extra AS jsonb)
                        WHERE id = :id AND document_id = :d""")
                .param("item", l.itemNo()).param("hs", l.hsCode()).param("name", l.nameZh()).param("spec", l.spec())
                .param("unit", l.unit()).param("qty", l.quantity()).param("price", l.unitPrice())
                .param("amount", l.amount()).param("cur", l.currency()).param("dir", l.direction())
                .param("link", l.linkTarget() == null ? null : l.linkTarget().name()).param("ref", l.linkRef())
                .param("extra", write(l.extra())).param("id", lineId).param("d", documentId)
                .update();
    }

    public int deleteLines(long documentId, List<Long> lineIds) {
        return jdbc.sql("DELETE FROM document_line WHERE document_id = :d AND id IN (:ids)")
                .param("d", documentId).param("ids", lineIds).update();
    }

    public void setCustomsDraft(long id, Map<String, Object> draft) {
        jdbc.sql("UPDATE declarable_document SET customs_draft = CAST(:draft AS jsonb) WHERE id = :id")
                .param("draft", write(draft)).param("id", id).update();
    }

    public Optional<Map<String, Object>> customsDraft(long id) {
        return jdbc.sql("SELECT customs_draft::text FROM declarable_document WHERE id = :id AND customs_draft IS NOT NULL")
                .param("id", id).query(String.class).optional().map(this::read);
    }

    public void markConsolidated(List<Long> sourceIds, long consolidatedId) {
        jdbc.sql("UPDATE declarable_document SET consolidated_into = :c WHERE id IN (:ids)")
                .param("c", consolidatedId).param("ids", sourceIds).update();
    }

    public Optional<Long> consolidatedInto(long id) {
        return jdbc.sql("SELECT consolidated_into FROM declarable_document WHERE id = :id AND consolidated_into IS NOT NULL")
                .param("id", id).query(Long.class).optional();
    }

    private DeclarableDocument map(ResultSet rs, int row) throws SQLException {
        return new DeclarableDocument(rs.getLong("id"), rs.getString("document_no"),
                DocumentTypes.get(rs.getString("document_type")), rs.getString("enterprise"),
                rs.getString("enterprise_name"), (Long) rs.getObject("ledger_id"),
                (Long) rs.getObject("source_document_id"), DocumentStatus.valueOf(rs.getString("status")),
                rs.getInt("version"), rs.getInt("change_round"), rs.getString("title"), read(rs.getString("header")),
                rs.getString("vehicle") == null ? null : read(rs.getString("vehicle")), rs.getString("return_reason"),
                rs.getString("created_by"), rs.getString("acting_delegate"), instant(rs, "created_at"),
                instant(rs, "declared_at"), instant(rs, "approved_at"));
    }

    private DocumentLine mapLine(ResultSet rs, int row) throws SQLException {
        String link = rs.getString("link_target");
        return new DocumentLine(rs.getLong("id"), rs.getInt("line_no"), LineKind.valueOf(rs.getString("line_kind")),
                rs.getString("item_no"), rs.getString("hs_code"), rs.getString("name_zh"), rs.getString("spec"),
                rs.getString("unit"), rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("direction"),
                link == null ? null : LinkTarget.valueOf(link), (Long) rs.getObject("link_ref"), read(rs.getString("extra")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    String write(Map<String, Object> map) {
        try {
            return json.writeValueAsString(map == null ? Map.of() : map);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("header not serialisable", e);
        }
    }

    Map<String, Object> read(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable", e);
        }
    }
}
