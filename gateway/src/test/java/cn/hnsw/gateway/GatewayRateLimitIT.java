package cn.hnsw.gateway;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** limited-service allows a burst of 3 per client and 2 calls a second after it. */
class GatewayRateLimitIT extends GatewayIntegrationTest {

    @Test
    void refusesAClientOverItsLimitWithRetryAfterAndLetsItInAgainLater() throws Exception {
        String token = token("enterprise-declarant");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> ok = get("/api/limited/v1/ledgers", token);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(2 - i));
        }
        HttpResponse<String> refused = get("/api/limited/v1/ledgers", token);
        assertProblem(refused, 429, "RATE_LIMITED");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(json(refused).path("detail").asText()).isEqualTo("请求过于频繁，请 " + retryAfter + " 秒后重试");

        assertThat(get("/api/limited/v1/ledgers", token("enterprise-declarant")).statusCode())
                .as("another user has a bucket of its own").isEqualTo(200);
        assertThat(get("/api/passenger/v1/declarations", token).statusCode())
                .as("another route group has a bucket of its own").isEqualTo(200);

        Thread.sleep(retryAfter * 1000);
        assertThat(get("/api/limited/v1/ledgers", token).statusCode()).isEqualTo(200);
    }
}
