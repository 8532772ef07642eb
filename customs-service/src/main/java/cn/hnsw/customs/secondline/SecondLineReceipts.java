package cn.hnsw.customs.secondline;

import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.customs.exchange.PushedReceipts;
import cn.hnsw.customs.exchange.SubjectReplies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The second line's half of the receipt loop: the technical receipt in the partner's reply to a consolidated list or
 * an arrival report, and the receipts pushed later — consolidated-list approval (审批标志), control (布控), inspection
 * (查验), vehicle control and gate pass (核放). Each receipt is stored once (kind + receipt id); a duplicate changes
 * nothing; what it says moves the subject and is pushed to subscribers.
 */
@Component
class SecondLineReceipts implements PushedReceipts, SubjectReplies {

    private static final Logger log = LoggerFactory.getLogger(SecondLineReceipts.class);
    static final String CONSOLIDATED_LIST = "CONSOLIDATED_LIST";
    static final String ARRIVAL_REPORT = "ARRIVAL_REPORT";
    static final Set<String> ARRIVAL_KINDS = Set.of("ARRIVAL_CONTROL", "ARRIVAL_INSPECTION", "ARRIVAL_VEHICLE",
            "ARRIVAL_GATE_PASS");

    private final ConsolidatedListRepository consolidated;
    private final ArrivalReportRepository arrivals;
    private final SubscriptionService subscriptions;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    SecondLineReceipts(ConsolidatedListRepository consolidated, ArrivalReportRepository arrivals,
                       SubscriptionService subscriptions, JdbcClient jdbc, ObjectMapper json) {
        this.consolidated = consolidated;
        this.arrivals = arrivals;
        this.subscriptions = subscriptions;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The result of one pushed receipt. */
    record Outcome(boolean applied, boolean duplicate, String subjectType, UUID subjectId, String subjectStatus) {
    }

    @Override
    public boolean handles(String kindOrType) {
        return CONSOLIDATED_LIST.equals(kindOrType) || ARRIVAL_REPORT.equals(kindOrType) || ARRIVAL_KINDS.contains(kindOrType);
    }

    @Override
    public void technical(UUID subjectId, UUID conversationId, String senderKeyId, String sentMessageId, byte[] payload) {
        Instant now = clock.instant();
        String status = readStatus(payload);
        boolean received = "RECEIVED".equals(status);
        consolidated.findForUpdate(subjectId).ifPresentOrElse(c -> {
            if (store("TECHNICAL", "TECH-" + sentMessageId, "CONSOLIDATED", c.id(), conversationId, c.enterpriseUscc(),
                    received ? "RECEIVED" : "REJECTED", null, null, senderKeyId, now)
                    && c.status() == ConsolidatedList.Status.SUBMITTED) {
                consolidated.status(c.id(), received ? ConsolidatedList.Status.SW_ACCEPTED : ConsolidatedList.Status.REJECTED,
                        null, received ? null : "单一窗口技术回执：退回", received ? null : now);
            }
        }, () -> arrivals.find(subjectId).ifPresent(a -> {
            if (store("TECHNICAL", "TECH-" + sentMessageId, "ARRIVAL", a.id(), conversationId, a.enterpriseUscc(),
                    received ? "RECEIVED" : "REJECTED", null, null, senderKeyId, now)
                    && a.status() == ArrivalReport.Status.DECLARED) {
                arrivals.apply(a.id(), received ? ArrivalReport.Status.RECEIVED : ArrivalReport.Status.FAILED, null, null,
                        null, null, now);
            }
        }));
    }

    @Override
    public void failed(UUID subjectId, String error) {
        Instant now = clock.instant();
        consolidated.findForUpdate(subjectId).ifPresentOrElse(
                c -> consolidated.status(c.id(), ConsolidatedList.Status.FAILED, null, error, now),
                () -> arrivals.find(subjectId).ifPresent(a ->
                        arrivals.apply(a.id(), ArrivalReport.Status.FAILED, null, null, null, null, now)));
    }

    @Override
    public Object accept(OpenedMessage opened) {
        JsonNode body;
        try {
            body = json.readTree(opened.payload());
        } catch (IOException e) {
            throw new HnswException(cn.hnsw.customs.declaration.CustomsErrorCode.RECEIPT_MALFORMED);
        }
        String kind = body.path("receiptKind").asText();
        String receiptId = body.path("receiptId").asText("");
        UUID conversation;
        try {
            conversation = UUID.fromString(body.path("conversationId").asText());
        } catch (IllegalArgumentException e) {
            throw new HnswException(cn.hnsw.customs.declaration.CustomsErrorCode.RECEIPT_MALFORMED);
        }
        if (receiptId.isBlank() || receiptId.length() > 64) {
            throw new HnswException(cn.hnsw.customs.declaration.CustomsErrorCode.RECEIPT_MALFORMED);
        }
        String status = body.path("status").asText("");
        String reference = body.hasNonNull("referenceNo") ? body.path("referenceNo").asText() : null;
        String note = body.hasNonNull("note") ? body.path("note").asText() : null;
        Instant now = clock.instant();
        if (CONSOLIDATED_LIST.equals(kind)) {
            ConsolidatedList c = consolidated.byConversationForUpdate(conversation)
                    .orElseThrow(() -> new HnswException(SecondLineErrorCode.RECEIPT_UNCORRELATED, conversation));
            if (!store(kind, receiptId, "CONSOLIDATED", c.id(), conversation, c.enterpriseUscc(), status, reference, note,
                    opened.senderKeyId(), now)) {
                return new Outcome(false, true, "CONSOLIDATED", c.id(), c.status().name());
            }
            boolean approved = "APPROVED".equals(status);
            boolean open = c.status() == ConsolidatedList.Status.SUBMITTED || c.status() == ConsolidatedList.Status.SW_ACCEPTED;
            if (open) {
                consolidated.status(c.id(), approved ? ConsolidatedList.Status.APPROVED : ConsolidatedList.Status.REJECTED,
                        reference, note, now);
            }
            log.info("event=consolidated-list-receipt consolidated={} status={} applied={}", c.consolidatedNo(), status, open);
            return new Outcome(open, false, "CONSOLIDATED", c.id(), consolidated.find(c.id()).orElseThrow().status().name());
        }
        ArrivalReport a = arrivals.byConversation(conversation)
                .orElseThrow(() -> new HnswException(SecondLineErrorCode.RECEIPT_UNCORRELATED, conversation));
        if (!store(kind, receiptId, "ARRIVAL", a.id(), conversation, a.enterpriseUscc(), status, reference, note,
                opened.senderKeyId(), now)) {
            return new Outcome(false, true, "ARRIVAL", a.id(), a.status().name());
        }
        switch (kind) {
            case "ARRIVAL_CONTROL" -> arrivals.apply(a.id(), "INSPECT".equals(status) ? ArrivalReport.Status.INSPECTING
                    : ArrivalReport.Status.CONTROLLED, status, null, null, null, now);
            case "ARRIVAL_INSPECTION" -> arrivals.apply(a.id(), null, null, status, null, null, now);
            case "ARRIVAL_VEHICLE" -> arrivals.apply(a.id(), "HELD".equals(status) ? ArrivalReport.Status.HELD : null,
                    null, null, status, null, now);
            case "ARRIVAL_GATE_PASS" -> arrivals.apply(a.id(), ArrivalReport.Status.RELEASED, null, null, null, reference, now);
            default -> throw new HnswException(cn.hnsw.customs.declaration.CustomsErrorCode.RECEIPT_MALFORMED);
        }
        Map<String, Object> pushed = new LinkedHashMap<>();
        pushed.put("reportNo", a.reportNo());
        pushed.put("preEntryNo", a.preEntryNo());
        pushed.put("verificationListNo", a.verificationListNo());
        pushed.put("kind", kind);
        pushed.put("status", status);
        pushed.put("referenceNo", reference);
        subscriptions.deliver(a.enterpriseUscc(), SubscriptionService.Content.ARRIVAL_RECEIPTS,
                kind + ":" + receiptId, pushed, now);
        ArrivalReport after = arrivals.find(a.id()).orElseThrow();
        log.info("event=arrival-receipt report={} kind={} status={} reportStatus={}", a.reportNo(), kind, status,
                after.status());
        return new Outcome(true, false, "ARRIVAL", a.id(), after.status().name());
    }

    /** The receipts of a subject, oldest first. */
    List<Map<String, Object>> receiptsOf(UUID subjectId) {
        return jdbc.sql("SELECT kind, source_receipt_id, status, reference_no, note, sender_key_id, received_at FROM second_line_receipt WHERE subject_id = :s ORDER BY received_at, kind")
                .param("s", subjectId)
                .query((rs, n) -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("kind", rs.getString("kind"));
                    r.put("receiptId", rs.getString("source_receipt_id"));
                    r.put("status", rs.getString("status"));
                    r.put("referenceNo", rs.getString("reference_no"));
                    r.put("note", rs.getString("note"));
                    r.put("senderKeyId", rs.getString("sender_key_id"));
                    r.put("receivedAt", rs.getTimestamp("received_at").toInstant());
                    return r;
                }).list();
    }

    private boolean store(String kind, String receiptId, String subjectType, UUID subjectId, UUID conversation,
                          String enterprise, String status, String reference, String note, String sender, Instant now) {
        return jdbc.sql("""
                INSERT INTO second_line_receipt (id, source_receipt_id, kind, subject_type, subject_id, conversation_id,
                  enterprise_uscc, status, reference_no, note, sender_key_id, received_at)
                VALUES (:id, :r, :k, :st, :s, :c, :e, :status, :ref, :note, :sender, :now)
                ON CONFLICT (kind, source_receipt_id) DO NOTHING""")
                .param("id", UUID.randomUUID()).param("r", receiptId).param("k", kind).param("st", subjectType)
                .param("s", subjectId).param("c", conversation).param("e", enterprise)
                .param("status", status.length() > 30 ? status.substring(0, 30) : status)
                .param("ref", reference).param("note", note == null ? null : note.length() > 500 ? note.substring(0, 500) : note)
                .param("sender", sender).param("now", Timestamp.from(now)).update() > 0;
    }

    private String readStatus(byte[] payload) {
        try {
            return json.readTree(payload).path("status").asText("RECEIVED");
        } catch (IOException e) {
            return "RECEIVED";
        }
    }
}
