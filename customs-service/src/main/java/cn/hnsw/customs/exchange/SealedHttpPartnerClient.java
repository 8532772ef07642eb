package cn.hnsw.customs.exchange;

import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.crypto.SealRefusedException;
import cn.hnsw.common.crypto.SealedMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link PartnerChannel} over HTTP: seal with the platform key to the partner's key, POST the JSON envelope with the
 * service's client-credentials token, open the sealed reply and check it comes from that partner.
 */
@Component
class SealedHttpPartnerClient implements PartnerChannel {

    private static final Logger log = LoggerFactory.getLogger(SealedHttpPartnerClient.class);

    private final MessageSealer sealer;
    private final PartnerProperties properties;
    private final String platformKeyId;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private volatile String token;
    private volatile Instant tokenExpiry = Instant.EPOCH;

    SealedHttpPartnerClient(MessageSealer sealer, PartnerProperties properties,
                            @Value("${hnsw.crypto.platform-key-id}") String platformKeyId) {
        this.sealer = sealer;
        this.properties = properties;
        this.platformKeyId = platformKeyId;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    @Override
    public Reply exchange(String partnerId, byte[] payload) {
        PartnerProperties.Endpoint endpoint = properties.partners().get(partnerId);
        if (endpoint == null || endpoint.url() == null) {
            throw new PartnerCallException("partner " + partnerId + " has no endpoint configured", false);
        }
        SealedMessage sealed = sealer.seal(payload, platformKeyId, endpoint.keyId() != null ? endpoint.keyId() : partnerId);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.url())
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sealed.toJson()));
        String bearer = serviceToken();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new PartnerCallException("partner " + partnerId + " unreachable: " + e.getClass().getSimpleName(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerCallException("interrupted", true);
        }
        int status = response.statusCode();
        if (status == 409) {
            // REPLAYED: an earlier attempt with this envelope arrived; a resend is sealed afresh, so this does not happen
            // for our own retries, but a proxy retry could cause it.
            throw new PartnerCallException("partner " + partnerId + " saw the message before (409)", true);
        }
        if (status < 200 || status >= 300) {
            boolean retryable = status >= 500 || status == 408 || status == 429;
            throw new PartnerCallException("partner " + partnerId + " answered " + status, retryable);
        }
        OpenedMessage opened;
        try {
            opened = sealer.open(response.body());
        } catch (SealRefusedException e) {
            log.warn("event=partner-reply-refused partner={} code={}", partnerId, e.code());
            throw new PartnerCallException("reply of " + partnerId + " refused: " + e.code(), true);
        }
        String expected = endpoint.keyId() != null ? endpoint.keyId() : partnerId;
        if (!opened.senderKeyId().equals(expected)) {
            throw new PartnerCallException("reply of " + partnerId + " signed by " + opened.senderKeyId(), false);
        }
        return new Reply(sealed.messageId(), opened.senderKeyId(), opened.payload());
    }

    /** A client-credentials token from Keycloak, cached until shortly before it expires. */
    private String serviceToken() {
        if (properties.tokenUri() == null || properties.tokenUri().toString().isBlank()) {
            return null;
        }
        if (token != null && Instant.now().isBefore(tokenExpiry)) {
            return token;
        }
        synchronized (this) {
            if (token != null && Instant.now().isBefore(tokenExpiry)) {
                return token;
            }
            String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(properties.clientId(), StandardCharsets.UTF_8)
                    + "&client_secret=" + URLEncoder.encode(properties.clientSecret(), StandardCharsets.UTF_8);
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(properties.tokenUri().toString()))
                        .timeout(properties.requestTimeout())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new PartnerCallException("token endpoint answered " + response.statusCode(), true);
                }
                JsonNode body = json.readTree(response.body());
                token = body.path("access_token").asText();
                tokenExpiry = Instant.now().plusSeconds(Math.max(5, body.path("expires_in").asLong(60) - 30));
                return token;
            } catch (IOException e) {
                throw new PartnerCallException("token endpoint unreachable", true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PartnerCallException("interrupted", true);
            }
        }
    }
}
