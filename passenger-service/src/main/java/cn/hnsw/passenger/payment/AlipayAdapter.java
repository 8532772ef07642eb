package cn.hnsw.passenger.payment;

import cn.hnsw.passenger.partner.PartnerMessageLog;
import cn.hnsw.passenger.partner.PartnerTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Alipay (支付宝): amounts in yuan as strings, {@code out_trade_no}, {@code trade_status = TRADE_SUCCESS}. */
class AlipayAdapter extends SealedChannelAdapter {

    AlipayAdapter(PaymentChannel channel, String partnerId, PartnerTransport transport, PartnerMessageLog log,
                  ObjectMapper json) {
        super(channel, partnerId, transport, log, json);
    }

    @Override
    Map<String, Object> orderMessage(String orderNo, BigDecimal amount, String subject, Instant expiresAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messageType", "PAYMENT_ORDER");
        m.put("out_trade_no", orderNo);
        m.put("total_amount", amount.toPlainString());
        m.put("subject", subject);
        m.put("time_expire", expiresAt.toString());
        m.put("channel", channel().name());
        return m;
    }

    @Override
    ChannelOrder readOrderReply(JsonNode reply) {
        return new ChannelOrder(reply.path("trade_no").asText(null), reply.path("qr_code").asText(null));
    }

    @Override
    PaymentNotification readNotification(JsonNode n) {
        return new PaymentNotification(required(n, "notify_id"), required(n, "out_trade_no"), n.path("trade_no").asText(null),
                new BigDecimal(required(n, "total_amount")), "TRADE_SUCCESS".equals(n.path("trade_status").asText()));
    }
}
