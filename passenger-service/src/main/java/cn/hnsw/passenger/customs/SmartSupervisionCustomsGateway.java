package cn.hnsw.passenger.customs;

import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.passenger.partner.PartnerMessageLog;
import cn.hnsw.passenger.partner.PartnerMessageLog.Direction;
import cn.hnsw.passenger.partner.PartnerRefusedException;
import cn.hnsw.passenger.partner.PartnerTransport;
import cn.hnsw.passenger.partner.PartnerUnavailableException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** {@link CustomsClearanceGateway} over the sealed partner transport; every send is written to the message log. */
@Component
@EnableConfigurationProperties(CustomsSettings.class)
public class SmartSupervisionCustomsGateway implements CustomsClearanceGateway {

    private final PartnerTransport transport;
    private final PartnerMessageLog messageLog;
    private final ObjectMapper json;
    private final CustomsSettings settings;

    public SmartSupervisionCustomsGateway(PartnerTransport transport, PartnerMessageLog messageLog, ObjectMapper json,
                                          CustomsSettings settings) {
        this.transport = transport;
        this.messageLog = messageLog;
        this.json = json;
        this.settings = settings;
    }

    @Override
    public TechnicalAck send(String messageType, String businessId, Object payload) {
        byte[] body;
        try {
            ObjectNode node = json.valueToTree(payload);
            node.put("messageType", messageType);
            body = json.writeValueAsBytes(node);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("message " + messageType + " is not serializable", e);
        }
        try {
            OpenedMessage reply = transport.send(settings.partnerId(), body);
            JsonNode ack = json.readTree(reply.payload());
            String status = ack.path("status").asText("RECEIVED");
            boolean accepted = !"REJECTED".equals(status);
            String code = ack.path("code").asText(null);
            messageLog.record(settings.partnerId(), Direction.OUT, messageType, businessId, reply.messageId(),
                    accepted ? "OK" : "REJECTED", code, accepted ? null : ack.path("detail").asText(status));
            return new TechnicalAck(reply.messageId(), accepted, code, ack.path("detail").asText(null));
        } catch (PartnerUnavailableException e) {
            messageLog.record(settings.partnerId(), Direction.OUT, messageType, businessId, null, "UNAVAILABLE",
                    "PARTNER_UNAVAILABLE", e.getMessage());
            throw e;
        } catch (PartnerRefusedException e) {
            messageLog.record(settings.partnerId(), Direction.OUT, messageType, businessId, null, "REFUSED",
                    "HTTP_" + e.status(), e.getMessage());
            throw e;
        } catch (java.io.IOException e) {
            messageLog.record(settings.partnerId(), Direction.OUT, messageType, businessId, null, "REFUSED",
                    "UNREADABLE_REPLY", e.getMessage());
            throw new PartnerRefusedException(200, "unreadable technical receipt");
        }
    }

    @Override
    public String partnerId() {
        return settings.partnerId();
    }

}
