package cn.hnsw.gateway.problem;

import cn.hnsw.gateway.request.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes problem details straight onto a response, for the places that answer before or outside a handler: the
 * security entry points, the rate limiter, the body-size check and the error handler.
 */
@Component
public class ProblemResponses {

    private static final MediaType PROBLEM = MediaType.parseMediaType(Problem.MEDIA_TYPE);

    private final ObjectMapper objectMapper;

    public ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public Problem problem(ServerWebExchange exchange, GatewayErrorCode code, Object... args) {
        return Problem.of(code, exchange.getRequest().getPath().value(), RequestIds.of(exchange),
                ClientLanguage.prefersEnglish(exchange.getRequest()), args);
    }

    public Mono<Void> write(ServerWebExchange exchange, GatewayErrorCode code, Object... args) {
        return write(exchange, problem(exchange, code, args));
    }

    public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // the status line is gone; all that is left is to drop the connection, which the caller's error does
            return Mono.empty();
        }
        byte[] body;
        try {
            body = objectMapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return Mono.error(new IllegalStateException("problem detail not serialisable", e));
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
        HttpHeaders headers = response.getHeaders();
        // a half-built response of the failed handler (its length, type or caching) must not leak into the problem
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.remove(HttpHeaders.CACHE_CONTROL);
        headers.remove(HttpHeaders.ETAG);
        headers.remove(HttpHeaders.LAST_MODIFIED);
        headers.setContentType(PROBLEM);
        headers.setContentLength(body.length);
        headers.setCacheControl("no-store");
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
