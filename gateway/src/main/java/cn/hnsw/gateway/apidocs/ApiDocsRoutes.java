package cn.hnsw.gateway.apidocs;

import cn.hnsw.gateway.ratelimit.ClientRateLimitFilter;
import cn.hnsw.gateway.routing.PlatformService;
import cn.hnsw.gateway.routing.RouteResilience;
import cn.hnsw.gateway.routing.ServiceCatalog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One OpenAPI UI for the whole platform: {@code /api-docs/<service>} is the service's {@code /v3/api-docs}, and
 * {@code /swagger-ui.html} lists every service of the catalog (and the gateway's own API). All of it is open, as the
 * services' own API docs are.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsRoutes {

    static final String PATH_PREFIX = "/api-docs/";
    static final String RATE_LIMIT_GROUP = "api-docs";

    private final ObjectMapper objectMapper;

    ApiDocsRoutes(ObjectMapper objectMapper, ServiceCatalog catalog, SwaggerUiConfigProperties swaggerUi) {
        this.objectMapper = objectMapper;
        // the same catalog as the routes, so the UI lists exactly the services the gateway routes to
        Set<SwaggerUrl> urls = new LinkedHashSet<>();
        urls.add(new SwaggerUrl("gateway", "/v3/api-docs", "gateway — 统一网关"));
        for (PlatformService service : catalog.services()) {
            urls.add(new SwaggerUrl(service.id(), PATH_PREFIX + service.id(),
                    service.id() + " — " + service.nameZh()));
        }
        swaggerUi.setUrls(urls);
    }

    @Bean
    RouteLocator apiDocsRouteLocator(RouteLocatorBuilder builder, ServiceCatalog catalog, RouteResilience resilience) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (PlatformService service : catalog.services()) {
            routes.route("api-docs-" + service.id(), r -> resilience.timeouts(
                    r.method(HttpMethod.GET, HttpMethod.HEAD).and().path(PATH_PREFIX + service.id())
                            .filters(f -> resilience.apply(
                                    f.setPath("/v3/api-docs")
                                            .modifyResponseBody(String.class, String.class,
                                                    (exchange, body) -> Mono.just(throughGateway(body))),
                                    service.id())), service)
                    .metadata(ClientRateLimitFilter.GROUP_METADATA, RATE_LIMIT_GROUP)
                    .uri(service.uri()));
        }
        return routes.build();
    }

    /**
     * A service names itself (its own host and port) as the server of its API; "try it out" in the UI would then
     * bypass the gateway and fail in the browser. The relative server {@code /} is the gateway the document came from,
     * and the services' paths already start with {@code /api/<service>}.
     */
    String throughGateway(String document) {
        if (document == null) {
            return null;
        }
        try {
            JsonNode root = objectMapper.readTree(document);
            if (!(root instanceof ObjectNode openApi) || !openApi.has("openapi")) {
                return document;
            }
            ArrayNode servers = openApi.putArray("servers");
            servers.addObject().put("url", "/").put("description", "统一网关 / gateway");
            return objectMapper.writeValueAsString(openApi);
        } catch (JsonProcessingException notJson) {
            // an error page or anything else that is no OpenAPI document passes as it came
            return document;
        }
    }
}
