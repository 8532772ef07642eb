package cn.hnsw.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RateLimitPropertiesTest {

    @Test
    void aGroupWithoutItsOwnLimitGetsTheDefault() {
        RateLimitProperties p = new RateLimitProperties(true, 200, 100,
                Map.of("api-docs", new RateLimitProperties.Limit(30, 0.5)), 1000);
        assertThat(p.limitOf("passenger-service")).isEqualTo(new RateLimitProperties.Limit(200, 100));
        assertThat(p.limitOf("api-docs").refillInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.limitOf("api-docs").timeToFull()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void refusesLimitsThatWouldLetNothingOrEverythingThrough() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitProperties.Limit(0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitProperties.Limit(10, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitProperties.Limit(10, Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitProperties(true, 0, 1, null, 10));
    }
}
