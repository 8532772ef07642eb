package cn.hnsw.simulators.passenger;

import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.partner.PartnerKind;
import cn.hnsw.simulators.sealed.PartnerBehavior;
import cn.hnsw.simulators.sealed.PartnerReply;
import cn.hnsw.simulators.sealed.PartnerRequest;
import cn.hnsw.simulators.sealed.TechnicalReceipt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 支付渠道模拟器 — a bank's or wallet's tax-payment gateway (simulator): takes a payment order in the channel's dialect
 * (Alipay, Tenpay or bank), answers with the channel's order reference, and after the configured delay calls the
 * platform back with a payment notification sealed and signed with the channel's own key. Agreement receipts are
 * acknowledged.
 */
@Component
@Order(100)
public class PaymentChannelBehavior implements PartnerBehavior {

    private final PassengerSimulators simulators;
    private final ObjectMapper json;

    public PaymentChannelBehavior(PassengerSimulators simulators, ObjectMapper json) {
        this.simulators = simulators;
        this.json = json;
    }

    @Override
    public boolean handles(Partner partner) {
        return partner.kind() == PartnerKind.BANK || partner.kind() == PartnerKind.WALLET;
    }

    @Override
    public PartnerReply reply(PartnerRequest request) {
        JsonNode m;
        try {
            m = json.readTree(request.payload());
        } catch (IOException e) {
            return new PartnerReply(TechnicalReceipt.rejected(request).encode(request.form()), "unreadable");
        }
        if (!"PAYMENT_ORDER".equals(m.path("messageType").asText())) {
            return new PartnerReply(TechnicalReceipt.received(request).encode(request.form()),
                    "payment-channel " + m.path("messageType").asText() + " RECEIVED");
        }
        String channel = m.path("channel").asText();
        String reference = request.partner().id().toUpperCase().replace('-', '_') + System.currentTimeMillis();
        Map<String, Object> ack = new LinkedHashMap<>();
        Map<String, Object> notification = new LinkedHashMap<>();
        if (m.has("total_amount")) {
            ack.put("trade_no", reference);
            ack.put("qr_code", "https://simulator.invalid/alipay/" + reference);
            notification.put("notify_id", UUID.randomUUID().toString());
            notification.put("out_trade_no", m.path("out_trade_no").asText());
            notification.put("trade_no", reference);
            notification.put("total_amount", m.path("total_amount").asText());
            notification.put("trade_status", "TRADE_SUCCESS");
        } else if (m.path("amount").isObject()) {
            ack.put("prepay_id", reference);
            ack.put("code_url", "weixin://simulator.invalid/" + reference);
            notification.put("id", UUID.randomUUID().toString());
            notification.put("out_trade_no", m.path("out_trade_no").asText());
            notification.put("transaction_id", reference);
            notification.put("amount", Map.of("total", m.path("amount").path("total").asLong(), "currency", "CNY"));
            notification.put("trade_state", "SUCCESS");
        } else {
            ack.put("bankSerialNo", reference);
            ack.put("payUrl", "https://simulator.invalid/bank/" + reference);
            notification.put("notificationId", UUID.randomUUID().toString());
            notification.put("orderNo", m.path("orderNo").asText());
            notification.put("bankSerialNo", reference);
            notification.put("amount", m.path("amount").asText());
            notification.put("result", "SUCCESS");
        }
        ack.put("status", "ACCEPTED");
        ack.put("simulator", true);
        PassengerSimulatorSettings s = simulators.settings();
        simulators.pushLater(request.partner(), URI.create(s.notificationBaseUrl().toString().replaceAll("/$", "")
                + "/" + channel), write(notification), s.paymentDelay(), "payment notification " + channel);
        return new PartnerReply(write(ack), "payment-channel order ACCEPTED");
    }

    private byte[] write(Object o) {
        try {
            return json.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
