package cn.hnsw.simulators.fault;

/** Whether an operator has switched a simulated partner off (outside any scheduled outage window). */
public enum Availability {
    /** Answers, subject to latency, failure rate and scheduled windows. */
    ONLINE,
    /** Switched off: refuses every message until switched back on or, if given, until {@code offlineUntil}. */
    OFFLINE
}
