package cn.hnsw.gateway.status;

import cn.hnsw.gateway.routing.PlatformService;
import cn.hnsw.gateway.routing.ServiceCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks every service's {@code /actuator/health} and asks the simulators for the partner links, all at once with short
 * timeouts. One round is shared by every caller for {@code cache-ttl}: concurrent callers wait for the same round
 * rather than each starting one.
 */
@Component
public class PlatformStatusChecker {

    static final String PARTNER_LINKS_PATH = "/api/simulators/v1/partner-links";
    static final String UNKNOWN = "UNKNOWN";

    private static final Logger log = LoggerFactory.getLogger(PlatformStatusChecker.class);

    private final ServiceCatalog catalog;
    private final StatusProperties properties;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final WebClient http;
    private final Mono<PlatformStatus> cached;
    /** The partner list last reported, so that an outage of the simulators still shows which links are unknown. */
    private final AtomicReference<List<JsonNode>> lastKnownPartners = new AtomicReference<>(List.of());

    public PlatformStatusChecker(ServiceCatalog catalog, StatusProperties properties, ObjectMapper objectMapper,
                                 WebClient.Builder webClients) {
        this.catalog = catalog;
        this.properties = properties;
        this.objectMapper = objectMapper;
        this.clock = Clock.systemUTC();
        HttpClient client = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
                .responseTimeout(properties.timeout());
        this.http = webClients.clone().clientConnector(new ReactorClientHttpConnector(client)).build();
        this.cached = Mono.defer(this::checkNow).cache(properties.cacheTtl());
    }

    /** The latest round of checks, at most {@code cache-ttl} old. */
    public Mono<PlatformStatus> current() {
        return cached;
    }

    Mono<PlatformStatus> checkNow() {
        Mono<List<PlatformStatus.ServiceHealth>> services = Flux.fromIterable(catalog.services())
                .flatMapSequential(this::check)
                .collectList();
        return Mono.zip(services, partners())
                .map(both -> new PlatformStatus(clock.instant(), both.getT1(), both.getT2()));
    }

    private Mono<PlatformStatus.ServiceHealth> check(PlatformService service) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return http.get().uri(service.healthUri()).accept(MediaType.APPLICATION_JSON)
                    .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                            ? response.bodyToMono(JsonNode.class).map(PlatformStatusChecker::isUp).defaultIfEmpty(true)
                            : response.releaseBody().thenReturn(false))
                    .timeout(properties.timeout())
                    .onErrorResume(e -> {
                        log.debug("event=status-check-failed service={} error={}", service.id(), e.toString());
                        return Mono.just(false);
                    })
                    .map(up -> new PlatformStatus.ServiceHealth(service.id(), service.nameZh(), service.nameEn(),
                            up ? "UP" : "DOWN", (System.nanoTime() - started) / 1_000_000));
        });
    }

    private static boolean isUp(JsonNode health) {
        JsonNode status = health.get("status");
        return status == null || "UP".equals(status.asText());
    }

    private Mono<List<JsonNode>> partners() {
        if (properties.simulatorsUri() == null) {
            return Mono.just(unknownPartners());
        }
        URI uri = properties.simulatorsUri().resolve(PARTNER_LINKS_PATH);
        return http.get().uri(uri).accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(properties.timeout())
                .map(body -> {
                    if (!body.isArray()) {
                        throw new IllegalStateException("partner-links is not a JSON array");
                    }
                    List<JsonNode> partners = new ArrayList<>();
                    body.forEach(partners::add);
                    lastKnownPartners.set(List.copyOf(partners));
                    return List.copyOf(partners);
                })
                .onErrorResume(e -> {
                    log.debug("event=partner-links-unavailable uri={} error={}", uri, e.toString());
                    return Mono.just(unknownPartners());
                });
    }

    /**
     * The partners last reported, each now {@code UNKNOWN}; before any report, one entry for the partner links as a
     * whole, so that the page always has a line to show.
     */
    private List<JsonNode> unknownPartners() {
        List<JsonNode> known = lastKnownPartners.get();
        if (known.isEmpty()) {
            ObjectNode all = objectMapper.createObjectNode()
                    .put("id", "partner-links")
                    .put("nameZh", "合作方链路")
                    .put("nameEn", "Partner links")
                    .put("status", UNKNOWN);
            return List.of(all);
        }
        List<JsonNode> unknown = new ArrayList<>(known.size());
        for (JsonNode partner : known) {
            JsonNode copy = partner.deepCopy();
            if (copy instanceof ObjectNode object) {
                object.put("status", UNKNOWN);
            }
            unknown.add(copy);
        }
        return List.copyOf(unknown);
    }
}
