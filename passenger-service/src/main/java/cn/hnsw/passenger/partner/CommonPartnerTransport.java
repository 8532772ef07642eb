package cn.hnsw.passenger.partner;

import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.PartnerReply;

/**
 * {@link PartnerTransport} over common-lib's {@link PartnerClient}: sealed with the platform key to the partner's key,
 * POSTed with the service's client-credentials token, the reply opened and checked to come from that partner.
 */
public class CommonPartnerTransport implements PartnerTransport {

    private final PartnerClient client;

    public CommonPartnerTransport(PartnerClient client) {
        this.client = client;
    }

    @Override
    public OpenedMessage send(String partnerId, byte[] payload) {
        try {
            PartnerReply reply = client.send(partnerId, payload);
            if (reply.alreadyDelivered()) {
                throw new PartnerRefusedException(409, "already delivered");
            }
            return reply.reply();
        } catch (cn.hnsw.common.partner.PartnerUnavailableException e) {
            throw new PartnerUnavailableException(e.getMessage(), e);
        } catch (cn.hnsw.common.partner.PartnerRefusedException e) {
            throw new PartnerRefusedException(e.status(), e.code() + " " + e.getMessage());
        }
    }
}
