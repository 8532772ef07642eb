package cn.hnsw.simulators.sealed;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sealed answer ready to send.
 *
 * @param body             the envelope, encoded in {@code form}
 * @param form             JSON or XML
 * @param messageId        the reply's own message id
 * @param inReplyTo        the id of the message answered
 */
public record SealedReply(byte[] body, EnvelopeForm form, String messageId, String inReplyTo) {

    public SealedReply {
        body = body.clone();
        Objects.requireNonNull(form, "form");
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedReply that && Arrays.equals(body, that.body) && form == that.form
                && Objects.equals(messageId, that.messageId) && Objects.equals(inReplyTo, that.inReplyTo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(form, messageId, inReplyTo) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "SealedReply[" + form + ", messageId=" + messageId + ", inReplyTo=" + inReplyTo + ", " + body.length + " bytes]";
    }
}
