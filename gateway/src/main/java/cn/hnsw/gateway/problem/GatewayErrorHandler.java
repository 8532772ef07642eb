package cn.hnsw.gateway.problem;

import cn.hnsw.gateway.request.InboundRequestFilter.PayloadTooLargeException;
import cn.hnsw.gateway.request.RequestIds;
import cn.hnsw.gateway.request.RequestProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Every failure the gateway itself produces becomes a problem detail: no route (404), an open circuit or an
 * unreachable service (503), a service too slow (504), a body too large (413). Nothing of the exception — class,
 * message, stack — reaches the client; the unexpected ones are logged with the request id. Runs before Boot's
 * default handler (order -1), which would answer with its own error JSON.
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemResponses problems;
    private final RequestProperties requestProperties;

    public GatewayErrorHandler(ProblemResponses problems, RequestProperties requestProperties) {
        this.problems = problems;
        this.requestProperties = requestProperties;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            // a service's response was already streaming when the connection broke: nothing left to tell the client
            log.warn("event=response-aborted requestId={} path={} error={}", RequestIds.of(exchange),
                    exchange.getRequest().getPath(), error.toString());
            return Mono.error(error);
        }
        return switch (error) {
            case PayloadTooLargeException tooLarge -> tooLarge(exchange);
            case CallNotPermittedException open -> unavailable(exchange, "circuit-open", error);
            case ServiceUnavailableException open -> unavailable(exchange, "circuit-open", error);
            case TimeoutException timeout -> timedOut(exchange, error);
            case MethodNotAllowedException method ->
                    problems.write(exchange, GatewayErrorCode.METHOD_NOT_ALLOWED, method.getHttpMethod());
            case ResponseStatusException status -> byStatus(exchange, status);
            case AuthenticationException unauthenticated -> problems.write(exchange, GatewayErrorCode.UNAUTHENTICATED);
            case AccessDeniedException denied -> problems.write(exchange, GatewayErrorCode.ACCESS_DENIED);
            // connection refused or reset, connect timeout, premature close: the service is not there to answer
            case IOException unreachable -> unavailable(exchange, "service-unreachable", error);
            default -> {
                log.error("event=request-failed code=INTERNAL_ERROR requestId={} path={}", RequestIds.of(exchange),
                        exchange.getRequest().getPath(), error);
                yield problems.write(exchange, GatewayErrorCode.INTERNAL_ERROR);
            }
        };
    }

    private Mono<Void> byStatus(ServerWebExchange exchange, ResponseStatusException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        if (status == null) {
            return problems.write(exchange, e.getStatusCode().is4xxClientError()
                    ? GatewayErrorCode.MALFORMED_REQUEST : GatewayErrorCode.INTERNAL_ERROR, "HTTP");
        }
        return switch (status) {
            case NOT_FOUND -> problems.write(exchange, GatewayErrorCode.NOT_FOUND);
            case GATEWAY_TIMEOUT -> timedOut(exchange, e);
            case SERVICE_UNAVAILABLE, BAD_GATEWAY -> unavailable(exchange, "service-unreachable", e);
            case PAYLOAD_TOO_LARGE -> tooLarge(exchange);
            case UNSUPPORTED_MEDIA_TYPE -> problems.write(exchange, GatewayErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    String.valueOf(exchange.getRequest().getHeaders().getContentType()));
            case NOT_ACCEPTABLE -> problems.write(exchange, GatewayErrorCode.NOT_ACCEPTABLE);
            case METHOD_NOT_ALLOWED -> problems.write(exchange, GatewayErrorCode.METHOD_NOT_ALLOWED,
                    exchange.getRequest().getMethod().name());
            case UNAUTHORIZED -> problems.write(exchange, GatewayErrorCode.UNAUTHENTICATED);
            case FORBIDDEN -> problems.write(exchange, GatewayErrorCode.ACCESS_DENIED);
            case TOO_MANY_REQUESTS -> problems.write(exchange, GatewayErrorCode.RATE_LIMITED, "1");
            default -> {
                if (status.is4xxClientError()) {
                    yield problems.write(exchange, GatewayErrorCode.MALFORMED_REQUEST, status.getReasonPhrase());
                }
                log.error("event=request-failed code=INTERNAL_ERROR requestId={} path={}", RequestIds.of(exchange),
                        exchange.getRequest().getPath(), e);
                yield problems.write(exchange, GatewayErrorCode.INTERNAL_ERROR);
            }
        };
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return problems.write(exchange, GatewayErrorCode.PAYLOAD_TOO_LARGE, requestProperties.maxBodySizeForPeople());
    }

    private Mono<Void> unavailable(ServerWebExchange exchange, String why, Throwable error) {
        log.warn("event={} code=SERVICE_UNAVAILABLE requestId={} path={} error={}", why, RequestIds.of(exchange),
                exchange.getRequest().getPath(), error.toString());
        return problems.write(exchange, GatewayErrorCode.SERVICE_UNAVAILABLE);
    }

    private Mono<Void> timedOut(ServerWebExchange exchange, Throwable error) {
        log.warn("event=service-timeout code=GATEWAY_TIMEOUT requestId={} path={} error={}", RequestIds.of(exchange),
                exchange.getRequest().getPath(), error.toString());
        return problems.write(exchange, GatewayErrorCode.GATEWAY_TIMEOUT);
    }
}
