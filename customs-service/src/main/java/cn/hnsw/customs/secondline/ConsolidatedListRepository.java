package cn.hnsw.customs.secondline;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Consolidated lists and their summed lines. */
@Repository
public class ConsolidatedListRepository {

    private final JdbcClient jdbc;

    public ConsolidatedListRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long nextSerial() {
        return jdbc.sql("SELECT nextval('second_line_serial')").query(Long.class).single();
    }

    public void insert(ConsolidatedList c) {
        jdbc.sql("""
                INSERT INTO consolidated_list (id, consolidated_no, enterprise_uscc, ledger_no, period, status, conversation_id, created_at)
                VALUES (:id, :no, :e, :ledger, :period, :status, :conv, :at)""")
                .param("id", c.id()).param("no", c.consolidatedNo()).param("e", c.enterpriseUscc())
                .param("ledger", c.ledgerNo()).param("period", c.period()).param("status", c.status().name())
                .param("conv", c.conversationId()).param("at", Timestamp.from(c.createdAt())).update();
        for (ConsolidatedList.Item i : c.items()) {
            jdbc.sql("""
                    INSERT INTO consolidated_list_item (consolidated_id, seq, hs_code, name, unit, quantity, legal_quantity,
                      legal_unit, total_price, currency, origin_country, source_lists)
                    VALUES (:id, :seq, :hs, :name, :unit, :q, :lq, :lu, :tp, :cur, :origin, :n)""")
                    .param("id", c.id()).param("seq", i.seq()).param("hs", i.hsCode()).param("name", i.name())
                    .param("unit", i.unit()).param("q", i.quantity()).param("lq", i.legalQuantity())
                    .param("lu", i.legalUnit()).param("tp", i.totalPrice()).param("cur", i.currency())
                    .param("origin", i.originCountry()).param("n", i.sourceLists()).update();
        }
    }

    public Optional<ConsolidatedList> existing(String enterprise, String ledgerNo, String period) {
        return jdbc.sql("""
                SELECT * FROM consolidated_list WHERE enterprise_uscc = :e AND period = :p
                  AND ledger_no IS NOT DISTINCT FROM :ledger AND status NOT IN ('REJECTED', 'FAILED')""")
                .param("e", enterprise).param("p", period).param("ledger", ledgerNo)
                .query(this::header).optional().map(this::withItems);
    }

    public Optional<ConsolidatedList> find(UUID id) {
        return jdbc.sql("SELECT * FROM consolidated_list WHERE id = :id").param("id", id).query(this::header).optional()
                .map(this::withItems);
    }

    public Optional<ConsolidatedList> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM consolidated_list WHERE id = :id FOR UPDATE").param("id", id).query(this::header)
                .optional().map(this::withItems);
    }

    public Optional<ConsolidatedList> byConversationForUpdate(UUID conversation) {
        return jdbc.sql("SELECT * FROM consolidated_list WHERE conversation_id = :c FOR UPDATE").param("c", conversation)
                .query(this::header).optional().map(this::withItems);
    }

    public Optional<ConsolidatedList> byDeclarationForUpdate(UUID declarationId) {
        return jdbc.sql("SELECT * FROM consolidated_list WHERE declaration_id = :d FOR UPDATE").param("d", declarationId)
                .query(this::header).optional().map(this::withItems);
    }

    public List<ConsolidatedList> search(String enterprise, int limit) {
        return jdbc.sql("""
                SELECT * FROM consolidated_list WHERE (CAST(:e AS varchar) IS NULL OR enterprise_uscc = :e)
                ORDER BY created_at DESC LIMIT :limit""")
                .param("e", enterprise).param("limit", limit).query(this::header).list().stream().map(this::withItems)
                .toList();
    }

    public void status(UUID id, ConsolidatedList.Status status, String approvalNo, String note, Instant decidedAt) {
        jdbc.sql("""
                UPDATE consolidated_list SET status = :s, approval_no = COALESCE(:a, approval_no), note = COALESCE(:n, note),
                  decided_at = COALESCE(:at, decided_at) WHERE id = :id""")
                .param("id", id).param("s", status.name()).param("a", approvalNo)
                .param("n", note == null ? null : note.length() > 500 ? note.substring(0, 500) : note)
                .param("at", decidedAt == null ? null : Timestamp.from(decidedAt)).update();
    }

    public void submitted(UUID id, Instant at) {
        jdbc.sql("UPDATE consolidated_list SET status = 'SUBMITTED', submitted_at = :at WHERE id = :id")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    public void declared(UUID id, UUID declarationId) {
        jdbc.sql("UPDATE consolidated_list SET status = 'DECLARED', declaration_id = :d WHERE id = :id")
                .param("id", id).param("d", declarationId).update();
    }

    private ConsolidatedList withItems(ConsolidatedList c) {
        List<ConsolidatedList.Item> items = jdbc.sql("SELECT * FROM consolidated_list_item WHERE consolidated_id = :id ORDER BY seq")
                .param("id", c.id())
                .query((rs, n) -> new ConsolidatedList.Item(rs.getInt("seq"), rs.getString("hs_code"), rs.getString("name"),
                        rs.getString("unit"), rs.getBigDecimal("quantity"), rs.getBigDecimal("legal_quantity"),
                        rs.getString("legal_unit"), rs.getBigDecimal("total_price"), rs.getString("currency"),
                        rs.getString("origin_country"), rs.getInt("source_lists")))
                .list();
        List<String> sources = jdbc.sql("SELECT list_no FROM verification_list WHERE consolidated_id = :id ORDER BY list_no")
                .param("id", c.id()).query(String.class).list();
        return new ConsolidatedList(c.id(), c.consolidatedNo(), c.enterpriseUscc(), c.ledgerNo(), c.period(), c.status(),
                c.conversationId(), c.approvalNo(), c.note(), c.declarationId(), c.createdAt(), c.submittedAt(),
                c.decidedAt(), items, sources);
    }

    private ConsolidatedList header(ResultSet rs, int n) throws SQLException {
        return new ConsolidatedList(rs.getObject("id", UUID.class), rs.getString("consolidated_no"),
                rs.getString("enterprise_uscc"), rs.getString("ledger_no"), rs.getString("period"),
                ConsolidatedList.Status.valueOf(rs.getString("status")), rs.getObject("conversation_id", UUID.class),
                rs.getString("approval_no"), rs.getString("note"), rs.getObject("declaration_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(), instant(rs, "submitted_at"), instant(rs, "decided_at"),
                List.of(), List.of());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
