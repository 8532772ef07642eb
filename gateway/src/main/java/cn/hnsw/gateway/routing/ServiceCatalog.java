package cn.hnsw.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The services behind the gateway ({@code hnsw.gateway.services[...]}): one list from which the routes, the
 * aggregated API docs and the status page are all built, so they cannot drift apart.
 */
@ConfigurationProperties("hnsw.gateway")
public record ServiceCatalog(List<PlatformService> services) {

    public ServiceCatalog {
        services = services == null ? List.of() : List.copyOf(services);
        Set<String> ids = new HashSet<>();
        Set<String> paths = new HashSet<>();
        for (PlatformService s : services) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("hnsw.gateway.services: id listed twice: " + s.id());
            }
            if (!paths.add(s.path())) {
                throw new IllegalArgumentException("hnsw.gateway.services: path claimed twice: " + s.path());
            }
        }
    }
}
