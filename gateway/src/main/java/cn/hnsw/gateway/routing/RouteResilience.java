package cn.hnsw.gateway.routing;

import cn.hnsw.gateway.request.InboundRequestFilter.PayloadTooLargeException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;

/**
 * The circuit breaker, retry and timeouts every route gets.
 *
 * <p>The filters are made from the gateway's own factories but without a route id and without a fallback URI: both
 * would make the gateway buffer every request body of the route in memory (to replay it), which a 20 MB upload
 * path cannot afford. Retries are for GET and HEAD only, which have no body to replay. Without a fallback URI the
 * breaker's refusals and the routing errors reach {@code GatewayErrorHandler}, which answers with problem details.
 */
@Component
public class RouteResilience {

    /** The breaker wraps the retries, so that one client call counts once however often it was retried. */
    static final int BREAKER_ORDER = 10;
    static final int RETRY_ORDER = 20;

    private final ResilienceProperties properties;
    private final SpringCloudCircuitBreakerFilterFactory breakers;
    private final RetryGatewayFilterFactory retries;

    public RouteResilience(ResilienceProperties properties, SpringCloudCircuitBreakerFilterFactory breakers,
                           RetryGatewayFilterFactory retries) {
        this.properties = properties;
        this.breakers = breakers;
        this.retries = retries;
    }

    /** Adds the breaker named {@code breakerName} and the idempotent retry to a route's filters. */
    public GatewayFilterSpec apply(GatewayFilterSpec filters, String breakerName) {
        return filters
                .filter(new OrderedGatewayFilter(breaker(breakerName), BREAKER_ORDER))
                .filter(new OrderedGatewayFilter(idempotentRetry(), RETRY_ORDER));
    }

    /** Sets the connect and response timeouts of a route (per attempt), the service's own or the defaults. */
    public UriSpec timeouts(UriSpec route, PlatformService service) {
        Duration connect = service.connectTimeout() != null ? service.connectTimeout() : properties.connectTimeout();
        Duration response = service.responseTimeout() != null ? service.responseTimeout() : properties.responseTimeout();
        return route
                .metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, Math.toIntExact(connect.toMillis()))
                .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, response.toMillis());
    }

    private GatewayFilter breaker(String name) {
        return breakers.apply(new SpringCloudCircuitBreakerFilterFactory.Config().setName(name));
    }

    private GatewayFilter idempotentRetry() {
        RetryGatewayFilterFactory.RetryConfig config = new RetryGatewayFilterFactory.RetryConfig()
                .setRetries(properties.retries())
                .setMethods(HttpMethod.GET, HttpMethod.HEAD)
                // only the statuses that say "not reached / try again"; a 500 is the service's answer, not a hiccup
                .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.GATEWAY_TIMEOUT)
                .setSeries()
                // connect refused/timed out and connections dropped before the answer; a response timeout is not
                // retried, since waiting again for a slow service only multiplies the wait
                .setExceptions(IOException.class)
                .setBackoff(properties.retryFirstBackoff(), properties.retryMaxBackoff(), 2, false);
        return retries.apply(config);
    }

    /** Every breaker's settings come from {@code hnsw.gateway.resilience}. */
    @Component
    static class BreakerDefaults implements Customizer<ReactiveResilience4JCircuitBreakerFactory> {
        private final ResilienceProperties properties;

        BreakerDefaults(ResilienceProperties properties) {
            this.properties = properties;
        }

        @Override
        public void customize(ReactiveResilience4JCircuitBreakerFactory factory) {
            CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(properties.slidingWindowSize())
                    .minimumNumberOfCalls(properties.minimumNumberOfCalls())
                    .failureRateThreshold(properties.failureRateThreshold())
                    .waitDurationInOpenState(properties.waitInOpenState())
                    .permittedNumberOfCallsInHalfOpenState(properties.permittedCallsInHalfOpen())
                    // a client's oversized body says nothing about the service's health
                    .ignoreExceptions(PayloadTooLargeException.class)
                    .build();
            factory.configureDefault(id -> new Resilience4JConfigBuilder(id).circuitBreakerConfig(config).build());
        }
    }
}
