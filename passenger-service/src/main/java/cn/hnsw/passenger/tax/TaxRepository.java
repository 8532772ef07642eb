package cn.hnsw.passenger.tax;

import cn.hnsw.common.web.PageQuery;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Tax payments in table {@code tax_payment}; the lines are a JSON array. */
@Repository
public class TaxRepository {

    private static final TypeReference<List<TaxLine>> LINES = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public TaxRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** 税款查询 filters: tax number, status, port, amount range, assessed between (at most three years back). */
    public record Filter(String travelerId, String taxNo, TaxPaymentStatus status, String port, BigDecimal minTotal,
                         BigDecimal maxTotal, Instant from, Instant to) {
    }

    void insert(TaxPayment t) {
        try {
            jdbc.update("""
                    INSERT INTO tax_payment (id, tax_no, declaration_id, traveler_id, port, lines, total, status, assessed_at)
                    VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""", t.id(), t.taxNo(), t.declarationId(), t.travelerId(),
                    t.port(), json.writeValueAsString(t.lines()), t.total(), t.status().name(),
                    Timestamp.from(t.assessedAt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void update(TaxPayment t) {
        jdbc.update("UPDATE tax_payment SET status = ?, entered_at = ?, paid_at = ?, paid_channel = ? WHERE id = ?",
                t.status().name(), ts(t.enteredAt()), ts(t.paidAt()), t.paidChannel(), t.id());
    }

    public Optional<TaxPayment> find(UUID id) {
        return jdbc.query("SELECT * FROM tax_payment WHERE id = ?", this::map, id).stream().findFirst();
    }

    Optional<TaxPayment> lock(UUID id) {
        return jdbc.query("SELECT * FROM tax_payment WHERE id = ? FOR UPDATE", this::map, id).stream().findFirst();
    }

    public Optional<TaxPayment> findByDeclaration(UUID declarationId) {
        return jdbc.query("SELECT * FROM tax_payment WHERE declaration_id = ?", this::map, declarationId).stream()
                .findFirst();
    }

    public List<TaxPayment> search(Filter f, PageQuery page) {
        List<Object> args = new ArrayList<>();
        String where = where(f, args);
        args.add(page.size());
        args.add(page.offset());
        return jdbc.query("SELECT * FROM tax_payment" + where + " ORDER BY assessed_at DESC, id LIMIT ? OFFSET ?",
                this::map, args.toArray());
    }

    public long count(Filter f) {
        List<Object> args = new ArrayList<>();
        Long n = jdbc.queryForObject("SELECT count(*) FROM tax_payment" + where(f, args), Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    private static String where(Filter f, List<Object> args) {
        StringBuilder w = new StringBuilder(" WHERE true");
        add(w, args, f.travelerId(), " AND traveler_id = ?");
        add(w, args, f.taxNo(), " AND tax_no = ?");
        add(w, args, f.status() == null ? null : f.status().name(), " AND status = ?");
        add(w, args, f.port(), " AND port = ?");
        add(w, args, f.minTotal(), " AND total >= ?");
        add(w, args, f.maxTotal(), " AND total <= ?");
        add(w, args, ts(f.from()), " AND assessed_at >= ?");
        add(w, args, ts(f.to()), " AND assessed_at < ?");
        return w.toString();
    }

    private static void add(StringBuilder w, List<Object> args, Object value, String clause) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            w.append(clause);
            args.add(value);
        }
    }

    private TaxPayment map(ResultSet rs, int row) throws SQLException {
        try {
            return new TaxPayment(rs.getObject("id", UUID.class), rs.getString("tax_no"),
                    rs.getObject("declaration_id", UUID.class), rs.getString("traveler_id"), rs.getString("port"),
                    json.readValue(rs.getString("lines"), LINES), rs.getBigDecimal("total"),
                    rs.getTimestamp("assessed_at").toInstant(), TaxPaymentStatus.valueOf(rs.getString("status")),
                    instant(rs.getTimestamp("entered_at")), instant(rs.getTimestamp("paid_at")),
                    rs.getString("paid_channel"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
