package cn.hnsw.video.oplog;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * 日志新增 for the API: every request that changes something ({@code POST}, {@code PUT}, {@code PATCH},
 * {@code DELETE} under the service's API) made by a signed-in user is logged after it is answered, with its outcome,
 * so a refused attempt (403, 400, 409) is on record as well as a change. Reads are not logged. Runs inside the
 * security filter chain's context, so the user is known; a request without a valid token never reaches it.
 */
@Component
class OperationLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OperationLogFilter.class);
    private static final String API = "/api/video-analytics/v1/";

    private final OperationLogRepository repo;

    OperationLogFilter(OperationLogRepository repo) {
        this.repo = repo;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String m = request.getMethod();
        return !request.getRequestURI().startsWith(API) || "GET".equals(m) || "HEAD".equals(m) || "OPTIONS".equals(m);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Optional<CurrentActor> actor = Actors.currentIfAny();
            if (actor.isPresent()) {
                try {
                    repo.insert(actor.get().username(), String.join(",", new TreeSet<>(actor.get().roles())), "API",
                            request.getMethod() + " " + request.getRequestURI().substring(API.length() - 1),
                            request.getQueryString(), response.getStatus(),
                            (int) ((System.nanoTime() - start) / 1_000_000), response.getHeader("X-Request-Id"));
                } catch (RuntimeException e) {
                    log.warn("event=operation-log-failed path={} error={}", request.getRequestURI(), e.toString());
                }
            }
        }
    }
}
