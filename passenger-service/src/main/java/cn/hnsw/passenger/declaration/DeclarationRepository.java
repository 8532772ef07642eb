package cn.hnsw.passenger.declaration;

import cn.hnsw.common.web.PageQuery;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Baggage declarations in table {@code baggage_declaration}; the articles are a JSON array. */
@Repository
public class DeclarationRepository {

    private static final TypeReference<List<BaggageItem>> ITEMS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public DeclarationRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Filter(String travelerId, DeclarationStatus status, SecondLinePort port, LocalDate from,
                         LocalDate to, String declarationNo) {
    }

    public record DispatchState(int attempts, String error, boolean blocked) {
    }

    public void insert(BaggageDeclaration d) {
        DeclarationContent c = d.content();
        jdbc.update("""
                INSERT INTO baggage_declaration (id, declaration_no, traveler_id, conversation_id, port, departure_date,
                    transport_mode, ticket_no, traveler_name, document_no, items, status, pending_action, revision,
                    decision_reason, deletion_reason, tax_due, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)""",
                d.id(), d.declarationNo(), d.travelerId(), d.conversationId(), c.port().name(),
                Date.valueOf(c.departureDate()), c.transportMode().name(), c.ticketNo(), c.travelerName(),
                c.documentNo(), write(c.items()), d.status().name(), name(d.pendingAction()), d.revision(),
                d.decisionReason(), d.deletionReason(), d.taxDue(), Timestamp.from(d.createdAt()),
                Timestamp.from(d.updatedAt()));
    }

    /** Saves a change made under {@link #lock}; a new request also unblocks the dispatcher. */
    public void update(BaggageDeclaration d) {
        DeclarationContent c = d.content();
        jdbc.update("""
                UPDATE baggage_declaration SET port = ?, departure_date = ?, transport_mode = ?, ticket_no = ?,
                    traveler_name = ?, document_no = ?, items = ?::jsonb, status = ?, pending_action = ?, revision = ?,
                    decision_reason = ?, deletion_reason = ?, tax_due = ?, updated_at = ?,
                    dispatch_blocked = CASE WHEN revision <> ? THEN false ELSE dispatch_blocked END,
                    dispatch_attempts = CASE WHEN revision <> ? THEN 0 ELSE dispatch_attempts END
                WHERE id = ?""",
                c.port().name(), Date.valueOf(c.departureDate()), c.transportMode().name(), c.ticketNo(),
                c.travelerName(), c.documentNo(), write(c.items()), d.status().name(), name(d.pendingAction()),
                d.revision(), d.decisionReason(), d.deletionReason(), d.taxDue(), Timestamp.from(d.updatedAt()),
                d.revision(), d.revision(), d.id());
    }

    public Optional<BaggageDeclaration> find(UUID id) {
        return jdbc.query("SELECT * FROM baggage_declaration WHERE id = ?", this::map, id).stream().findFirst();
    }

    /** Loads and row-locks the declaration for the rest of the transaction. */
    public Optional<BaggageDeclaration> lock(UUID id) {
        return jdbc.query("SELECT * FROM baggage_declaration WHERE id = ? FOR UPDATE", this::map, id).stream()
                .findFirst();
    }

    public Optional<BaggageDeclaration> lockByConversation(UUID conversationId) {
        return jdbc.query("SELECT * FROM baggage_declaration WHERE conversation_id = ? FOR UPDATE", this::map,
                conversationId).stream().findFirst();
    }

    public Optional<DispatchState> dispatchState(UUID id) {
        return jdbc.query("SELECT dispatch_attempts, dispatch_error, dispatch_blocked FROM baggage_declaration WHERE id = ?",
                (rs, i) -> new DispatchState(rs.getInt(1), rs.getString(2), rs.getBoolean(3)), id).stream().findFirst();
    }

    public List<BaggageDeclaration> search(Filter f, PageQuery page) {
        List<Object> args = new ArrayList<>();
        String where = where(f, args);
        args.add(page.size());
        args.add(page.offset());
        return jdbc.query("SELECT * FROM baggage_declaration" + where + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                this::map, args.toArray());
    }

    public long count(Filter f) {
        List<Object> args = new ArrayList<>();
        String where = where(f, args);
        Long n = jdbc.queryForObject("SELECT count(*) FROM baggage_declaration" + where, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /**
     * Claims up to {@code limit} declarations with a request not yet sent, for {@code leaseSeconds}, so that several
     * instances never send the same one at once.
     */
    public List<UUID> claimPending(int limit, int leaseSeconds) {
        return jdbc.queryForList("""
                UPDATE baggage_declaration SET claimed_until = now() + make_interval(secs => ?)
                WHERE id IN (SELECT id FROM baggage_declaration
                             WHERE pending_action IS NOT NULL AND NOT dispatch_blocked
                               AND (claimed_until IS NULL OR claimed_until < now())
                             ORDER BY updated_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id""", UUID.class, leaseSeconds, limit);
    }

    /** Customs acknowledged {@code revision}: the request is no longer pending; QUEUED becomes SENT. */
    public boolean markSent(UUID id, int revision) {
        return jdbc.update("""
                UPDATE baggage_declaration SET pending_action = NULL, claimed_until = NULL, dispatch_error = NULL,
                    status = CASE WHEN status = 'QUEUED' THEN 'SENT' ELSE status END
                WHERE id = ? AND revision = ? AND pending_action IS NOT NULL""", id, revision) == 1;
    }

    /** Records a failed send; an unblocked request is tried again after a backoff of 1, 2, 4 … 30 seconds. */
    public void markDispatchFailed(UUID id, int revision, String error, boolean blocked) {
        jdbc.update("""
                UPDATE baggage_declaration SET dispatch_attempts = dispatch_attempts + 1, dispatch_error = ?,
                    dispatch_blocked = ?,
                    claimed_until = CASE WHEN ? THEN NULL
                                         ELSE now() + make_interval(secs => least(30, power(2, dispatch_attempts))) END
                WHERE id = ? AND revision = ?""", error.length() > 500 ? error.substring(0, 500) : error, blocked,
                blocked, id, revision);
    }

    public boolean unblock(UUID id) {
        return jdbc.update("UPDATE baggage_declaration SET dispatch_blocked = false, claimed_until = NULL "
                + "WHERE id = ? AND pending_action IS NOT NULL", id) == 1;
    }

    public long countPending() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM baggage_declaration WHERE pending_action IS NOT NULL",
                Long.class);
        return n == null ? 0 : n;
    }

    private static String where(Filter f, List<Object> args) {
        StringBuilder w = new StringBuilder(" WHERE true");
        if (f.travelerId() != null) {
            w.append(" AND traveler_id = ?");
            args.add(f.travelerId());
        }
        if (f.status() != null) {
            w.append(" AND status = ?");
            args.add(f.status().name());
        }
        if (f.port() != null) {
            w.append(" AND port = ?");
            args.add(f.port().name());
        }
        if (f.from() != null) {
            w.append(" AND departure_date >= ?");
            args.add(Date.valueOf(f.from()));
        }
        if (f.to() != null) {
            w.append(" AND departure_date <= ?");
            args.add(Date.valueOf(f.to()));
        }
        if (f.declarationNo() != null && !f.declarationNo().isBlank()) {
            w.append(" AND declaration_no = ?");
            args.add(f.declarationNo());
        }
        return w.toString();
    }

    private BaggageDeclaration map(ResultSet rs, int row) throws SQLException {
        DeclarationContent content = new DeclarationContent(SecondLinePort.valueOf(rs.getString("port")),
                rs.getDate("departure_date").toLocalDate(), TransportMode.valueOf(rs.getString("transport_mode")),
                rs.getString("ticket_no"), rs.getString("traveler_name"), rs.getString("document_no"),
                read(rs.getString("items")));
        String pending = rs.getString("pending_action");
        return new BaggageDeclaration(rs.getObject("id", UUID.class), rs.getString("declaration_no"),
                rs.getString("traveler_id"), rs.getObject("conversation_id", UUID.class),
                instant(rs, "created_at"), content, DeclarationStatus.valueOf(rs.getString("status")),
                pending == null ? null : DeclarationAction.valueOf(pending), rs.getInt("revision"),
                rs.getString("decision_reason"), rs.getString("deletion_reason"), rs.getBigDecimal("tax_due"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private String write(List<BaggageItem> items) {
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<BaggageItem> read(String text) {
        try {
            return json.readValue(text, ITEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
