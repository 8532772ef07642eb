package cn.hnsw.customs.secondline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Verification lists, their pulls and write-offs. */
@Repository
public class VerificationListRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public VerificationListRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insertPull(UUID id, String enterprise, String by, String listNo, LocalDate from, LocalDate to,
                           String partner, String outcome, int count, String error, Instant at) {
        jdbc.sql("""
                INSERT INTO verification_list_pull (id, enterprise_uscc, requested_by, list_no, period_from, period_to,
                  partner, outcome, list_count, error, pulled_at) VALUES (:id, :e, :b, :l, :f, :t, :p, :o, :c, :err, :at)""")
                .param("id", id).param("e", enterprise).param("b", by).param("l", listNo)
                .param("f", from == null ? null : Date.valueOf(from)).param("t", to == null ? null : Date.valueOf(to))
                .param("p", partner).param("o", outcome).param("c", count)
                .param("err", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                .param("at", Timestamp.from(at)).update();
    }

    public List<PullRecord> pulls(String enterprise, int limit) {
        return jdbc.sql("""
                SELECT * FROM verification_list_pull WHERE (CAST(:e AS varchar) IS NULL OR enterprise_uscc = :e)
                ORDER BY pulled_at DESC LIMIT :limit""")
                .param("e", enterprise).param("limit", limit)
                .query((rs, n) -> new PullRecord(rs.getObject("id", UUID.class), rs.getString("enterprise_uscc"),
                        rs.getString("requested_by"), rs.getString("list_no"), date(rs, "period_from"),
                        date(rs, "period_to"), rs.getString("partner"), rs.getString("outcome"),
                        rs.getInt("list_count"), rs.getString("error"), rs.getTimestamp("pulled_at").toInstant()))
                .list();
    }

    /** Stores a list read from the source; answers false when the platform holds that list already. */
    public boolean insertIfNew(UUID id, VerificationListData d, UUID pullId, Instant now) {
        int inserted = jdbc.sql("""
                INSERT INTO verification_list (id, list_no, list_type, enterprise_uscc, enterprise_name, ledger_no,
                  import_export, supervision_mode, transport_mode, declare_customs, entry_exit_customs, trading_country,
                  gross_weight, net_weight, packages, declared_date, shipping_date, status, pull_id, pulled_at)
                VALUES (:id, :no, :type, :e, :en, :ledger, :ie, :sm, :tm, :dc, :ec, :tc, :gw, :nw, :pk, :dd, :sd, 'LOADED', :pull, :now)
                ON CONFLICT (list_no) DO NOTHING""")
                .param("id", id).param("no", d.listNo()).param("type", d.listType()).param("e", d.enterpriseUscc())
                .param("en", d.enterpriseName()).param("ledger", d.ledgerNo())
                .param("ie", d.importExport() == null ? "IMPORT" : d.importExport())
                .param("sm", d.supervisionMode()).param("tm", d.transportMode()).param("dc", d.declareCustoms())
                .param("ec", d.entryExitCustoms()).param("tc", d.tradingCountry()).param("gw", d.grossWeight())
                .param("nw", d.netWeight()).param("pk", d.packages()).param("dd", Date.valueOf(d.declaredDate()))
                .param("sd", d.shippingDate() == null ? null : Date.valueOf(d.shippingDate()), java.sql.Types.DATE)
                .param("pull", pullId).param("now", Timestamp.from(now)).update();
        if (inserted == 0) {
            return false;
        }
        for (VerificationListData.Line l : d.items()) {
            jdbc.sql("""
                    INSERT INTO verification_list_item (list_id, seq, ledger_item_no, hs_code, name, specification, quantity,
                      unit, legal_quantity, legal_unit, unit_price, total_price, currency, origin_country)
                    VALUES (:id, :seq, :li, :hs, :name, :spec, :q, :u, :lq, :lu, :up, :tp, :cur, :origin)""")
                    .param("id", id).param("seq", l.seq()).param("li", l.ledgerItemNo()).param("hs", l.hsCode())
                    .param("name", l.name()).param("spec", l.specification()).param("q", l.quantity())
                    .param("u", l.unit()).param("lq", l.legalQuantity()).param("lu", l.legalUnit())
                    .param("up", l.unitPrice()).param("tp", l.totalPrice()).param("cur", l.currency())
                    .param("origin", l.originCountry()).update();
        }
        return true;
    }

    public Optional<VerificationList> find(UUID id) {
        return jdbc.sql("SELECT * FROM verification_list WHERE id = :id").param("id", id).query(this::header).optional()
                .map(this::withItems);
    }

    public Optional<VerificationList> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM verification_list WHERE id = :id FOR UPDATE").param("id", id).query(this::header)
                .optional().map(this::withItems);
    }

    public Optional<VerificationList> findByNoForUpdate(String listNo) {
        return jdbc.sql("SELECT * FROM verification_list WHERE list_no = :no FOR UPDATE").param("no", listNo)
                .query(this::header).optional().map(this::withItems);
    }

    public Optional<VerificationList> findByNo(String listNo) {
        return jdbc.sql("SELECT * FROM verification_list WHERE list_no = :no").param("no", listNo)
                .query(this::header).optional().map(this::withItems);
    }

    public List<VerificationList> search(String enterprise, String listType, VerificationList.Status status,
                                         LocalDate from, LocalDate to, long offset, int limit) {
        return jdbc.sql("""
                SELECT * FROM verification_list WHERE (CAST(:e AS varchar) IS NULL OR enterprise_uscc = :e)
                  AND (CAST(:t AS varchar) IS NULL OR list_type = :t) AND (CAST(:s AS varchar) IS NULL OR status = :s)
                  AND (CAST(:f AS date) IS NULL OR declared_date >= :f) AND (CAST(:to AS date) IS NULL OR declared_date <= :to)
                ORDER BY declared_date DESC, list_no LIMIT :limit OFFSET :offset""")
                .param("e", enterprise).param("t", listType).param("s", status == null ? null : status.name())
                .param("f", from == null ? null : Date.valueOf(from)).param("to", to == null ? null : Date.valueOf(to))
                .param("limit", limit).param("offset", offset)
                .query(this::header).list().stream().map(this::withItems).toList();
    }

    public long count(String enterprise, String listType, VerificationList.Status status, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT count(*) FROM verification_list WHERE (CAST(:e AS varchar) IS NULL OR enterprise_uscc = :e)
                  AND (CAST(:t AS varchar) IS NULL OR list_type = :t) AND (CAST(:s AS varchar) IS NULL OR status = :s)
                  AND (CAST(:f AS date) IS NULL OR declared_date >= :f) AND (CAST(:to AS date) IS NULL OR declared_date <= :to)""")
                .param("e", enterprise).param("t", listType).param("s", status == null ? null : status.name())
                .param("f", from == null ? null : Date.valueOf(from)).param("to", to == null ? null : Date.valueOf(to))
                .query(Long.class).single();
    }

    /** The enterprise's checked distribution lists of a period that no consolidated list took yet, locked. */
    public List<VerificationList> unconsolidatedDistributionLists(String enterprise, String ledgerNo, LocalDate from,
                                                                  LocalDate to) {
        return jdbc.sql("""
                SELECT * FROM verification_list WHERE enterprise_uscc = :e AND list_type = 'DISTRIBUTION'
                  AND status = 'VALID' AND consolidated_id IS NULL
                  AND (CAST(:ledger AS varchar) IS NULL OR ledger_no = :ledger)
                  AND declared_date BETWEEN :f AND :t ORDER BY declared_date, list_no FOR UPDATE""")
                .param("e", enterprise).param("ledger", ledgerNo).param("f", Date.valueOf(from)).param("t", Date.valueOf(to))
                .query(this::header).list().stream().map(this::withItems).toList();
    }

    public List<VerificationList> byConsolidated(UUID consolidatedId) {
        return jdbc.sql("SELECT * FROM verification_list WHERE consolidated_id = :c ORDER BY list_no")
                .param("c", consolidatedId).query(this::header).list().stream().map(this::withItems).toList();
    }

    public void consolidated(List<UUID> listIds, UUID consolidatedId) {
        for (UUID id : listIds) {
            jdbc.sql("UPDATE verification_list SET consolidated_id = :c, version = version + 1 WHERE id = :id")
                    .param("c", consolidatedId).param("id", id).update();
        }
    }

    public void checked(UUID id, VerificationList.Status status, List<VerificationList.ListFinding> findings, Instant at) {
        jdbc.sql("UPDATE verification_list SET status = :s, findings = :f, checked_at = :at, version = version + 1 WHERE id = :id")
                .param("id", id).param("s", status.name()).param("f", write(findings)).param("at", Timestamp.from(at))
                .update();
    }

    public void status(UUID id, VerificationList.Status status) {
        jdbc.sql("UPDATE verification_list SET status = :s, version = version + 1 WHERE id = :id")
                .param("id", id).param("s", status.name()).update();
    }

    /** 核扣: {@code quantity} more of line {@code seq} is taken by {@code declarationId}. */
    public void writeOff(UUID declarationId, UUID listId, int seq, BigDecimal quantity, Instant at) {
        jdbc.sql("UPDATE verification_list_item SET written_off = written_off + :q WHERE list_id = :l AND seq = :s")
                .param("q", quantity).param("l", listId).param("s", seq).update();
        jdbc.sql("""
                INSERT INTO verification_list_write_off (declaration_id, list_id, list_seq, quantity, written_at)
                VALUES (:d, :l, :s, :q, :at)
                ON CONFLICT (declaration_id, list_id, list_seq) DO UPDATE SET quantity = verification_list_write_off.quantity + :q,
                  reversed_at = NULL""")
                .param("d", declarationId).param("l", listId).param("s", seq).param("q", quantity)
                .param("at", Timestamp.from(at)).update();
    }

    /** Gives back what a withdrawn or deleted declaration wrote off; answers the lists touched. */
    public List<UUID> reverseWriteOffs(UUID declarationId, Instant at) {
        List<WriteOff> taken = jdbc.sql("""
                SELECT list_id, list_seq, quantity FROM verification_list_write_off
                WHERE declaration_id = :d AND reversed_at IS NULL FOR UPDATE""")
                .param("d", declarationId)
                .query((rs, n) -> new WriteOff(rs.getObject("list_id", UUID.class), rs.getInt("list_seq"),
                        rs.getBigDecimal("quantity"))).list();
        for (WriteOff w : taken) {
            jdbc.sql("UPDATE verification_list_item SET written_off = written_off - :q WHERE list_id = :l AND seq = :s")
                    .param("q", w.quantity()).param("l", w.listId()).param("s", w.seq()).update();
        }
        jdbc.sql("UPDATE verification_list_write_off SET reversed_at = :at WHERE declaration_id = :d AND reversed_at IS NULL")
                .param("d", declarationId).param("at", Timestamp.from(at)).update();
        return taken.stream().map(WriteOff::listId).distinct().toList();
    }

    public List<WriteOff> writeOffsOf(UUID declarationId) {
        return jdbc.sql("SELECT list_id, list_seq, quantity FROM verification_list_write_off WHERE declaration_id = :d AND reversed_at IS NULL ORDER BY list_seq")
                .param("d", declarationId)
                .query((rs, n) -> new WriteOff(rs.getObject("list_id", UUID.class), rs.getInt("list_seq"),
                        rs.getBigDecimal("quantity"))).list();
    }

    /** One write-off of a declaration. */
    public record WriteOff(UUID listId, int seq, BigDecimal quantity) {
    }

    /** 调取记录. */
    public record PullRecord(UUID id, String enterpriseUscc, String requestedBy, String listNo, LocalDate from,
                             LocalDate to, String partner, String outcome, int listCount, String error, Instant pulledAt) {
    }

    private VerificationList withItems(VerificationList h) {
        List<VerificationList.Line> items = jdbc.sql("SELECT * FROM verification_list_item WHERE list_id = :id ORDER BY seq")
                .param("id", h.id())
                .query((rs, n) -> new VerificationList.Line(rs.getInt("seq"), (Integer) rs.getObject("ledger_item_no"),
                        rs.getString("hs_code"), rs.getString("name"), rs.getString("specification"),
                        rs.getBigDecimal("quantity"), rs.getString("unit"), rs.getBigDecimal("legal_quantity"),
                        rs.getString("legal_unit"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("total_price"),
                        rs.getString("currency"), rs.getString("origin_country"), rs.getBigDecimal("written_off")))
                .list();
        return new VerificationList(h.id(), h.listNo(), h.listType(), h.enterpriseUscc(), h.enterpriseName(), h.ledgerNo(),
                h.importExport(), h.supervisionMode(), h.transportMode(), h.declareCustoms(), h.entryExitCustoms(),
                h.tradingCountry(), h.grossWeight(), h.netWeight(), h.packages(), h.declaredDate(), h.status(),
                h.findings(), h.pulledAt(), h.checkedAt(), h.consolidatedId(), items);
    }

    private VerificationList header(ResultSet rs, int n) throws SQLException {
        Timestamp checked = rs.getTimestamp("checked_at");
        return new VerificationList(rs.getObject("id", UUID.class), rs.getString("list_no"), rs.getString("list_type"),
                rs.getString("enterprise_uscc"), rs.getString("enterprise_name"), rs.getString("ledger_no"),
                rs.getString("import_export"), rs.getString("supervision_mode"), rs.getString("transport_mode"),
                rs.getString("declare_customs"), rs.getString("entry_exit_customs"), rs.getString("trading_country"),
                rs.getBigDecimal("gross_weight"), rs.getBigDecimal("net_weight"), (Integer) rs.getObject("packages"),
                rs.getDate("declared_date").toLocalDate(), VerificationList.Status.valueOf(rs.getString("status")),
                read(rs.getString("findings")), rs.getTimestamp("pulled_at").toInstant(),
                checked == null ? null : checked.toInstant(), rs.getObject("consolidated_id", UUID.class), List.of());
    }

    private List<VerificationList.ListFinding> read(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored findings unreadable", e);
        }
    }

    private String write(List<VerificationList.ListFinding> findings) {
        try {
            return json.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
