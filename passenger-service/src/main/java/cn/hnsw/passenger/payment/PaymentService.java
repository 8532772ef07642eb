package cn.hnsw.passenger.payment;

import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.passenger.certificate.CertificateService;
import cn.hnsw.passenger.clearance.ClearanceLog;
import cn.hnsw.passenger.declaration.DeclarationService;
import cn.hnsw.passenger.partner.PartnerInbox;
import cn.hnsw.passenger.partner.PartnerMessageLog;
import cn.hnsw.passenger.partner.PartnerMessageLog.Direction;
import cn.hnsw.passenger.tax.TaxErrorCode;
import cn.hnsw.passenger.tax.TaxPayment;
import cn.hnsw.passenger.tax.TaxService;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment of online tax through a channel, and the channel's notifications. A notification credits the tax at most
 * once, whatever arrives: the same notification again (duplicate), another success for a paid tax (late or double
 * payment), a forged or tampered one (refused before anything is read), one for an unknown order (refused).
 */
@Service
public class PaymentService {

    public enum Outcome { CREDITED, DUPLICATE, ALREADY_PAID, DOUBLE_PAYMENT, AMOUNT_MISMATCH, FAILED_PAYMENT }

    public record PaymentOrder(UUID id, String orderNo, UUID taxPaymentId, PaymentChannel channel, BigDecimal amount,
                               String status, String channelTradeNo, String payUrl, Instant createdAt,
                               Instant expiresAt, Instant paidAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PaymentChannels channels;
    private final PaymentSettings settings;
    private final TaxService taxes;
    private final DeclarationService declarations;
    private final CertificateService certificates;
    private final PartnerInbox inbox;
    private final PartnerMessageLog messageLog;
    private final ClearanceLog clearanceLog;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public PaymentService(PaymentChannels channels, PaymentSettings settings, TaxService taxes,
                          DeclarationService declarations, CertificateService certificates, PartnerInbox inbox,
                          PartnerMessageLog messageLog, ClearanceLog clearanceLog,
                          JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.channels = channels;
        this.settings = settings;
        this.taxes = taxes;
        this.declarations = declarations;
        this.certificates = certificates;
        this.inbox = inbox;
        this.messageLog = messageLog;
        this.clearanceLog = clearanceLog;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Places an order with the channel for the whole tax due; the tax must have a signed agreement. */
    public PaymentOrder createOrder(CurrentActor traveler, UUID taxId, PaymentChannel channel) {
        PaymentChannelAdapter adapter = channels.require(channel);
        TaxPayment t = taxes.visible(traveler, taxId);
        if (!t.travelerId().equals(traveler.userId())) {
            throw new HnswException(TaxErrorCode.TAX_NOT_FOUND);
        }
        taxes.requirePayable(t);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String orderNo = "PO" + now.toEpochMilli() + String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant expiresAt = now.plus(settings.orderValidity());
        jdbc.update("""
                INSERT INTO payment_order (id, order_no, tax_payment_id, channel, amount, status, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?)""", id, orderNo, t.id(), channel.name(), t.total(),
                Timestamp.from(now), Timestamp.from(expiresAt));
        PaymentChannelAdapter.ChannelOrder placed;
        try {
            placed = adapter.createOrder(orderNo, t.total(), "海关税款 " + t.taxNo(), expiresAt);
        } catch (HnswException e) {
            jdbc.update("UPDATE payment_order SET status = 'FAILED' WHERE id = ?", id);
            throw e;
        }
        jdbc.update("UPDATE payment_order SET channel_trade_no = ? WHERE id = ? AND channel_trade_no IS NULL",
                placed.channelTradeNo(), id);
        return new PaymentOrder(id, orderNo, t.id(), channel, t.total(), "PENDING", placed.channelTradeNo(),
                placed.payUrl(), now, expiresAt, null);
    }

    public List<PaymentOrder> orders(CurrentActor actor, UUID taxId) {
        taxes.visible(actor, taxId);
        return jdbc.query("SELECT * FROM payment_order WHERE tax_payment_id = ? ORDER BY created_at DESC",
                (rs, i) -> new PaymentOrder(rs.getObject("id", UUID.class), rs.getString("order_no"),
                        rs.getObject("tax_payment_id", UUID.class), PaymentChannel.valueOf(rs.getString("channel")),
                        rs.getBigDecimal("amount"), rs.getString("status"), rs.getString("channel_trade_no"), null,
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("paid_at") == null ? null : rs.getTimestamp("paid_at").toInstant()), taxId);
    }

    public record NotificationResult(String orderNo, Outcome outcome) {
    }

    /** A sealed notification from {@code channel}: verified, then applied once. */
    public NotificationResult receiveNotification(CurrentActor caller, PaymentChannel channel, byte[] body) {
        PaymentChannelAdapter adapter = channels.find(channel)
                .orElseThrow(() -> new HnswException(TaxErrorCode.CHANNEL_DISABLED, channel));
        OpenedMessage opened;
        try {
            opened = inbox.open(caller, body, Set.of(adapter.partnerId()));
        } catch (HnswException e) {
            messageLog.record(adapter.partnerId(), Direction.IN, "PAYMENT_NOTIFICATION", null, null, "REFUSED",
                    e.errorCode().code(), e.getMessage());
            throw e;
        }
        PaymentChannelAdapter.PaymentNotification n = adapter.readNotification(opened.payload());
        TaxPayment[] credited = new TaxPayment[1];
        Outcome outcome = tx.execute(s -> apply(channel, n, credited));
        messageLog.record(adapter.partnerId(), Direction.IN, "PAYMENT_NOTIFICATION", n.orderNo(), opened.messageId(),
                "OK", outcome.name(), null);
        if (credited[0] != null) {
            declarations.find(credited[0].declarationId()).ifPresent(d ->
                    taxes.notifyCustomsPaid(credited[0], d.conversationId(), d.revision()));
        }
        return new NotificationResult(n.orderNo(), outcome);
    }

    private Outcome apply(PaymentChannel channel, PaymentChannelAdapter.PaymentNotification n, TaxPayment[] credited) {
        List<Map<String, Object>> orders = jdbc.queryForList(
                "SELECT id, tax_payment_id, amount, status FROM payment_order WHERE order_no = ? AND channel = ? FOR UPDATE",
                n.orderNo(), channel.name());
        if (orders.isEmpty()) {
            throw new HnswException(TaxErrorCode.ORDER_NOT_FOUND, n.orderNo());
        }
        Instant now = clock.instant();
        int inserted = jdbc.update("""
                INSERT INTO payment_notification (channel, notification_id, order_no, outcome, received_at)
                VALUES (?, ?, ?, 'PENDING', ?) ON CONFLICT DO NOTHING""", channel.name(), n.notificationId(),
                n.orderNo(), Timestamp.from(now));
        if (inserted == 0) {
            return Outcome.DUPLICATE;
        }
        Map<String, Object> order = orders.get(0);
        UUID orderId = (UUID) order.get("id");
        Outcome outcome = decide(n, order, orderId, now, credited);
        jdbc.update("UPDATE payment_notification SET outcome = ? WHERE channel = ? AND notification_id = ?",
                outcome.name(), channel.name(), n.notificationId());
        return outcome;
    }

    private Outcome decide(PaymentChannelAdapter.PaymentNotification n, Map<String, Object> order, UUID orderId,
                           Instant now, TaxPayment[] credited) {
        if (!n.success()) {
            jdbc.update("UPDATE payment_order SET status = 'FAILED' WHERE id = ? AND status = 'PENDING'", orderId);
            return Outcome.FAILED_PAYMENT;
        }
        if ("PAID".equals(order.get("status"))) {
            return Outcome.ALREADY_PAID;
        }
        if (((BigDecimal) order.get("amount")).compareTo(n.amount()) != 0) {
            return Outcome.AMOUNT_MISMATCH;
        }
        TaxPayment t = taxes.lockForPayment((UUID) order.get("tax_payment_id"));
        if (!taxes.credit(t, order.get("status") == null ? null : channelOf(orderId))) {
            // the tax was paid through another order: this money is a double payment, to be refunded, not credited
            jdbc.update("UPDATE payment_order SET status = 'REFUND_DUE', channel_trade_no = coalesce(channel_trade_no, ?) "
                    + "WHERE id = ?", n.channelTradeNo(), orderId);
            return Outcome.DOUBLE_PAYMENT;
        }
        jdbc.update("UPDATE payment_order SET status = 'PAID', paid_at = ?, channel_trade_no = coalesce(?, channel_trade_no) "
                + "WHERE id = ?", Timestamp.from(now), n.channelTradeNo(), orderId);
        declarations.taxPaid(t.declarationId());
        certificates.issue(t);
        clearanceLog.record(t.declarationId(), "TAX_PAID", "TAX_PAID", "system",
                "缴税成功 " + t.total().toPlainString() + " 元（" + t.paidChannel() + "），完税证明已生成",
                "Tax of CNY " + t.total().toPlainString() + " paid (" + t.paidChannel() + "); certificate issued");
        credited[0] = t;
        return Outcome.CREDITED;
    }

    private String channelOf(UUID orderId) {
        return jdbc.queryForObject("SELECT channel FROM payment_order WHERE id = ?", String.class, orderId);
    }
}
