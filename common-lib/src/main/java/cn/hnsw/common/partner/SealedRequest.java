package cn.hnsw.common.partner;

import cn.hnsw.common.crypto.SealedMessage;

import java.util.Objects;

/**
 * A message sealed for one partner, ready to send and to RESEND unchanged: keep it (e.g. in an outbox row as
 * {@link #encoded()}) so that a retry after a lost answer is recognised by the partner as the same message.
 *
 * @param partnerId the partner
 * @param message   the sealed envelope
 * @param form      JSON or XML envelope
 */
public record SealedRequest(String partnerId, SealedMessage message, EnvelopeFormat form) {

    public SealedRequest {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(form, "form");
    }

    public String messageId() {
        return message.messageId();
    }

    public byte[] encoded() {
        return form.encode(message);
    }

    /** Restores a request kept with {@link #encoded()}. */
    public static SealedRequest restore(String partnerId, byte[] encoded) {
        SealedMessage message = SealedMessage.parse(encoded);
        EnvelopeFormat form = EnvelopeFormat.detect(encoded);
        return new SealedRequest(partnerId, message, form);
    }
}
