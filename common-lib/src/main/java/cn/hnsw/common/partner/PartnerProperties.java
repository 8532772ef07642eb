package cn.hnsw.common.partner;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * {@code hnsw.partners.*}: where the partner systems listen and how this service proves who it is to them.
 *
 * @param endpoint       URI template with {@code {partnerId}}: where a sealed message to a partner is POSTed. The local
 *                       stack and the tests point it at the simulators ({@code …/api/simulators/v1/partners/{partnerId}/messages});
 *                       production points each partner at its real front-end machine through {@code endpoints}.
 * @param endpoints      per-partner URIs that replace the template
 * @param keyIds         per-partner SM2 key ids when they differ from the partner id
 * @param tokenUri       the OAuth2 token endpoint for the client-credentials grant; default: the resource server's
 *                       issuer + {@code /protocol/openid-connect/token} (Keycloak)
 * @param clientId       this service's client ({@code hnsw-svc-…}); unset: messages go without a bearer token
 * @param clientSecret   its secret
 * @param connectTimeout default 2 s
 * @param requestTimeout default 15 s (a partner may take its time to answer)
 */
@ConfigurationProperties("hnsw.partners")
public record PartnerProperties(
        String endpoint,
        Map<String, URI> endpoints,
        Map<String, String> keyIds,
        URI tokenUri,
        String clientId,
        String clientSecret,
        Duration connectTimeout,
        Duration requestTimeout) {

    public static final String DEFAULT_ENDPOINT = "http://localhost:8090/api/simulators/v1/partners/{partnerId}/messages";

    public PartnerProperties {
        endpoint = endpoint == null || endpoint.isBlank() ? DEFAULT_ENDPOINT : endpoint;
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
        keyIds = keyIds == null ? Map.of() : Map.copyOf(keyIds);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(15) : requestTimeout;
    }

    /** The URI a message to {@code partnerId} goes to. */
    public URI endpointOf(String partnerId) {
        URI specific = endpoints.get(partnerId);
        return specific != null ? specific : URI.create(endpoint.replace("{partnerId}", partnerId));
    }

    /** The SM2 key id the partner signs with and is sealed to. */
    public String keyIdOf(String partnerId) {
        return keyIds.getOrDefault(partnerId, partnerId);
    }
}
