package cn.hnsw.simulators.sealed;

import cn.hnsw.simulators.partner.Partner;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An opened message for a simulated partner: authentic, from the platform, fresh, first seen.
 *
 * @param partner     the partner it is addressed to
 * @param messageId   the platform's message id
 * @param senderKeyId the verified sender
 * @param sentAt      the sender's timestamp
 * @param receivedAt  when the simulator received it
 * @param form        the envelope form it came in; replies use the same
 * @param payload     the decrypted body (a partner-specific document)
 */
public record PartnerRequest(Partner partner, String messageId, String senderKeyId, Instant sentAt, Instant receivedAt,
                             EnvelopeForm form, byte[] payload) {

    public PartnerRequest {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(form, "form");
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartnerRequest that && partner.equals(that.partner) && messageId.equals(that.messageId)
                && senderKeyId.equals(that.senderKeyId) && sentAt.equals(that.sentAt)
                && receivedAt.equals(that.receivedAt) && form == that.form
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partner, messageId, senderKeyId, sentAt, receivedAt, form) * 31
                + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "PartnerRequest[partner=" + partner.id() + ", messageId=" + messageId + ", sender=" + senderKeyId
                + ", form=" + form + ", payload=" + payload.length + " bytes]";
    }
}
