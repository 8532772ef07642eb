package cn.hnsw.simulators.fault;

import java.time.Instant;
import java.util.Optional;

/**
 * A partner's current outage.
 *
 * @param until when it ends; {@code null} when it has no end yet (switched off with no time given)
 */
public record Outage(Instant until) {

    public static final Outage INDEFINITE = new Outage(null);

    public boolean indefinite() {
        return until == null;
    }

    public Optional<Instant> end() {
        return Optional.ofNullable(until);
    }
}
