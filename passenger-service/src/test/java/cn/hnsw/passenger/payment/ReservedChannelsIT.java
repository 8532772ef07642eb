package cn.hnsw.passenger.payment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.passenger.support.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.TestPropertySource;

/**
 * FP 54–57: the four reserved payment slots, switched on by configuration alone (a partner id and a dialect each),
 * take orders and credit only their own partner's signed notifications, like the contracted channels.
 */
@TestPropertySource(properties = {
        "hnsw.passenger.payment.channels.RESERVED_1.enabled=true",
        "hnsw.passenger.payment.channels.RESERVED_1.dialect=BANK",
        "hnsw.passenger.payment.channels.RESERVED_2.enabled=true",
        "hnsw.passenger.payment.channels.RESERVED_2.dialect=BANK",
        "hnsw.passenger.payment.channels.RESERVED_3.enabled=true",
        "hnsw.passenger.payment.channels.RESERVED_3.dialect=ALIPAY",
        "hnsw.passenger.payment.channels.RESERVED_4.enabled=true",
        "hnsw.passenger.payment.channels.RESERVED_4.dialect=TENPAY"})
class ReservedChannelsIT extends TaxFlowSupport {

    @ParameterizedTest
    @CsvSource({"RESERVED_1, payment-reserved-1, BANK", "RESERVED_2, payment-reserved-2, BANK",
            "RESERVED_3, payment-reserved-3, ALIPAY", "RESERVED_4, payment-reserved-4, TENPAY"})
    void aReservedSlotSwitchedOnByConfigurationTakesOrdersAndCreditsItsOwnNotifications(String channel, String partner,
                                                                                       String dialect) throws Exception {
        String token = traveler("reserved." + channel.toLowerCase());
        assertThat(json(call("GET", "/v1/payment-channels", token, null)).findValuesAsText("channel")).contains(channel);
        String taxId = taxDue(token)[2];
        enterAndSign(token, taxId, channel);
        assertThat(PARTNERS.received(partner, "TRIPARTITE_AGREEMENT_RECEIPT")).isNotEmpty();
        String orderNo = json(call("POST", "/v1/taxes/" + taxId + "/payment-orders", token, Map.of("channel", channel)))
                .path("orderNo").asText();
        assertThat(PARTNERS.received(partner, "PAYMENT_ORDER").stream()
                .anyMatch(o -> o.body().toString().contains(orderNo))).isTrue();

        Map<String, Object> n = notification(dialect, channel, orderNo);
        HttpResponse<String> stranger = notify(channel, TestKeys.partnerSealer("bank-icbc-hainan")
                .seal(JSON.writeValueAsBytes(n), "bank-icbc-hainan", TestKeys.PLATFORM).toJson());
        assertThat(stranger.statusCode()).as("a contracted bank's key is not this slot's").isEqualTo(401);
        HttpResponse<String> credited = notify(channel, TestKeys.partnerSealer(partner)
                .seal(JSON.writeValueAsBytes(n), partner, TestKeys.PLATFORM).toJson());
        assertThat(json(credited).path("outcome").asText()).as(credited.body()).isEqualTo("CREDITED");
        JsonNode paid = json(call("GET", "/v1/taxes/" + taxId, token, null));
        assertThat(paid.path("status").asText()).isEqualTo("PAID");
        assertThat(paid.path("paidChannel").asText()).isEqualTo(channel);
    }

    /** A successful payment notification in the slot's dialect. */
    private static Map<String, Object> notification(String dialect, String channel, String orderNo) {
        Map<String, Object> n = new LinkedHashMap<>();
        switch (dialect) {
            case "ALIPAY" -> {
                n.put("notify_id", channel + "-N1");
                n.put("out_trade_no", orderNo);
                n.put("trade_no", "2026" + channel);
                n.put("total_amount", "2959.00");
                n.put("trade_status", "TRADE_SUCCESS");
            }
            case "TENPAY" -> {
                n.put("id", channel + "-T1");
                n.put("out_trade_no", orderNo);
                n.put("transaction_id", "4200" + channel);
                n.put("amount", Map.of("total", 295900));
                n.put("trade_state", "SUCCESS");
            }
            default -> {
                n.put("notificationId", channel + "-B1");
                n.put("orderNo", orderNo);
                n.put("bankSerialNo", channel + "0001");
                n.put("amount", "2959.00");
                n.put("result", "SUCCESS");
            }
        }
        return n;
    }
}
