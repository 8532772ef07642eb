package cn.hnsw.passenger.partner;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hnsw.passenger.partners.*}: where partners' sealed-message endpoints are ({@code endpoint-base}/{id}/messages),
 * the platform's key id, each partner's key id where it differs from its id, and the client-credentials token the
 * service presents at a partner's door.
 */
@ConfigurationProperties("hnsw.passenger.partners")
public record PartnerSettings(URI endpointBase, String platformKeyId, Map<String, String> keyIds,
                              Duration requestTimeout, URI tokenUri, String clientId, String clientSecret) {

    public PartnerSettings {
        keyIds = keyIds == null ? Map.of() : Map.copyOf(keyIds);
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        platformKeyId = platformKeyId == null || platformKeyId.isBlank() ? "hnsw-platform" : platformKeyId;
    }

    public String keyIdOf(String partnerId) {
        return keyIds.getOrDefault(partnerId, partnerId);
    }
}
