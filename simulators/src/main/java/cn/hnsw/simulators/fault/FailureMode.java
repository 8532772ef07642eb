package cn.hnsw.simulators.fault;

/**
 * How a simulated partner fails when the failure rate strikes. Real partners do both, and the platform must cope with
 * both: a transport failure it may resend as it is, and a sealed refusal that consumed the message.
 */
public enum FailureMode {
    /**
     * Answers 503 {@code PARTNER_UNAVAILABLE} before opening the envelope, so the message is not consumed and the
     * platform may resend the very same envelope.
     */
    UNAVAILABLE,
    /**
     * Opens the message, then answers 200 with a sealed technical receipt whose status is {@code REJECTED}: the
     * partner received it and refused to process it, and a retry needs a new message.
     */
    SEALED_ERROR
}
