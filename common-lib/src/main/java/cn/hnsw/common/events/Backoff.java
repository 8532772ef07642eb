package cn.hnsw.common.events;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long the relay waits before it tries a failed event again: exponential in the number of attempts, capped, and
 * with random jitter so that many instances (or many aggregates) that failed together do not retry together.
 *
 * @param initial    the wait after the first failure
 * @param max        the longest wait, however many attempts failed
 * @param multiplier how much each further failure lengthens the wait (at least 1)
 * @param jitter     the share of the wait that is random, 0 (none) to 1 (anything from zero to the full wait)
 */
public record Backoff(
        @DefaultValue("1s") Duration initial,
        @DefaultValue("5m") Duration max,
        @DefaultValue("2.0") double multiplier,
        @DefaultValue("0.5") double jitter) {

    public Backoff {
        if (initial == null || initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("backoff initial must be positive but was " + initial);
        }
        if (max == null || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff max must be at least initial (" + initial + ") but was " + max);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("backoff multiplier must be 1 or more but was " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("backoff jitter must be between 0 and 1 but was " + jitter);
        }
    }

    /** The wait before the next try, after {@code failedAttempts} (1 or more) tries have failed. */
    public Duration delayAfter(int failedAttempts, RandomGenerator random) {
        double ceiling = ceilingMillis(failedAttempts);
        // "Equal jitter": keep (1 - jitter) of the wait fixed so a retry never comes immediately, randomise the rest.
        double millis = ceiling * (1.0 - jitter) + ceiling * jitter * random.nextDouble();
        return Duration.ofMillis(Math.max(1L, Math.round(millis)));
    }

    /** The wait before jitter, capped at {@link #max()}. */
    double ceilingMillis(int failedAttempts) {
        int n = Math.max(1, failedAttempts);
        // pow of a large exponent is Infinity, which min() turns into the cap: no overflow however long it has failed.
        double exponential = initial.toMillis() * Math.pow(multiplier, n - 1);
        return Math.min(exponential, (double) max.toMillis());
    }
}
