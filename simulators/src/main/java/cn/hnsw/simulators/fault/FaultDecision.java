package cn.hnsw.simulators.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * What to do with one message.
 *
 * @param outcome how the partner answers
 * @param latency how long to wait before answering; zero for an outage, which refuses at once
 * @param outage  the current outage when {@code outcome} is {@link FaultOutcome#OUTAGE}, else {@code null}
 */
public record FaultDecision(FaultOutcome outcome, Duration latency, Outage outage) {

    public FaultDecision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(latency, "latency");
        if ((outcome == FaultOutcome.OUTAGE) != (outage != null)) {
            throw new IllegalArgumentException("an outage decision needs its outage, and only it");
        }
    }
}
