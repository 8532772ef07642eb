package cn.hnsw.passenger.payment;

import cn.hnsw.passenger.partner.PartnerMessageLog;
import cn.hnsw.passenger.partner.PartnerTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tenpay (财付通 / 微信支付): amounts in fen as integers, {@code trade_state = SUCCESS}. */
class TenpayAdapter extends SealedChannelAdapter {

    TenpayAdapter(PaymentChannel channel, String partnerId, PartnerTransport transport, PartnerMessageLog log,
                  ObjectMapper json) {
        super(channel, partnerId, transport, log, json);
    }

    @Override
    Map<String, Object> orderMessage(String orderNo, BigDecimal amount, String subject, Instant expiresAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messageType", "PAYMENT_ORDER");
        m.put("out_trade_no", orderNo);
        m.put("amount", Map.of("total", amount.movePointRight(2).longValueExact(), "currency", "CNY"));
        m.put("description", subject);
        m.put("time_expire", expiresAt.toString());
        m.put("channel", channel().name());
        return m;
    }

    @Override
    ChannelOrder readOrderReply(JsonNode reply) {
        return new ChannelOrder(reply.path("prepay_id").asText(null), reply.path("code_url").asText(null));
    }

    @Override
    PaymentNotification readNotification(JsonNode n) {
        long fen = n.path("amount").path("total").asLong(-1);
        if (fen < 0) {
            throw new IllegalArgumentException("missing amount.total");
        }
        return new PaymentNotification(required(n, "id"), required(n, "out_trade_no"),
                n.path("transaction_id").asText(null), BigDecimal.valueOf(fen, 2),
                "SUCCESS".equals(n.path("trade_state").asText()));
    }
}
