package cn.hnsw.gateway.request;

import cn.hnsw.gateway.problem.GatewayErrorCode;
import cn.hnsw.gateway.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The first thing every request meets, before security: it gets its request id (the caller's when sane, else a new
 * one, returned on the response and passed downstream); headers an outsider must not set are removed; the
 * forwarding headers are rebuilt from the real connection rather than taken from the client (which could otherwise
 * pose as any address in the services' audit log); and bodies over the limit are refused.
 */
@Component
public class InboundRequestFilter implements WebFilter, Ordered {

    /** Client-supplied forwarding information: the gateway is the edge, so none of it is true. */
    private static final List<String> FORWARDING_HEADERS = List.of(
            "Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Proto",
            "X-Forwarded-Prefix", "X-Real-IP");

    private final RequestProperties properties;
    private final ProblemResponses problems;

    public InboundRequestFilter(RequestProperties properties, ProblemResponses problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String requestId = RequestIds.acceptOrCreate(request.getHeaders().getFirst(RequestIds.HEADER));
        exchange.getAttributes().put(RequestIds.ATTRIBUTE, requestId);
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
        // a routed response copies the service's headers over ours; make sure the id the client sees is this one
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
            return Mono.empty();
        });

        long declaredLength = request.getHeaders().getContentLength();
        if (declaredLength > properties.maxBodySize().toBytes()) {
            return problems.write(exchange, GatewayErrorCode.PAYLOAD_TOO_LARGE, properties.maxBodySizeForPeople());
        }

        ServerHttpRequest sanitised = request.mutate().headers(headers -> {
            properties.internalHeaders().forEach(headers::remove);
            FORWARDING_HEADERS.forEach(headers::remove);
            headers.set(RequestIds.HEADER, requestId);
            setForwardingHeaders(request, headers);
        }).build();
        if (declaredLength < 0) {
            // chunked (or HTTP/2 without a length): counted as it streams
            sanitised = new LimitedBodyRequest(sanitised, properties.maxBodySize().toBytes());
        }
        return chain.filter(exchange.mutate().request(sanitised).build());
    }

    private static void setForwardingHeaders(ServerHttpRequest request, HttpHeaders headers) {
        InetSocketAddress peer = request.getRemoteAddress();
        if (peer != null && peer.getAddress() != null) {
            headers.set("X-Forwarded-For", peer.getAddress().getHostAddress());
        }
        String scheme = request.getURI().getScheme();
        headers.set("X-Forwarded-Proto", scheme);
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        int port = request.getURI().getPort();
        headers.set("X-Forwarded-Port", Integer.toString(port > 0 ? port : "https".equals(scheme) ? 443 : 80));
    }

    /** Raised while streaming a chunked body that turns out too long; the error handler answers 413. */
    public static final class PayloadTooLargeException extends RuntimeException {
        PayloadTooLargeException() {
            // thrown per oversized request, caught by the error handler: a stack trace would be pure cost
            super("request body over the limit", null, false, false);
        }
    }

    /** Counts a body of unknown length as it streams through, and fails it once it passes the limit. */
    private static final class LimitedBodyRequest extends ServerHttpRequestDecorator {
        private final long limit;

        LimitedBodyRequest(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                    DataBufferUtils.release(buffer);
                    sink.error(new PayloadTooLargeException());
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
