package cn.hnsw.customs.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code hnsw.customs.exchange.*}: where each partner is reached and with which key, how the outbound queue retries,
 * and who may send receipts and distributions in.
 *
 * @param partners         partner id → endpoint and recipient key
 * @param tokenUri         Keycloak token endpoint for the client-credentials service token; unset: no token is sent
 * @param clientId         this service's client id
 * @param clientSecret     its secret
 * @param maxAttempts      attempts before a message is permanently failed
 * @param initialBackoff   wait after the first failure (doubles each time, with jitter)
 * @param maxBackoff       longest wait
 * @param pollInterval     longest sleep of the dispatcher when nothing wakes it
 * @param receiptSenders   key ids whose receipts are accepted (the Single Window, H2018)
 * @param subcentreSenders key ids whose distributions the sub-centre accepts
 */
@ConfigurationProperties("hnsw.customs.exchange")
public record PartnerProperties(
        Map<String, Endpoint> partners,
        URI tokenUri,
        String clientId,
        String clientSecret,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("1m") Duration maxBackoff,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue({"single-window-standard", "customs-h2018"}) List<String> receiptSenders,
        @DefaultValue({"hnsw-platform", "single-window-standard"}) List<String> subcentreSenders) {

    public PartnerProperties {
        partners = partners == null ? Map.of() : Map.copyOf(partners);
    }

    /** A partner's sealed-message endpoint and the key its messages are sealed to. */
    public record Endpoint(URI url, String keyId) {
    }
}
