package cn.hnsw.portsituation.subscription;

import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.PartnerRefusedException;
import cn.hnsw.common.partner.PartnerReply;
import cn.hnsw.common.partner.PartnerUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/**
 * E-mail delivery through the provincial government mail gateway (政务邮件网关), partner {@code mail-gateway}, sealed
 * through {@link PartnerClient}: the alert's Chinese title as the subject, and the title plus the alert as JSON as the
 * body. The delivery id is the business id, so a retried mail is sent once. An outage is retried; the gateway's
 * refusal (bad address, bounced mailbox) is final.
 */
public final class EmailChannel implements DeliveryChannel {

    public static final String PARTNER_ID = "mail-gateway";

    private final PartnerClient partners;
    private final ObjectMapper json;

    public EmailChannel(PartnerClient partners, ObjectMapper json) {
        this.partners = partners;
        this.json = json;
    }

    @Override
    public String name() {
        return "EMAIL";
    }

    @Override
    public Outcome deliver(Subscription subscription, String deliveryId, String payloadJson, String textZh) {
        try {
            String subject = "【海南国际贸易单一窗口】" + textZh;
            byte[] payload = json.writeValueAsBytes(Map.of("messageType", "EMAIL", "recipient", subscription.target(),
                    "subject", subject.length() > 200 ? subject.substring(0, 200) : subject,
                    "body", textZh + "\n\n" + payloadJson, "businessId", deliveryId));
            PartnerReply reply = partners.send(PARTNER_ID, payload);
            if (reply.alreadyDelivered()) {
                return Outcome.delivered(200, "delivered before");
            }
            JsonNode answer = json.readTree(reply.payload());
            if (answer.path("accepted").asBoolean(false)) {
                return Outcome.delivered(200, answer.path("mailId").asText(""));
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
