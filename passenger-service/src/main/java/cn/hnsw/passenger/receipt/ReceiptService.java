package cn.hnsw.passenger.receipt;

import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.events.EventTopics;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.passenger.clearance.ClearanceLog;
import cn.hnsw.passenger.customs.CustomsClearanceGateway;
import cn.hnsw.passenger.declaration.BaggageDeclaration;
import cn.hnsw.passenger.declaration.DeclarationRepository;
import cn.hnsw.passenger.declaration.DeclarationService;
import cn.hnsw.passenger.declaration.DeclarationStatus;
import cn.hnsw.passenger.partner.PartnerInbox;
import cn.hnsw.passenger.partner.PartnerMessageLog;
import cn.hnsw.passenger.partner.PartnerMessageLog.Direction;
import cn.hnsw.passenger.tax.TaxService;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 海关审批回执接收: receive → verify (seal, sender, content) → store → apply to the declaration, correlated by
 * conversation id and revision. A refused receipt changes nothing and an error reply (错误回传) goes back to customs; a
 * verified receipt that cannot be applied is kept as FAILED for an operator to retry.
 */
@Service
public class ReceiptService {

    private static final Logger log = LoggerFactory.getLogger(ReceiptService.class);

    public enum Outcome { APPLIED, FAILED, DUPLICATE }

    public record Result(UUID receiptId, String receiptNo, Outcome outcome, String failureCode) {
    }

    private final PartnerInbox inbox;
    private final CustomsClearanceGateway customs;
    private final PartnerMessageLog messageLog;
    private final DeclarationRepository declarations;
    private final TaxService taxes;
    private final ClearanceLog clearanceLog;
    private final OutboxPublisher outbox;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExecutorService errorReplies = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "customs-error-reply");
        t.setDaemon(true);
        return t;
    });

    public ReceiptService(PartnerInbox inbox, CustomsClearanceGateway customs, PartnerMessageLog messageLog,
                          DeclarationRepository declarations, TaxService taxes, ClearanceLog clearanceLog,
                          OutboxPublisher outbox, JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json,
                          Clock clock) {
        this.inbox = inbox;
        this.customs = customs;
        this.messageLog = messageLog;
        this.declarations = declarations;
        this.taxes = taxes;
        this.clearanceLog = clearanceLog;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    public Result receive(CurrentActor caller, byte[] body) {
        OpenedMessage opened;
        try {
            opened = inbox.open(caller, body, Set.of(customs.partnerId()));
        } catch (HnswException e) {
            if (e.errorCode() != cn.hnsw.passenger.partner.PartnerErrorCode.NOT_A_PARTNER) {
                refused(null, e.errorCode().code(), e.messageEn());
            }
            throw e;
        }
        ReceiptMessage m;
        try {
            m = json.readValue(opened.payload(), ReceiptMessage.class);
        } catch (java.io.IOException e) {
            refused(opened.messageId(), ReceiptErrorCode.RECEIPT_INVALID.name(), "unreadable receipt");
            throw new HnswException(ReceiptErrorCode.RECEIPT_INVALID, "unreadable JSON");
        }
        String problem = m.problem();
        if (problem != null) {
            refused(opened.messageId(), ReceiptErrorCode.RECEIPT_INVALID.name(), problem);
            throw new HnswException(ReceiptErrorCode.RECEIPT_INVALID, problem);
        }
        Result result = tx.execute(s -> store(opened, m));
        messageLog.record(customs.partnerId(), Direction.IN, "DECLARATION_RECEIPT", m.conversationId().toString(),
                opened.messageId(), result.outcome() == Outcome.FAILED ? "FAILED" : "OK", result.failureCode(), null);
        return result;
    }

    private Result store(OpenedMessage opened, ReceiptMessage m) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String payload = new String(opened.payload(), java.nio.charset.StandardCharsets.UTF_8);
        int inserted = jdbc.update("""
                INSERT INTO customs_receipt (id, message_id, receipt_no, conversation_id, revision, action, decision,
                    payload, received_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, 'RECEIVED')
                ON CONFLICT DO NOTHING""", id, opened.messageId(), m.receiptNo(), m.conversationId(), m.revision(),
                m.action().name(), m.decision().name(), payload, Timestamp.from(now));
        if (inserted == 0) {
            UUID existing = jdbc.queryForObject("SELECT id FROM customs_receipt WHERE receipt_no = ? OR message_id = ? LIMIT 1",
                    UUID.class, m.receiptNo(), opened.messageId());
            return new Result(existing, m.receiptNo(), Outcome.DUPLICATE, null);
        }
        return apply(id, m);
    }

    /** Applies a stored receipt; on a refusal records it FAILED (the declaration is untouched). */
    private Result apply(UUID receiptId, ReceiptMessage m) {
        try {
            BaggageDeclaration d = declarations.lockByConversation(m.conversationId()).orElseThrow(() ->
                    new HnswException(cn.hnsw.passenger.declaration.ReceiptRefusal.RECEIPT_UNCORRELATED,
                            m.conversationId()));
            Map<Integer, String> releases = m.items() == null ? Map.of() : m.items().stream().collect(
                    Collectors.toMap(ReceiptMessage.ItemRelease::index, ReceiptMessage.ItemRelease::releaseStatus,
                            (a, b) -> b, LinkedHashMap::new));
            d.applyDecision(m.revision(), m.action(), m.decision(), m.reason(), releases, m.taxTotal(), clock);
            declarations.update(d);
            if (d.status() == DeclarationStatus.TAX_DUE) {
                taxes.assess(d.id(), d.travelerId(), d.content().port().name(), m.taxLines(), m.taxTotal());
            }
            jdbc.update("UPDATE customs_receipt SET state = 'APPLIED', declaration_id = ?, resolved_at = ?, "
                    + "failure_code = NULL, failure_detail = NULL WHERE id = ?", d.id(), Timestamp.from(clock.instant()),
                    receiptId);
            clearanceLog.record(d.id(), "RECEIPT_" + m.decision().name(), d.status().name(), "customs",
                    "海关回执：" + decisionZh(d.status()) + (m.reason() == null ? "" : "（" + m.reason() + "）"),
                    "Customs receipt: " + d.status() + (m.reason() == null ? "" : " (" + m.reason() + ")"));
            String topic = EventTopics.topic("passenger", "receipt-applied");
            outbox.publish(topic, "BaggageDeclaration", d.id().toString(), topic, Map.of(
                    "declarationId", d.id().toString(), "travelerId", d.travelerId(), "declarationNo", d.declarationNo(),
                    "receiptNo", m.receiptNo(), "status", d.status().name()));
            return new Result(receiptId, m.receiptNo(), Outcome.APPLIED, null);
        } catch (HnswException e) {
            jdbc.update("UPDATE customs_receipt SET state = 'FAILED', failure_code = ?, failure_detail = ? WHERE id = ?",
                    e.errorCode().code(), cut(e.messageEn()), receiptId);
            log.info("event=receipt-failed receiptNo={} code={}", m.receiptNo(), e.errorCode().code());
            return new Result(receiptId, m.receiptNo(), Outcome.FAILED, e.errorCode().code());
        }
    }

    /** The operator's retry of a permanently-failed receipt. */
    public Result retry(UUID receiptId) {
        return tx.execute(s -> {
            List<CustomsReceipt> rows = jdbc.query("SELECT * FROM customs_receipt WHERE id = ? FOR UPDATE",
                    ReceiptService::map, receiptId);
            if (rows.isEmpty()) {
                throw new HnswException(ReceiptErrorCode.RECEIPT_NOT_FOUND);
            }
            CustomsReceipt r = rows.get(0);
            if (!"FAILED".equals(r.state())) {
                throw new HnswException(ReceiptErrorCode.RECEIPT_NOT_FAILED);
            }
            jdbc.update("UPDATE customs_receipt SET attempts = attempts + 1 WHERE id = ?", receiptId);
            try {
                return apply(receiptId, json.readValue(r.payload(), ReceiptMessage.class));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("stored receipt " + receiptId + " does not read", e);
            }
        });
    }

    public List<CustomsReceipt> failed(int limit) {
        return jdbc.query("SELECT * FROM customs_receipt WHERE state = 'FAILED' ORDER BY received_at DESC LIMIT ?",
                ReceiptService::map, limit);
    }

    /** 回执拉取: the receipts of one declaration (pull by query). */
    public List<CustomsReceipt> forDeclaration(UUID conversationId) {
        return jdbc.query("SELECT * FROM customs_receipt WHERE conversation_id = ? ORDER BY received_at",
                ReceiptService::map, conversationId);
    }

    /** 错误回传: tells customs that a receipt was refused, off the request thread. */
    private void refused(String messageId, String code, String detail) {
        messageLog.record(customs.partnerId(), Direction.IN, "DECLARATION_RECEIPT", null, messageId, "REFUSED", code,
                detail);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("refusedMessageId", messageId);
        reply.put("code", code);
        reply.put("detail", detail);
        reply.put("refusedAt", clock.instant().toString());
        errorReplies.execute(() -> {
            try {
                customs.send("ERROR_REPLY", messageId, reply);
            } catch (RuntimeException e) {
                log.warn("event=error-reply-failed messageId={} error={}", messageId, e.toString());
            }
        });
    }

    private static String decisionZh(DeclarationStatus s) {
        return switch (s) {
            case ACCEPTED -> "已受理";
            case INSPECTION_REQUIRED -> "需查验";
            case TAX_DUE -> "需缴税";
            case RELEASED -> "已放行";
            case REJECTED -> "退单";
            case DELETED -> "已删除";
            default -> s.name();
        };
    }

    private static String cut(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    static CustomsReceipt map(ResultSet rs, int row) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new CustomsReceipt(rs.getObject("id", UUID.class), rs.getString("message_id"),
                rs.getString("receipt_no"), rs.getObject("conversation_id", UUID.class),
                rs.getObject("declaration_id", UUID.class), rs.getInt("revision"), rs.getString("action"),
                rs.getString("decision"), rs.getString("payload"), rs.getTimestamp("received_at").toInstant(),
                rs.getString("state"), rs.getString("failure_code"), rs.getString("failure_detail"),
                rs.getInt("attempts"), resolved == null ? null : resolved.toInstant());
    }
}
