package cn.hnsw.common.partner;

import cn.hnsw.common.crypto.OpenedMessage;

/**
 * The partner's answer to a {@link SealedRequest}.
 *
 * @param requestMessageId the id of the message we sent
 * @param status           the HTTP status (200, or 409 when the partner had received this very message before)
 * @param reply            the opened, verified reply; null when {@link #alreadyDelivered()}
 */
public record PartnerReply(String requestMessageId, int status, OpenedMessage reply) {

    /**
     * The partner refused the resend as REPLAYED: an earlier attempt arrived and only its answer was lost. The
     * business answer will come by push or query, as for any accepted message.
     */
    public boolean alreadyDelivered() {
        return reply == null;
    }

    public byte[] payload() {
        return reply == null ? new byte[0] : reply.payload();
    }
}
