package cn.hnsw.ledger.posting;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.LedgerType;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Ledgers, their stock and their postings. */
@Repository
public class LedgerRepository {

    private static final String COLUMNS = "id, ledger_no, enterprise, enterprise_name, ledger_type, status, "
            + "setup_document_id, formal_data_ref, created_at, activated_at";

    private final JdbcClient jdbc;

    public LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long create(String ledgerNo, String enterprise, String enterpriseName, LedgerType type, long setupDocumentId,
                       Instant now) {
        return jdbc.sql("""
                        INSERT INTO ledger (ledger_no, enterprise, enterprise_name, ledger_type, status, setup_document_id, created_at)
                        VALUES (:no, :ent, :name, :type, 'PENDING_FORMAL_DATA', :doc, :at) RETURNING id""")
                .param("no", ledgerNo).param("ent", enterprise).param("name", enterpriseName).param("type", type.name())
                .param("doc", setupDocumentId).param("at", Timestamp.from(now)).query(Long.class).single();
    }

    public void activate(long id, String formalDataRef, Instant now) {
        jdbc.sql("UPDATE ledger SET status = 'ACTIVE', formal_data_ref = :ref, activated_at = :at WHERE id = :id AND status = 'PENDING_FORMAL_DATA'")
                .param("ref", formalDataRef).param("at", Timestamp.from(now)).param("id", id).update();
    }

    /**
     * 账册表体: the items of the set-up application become the ledger's stock rows at nothing, so that lists (an
     * adjustment among them) can link them before their first posting; an item already there is left as it is.
     */
    public void registerItem(long ledgerId, String itemNo, String itemKind, String hsCode, String nameZh, String unit) {
        jdbc.sql("""
                        INSERT INTO ledger_stock (ledger_id, item_no, item_kind, hs_code, name_zh, unit, quantity)
                        VALUES (:l, :i, :k, :h, :n, :u, 0) ON CONFLICT (ledger_id, item_no) DO NOTHING""")
                .param("l", ledgerId).param("i", itemNo).param("k", itemKind).param("h", hsCode).param("n", nameZh)
                .param("u", unit).update();
    }

    public void cancel(long id, Instant now) {
        jdbc.sql("UPDATE ledger SET status = 'CANCELLED', cancelled_at = :at WHERE id = :id")
                .param("at", Timestamp.from(now)).param("id", id).update();
    }

    public Optional<Ledger> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ledger WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public Ledger get(long id) {
        return find(id).orElseThrow(() -> new HnswException(LedgerErrorCode.LEDGER_NOT_FOUND, id));
    }

    public Optional<Ledger> findBySetupDocument(long documentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ledger WHERE setup_document_id = :d").param("d", documentId)
                .query(this::map).optional();
    }

    public List<Ledger> list(String enterprise) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ledger WHERE (CAST(:ent AS varchar) IS NULL OR enterprise = :ent) ORDER BY id DESC")
                .param("ent", enterprise).query(this::map).list();
    }

    /** Stock rows with the sum of their signed postings next to them: the two columns must always agree. */
    public List<LedgerStock> stock(long ledgerId) {
        return jdbc.sql("""
                        SELECT s.id, s.ledger_id, s.item_no, s.item_kind, s.hs_code, s.name_zh, s.unit, s.quantity,
                               coalesce(sum(CASE p.direction WHEN 'INCREASE' THEN p.quantity ELSE -p.quantity END), 0) AS posted,
                               count(p.id) AS postings
                        FROM ledger_stock s LEFT JOIN ledger_posting p ON p.stock_id = s.id
                        WHERE s.ledger_id = :l
                        GROUP BY s.id ORDER BY s.item_no""")
                .param("l", ledgerId)
                .query((rs, n) -> new LedgerStock(rs.getLong("id"), rs.getLong("ledger_id"), rs.getString("item_no"),
                        rs.getString("item_kind"), rs.getString("hs_code"), rs.getString("name_zh"), rs.getString("unit"),
                        rs.getBigDecimal("quantity"), rs.getBigDecimal("posted"), rs.getLong("postings")))
                .list();
    }

    public Optional<LedgerStock> stockRow(long ledgerId, long stockId) {
        return stock(ledgerId).stream().filter(s -> s.id() == stockId).findFirst();
    }

    /** The chain of postings that explains one stock row's balance, oldest first. */
    public List<LedgerPosting> chain(long stockId) {
        return jdbc.sql("""
                        SELECT p.id, p.ledger_id, p.stock_id, s.item_no, p.direction, p.quantity, p.balance_after,
                               p.document_id, p.document_no, p.document_type, p.line_id, p.receipt_id, p.posted_at
                        FROM ledger_posting p JOIN ledger_stock s ON s.id = p.stock_id
                        WHERE p.stock_id = :s ORDER BY p.id""")
                .param("s", stockId).query(LedgerRepository::mapPosting).list();
    }

    public List<LedgerPosting> postingsOfDocument(long documentId) {
        return jdbc.sql("""
                        SELECT p.id, p.ledger_id, p.stock_id, s.item_no, p.direction, p.quantity, p.balance_after,
                               p.document_id, p.document_no, p.document_type, p.line_id, p.receipt_id, p.posted_at
                        FROM ledger_posting p JOIN ledger_stock s ON s.id = p.stock_id
                        WHERE p.document_id = :d ORDER BY p.id""")
                .param("d", documentId).query(LedgerRepository::mapPosting).list();
    }

    /** Stock rows whose quantity differs from the sum of their postings (should always be none). */
    public long drift() {
        return jdbc.sql("""
                        SELECT count(*) FROM ledger_stock s
                        WHERE s.quantity <> coalesce((SELECT sum(CASE p.direction WHEN 'INCREASE' THEN p.quantity ELSE -p.quantity END)
                                                      FROM ledger_posting p WHERE p.stock_id = s.id), 0)""")
                .query(Long.class).single();
    }

    static LedgerPosting mapPosting(ResultSet rs, int n) throws SQLException {
        return new LedgerPosting(rs.getLong("id"), rs.getLong("ledger_id"), rs.getLong("stock_id"), rs.getString("item_no"),
                Direction.valueOf(rs.getString("direction")), rs.getBigDecimal("quantity"),
                rs.getBigDecimal("balance_after"), rs.getLong("document_id"), rs.getString("document_no"),
                rs.getString("document_type"), rs.getLong("line_id"), rs.getString("receipt_id"),
                rs.getTimestamp("posted_at").toInstant());
    }

    private Ledger map(ResultSet rs, int n) throws SQLException {
        Timestamp activated = rs.getTimestamp("activated_at");
        return new Ledger(rs.getLong("id"), rs.getString("ledger_no"), rs.getString("enterprise"),
                rs.getString("enterprise_name"), LedgerType.valueOf(rs.getString("ledger_type")),
                LedgerStatus.valueOf(rs.getString("status")), rs.getLong("setup_document_id"),
                rs.getString("formal_data_ref"), rs.getTimestamp("created_at").toInstant(),
                activated == null ? null : activated.toInstant());
    }
}
