package cn.hnsw.gateway;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Retries, timeouts, the circuit breaker and the body limit, each answering with the platform's problem detail. */
class GatewayResilienceIT extends GatewayIntegrationTest {

    @Test
    void retriesAGetThatMetAFlakyService() {
        String id = newRequestId();
        HttpResponse<String> r = get("/api/flaky/v1/items", token("traveler"), "X-Request-Id", id);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("attempt").asText()).isEqualTo("later");
        assertThat(BACKEND.calls(id)).hasSize(2);
    }

    @Test
    void neverRetriesAPost() {
        String id = newRequestId();
        HttpResponse<String> r = send(request("/api/flaky/v1/items")
                .header("Authorization", "Bearer " + token("traveler"))
                .header("X-Request-Id", id)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"hsCode\":\"0901210000\"}")).build());
        assertThat(r.statusCode()).as("the service's own answer passes unchanged").isEqualTo(503);
        assertThat(json(r).path("attempt").asText()).isEqualTo("first");
        assertThat(BACKEND.calls(id)).as("a POST reaches the service once").hasSize(1);
    }

    @Test
    void answersGatewayTimeoutWhenTheServiceIsTooSlow() {
        String id = newRequestId();
        long started = System.nanoTime();
        HttpResponse<String> r = get("/api/slow/v1/report", token("customs-officer"), "X-Request-Id", id);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertProblem(r, 504, "GATEWAY_TIMEOUT");
        assertThat(tookMs).as("the 300 ms response timeout, not the service's 1.5 s").isLessThan(1400);
        assertThat(BACKEND.calls(id)).as("a timed-out GET is not retried").hasSize(1);
    }

    @Test
    void answersServiceUnavailableWhenTheServiceIsDown() {
        assertProblem(get("/api/down/v1/anything", token("traveler")), 503, "SERVICE_UNAVAILABLE");
    }

    @Test
    void opensTheCircuitAfterRepeatedFailuresAndAnswersServiceUnavailableAtOnce() {
        String token = token("maritime-officer");
        for (int i = 0; i < 4; i++) {
            assertProblem(get("/api/fragile/v1/ships", token), 504, "GATEWAY_TIMEOUT");
        }
        int reachedBefore = BACKEND.fragileCalls();
        long started = System.nanoTime();
        HttpResponse<String> open = get("/api/fragile/v1/ships", token, "Accept-Language", "en");
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(assertProblem(open, 503, "SERVICE_UNAVAILABLE").path("detail").asText())
                .isEqualTo("The service is temporarily unavailable; please try again later");
        assertThat(tookMs).as("an open circuit does not wait for the service").isLessThan(250);
        assertThat(BACKEND.fragileCalls()).as("an open circuit does not call the service").isEqualTo(reachedBefore);
        assertThat(get("/api/passenger/v1/declarations", token).statusCode())
                .as("other services' circuits stay closed").isEqualTo(200);
    }

    @Test
    void refusesABodyOverTheLimitByItsDeclaredLength() {
        String id = newRequestId();
        HttpResponse<String> r = send(request("/api/upload/v1/files")
                .header("Authorization", "Bearer " + token("enterprise-declarant"))
                .header("X-Request-Id", id)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[100 * 1024])).build());
        assertThat(assertProblem(r, 413, "PAYLOAD_TOO_LARGE").path("detail").asText()).isEqualTo("请求内容超过上限 64KB");
        assertThat(BACKEND.calls(id)).isEmpty();
    }

    @Test
    void refusesAChunkedBodyOnceItPassesTheLimit() {
        HttpRequest chunked = request("/api/upload/v1/files")
                .header("Authorization", "Bearer " + token("enterprise-declarant"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[200 * 1024])))
                .build();
        try {
            assertProblem(send(chunked), 413, "PAYLOAD_TOO_LARGE");
        } catch (UncheckedIOException connectionClosedWhileSending) {
            // the gateway may close the connection before the client has finished sending; refused all the same
            assertThat(connectionClosedWhileSending).hasRootCauseInstanceOf(IOException.class);
        }
        HttpResponse<String> small = send(request("/api/upload/v1/files")
                .header("Authorization", "Bearer " + token("enterprise-declarant"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[10 * 1024])))
                .build());
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(json(small).path("bodyBytes").asLong()).isEqualTo(10 * 1024);
    }
}
