package cn.hnsw.passenger.payment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.passenger.support.PassengerITBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** The steps to a tax that can be paid: a declaration customs assessed, the entry and the signed agreement. */
abstract class TaxFlowSupport extends PassengerITBase {

    static final String ALIPAY = "wallet-alipay";

    /** A declaration customs assessed at CNY 1,760 + 1,199 = 2,959 of duty. */
    String[] taxDue(String token) {
        JsonNode created = submit(token, declaration(List.of(
                item("VALUABLES", "机械手表", "1", "只", "8800.00"),
                item("TOBACCO_ALCOHOL", "五粮液 500ml", "2", "瓶", "2398.00"))));
        String id = created.path("id").asText();
        String conversation = created.path("conversationId").asText();
        awaitCustomsGot(conversation, 1);
        List<Map<String, Object>> lines = List.of(
                Map.of("index", 0, "category", "VALUABLES", "name", "机械手表", "dutiableValue", "8800.00",
                        "rate", "0.20", "tax", "1760.00"),
                Map.of("index", 1, "category", "TOBACCO_ALCOHOL", "name", "五粮液 500ml", "dutiableValue", "2398.00",
                        "rate", "0.50", "tax", "1199.00"));
        HttpResponse<String> r = pushReceipt(sealedReceipt(conversation, 1, "SUBMIT", "TAX_DUE",
                Map.of("taxLines", lines, "taxTotal", "2959.00")));
        assertThat(json(r).path("outcome").asText()).as(r.body()).isEqualTo("APPLIED");
        assertThat(detail(token, id).path("status").asText()).isEqualTo("TAX_DUE");
        JsonNode taxes = json(call("GET", "/v1/taxes?status=DUE", token, null));
        String taxId = taxes.path("content").get(0).path("id").asText();
        return new String[] {id, conversation, taxId};
    }

    void enterAndSign(String token, String taxId, String channel) {
        HttpResponse<String> wrong = call("POST", "/v1/taxes/" + taxId + "/entry", token, Map.of("confirmedTotal", "100.00"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json(wrong).path("code").asText()).isEqualTo("TAX_ENTRY_MISMATCH");
        HttpResponse<String> entered = call("POST", "/v1/taxes/" + taxId + "/entry", token,
                Map.of("confirmedTotal", "2959.00"));
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(200);
        assertThat(json(entered).path("status").asText()).isEqualTo("ENTERED");
        JsonNode preview = json(call("GET", "/v1/taxes/" + taxId + "/agreement?channel=" + channel, token, null));
        assertThat(preview.path("bodyZh").asText()).contains(preview.path("taxNo").asText()).contains("2959.00");
        HttpResponse<String> unsigned = call("POST", "/v1/taxes/" + taxId + "/agreement", token,
                Map.of("channel", channel, "textVersion", preview.path("textVersion").asInt(), "consent", false));
        assertThat(unsigned.statusCode()).isEqualTo(400);
        HttpResponse<String> signed = call("POST", "/v1/taxes/" + taxId + "/agreement", token,
                Map.of("channel", channel, "textVersion", preview.path("textVersion").asInt(), "consent", true));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(json(signed).path("customsReceipt").asText()).isEqualTo("SENT");
        assertThat(json(signed).path("bankReceipt").asText()).isEqualTo("SENT");
    }

    HttpResponse<String> notify(String channel, byte[] sealed) {
        return call("POST", "/v1/payment-notifications/" + channel, partnerToken("partner-bank"), sealed);
    }
}
