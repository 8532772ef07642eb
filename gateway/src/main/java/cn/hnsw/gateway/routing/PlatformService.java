package cn.hnsw.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One service behind the gateway: where it runs, the API path it owns and its name on the status page. The same entry
 * feeds its route, its API-docs route, its swagger-ui entry and its line on the status page.
 *
 * @param id              the module name, e.g. {@code passenger-service}; also the route and circuit-breaker name
 * @param nameZh          name on the status page, Chinese
 * @param nameEn          name on the status page, English
 * @param uri             base URI of the service, e.g. {@code http://localhost:8081}
 * @param path            the API path it owns; defaults to {@code /api/<id without -service>}
 * @param connectTimeout  overrides {@code hnsw.gateway.resilience.connect-timeout} for this service
 * @param responseTimeout overrides {@code hnsw.gateway.resilience.response-timeout} for this service
 */
public record PlatformService(
        String id,
        String nameZh,
        String nameEn,
        URI uri,
        String path,
        Duration connectTimeout,
        Duration responseTimeout) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern PATH = Pattern.compile("(/[a-z0-9][a-z0-9-]*)+");

    public PlatformService {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("hnsw.gateway.services: id must be lower-case letters, digits and '-': " + id);
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("hnsw.gateway.services[" + id + "].uri must be an absolute http URI: " + uri);
        }
        if (path == null || path.isBlank()) {
            path = "/api/" + id.replaceFirst("-service$", "");
        }
        path = path.toLowerCase(Locale.ROOT);
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("hnsw.gateway.services[" + id + "].path is not a plain path: " + path);
        }
        nameZh = nameZh == null || nameZh.isBlank() ? id : nameZh;
        nameEn = nameEn == null || nameEn.isBlank() ? id : nameEn;
    }

    /** The service's health endpoint, polled by the status page. */
    public URI healthUri() {
        return uri.resolve("/actuator/health");
    }
}
