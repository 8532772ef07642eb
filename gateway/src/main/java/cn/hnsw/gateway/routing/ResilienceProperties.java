package cn.hnsw.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Timeouts, retries and circuit breaking on every route ({@code hnsw.gateway.resilience.*}).
 *
 * @param connectTimeout            how long to wait for a TCP connection to a service
 * @param responseTimeout           how long to wait for a service's response headers (per attempt); then 504
 * @param retries                   extra attempts of a GET or HEAD after a connect error or a 502/503/504
 * @param retryFirstBackoff         pause before the first retry; doubles up to {@code retryMaxBackoff}
 * @param retryMaxBackoff           longest pause between retries
 * @param failureRateThreshold      percentage of failed calls (connect errors, timeouts) that opens the circuit
 * @param slidingWindowSize         number of recent calls the failure rate is computed over
 * @param minimumNumberOfCalls      calls needed in the window before the rate counts at all
 * @param waitInOpenState           how long an open circuit answers 503 at once before it lets trial calls through
 * @param permittedCallsInHalfOpen  trial calls that decide whether the circuit closes again
 */
@ConfigurationProperties("hnsw.gateway.resilience")
public record ResilienceProperties(
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("30s") Duration responseTimeout,
        @DefaultValue("2") int retries,
        @DefaultValue("50ms") Duration retryFirstBackoff,
        @DefaultValue("500ms") Duration retryMaxBackoff,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("20") int slidingWindowSize,
        @DefaultValue("10") int minimumNumberOfCalls,
        @DefaultValue("10s") Duration waitInOpenState,
        @DefaultValue("3") int permittedCallsInHalfOpen) {
}
