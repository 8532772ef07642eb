package cn.hnsw.ledger.warning;

import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.PartnerRefusedException;
import cn.hnsw.common.partner.PartnerReply;
import cn.hnsw.common.partner.PartnerUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A channel that hands the notice to a partner platform sealed (SM2 + SM4) through common-lib's {@link PartnerClient}.
 * The partner answers {@code accepted} with its own id, or a refusal code; an outage (or no partner client at all)
 * is retried, a refusal is final.
 */
abstract class PartnerNotificationChannel implements NotificationChannel {

    /** Every text the platform sends starts with its name. */
    static final String SENDER = "【海南国际贸易单一窗口】";

    private final ObjectProvider<PartnerClient> partners;
    private final ObjectMapper json;
    private final String partnerId;
    private final String idField;

    PartnerNotificationChannel(ObjectProvider<PartnerClient> partners, ObjectMapper json, String partnerId, String idField) {
        this.partners = partners;
        this.json = json;
        this.partnerId = partnerId;
        this.idField = idField;
    }

    /** The partner's message, without the business id (added here). */
    abstract Map<String, Object> message(String recipient, String subject, String text);

    @Override
    public final Outcome send(String recipient, String subject, String text, String businessId) {
        PartnerClient client = partners.getIfAvailable();
        if (client == null) {
            return new Outcome(Outcome.Kind.RETRY, "no partner keys configured");
        }
        try {
            Map<String, Object> message = new LinkedHashMap<>(message(recipient, subject, text));
            message.put("businessId", businessId);
            PartnerReply reply = client.send(partnerId, json.writeValueAsBytes(message));
            if (reply.alreadyDelivered()) {
                return new Outcome(Outcome.Kind.DELIVERED, "delivered before");
            }
            JsonNode answer = json.readTree(reply.payload());
            if (answer.path("accepted").asBoolean(false)) {
                return new Outcome(Outcome.Kind.DELIVERED, answer.path(idField).asText(""));
            }
            return new Outcome(Outcome.Kind.REFUSED, answer.path("code").asText("NOT_ACCEPTED"));
        } catch (PartnerUnavailableException e) {
            return new Outcome(Outcome.Kind.RETRY, String.valueOf(e.getMessage()));
        } catch (PartnerRefusedException e) {
            return new Outcome(Outcome.Kind.REFUSED, e.code());
        } catch (Exception e) {
            return new Outcome(Outcome.Kind.RETRY, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
