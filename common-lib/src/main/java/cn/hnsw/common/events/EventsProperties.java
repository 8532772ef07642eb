package cn.hnsw.common.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of events and the outbox ({@code hnsw.events.*}).
 *
 * @param source the CloudEvents source of this service's events; by default {@code /hnsw/<spring.application.name>}
 * @param relay  the outbox relay
 */
@ConfigurationProperties("hnsw.events")
public record EventsProperties(String source, @DefaultValue Relay relay) {

    /**
     * Settings of the outbox relay ({@code hnsw.events.relay.*}).
     *
     * @param enabled      whether this instance runs a relay; every instance may, only one relays at a time
     * @param pollInterval how often the relay looks for new events when nothing woke it (a commit in this instance does)
     * @param batchSize    the most outbox rows one relay pass reads
     * @param sendTimeout  how long one send may take before it counts as failed (Kafka {@code delivery.timeout.ms});
     *                     a relay pass, and so its database transaction, lasts at most about this long while Kafka is down
     * @param backoff      the wait before a failed event is tried again
     * @param retention    how long published rows stay in the outbox for inspection; zero keeps them for ever
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("200") int batchSize,
            @DefaultValue("30s") Duration sendTimeout,
            @DefaultValue Backoff backoff,
            @DefaultValue("7d") Duration retention) {

        public Relay {
            if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("hnsw.events.relay.poll-interval must be positive but was " + pollInterval);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("hnsw.events.relay.batch-size must be 1 or more but was " + batchSize);
            }
            if (sendTimeout == null || sendTimeout.toMillis() < 1000) {
                throw new IllegalArgumentException("hnsw.events.relay.send-timeout must be at least 1s but was " + sendTimeout);
            }
            if (retention == null || retention.isNegative()) {
                throw new IllegalArgumentException("hnsw.events.relay.retention must not be negative but was " + retention);
            }
            if (backoff == null) {
                throw new IllegalArgumentException("hnsw.events.relay.backoff is required");
            }
        }

        /** The defaults, for code that builds a relay without Spring's binder. */
        public static Relay defaults() {
            return new Relay(true, Duration.ofSeconds(1), 200, Duration.ofSeconds(30),
                    new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0, 0.5), Duration.ofDays(7));
        }
    }
}
