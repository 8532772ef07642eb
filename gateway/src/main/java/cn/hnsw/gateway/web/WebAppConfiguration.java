package cn.hnsw.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.resource.PathResourceResolver;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

/**
 * Serves the built web app from {@code hnsw.web.dist}: hashed assets cached for a year, everything else (above all
 * {@code index.html}) revalidated on each use so that a new build reaches every browser at once; any path of the
 * app's own router gets {@code index.html} (history-mode SPA). Until the app is built, {@code /} and those paths
 * answer a short bilingual page saying so. The checks are made per request, so building the app while the gateway
 * runs needs no restart.
 */
@Configuration(proxyBeanMethods = false)
class WebAppConfiguration implements WebFluxConfigurer {

    private static final Logger log = LoggerFactory.getLogger(WebAppConfiguration.class);
    private static final CacheControl HASHED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    private static final CacheControl REVALIDATE = CacheControl.noCache();
    private static final Resource NOT_BUILT = new ClassPathResource("web-not-built/index.html");

    private final WebAppProperties properties;

    WebAppConfiguration(WebAppProperties properties) {
        this.properties = properties;
        if (properties.dist() == null) {
            log.info("event=web-app-not-configured hint=\"set hnsw.web.dist to web/dist\"");
        } else if (!Files.isRegularFile(properties.dist().resolve("index.html"))) {
            log.warn("event=web-app-not-built dist={} hint=\"run npm ci && npm run build in web/\"", properties.dist());
        }
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        if (properties.dist() == null) {
            registry.addResourceHandler("/**")
                    .addResourceLocations("classpath:/web-not-built/")
                    .setCacheControl(REVALIDATE)
                    .resourceChain(false)
                    .addResolver(new SinglePageAppResolver(null));
            return;
        }
        String dist = properties.dist().toUri().toString();
        String assets = properties.assetsDir();
        registry.addResourceHandler("/" + assets + "/**")
                .addResourceLocations(dist + (dist.endsWith("/") ? "" : "/") + assets + "/")
                .setCacheControl(HASHED)
                // no resolution cache: a rebuild replaces the files underneath
                .resourceChain(false);
        registry.addResourceHandler("/**")
                .addResourceLocations(dist.endsWith("/") ? dist : dist + "/")
                .setCacheControl(REVALIDATE)
                .resourceChain(false)
                .addResolver(new SinglePageAppResolver(new FileSystemResource(properties.dist().resolve("index.html"))));
    }

    /**
     * {@code /} itself: resource handlers never serve an empty path, so it gets its own route. Ordered before the
     * gateway's routes, but it matches exactly {@code /} and nothing else.
     */
    @Bean
    RouterFunction<ServerResponse> webAppRoot() {
        return RouterFunctions.route(RequestPredicates.GET("/"), this::root);
    }

    private Mono<ServerResponse> root(ServerRequest request) {
        Resource page = indexOrNotBuilt();
        Instant lastModified = lastModified(page);
        ServerResponse.BodyBuilder ok = ServerResponse.ok().cacheControl(REVALIDATE).contentType(MediaType.TEXT_HTML);
        if (lastModified == null) {
            return ok.body(BodyInserters.fromResource(page));
        }
        return request.checkNotModified(lastModified)
                .switchIfEmpty(Mono.defer(() -> ok.lastModified(lastModified).body(BodyInserters.fromResource(page))));
    }

    private Resource indexOrNotBuilt() {
        if (properties.dist() != null) {
            Resource index = new FileSystemResource(properties.dist().resolve("index.html"));
            if (index.isReadable()) {
                return index;
            }
        }
        return NOT_BUILT;
    }

    private static Instant lastModified(Resource resource) {
        try {
            return Instant.ofEpochMilli(resource.lastModified());
        } catch (IOException unknown) {
            return null;
        }
    }

    /**
     * The files of {@code dist} as they are; for a path of the app's own router that is no file, {@code index.html};
     * and while there is no {@code index.html}, the not-built page.
     */
    static final class SinglePageAppResolver extends PathResourceResolver {
        private final Resource index;

        SinglePageAppResolver(Resource index) {
            this.index = index;
        }

        @Override
        protected Mono<Resource> getResource(String resourcePath, Resource location) {
            return super.getResource(resourcePath, location).switchIfEmpty(Mono.defer(() -> {
                if (!ClientRoutes.isClientRoute(resourcePath)) {
                    return Mono.empty();
                }
                return Mono.just(index != null && index.isReadable() ? index : NOT_BUILT);
            }));
        }
    }
}
