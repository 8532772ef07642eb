package cn.hnsw.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * Per-client rate limits ({@code hnsw.gateway.rate-limit.*}). Each client (token {@code azp} + {@code sub}, or the
 * peer address when there is no token) has one token bucket per route group. A route's group is its service id
 * ({@code passenger-service}) or, for the API documents, {@code api-docs}.
 *
 * @param enabled         off only for load tests that measure the services, never in production
 * @param capacity        burst size: calls a client may make at once in a group without a limit in {@code groups}
 * @param refillPerSecond sustained calls per second for such a group (fractions allowed: 0.5 is one call per 2 s)
 * @param groups          limits of particular groups, by group name
 * @param maxClients      buckets kept per group; past it the least recently used are dropped (a bound on memory
 *                        when many clients come and go)
 */
@ConfigurationProperties("hnsw.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("200") long capacity,
        @DefaultValue("100") double refillPerSecond,
        Map<String, Limit> groups,
        @DefaultValue("100000") long maxClients) {

    public RateLimitProperties {
        groups = groups == null ? Map.of() : Map.copyOf(groups);
        new Limit(capacity, refillPerSecond);
        if (maxClients < 1) {
            throw new IllegalArgumentException("hnsw.gateway.rate-limit.max-clients must be positive");
        }
    }

    /** The limit of {@code group}: its own, or the default. */
    public Limit limitOf(String group) {
        return groups.getOrDefault(group, new Limit(capacity, refillPerSecond));
    }

    /**
     * @param capacity        burst size
     * @param refillPerSecond sustained rate
     */
    public record Limit(long capacity, double refillPerSecond) {
        public Limit {
            if (capacity < 1 || !(refillPerSecond > 0) || Double.isInfinite(refillPerSecond)) {
                throw new IllegalArgumentException(
                        "hnsw.gateway.rate-limit: capacity must be >= 1 and refill-per-second > 0, got "
                                + capacity + " and " + refillPerSecond);
            }
        }

        /** The time one token takes to come back. */
        Duration refillInterval() {
            return Duration.ofNanos(Math.max(1L, Math.round(1_000_000_000d / refillPerSecond)));
        }

        /** An idle bucket is full again after this long, so forgetting it then loses nothing. */
        Duration timeToFull() {
            return refillInterval().multipliedBy(capacity);
        }
    }
}
