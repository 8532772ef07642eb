package cn.hnsw.portsituation.subscription;

import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.PartnerRefusedException;
import cn.hnsw.common.partner.PartnerReply;
import cn.hnsw.common.partner.PartnerUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/**
 * SMS delivery through the provincial SMS platform (省短信平台), partner {@code sms-platform}, sealed through
 * {@link PartnerClient}: the alert's Chinese title as the text. An outage is retried; the platform's refusal is final.
 */
public final class SmsChannel implements DeliveryChannel {

    public static final String PARTNER_ID = "sms-platform";

    private final PartnerClient partners;
    private final ObjectMapper json;

    public SmsChannel(PartnerClient partners, ObjectMapper json) {
        this.partners = partners;
        this.json = json;
    }

    @Override
    public String name() {
        return "SMS";
    }

    @Override
    public Outcome deliver(Subscription subscription, String deliveryId, String payloadJson, String textZh) {
        try {
            byte[] payload = json.writeValueAsBytes(Map.of("messageType", "SMS", "recipient", subscription.target(),
                    "content", "【海南国际贸易单一窗口】" + textZh, "businessId", deliveryId));
            PartnerReply reply = partners.send(PARTNER_ID, payload);
            if (reply.alreadyDelivered()) {
                return Outcome.delivered(200, "delivered before");
            }
            JsonNode answer = json.readTree(reply.payload());
            if (answer.path("accepted").asBoolean(false)) {
                return Outcome.delivered(200, answer.path("smsId").asText(""));
            }
            return Outcome.refused(null, answer.path("code").asText("NOT_ACCEPTED"));
        } catch (PartnerUnavailableException e) {
            return Outcome.retry(null, e.getMessage());
        } catch (PartnerRefusedException e) {
            return Outcome.refused(null, e.getMessage());
        } catch (Exception e) {
            return Outcome.retry(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
