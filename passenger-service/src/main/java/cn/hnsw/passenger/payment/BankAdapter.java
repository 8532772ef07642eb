package cn.hnsw.passenger.payment;

import cn.hnsw.passenger.partner.PartnerMessageLog;
import cn.hnsw.passenger.partner.PartnerTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bank's tax-payment gateway (BOC, ICBC, CCB, ABC and reserved slots): {@code orderNo}, {@code result = SUCCESS}. */
class BankAdapter extends SealedChannelAdapter {

    BankAdapter(PaymentChannel channel, String partnerId, PartnerTransport transport, PartnerMessageLog log,
                ObjectMapper json) {
        super(channel, partnerId, transport, log, json);
    }

    @Override
    Map<String, Object> orderMessage(String orderNo, BigDecimal amount, String subject, Instant expiresAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messageType", "PAYMENT_ORDER");
        m.put("orderNo", orderNo);
        m.put("amount", amount.toPlainString());
        m.put("currency", "CNY");
        m.put("summary", subject);
        m.put("expiresAt", expiresAt.toString());
        m.put("channel", channel().name());
        return m;
    }

    @Override
    ChannelOrder readOrderReply(JsonNode reply) {
        return new ChannelOrder(reply.path("bankSerialNo").asText(null), reply.path("payUrl").asText(null));
    }

    @Override
    PaymentNotification readNotification(JsonNode n) {
        return new PaymentNotification(required(n, "notificationId"), required(n, "orderNo"),
                n.path("bankSerialNo").asText(null), new BigDecimal(required(n, "amount")),
                "SUCCESS".equals(n.path("result").asText()));
    }
}
