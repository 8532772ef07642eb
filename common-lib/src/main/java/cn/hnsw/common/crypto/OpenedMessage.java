package cn.hnsw.common.crypto;

import java.time.Instant;
import java.util.Objects;

/**
 * A sealed message that passed every check of {@link MessageSealer#open}: authentic, for us, fresh, first seen.
 *
 * @param messageId      the sender's message id (for the receive log and the receipt)
 * @param senderKeyId    the verified sender: authorise the business action by this, not by anything in the payload
 * @param recipientKeyId our key it was addressed to
 * @param timestamp      the sender's time
 * @param payload        the decrypted body
 */
public record OpenedMessage(String messageId, String senderKeyId, String recipientKeyId, Instant timestamp,
                            byte[] payload) {

    public OpenedMessage {
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpenedMessage that
                && messageId.equals(that.messageId)
                && senderKeyId.equals(that.senderKeyId)
                && recipientKeyId.equals(that.recipientKeyId)
                && timestamp.equals(that.timestamp)
                && java.util.Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, senderKeyId, recipientKeyId, timestamp) * 31 + java.util.Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "OpenedMessage[messageId=" + messageId + ", sender=" + senderKeyId + ", recipient=" + recipientKeyId
                + ", timestamp=" + timestamp + ", payload=" + payload.length + " bytes]";
    }
}
