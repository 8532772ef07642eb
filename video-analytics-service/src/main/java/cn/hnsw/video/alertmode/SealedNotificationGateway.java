package cn.hnsw.video.alertmode;

import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.PartnerRefusedException;
import cn.hnsw.common.partner.PartnerUnavailableException;
import cn.hnsw.video.alertmode.AlertModeService.Channel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The alert messages over sealed partner messages ({@link PartnerClient}): SMS to the provincial SMS platform
 * ({@code hnsw.video.notify.sms-partner}, default {@code sms-platform}; message {@code SMS} with {@code recipient},
 * {@code content}, {@code businessId} → {@code accepted}, {@code smsId}) and app push to the officers' push service
 * ({@code hnsw.video.notify.push-partner}, default {@code app-push}; message {@code APP_PUSH} with {@code deviceId},
 * {@code title}, {@code body}, {@code reference} → {@code accepted}, {@code pushId}). An unreachable partner is a
 * retryable failure; a refusal ({@code accepted: false} or a 4xx) is final.
 */
@Component
public class SealedNotificationGateway implements NotificationGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectProvider<PartnerClient> partners;
    private final String smsPartner;
    private final String pushPartner;

    public SealedNotificationGateway(ObjectProvider<PartnerClient> partners,
            @Value("${hnsw.video.notify.sms-partner:sms-platform}") String smsPartner,
            @Value("${hnsw.video.notify.push-partner:app-push}") String pushPartner) {
        this.partners = partners;
        this.smsPartner = smsPartner;
        this.pushPartner = pushPartner;
    }

    @Override
    public String send(Message m) {
        PartnerClient client = partners.getIfAvailable();
        if (client == null) {
            throw new NotificationFailed("sealing is not configured", true);
        }
        ObjectNode out = JSON.createObjectNode();
        String partner;
        if (m.channel() == Channel.SMS) {
            partner = smsPartner;
            out.put("messageType", "SMS").put("recipient", m.address()).put("content", m.title() + " " + m.text())
                    .put("businessId", m.reference());
        } else if (m.channel() == Channel.APP_PUSH) {
            partner = pushPartner;
            out.put("messageType", "APP_PUSH").put("deviceId", m.address()).put("title", m.title())
                    .put("body", m.text()).put("reference", m.reference());
        } else {
            throw new NotificationFailed("channel " + m.channel() + " is not sent", false);
        }
        try {
            JsonNode reply = JSON.readTree(client.send(partner, JSON.writeValueAsBytes(out)).payload());
            if (!reply.path("accepted").asBoolean(false)) {
                throw new NotificationFailed(partner + " refused: " + reply.path("code").asText("?"), false);
            }
            return reply.hasNonNull("smsId") ? reply.get("smsId").asText() : reply.path("pushId").asText(null);
        } catch (PartnerUnavailableException e) {
            throw new NotificationFailed(partner + " unreachable: " + e.getMessage(), true);
        } catch (PartnerRefusedException e) {
            throw new NotificationFailed(partner + " refused: " + e.getMessage(), false);
        } catch (IOException e) {
            throw new NotificationFailed(partner + ": reply is not JSON", true);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new NotificationFailed(partner + ": " + e.getMessage(), true);
        }
    }
}
