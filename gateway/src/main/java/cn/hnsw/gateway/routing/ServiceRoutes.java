package cn.hnsw.gateway.routing;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /api/<service>/**} goes, path unchanged, to the service that owns it; one route per catalog entry. */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, ServiceCatalog catalog, RouteResilience resilience) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (PlatformService service : catalog.services()) {
            routes.route(service.id(), r -> resilience.timeouts(
                    r.path(service.path() + "/**")
                            .filters(f -> resilience.apply(f, service.id())), service)
                    .uri(service.uri()));
        }
        return routes.build();
    }
}
