package cn.hnsw.common.partner;

import java.time.Duration;

/**
 * The partner could not be reached or said it is unavailable (connection failure, timeout, 5xx, 408, 429, token
 * endpoint down). Retryable: resend the SAME {@link SealedRequest} later (a partner that did receive it answers
 * {@link PartnerReply#alreadyDelivered()}).
 */
public class PartnerUnavailableException extends RuntimeException {

    private final String partnerId;
    private final Duration retryAfter;

    public PartnerUnavailableException(String partnerId, String message, Duration retryAfter) {
        super(message);
        this.partnerId = partnerId;
        this.retryAfter = retryAfter;
    }

    public String partnerId() {
        return partnerId;
    }

    /** The partner's {@code Retry-After}, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
