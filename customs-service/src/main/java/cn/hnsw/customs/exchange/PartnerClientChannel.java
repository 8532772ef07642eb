package cn.hnsw.customs.exchange;

import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.PartnerRefusedException;
import cn.hnsw.common.partner.PartnerReply;
import cn.hnsw.common.partner.PartnerUnavailableException;
import org.springframework.stereotype.Component;

/**
 * {@link PartnerChannel} over common-lib's {@link PartnerClient}: sealed with the platform key to the partner's key,
 * POSTed with the service's client-credentials token, the sealed reply opened and checked to come from that partner.
 */
@Component
class PartnerClientChannel implements PartnerChannel {

    private final PartnerClient client;

    PartnerClientChannel(PartnerClient client) {
        this.client = client;
    }

    @Override
    public Reply exchange(String partnerId, byte[] payload) {
        PartnerReply reply;
        try {
            reply = client.send(partnerId, payload);
        } catch (PartnerUnavailableException e) {
            throw new PartnerCallException("partner " + partnerId + " unavailable: " + e.getMessage(), true);
        } catch (PartnerRefusedException e) {
            throw new PartnerCallException("partner " + partnerId + " refused: " + e.getMessage(), false);
        }
        if (reply.alreadyDelivered()) {
            // Each attempt is sealed afresh, so a replay refusal means someone resent our envelope: not an answer.
            throw new PartnerCallException("partner " + partnerId + " reported the message as seen before", false);
        }
        return new Reply(reply.requestMessageId(), reply.reply().senderKeyId(), reply.payload());
    }
}
