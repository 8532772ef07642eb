package cn.hnsw.simulators.fault;

/** What a simulated partner does with one message, decided from its fault settings. */
public enum FaultOutcome {
    /** Behave normally (after the latency). */
    ANSWER,
    /** The partner is in an outage: refuse at once with 503. */
    OUTAGE,
    /** The failure rate struck in {@link FailureMode#UNAVAILABLE} mode: 503 after the latency. */
    FAIL_UNAVAILABLE,
    /** The failure rate struck in {@link FailureMode#SEALED_ERROR} mode: a sealed rejection after the latency. */
    FAIL_SEALED_ERROR
}
