package cn.hnsw.simulators.link;

/** The state of a partner link on the public status page. */
public enum LinkStatus {
    /** Answers promptly and does not fail. */
    UP,
    /** Answers, but fails some messages or may take longer than a second. */
    DEGRADED,
    /** Does not answer: in an outage, or the simulator holds no key for it. */
    DOWN
}
