package cn.hnsw.passenger.payment;

import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.passenger.partner.PartnerMessageLog;
import cn.hnsw.passenger.partner.PartnerMessageLog.Direction;
import cn.hnsw.passenger.partner.PartnerRefusedException;
import cn.hnsw.passenger.partner.PartnerTransport;
import cn.hnsw.passenger.partner.PartnerUnavailableException;
import cn.hnsw.passenger.tax.TaxErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** What every channel adapter shares: sealed sending through the partner transport, logged. */
abstract class SealedChannelAdapter implements PaymentChannelAdapter {

    private final PaymentChannel channel;
    private final String partnerId;
    private final PartnerTransport transport;
    private final PartnerMessageLog messageLog;
    protected final ObjectMapper json;

    SealedChannelAdapter(PaymentChannel channel, String partnerId, PartnerTransport transport,
                         PartnerMessageLog messageLog, ObjectMapper json) {
        this.channel = channel;
        this.partnerId = partnerId;
        this.transport = transport;
        this.messageLog = messageLog;
        this.json = json;
    }

    @Override
    public PaymentChannel channel() {
        return channel;
    }

    @Override
    public String partnerId() {
        return partnerId;
    }

    @Override
    public ChannelOrder createOrder(String orderNo, BigDecimal amount, String subject, Instant expiresAt) {
        JsonNode reply = send("PAYMENT_ORDER", orderNo, orderMessage(orderNo, amount, subject, expiresAt));
        return readOrderReply(reply);
    }

    @Override
    public boolean sendAgreementReceipt(String agreementId, String taxNo, Instant signedAt) {
        try {
            send("AGREEMENT_RECEIPT", taxNo, Map.of("messageType", "TRIPARTITE_AGREEMENT_RECEIPT",
                    "agreementId", agreementId, "taxNo", taxNo, "signedAt", signedAt.toString(),
                    "channel", channel.name()));
            return true;
        } catch (HnswException e) {
            return false;
        }
    }

    @Override
    public PaymentNotification readNotification(byte[] payload) {
        try {
            return readNotification(json.readTree(payload));
        } catch (IOException | RuntimeException e) {
            throw new HnswException(TaxErrorCode.NOTIFICATION_INVALID, e.getClass().getSimpleName());
        }
    }

    abstract Map<String, Object> orderMessage(String orderNo, BigDecimal amount, String subject, Instant expiresAt);

    abstract ChannelOrder readOrderReply(JsonNode reply);

    abstract PaymentNotification readNotification(JsonNode n);

    private JsonNode send(String type, String businessId, Map<String, Object> body) {
        try {
            OpenedMessage reply = transport.send(partnerId, json.writeValueAsBytes(body));
            messageLog.record(partnerId, Direction.OUT, type, businessId, reply.messageId(), "OK", null, null);
            return json.readTree(reply.payload());
        } catch (PartnerUnavailableException | PartnerRefusedException e) {
            messageLog.record(partnerId, Direction.OUT, type, businessId, null, "FAILED",
                    e.getClass().getSimpleName(), e.getMessage());
            throw new HnswException(TaxErrorCode.CHANNEL_UNAVAILABLE);
        } catch (IOException e) {
            messageLog.record(partnerId, Direction.OUT, type, businessId, null, "FAILED", "UNREADABLE_REPLY",
                    e.getMessage());
            throw new HnswException(TaxErrorCode.CHANNEL_UNAVAILABLE);
        }
    }

    static String required(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull() || v.asText().isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return v.asText();
    }
}
