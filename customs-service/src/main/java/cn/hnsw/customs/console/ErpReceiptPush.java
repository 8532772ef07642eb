package cn.hnsw.customs.console;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.EnterpriseScope;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.customs.exchange.CustomsEvents;
import cn.hnsw.customs.exchange.ReceiptObserver;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * 对接企业ERP系统—二线报关单回执下发服务 (FP 563–568): a receipt of a declaration whose enterprise has enabled the
 * second-line subscription service ({@link EnterpriseService#SUBSCRIPTION}) with a callback address is queued, in the
 * receipt's own transaction, for a signed push to that address ({@link ErpReceiptPushWorker}). Each delivery keeps its
 * attempts, last answer and outcome (状态监控, 日志处理); a failed or refused one can be re-driven (异常处理).
 */
@Component
public class ErpReceiptPush implements ReceiptObserver, cn.hnsw.customs.secondline.SubscriptionObserver {

    /** A delivery's state. */
    public enum Status { PENDING, DELIVERED, FAILED, REFUSED }

    /** One receipt's delivery to an enterprise ERP, as listed. */
    public record Delivery(UUID id, String enterpriseUscc, UUID declarationId, String preEntryNo, String receiptKind,
                           String receiptStatus, String callbackUrl, Status status, int attempts,
                           Instant nextAttemptAt, Integer lastHttpStatus, String lastError, Instant createdAt,
                           Instant deliveredAt, UUID subscriptionId, String sourceKey) {
    }

    /** A claimed delivery, ready to send. */
    record Claimed(UUID id, String callbackUrl, String payload, int attempts) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public ErpReceiptPush(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    @Override
    public void received(CustomsEvents.ReceiptReceived receipt) {
        Optional<String> url = jdbc.sql("""
                        SELECT callback_url FROM enterprise_service_access
                        WHERE enterprise_uscc = :e AND service = :s AND status = 'ENABLED' AND callback_url IS NOT NULL""")
                .param("e", receipt.enterpriseUscc()).param("s", EnterpriseService.SUBSCRIPTION.name())
                .query(String.class).optional();
        if (url.isEmpty()) {
            return;
        }
        UUID id = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryId", id.toString());
        body.put("declarationId", receipt.declarationId().toString());
        body.put("preEntryNo", receipt.preEntryNo());
        body.put("enterpriseUscc", receipt.enterpriseUscc());
        body.put("receiptKind", receipt.kind());
        body.put("receiptStatus", receipt.status());
        body.put("declarationStatus", receipt.declarationStatus());
        body.put("customsNo", receipt.customsNo());
        body.put("receivedAt", receipt.receivedAt().toString());
        String payload;
        try {
            payload = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("receipt push body not serialisable", e);
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO erp_receipt_delivery (id, enterprise_uscc, declaration_id, pre_entry_no, receipt_kind,
                            receipt_status, callback_url, payload, status, next_attempt_at, created_at, updated_at)
                        VALUES (:id, :e, :d, :p, :k, :rs, :url, :payload, 'PENDING', :now, :now, :now)""")
                .param("id", id).param("e", receipt.enterpriseUscc()).param("d", receipt.declarationId())
                .param("p", receipt.preEntryNo()).param("k", receipt.kind()).param("rs", receipt.status())
                .param("url", url.get()).param("payload", payload).param("now", now).update();
    }

    /** 订阅数据下发: each stored subscribed record also goes to the enterprise's callback, on the same delivery. */
    @Override
    public void delivered(cn.hnsw.customs.secondline.SubscriptionService.DataPushed pushed) {
        Optional<String> url = callback(pushed.enterpriseUscc());
        if (url.isEmpty()) {
            return;
        }
        UUID id = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryId", id.toString());
        body.put("receiptKind", SUBSCRIPTION_KIND);
        body.put("subscriptionId", pushed.subscriptionId().toString());
        body.put("enterpriseUscc", pushed.enterpriseUscc());
        body.put("content", pushed.content().name());
        body.put("sourceKey", pushed.sourceKey());
        body.put("data", pushed.payload());
        body.put("deliveredAt", pushed.deliveredAt().toString());
        String payload;
        try {
            payload = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("subscription push body not serialisable", e);
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO erp_receipt_delivery (id, enterprise_uscc, subscription_id, source_key, receipt_kind,
                            receipt_status, callback_url, payload, status, next_attempt_at, created_at, updated_at)
                        VALUES (:id, :e, :s, :k, :kind, :c, :url, :payload, 'PENDING', :now, :now, :now)""")
                .param("id", id).param("e", pushed.enterpriseUscc()).param("s", pushed.subscriptionId())
                .param("k", pushed.sourceKey()).param("kind", SUBSCRIPTION_KIND).param("c", pushed.content().name())
                .param("url", url.get()).param("payload", payload).param("now", now).update();
    }

    /** The kind a delivery of subscribed data carries; receipts carry their receipt kind. */
    public static final String SUBSCRIPTION_KIND = "SUBSCRIPTION";

    private Optional<String> callback(String enterprise) {
        return jdbc.sql("""
                        SELECT callback_url FROM enterprise_service_access
                        WHERE enterprise_uscc = :e AND service = :s AND status = 'ENABLED' AND callback_url IS NOT NULL""")
                .param("e", enterprise).param("s", EnterpriseService.SUBSCRIPTION.name())
                .query(String.class).optional();
    }

    /** One attempt of a delivery (日志处理): when, its outcome, the ERP's answer or the error. */
    public record Attempt(int attempt, Status outcome, Integer httpStatus, String error, Instant attemptedAt) {
    }

    /** 下发日志: the attempts of one delivery the caller may see, oldest first. */
    @Transactional(readOnly = true)
    public List<Attempt> attempts(CurrentActor actor, UUID id) {
        Map<String, Object> p = filters(actor, null, null);
        p.put("id", id);
        jdbc.sql("SELECT id FROM erp_receipt_delivery WHERE id = :id AND " + where(p)).params(p).query(UUID.class)
                .optional().orElseThrow(() -> new HnswException(ConsoleErrorCode.DELIVERY_NOT_FOUND));
        return jdbc.sql("SELECT * FROM erp_delivery_attempt WHERE delivery_id = :id ORDER BY id").param("id", id)
                .query((rs, n) -> new Attempt(rs.getInt("attempt"), Status.valueOf(rs.getString("outcome")),
                        rs.getObject("http_status", Integer.class), rs.getString("error"),
                        rs.getTimestamp("attempted_at").toInstant()))
                .list();
    }

    /** Takes up to {@code limit} due deliveries and leases them for {@code lease}, so no other sender takes them. */
    @Transactional
    public List<Claimed> claimDue(Duration lease, int limit) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE erp_receipt_delivery SET next_attempt_at = :lease, updated_at = :now
                        WHERE id IN (SELECT id FROM erp_receipt_delivery WHERE status = 'PENDING' AND next_attempt_at <= :now
                                     ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, callback_url, payload, attempts""")
                .param("lease", Timestamp.from(now.plus(lease))).param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("callback_url"),
                        rs.getString("payload"), rs.getInt("attempts"))).list();
    }

    /** Records one attempt: delivered, refused, failed for good, or due again at {@code retryAt}. */
    @Transactional
    public void recordAttempt(UUID id, Status outcome, Integer httpStatus, String error, Instant retryAt) {
        Instant now = clock.instant();
        jdbc.sql("""
                        UPDATE erp_receipt_delivery SET status = :s, attempts = attempts + 1, last_http_status = :code,
                            last_error = :error, next_attempt_at = :next, updated_at = :now,
                            delivered_at = CASE WHEN :s = 'DELIVERED' THEN :now ELSE delivered_at END
                        WHERE id = :id""")
                .param("s", outcome.name()).param("code", httpStatus)
                .param("error", error == null ? null : error.length() > 600 ? error.substring(0, 600) : error)
                .param("next", Timestamp.from(retryAt == null ? now : retryAt)).param("now", Timestamp.from(now))
                .param("id", id).update();
        jdbc.sql("""
                        INSERT INTO erp_delivery_attempt (delivery_id, attempt, outcome, http_status, error, attempted_at)
                        SELECT id, attempts, CASE WHEN :s = 'PENDING' THEN 'FAILED' ELSE :s END, :code, :error, :now
                        FROM erp_receipt_delivery WHERE id = :id""")
                .param("s", outcome.name()).param("code", httpStatus)
                .param("error", error == null ? null : error.length() > 600 ? error.substring(0, 600) : error)
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    /** 回执推送状态监控: an enterprise sees its own deliveries, operators and officers all, newest first. */
    @Transactional(readOnly = true)
    public List<Delivery> search(CurrentActor actor, Status status, UUID declarationId, long offset, int size) {
        return search(actor, status, declarationId, null, offset, size);
    }

    /** The same, also by kind: {@code SUBSCRIPTION} for subscribed data, a receipt kind for receipts. */
    @Transactional(readOnly = true)
    public List<Delivery> search(CurrentActor actor, Status status, UUID declarationId, String kind, long offset,
                                 int size) {
        Map<String, Object> p = filters(actor, status, declarationId);
        if (kind != null && !kind.isBlank()) {
            p.put("kind", kind.trim());
        }
        return jdbc.sql("SELECT * FROM erp_receipt_delivery WHERE " + where(p)
                        + " ORDER BY created_at DESC, id LIMIT :size OFFSET :offset")
                .params(p).param("size", size).param("offset", offset).query(ErpReceiptPush::map).list();
    }

    @Transactional(readOnly = true)
    public long count(CurrentActor actor, Status status, UUID declarationId) {
        return count(actor, status, declarationId, null);
    }

    @Transactional(readOnly = true)
    public long count(CurrentActor actor, Status status, UUID declarationId, String kind) {
        Map<String, Object> p = filters(actor, status, declarationId);
        if (kind != null && !kind.isBlank()) {
            p.put("kind", kind.trim());
        }
        return jdbc.sql("SELECT count(*) FROM erp_receipt_delivery WHERE " + where(p)).params(p).query(Long.class).single();
    }

    /** 重新推送: a failed or refused delivery of the caller's enterprise (any, for operators) is due again now. */
    @Transactional
    public Delivery redrive(CurrentActor actor, UUID id) {
        Map<String, Object> p = filters(actor, null, null);
        p.put("id", id);
        Delivery d = jdbc.sql("SELECT * FROM erp_receipt_delivery WHERE id = :id AND " + where(p) + " FOR UPDATE")
                .params(p).query(ErpReceiptPush::map).optional()
                .orElseThrow(() -> new HnswException(ConsoleErrorCode.DELIVERY_NOT_FOUND));
        if (d.status() != Status.FAILED && d.status() != Status.REFUSED) {
            throw new HnswException(ConsoleErrorCode.DELIVERY_NOT_FAILED);
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("UPDATE erp_receipt_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = :now, updated_at = :now WHERE id = :id")
                .param("now", now).param("id", id).update();
        return jdbc.sql("SELECT * FROM erp_receipt_delivery WHERE id = :id").param("id", id).query(ErpReceiptPush::map).single();
    }

    private static Map<String, Object> filters(CurrentActor actor, Status status, UUID declarationId) {
        Map<String, Object> p = new LinkedHashMap<>();
        EnterpriseScope.restrictionFor(actor).ifPresent(e -> p.put("enterprise", e));
        if (status != null) {
            p.put("status", status.name());
        }
        if (declarationId != null) {
            p.put("declaration", declarationId);
        }
        return p;
    }

    private static String where(Map<String, Object> p) {
        StringBuilder w = new StringBuilder("TRUE");
        if (p.containsKey("enterprise")) {
            w.append(" AND enterprise_uscc = :enterprise");
        }
        if (p.containsKey("status")) {
            w.append(" AND status = :status");
        }
        if (p.containsKey("declaration")) {
            w.append(" AND declaration_id = :declaration");
        }
        if (p.containsKey("kind")) {
            w.append(" AND receipt_kind = :kind");
        }
        return w.toString();
    }

    private static Delivery map(ResultSet rs, int n) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        Integer code = rs.getObject("last_http_status", Integer.class);
        return new Delivery(rs.getObject("id", UUID.class), rs.getString("enterprise_uscc"),
                rs.getObject("declaration_id", UUID.class), rs.getString("pre_entry_no"), rs.getString("receipt_kind"),
                rs.getString("receipt_status"), rs.getString("callback_url"), Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(), code,
                rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                delivered == null ? null : delivered.toInstant(), rs.getObject("subscription_id", UUID.class),
                rs.getString("source_key"));
    }
}
