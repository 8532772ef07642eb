package cn.hnsw.tradewindow.partner;

import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.PartnerRefusedException;
import cn.hnsw.common.partner.PartnerReply;
import cn.hnsw.common.partner.PartnerUnavailableException;
import cn.hnsw.common.web.HnswException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One JSON message to a partner through common-lib's {@link PartnerClient} (SM2-signed, SM4-encrypted, reply
 * verified), with the message type in the payload and the partner's own refusals turned into problems.
 */
final class PartnerMessages {

    private final PartnerClient client;
    private final ObjectMapper json;

    PartnerMessages(PartnerClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    JsonNode exchange(String partnerId, String partnerName, String messageType, Map<String, Object> body) {
        byte[] payload;
        try {
            var node = json.createObjectNode();
            node.put("messageType", messageType);
            node.setAll((com.fasterxml.jackson.databind.node.ObjectNode) json.valueToTree(body));
            payload = json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PartnerReply reply;
        try {
            reply = client.send(partnerId, payload);
        } catch (PartnerUnavailableException e) {
            throw new HnswException(PartnerErrorCode.PARTNER_UNAVAILABLE, partnerName);
        } catch (PartnerRefusedException e) {
            throw new HnswException(PartnerErrorCode.PARTNER_REFUSED, partnerName, e.code());
        }
        if (reply.alreadyDelivered()) {
            throw new HnswException(PartnerErrorCode.PARTNER_UNAVAILABLE, partnerName);
        }
        try {
            JsonNode answer = json.readTree(reply.payload());
            if (!answer.path("accepted").asBoolean(true)) {
                throw new HnswException(PartnerErrorCode.PARTNER_REFUSED, partnerName,
                        answer.path("code").asText("REFUSED"));
            }
            return answer;
        } catch (IOException e) {
            throw new HnswException(PartnerErrorCode.PARTNER_REFUSED, partnerName, "MALFORMED_REPLY");
        }
    }
}
