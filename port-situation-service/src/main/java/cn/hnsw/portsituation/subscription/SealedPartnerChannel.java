package cn.hnsw.portsituation.subscription;

import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.PartnerRefusedException;
import cn.hnsw.common.partner.PartnerReply;
import cn.hnsw.common.partner.PartnerUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/**
 * A delivery channel that hands the message to a partner platform (SMS platform, mail gateway), sealed through
 * {@link PartnerClient}. The delivery id travels as the business id, so a retried delivery is sent once; the partner
 * answers {@code accepted} with its own id, or a refusal code. An outage is retried; a refusal is final.
 */
abstract class SealedPartnerChannel implements DeliveryChannel {

    /** Every text the platform sends starts with its name. */
    static final String SENDER = "【海南国际贸易单一窗口】";

    private final PartnerClient partners;
    private final ObjectMapper json;
    private final String partnerId;
    private final String idField;

    SealedPartnerChannel(PartnerClient partners, ObjectMapper json, String partnerId, String idField) {
        this.partners = partners;
        this.json = json;
        this.partnerId = partnerId;
        this.idField = idField;
    }

    /** The message for the partner, without the business id (added here). */
    abstract Map<String, Object> message(Subscription subscription, String payloadJson, String textZh);

    @Override
    public final Outcome deliver(Subscription subscription, String deliveryId, String payloadJson, String textZh) {
        try {
            Map<String, Object> message = new java.util.LinkedHashMap<>(message(subscription, payloadJson, textZh));
            message.put("businessId", deliveryId);
            PartnerReply reply = partners.send(partnerId, json.writeValueAsBytes(message));
            if (reply.alreadyDelivered()) {
                return Outcome.delivered(200, "delivered before");
            }
            JsonNode answer = json.readTree(reply.payload());
            if (answer.path("accepted").asBoolean(false)) {
                return Outcome.delivered(200, answer.path(idField).asText(""));
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
