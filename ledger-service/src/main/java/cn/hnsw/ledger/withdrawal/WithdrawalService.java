package cn.hnsw.ledger.withdrawal;

import cn.hnsw.common.events.EventEnvelope;
import cn.hnsw.common.events.EventJson;
import cn.hnsw.common.events.EventTopics;
import cn.hnsw.common.events.HandledEvents;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.ledger.posting.Direction;
import cn.hnsw.ledger.posting.Ledger;
import cn.hnsw.ledger.posting.LedgerPosting;
import cn.hnsw.ledger.posting.PostingQueue;
import cn.hnsw.ledger.posting.PostingRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 撤单冲正 — customs withdrew or deleted a declaration that posted against a ledger: each of its items rolls back the
 * exit posting it caused with a reversing increase, traceable both ways ({@code customs_withdrawal_item} names the
 * posting rolled back and the reversing posting; the reversing posting carries customs' pre-entry number).
 * <p>
 * The posting an item rolled back is the ledger's latest exit (decrease) of that HS code and quantity not rolled back
 * before, the same name first. An item with no such exit books nothing and says so: the ledger never books stock it
 * cannot explain. Everything of one event (marker, withdrawal record, reversing postings, outbox event) commits in
 * one transaction of the {@link PostingQueue}; a redelivered event finds the marker and changes nothing.
 */
@Service
public class WithdrawalService {

    static final String CONSUMER = "ledger.customs-declaration-withdrawn";
    public static final String DOCUMENT_TYPE = "CUSTOMS_WITHDRAWAL";
    static final String REVERSED_TOPIC = EventTopics.topic("ledger", "posting-reversed");

    private static final Logger log = LoggerFactory.getLogger(WithdrawalService.class);

    private final HandledEvents handled;
    private final EventJson json;
    private final JdbcClient jdbc;
    private final PostingQueue queue;
    private final OutboxPublisher outbox;
    private final Clock clock;

    public WithdrawalService(HandledEvents handled, EventJson json, JdbcClient jdbc, PostingQueue queue,
                             OutboxPublisher outbox, Clock clock) {
        this.handled = handled;
        this.json = json;
        this.jdbc = jdbc;
        this.queue = queue;
        this.outbox = outbox;
        this.clock = clock;
    }

    private static final class AlreadyHandled extends RuntimeException {
        AlreadyHandled() {
            super(null, null, false, false);
        }
    }

    private record ItemPlan(DeclarationWithdrawn.PostedItem item, Long reversedPostingId, String note) {
    }

    /** @return true if the event was applied, false if it had been before */
    public boolean apply(ConsumerRecord<?, ?> record) {
        return apply(handled.envelopeOf(record));
    }

    public boolean apply(EventEnvelope event) {
        if (handled.isHandled(CONSUMER, event.id())) {
            return false;
        }
        DeclarationWithdrawn w = json.dataAs(event, DeclarationWithdrawn.class);
        long withdrawalId = jdbc.sql("SELECT nextval('customs_withdrawal_id_seq')").query(Long.class).single();
        Optional<Ledger> ledger = w.ledgerNo() == null ? Optional.empty() : jdbc.sql("""
                        SELECT id, ledger_no, enterprise FROM ledger WHERE ledger_no = :no""").param("no", w.ledgerNo())
                .query((rs, n) -> new Ledger(rs.getLong(1), rs.getString(2), rs.getString(3), null, null, null, 0, null,
                        null, null)).optional();
        String outcome;
        String note = null;
        List<ItemPlan> plans = new ArrayList<>();
        List<DeclarationWithdrawn.PostedItem> items = w.items() == null ? List.of() : w.items();
        if (!w.ledgerRollback()) {
            outcome = "NOT_REQUESTED";
            items.forEach(i -> plans.add(new ItemPlan(i, null, "海关未要求冲正 / no rollback requested")));
        } else if (ledger.isEmpty()) {
            outcome = "UNMATCHED";
            note = "账册 " + w.ledgerNo() + " 不存在 / ledger " + w.ledgerNo() + " does not exist";
            items.forEach(i -> plans.add(new ItemPlan(i, null, "账册不存在 / no such ledger")));
        } else if (!ledger.get().enterprise().equals(w.enterpriseUscc())) {
            outcome = "UNMATCHED";
            note = "账册 " + w.ledgerNo() + " 不属于 " + w.enterpriseUscc() + " / the ledger belongs to another enterprise";
            items.forEach(i -> plans.add(new ItemPlan(i, null, "账册不属于申报企业 / ledger of another enterprise")));
        } else {
            Set<Long> chosen = new HashSet<>();
            for (DeclarationWithdrawn.PostedItem i : items) {
                Long posting = exitToRollBack(ledger.get().id(), i, chosen);
                if (posting != null) {
                    chosen.add(posting);
                }
                plans.add(new ItemPlan(i, posting, posting == null
                        ? "账册无对应的核减记录 / no matching exit posting on the ledger" : null));
            }
            long matched = plans.stream().filter(p -> p.reversedPostingId() != null).count();
            outcome = matched == 0 ? "UNMATCHED" : matched == plans.size() ? "REVERSED" : "PARTLY_REVERSED";
        }

        Map<Long, PostingRequest> requests = new LinkedHashMap<>();
        for (ItemPlan p : plans) {
            if (p.reversedPostingId() != null) {
                requests.put(p.reversedPostingId(), reversal(withdrawalId, p.reversedPostingId(), w, event));
            }
        }
        String finalOutcome = outcome;
        String finalNote = note;
        Long ledgerId = ledger.map(Ledger::id).orElse(null);
        try {
            List<LedgerPosting> booked = queue.book(List.copyOf(requests.values()), postings -> {
                if (jdbc.sql("""
                                INSERT INTO handled_event (consumer, event_id, event_type, handled_at)
                                VALUES (:c, :e, :t, clock_timestamp()) ON CONFLICT (consumer, event_id) DO NOTHING""")
                        .param("c", CONSUMER).param("e", event.id()).param("t", event.type()).update() == 0) {
                    throw new AlreadyHandled();
                }
                record(withdrawalId, w, event, ledgerId, finalOutcome, finalNote, plans, postings);
                if (!postings.isEmpty()) {
                    outbox.publish(REVERSED_TOPIC, "LedgerPosting", w.ledgerNo(), REVERSED_TOPIC, Map.of(
                            "ledgerNo", w.ledgerNo(), "declarationId", w.declarationId().toString(),
                            "preEntryNo", String.valueOf(w.preEntryNo()), "reason", w.reason(),
                            "postings", postings.stream().map(p -> Map.of("itemNo", p.itemNo(), "quantity", p.quantity(),
                                    "balanceAfter", p.balanceAfter(), "reverses", p.lineId())).toList()));
                }
            });
            log.info("event=customs-withdrawal-applied declaration={} ledger={} outcome={} reversed={}",
                    w.declarationId(), w.ledgerNo(), outcome, booked.size());
            return true;
        } catch (AlreadyHandled e) {
            return false;
        }
    }

    private Long exitToRollBack(long ledgerId, DeclarationWithdrawn.PostedItem item, Set<Long> chosen) {
        return jdbc.sql("""
                        SELECT p.id FROM ledger_posting p JOIN ledger_stock s ON s.id = p.stock_id
                        WHERE p.ledger_id = :l AND p.direction = 'DECREASE' AND s.hs_code = :hs AND p.quantity = :q
                          AND p.document_id > 0
                          AND NOT EXISTS (SELECT 1 FROM customs_withdrawal_item i WHERE i.reversed_posting_id = p.id)
                          AND NOT (p.id = ANY (CAST(:chosen AS bigint[])))
                        ORDER BY (s.name_zh = :name) DESC, p.id DESC LIMIT 1""")
                .param("l", ledgerId).param("hs", item.hsCode()).param("q", item.quantity())
                .param("chosen", chosen.stream().map(String::valueOf).reduce((a, b) -> a + "," + b)
                        .map(s -> "{" + s + "}").orElse("{}"))
                .param("name", item.name() == null ? "" : item.name())
                .query(Long.class).optional().orElse(null);
    }

    private PostingRequest reversal(long withdrawalId, long reversedPostingId, DeclarationWithdrawn w, EventEnvelope event) {
        Map<String, Object> p = jdbc.sql("""
                        SELECT p.ledger_id, p.quantity, s.item_no, s.item_kind, s.hs_code, s.name_zh, s.unit
                        FROM ledger_posting p JOIN ledger_stock s ON s.id = p.stock_id WHERE p.id = :id""")
                .param("id", reversedPostingId).query().singleRow();
        String documentNo = w.preEntryNo() != null ? w.preEntryNo() : w.declarationId().toString().substring(0, 36);
        return new PostingRequest(((Number) p.get("ledger_id")).longValue(), (String) p.get("item_kind"),
                (String) p.get("item_no"), (String) p.get("hs_code"), (String) p.get("name_zh"), (String) p.get("unit"),
                Direction.INCREASE, (java.math.BigDecimal) p.get("quantity"), -withdrawalId,
                documentNo.length() > 40 ? documentNo.substring(0, 40) : documentNo, DOCUMENT_TYPE, reversedPostingId,
                event.id().toString());
    }

    private void record(long withdrawalId, DeclarationWithdrawn w, EventEnvelope event, Long ledgerId, String outcome,
                        String note, List<ItemPlan> plans, List<LedgerPosting> postings) {
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO customs_withdrawal (id, event_id, declaration_id, pre_entry_no, enterprise, ledger_no,
                            ledger_id, reason, rollback_requested, outcome, note, withdrawn_at, received_at)
                        VALUES (:id, :e, :d, :pre, :ent, :no, :l, :reason, :rb, :outcome, :note, :at, :now)""")
                .param("id", withdrawalId).param("e", event.id()).param("d", w.declarationId())
                .param("pre", w.preEntryNo()).param("ent", w.enterpriseUscc()).param("no", w.ledgerNo())
                .param("l", ledgerId).param("reason", w.reason() == null ? "WITHDRAWN" : w.reason())
                .param("rb", w.ledgerRollback()).param("outcome", outcome).param("note", note)
                .param("at", Timestamp.from(w.at() == null ? now : w.at())).param("now", Timestamp.from(now)).update();
        Map<Long, Long> reversing = new HashMap<>();
        postings.forEach(p -> reversing.put(p.lineId(), p.id()));
        for (ItemPlan p : plans) {
            DeclarationWithdrawn.PostedItem i = p.item();
            jdbc.sql("""
                            INSERT INTO customs_withdrawal_item (withdrawal_id, seq, hs_code, name_zh, quantity, unit,
                                reversed_posting_id, reversing_posting_id, note)
                            VALUES (:w, :seq, :hs, :name, :q, :unit, :rev, :by, :note)""")
                    .param("w", withdrawalId).param("seq", i.seq()).param("hs", i.hsCode()).param("name", i.name())
                    .param("q", i.quantity()).param("unit", i.unit()).param("rev", p.reversedPostingId())
                    .param("by", p.reversedPostingId() == null ? null : reversing.get(p.reversedPostingId()))
                    .param("note", p.note()).update();
        }
    }

    /** The withdrawals recorded on a ledger, newest first, each with its items. */
    public List<Map<String, Object>> ofLedger(long ledgerId) {
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT id, declaration_id AS "declarationId", pre_entry_no AS "preEntryNo", reason,
                               rollback_requested AS "rollbackRequested", outcome, note, withdrawn_at AS "withdrawnAt",
                               received_at AS "receivedAt"
                        FROM customs_withdrawal WHERE ledger_id = :l ORDER BY id DESC""")
                .param("l", ledgerId).query().listOfRows();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> m = new LinkedHashMap<>(r);
            m.put("items", jdbc.sql("""
                            SELECT seq, hs_code AS "hsCode", name_zh AS "name", quantity, unit,
                                   reversed_posting_id AS "reversedPostingId", reversing_posting_id AS "reversingPostingId", note
                            FROM customs_withdrawal_item WHERE withdrawal_id = :w ORDER BY seq""")
                    .param("w", r.get("id")).query().listOfRows());
            out.add(m);
        }
        return out;
    }
}
