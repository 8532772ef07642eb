package cn.hnsw.simulators.sealed;

/** How a push of a sealed message to the platform ended. */
public enum PushOutcome {
    /** The platform answered 2xx. */
    DELIVERED,
    /** The platform answered a 4xx other than 408 / 429: resending the same envelope cannot help. */
    REFUSED,
    /** No 2xx after every attempt (connection failures, timeouts, 5xx, 408, 429). */
    FAILED
}
