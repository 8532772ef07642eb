package cn.hnsw.gateway.ratelimit;

import cn.hnsw.gateway.problem.GatewayErrorCode;
import cn.hnsw.gateway.problem.ProblemResponses;
import cn.hnsw.gateway.request.RequestIds;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Token-bucket rate limit per client and route group, in memory (Bucket4j). Over the limit a client gets 429
 * {@code RATE_LIMITED} with {@code Retry-After}; under it, {@code X-RateLimit-Remaining}.
 *
 * <p>The gateway's own RequestRateLimiter needs Redis; the platform runs one gateway per site and has no Redis, so the
 * buckets live here. With several gateway replicas each enforces its own share, which is the intent: the limit
 * protects the services behind this gateway. Runs after authentication, so the key is the verified token's client and
 * subject, never anything the caller merely claims.
 */
@Component
public class ClientRateLimitFilter implements GlobalFilter, Ordered {

    /** Route metadata naming the route's group; without it, the route id is the group. */
    public static final String GROUP_METADATA = "hnsw-rate-limit-group";
    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private static final Logger log = LoggerFactory.getLogger(ClientRateLimitFilter.class);

    private final RateLimitProperties properties;
    private final ProblemResponses problems;
    private final ConcurrentMap<String, Cache<String, Bucket>> bucketsByGroup = new ConcurrentHashMap<>();

    public ClientRateLimitFilter(RateLimitProperties properties, ProblemResponses problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // before the routing filters and the route's breaker and retry: a refused call must not reach any of them
        return -50;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (!properties.enabled() || route == null) {
            return chain.filter(exchange);
        }
        Object configuredGroup = route.getMetadata().get(GROUP_METADATA);
        String group = configuredGroup != null ? configuredGroup.toString() : route.getId();
        return exchange.getPrincipal()
                .map(ClientRateLimitFilter::clientOf)
                .switchIfEmpty(Mono.fromSupplier(() -> addressOf(exchange)))
                .flatMap(client -> {
                    ConsumptionProbe probe = bucket(group, client).tryConsumeAndReturnRemaining(1);
                    if (probe.isConsumed()) {
                        exchange.getResponse().getHeaders().set(REMAINING_HEADER, Long.toString(probe.getRemainingTokens()));
                        return chain.filter(exchange);
                    }
                    return refuse(exchange, group, client, probe);
                });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String group, String client, ConsumptionProbe probe) {
        // whole seconds, rounded up: a client that waits exactly this long finds a token
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        log.debug("event=rate-limited group={} client={} retryAfterSeconds={} requestId={}", group, client, retryAfter,
                RequestIds.of(exchange));
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        exchange.getResponse().getHeaders().set(REMAINING_HEADER, "0");
        return problems.write(exchange, GatewayErrorCode.RATE_LIMITED, Long.toString(retryAfter));
    }

    private Bucket bucket(String group, String client) {
        Cache<String, Bucket> buckets = bucketsByGroup.computeIfAbsent(group, g -> {
            RateLimitProperties.Limit limit = properties.limitOf(g);
            return Caffeine.newBuilder()
                    .maximumSize(properties.maxClients())
                    // a bucket untouched this long is full again: dropping it changes nothing for its client
                    .expireAfterAccess(limit.timeToFull())
                    .build();
        });
        return buckets.get(client, c -> newBucket(properties.limitOf(group)));
    }

    private static Bucket newBucket(RateLimitProperties.Limit limit) {
        // greedy refill: tokens come back one by one through the interval, not all at its end
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.capacity())
                        .refillGreedy(1, limit.refillInterval())
                        .build())
                .build();
    }

    /** Keycloak's {@code azp} is the client application, {@code sub} the user (or the client's service account). */
    private static String clientOf(Principal principal) {
        if (principal instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String azp = jwt.getClaimAsString("azp");
            return "token:" + (azp != null ? azp : "-") + ":" + jwt.getSubject();
        }
        return "principal:" + principal.getName();
    }

    /** The peer the connection came from; X-Forwarded-For is the client's word and was already replaced. */
    private static String addressOf(ServerWebExchange exchange) {
        InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
        return "address:" + (peer != null && peer.getAddress() != null ? peer.getAddress().getHostAddress() : "unknown");
    }
}
