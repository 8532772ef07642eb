package cn.hnsw.common.events;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private static final RandomGenerator DRAW_LOW = drawing(0.0);
    private static final RandomGenerator DRAW_HIGH = drawing(0.999_999_999);

    /** A generator whose nextDouble() is always {@code value}: the extremes of the jitter, exactly. */
    private static RandomGenerator drawing(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new IllegalStateException("the backoff draws doubles only");
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0, 0.5);

    @Test
    void growsExponentiallyUntilTheCap() {
        assertThat(backoff.ceilingMillis(1)).isEqualTo(1_000);
        assertThat(backoff.ceilingMillis(2)).isEqualTo(2_000);
        assertThat(backoff.ceilingMillis(3)).isEqualTo(4_000);
        assertThat(backoff.ceilingMillis(9)).isEqualTo(256_000);
        assertThat(backoff.ceilingMillis(10)).isEqualTo(300_000);
        assertThat(backoff.ceilingMillis(Integer.MAX_VALUE)).isEqualTo(300_000);
    }

    @Test
    void jitterKeepsTheWaitBetweenHalfAndAllOfTheCeiling() {
        assertThat(backoff.delayAfter(3, DRAW_LOW)).isEqualTo(Duration.ofMillis(2_000));
        assertThat(backoff.delayAfter(3, DRAW_HIGH)).isEqualTo(Duration.ofMillis(4_000));
        SplittableRandom random = new SplittableRandom(20250618);
        for (int attempt = 1; attempt <= 40; attempt++) {
            double ceiling = backoff.ceilingMillis(attempt);
            Duration delay = backoff.delayAfter(attempt, random);
            assertThat(delay.toMillis()).isBetween(Math.round(ceiling / 2), Math.round(ceiling));
        }
    }

    @Test
    void jitterSpreadsRetriesThatFailedTogether() {
        SplittableRandom random = new SplittableRandom(7);
        long distinct = IntStream.range(0, 50)
                .mapToLong(i -> backoff.delayAfter(5, random).toMillis()).distinct().count();
        assertThat(distinct).isGreaterThan(40);
    }

    @Test
    void zeroJitterIsExactAndNeverBelowOneMillisecond() {
        Backoff exact = new Backoff(Duration.ofMillis(1), Duration.ofMillis(10), 3.0, 0.0);
        assertThat(exact.delayAfter(1, DRAW_LOW)).isEqualTo(Duration.ofMillis(1));
        assertThat(exact.delayAfter(2, DRAW_LOW)).isEqualTo(Duration.ofMillis(3));
        assertThat(exact.delayAfter(3, DRAW_LOW)).isEqualTo(Duration.ofMillis(9));
        assertThat(exact.delayAfter(4, DRAW_LOW)).isEqualTo(Duration.ofMillis(10));
        assertThat(exact.delayAfter(0, DRAW_LOW)).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 2, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), Double.NaN, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
