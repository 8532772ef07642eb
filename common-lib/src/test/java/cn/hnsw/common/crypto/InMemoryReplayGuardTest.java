package cn.hnsw.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class InMemoryReplayGuardTest {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");

    private final MessageSealerTest.MutableClock clock = new MessageSealerTest.MutableClock(T0);

    @Test
    void admitsEachMessageIdOncePerSenderUntilItExpires() {
        InMemoryReplayGuard guard = new InMemoryReplayGuard(clock, 10);
        Instant expiry = T0.plus(Duration.ofMinutes(5));

        assertThat(guard.firstSeen("customs-haikou", "m1", expiry)).isTrue();
        assertThat(guard.firstSeen("customs-haikou", "m1", expiry)).isFalse();
        assertThat(guard.firstSeen("msa-yangpu", "m1", expiry)).isTrue();

        clock.set(expiry);
        assertThat(guard.firstSeen("customs-haikou", "m1", expiry)).isFalse();
        clock.set(expiry.plusMillis(1));
        assertThat(guard.firstSeen("customs-haikou", "m2", expiry.plusSeconds(60))).isTrue();
        assertThat(guard.size()).isEqualTo(1);
    }

    @Test
    void whenFullRefusesToForgetUnexpiredIds() {
        InMemoryReplayGuard guard = new InMemoryReplayGuard(clock, 2);
        Instant expiry = T0.plusSeconds(60);
        guard.firstSeen("a", "1", expiry);
        guard.firstSeen("a", "2", expiry);

        assertThatThrownBy(() -> guard.firstSeen("a", "3", expiry)).isInstanceOf(ReplayGuardFullException.class);
        assertThat(guard.firstSeen("a", "1", expiry)).isFalse();

        clock.set(expiry.plusMillis(1));
        assertThat(guard.firstSeen("a", "3", expiry.plusSeconds(60))).isTrue();
    }
}
