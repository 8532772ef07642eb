package cn.hnsw.common.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * OAuth2 client-credentials grant (RFC 6749 §4.4) against Keycloak: the token is cached and fetched again 30 s before
 * it expires, or after {@link #invalidate()}. The client authenticates with HTTP Basic ({@code client_secret_basic}).
 */
public class ClientCredentialsTokenProvider implements ServiceTokenProvider {

    private static final Duration EARLY = Duration.ofSeconds(30);

    private final URI tokenUri;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    private String cached;
    private Instant refreshAt = Instant.MIN;

    public ClientCredentialsTokenProvider(URI tokenUri, String clientId, String clientSecret, HttpClient http,
                                          Duration requestTimeout, Clock clock) {
        this.tokenUri = tokenUri;
        this.clientId = clientId;
        this.clientSecret = clientSecret == null ? "" : clientSecret;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    @Override
    public synchronized Optional<String> token() {
        if (cached != null && clock.instant().isBefore(refreshAt)) {
            return Optional.of(cached);
        }
        String basic = Base64.getEncoder().encodeToString((urlEncode(clientId) + ":" + urlEncode(clientSecret))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .timeout(requestTimeout)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new PartnerUnavailableException(tokenUri.toString(), "token endpoint answered "
                        + response.statusCode() + " for client " + clientId, null);
            }
            JsonNode body = json.readTree(response.body());
            String token = body.path("access_token").asText(null);
            if (token == null || token.isBlank()) {
                throw new PartnerUnavailableException(tokenUri.toString(), "token endpoint gave no access_token", null);
            }
            long expiresIn = body.path("expires_in").asLong(60);
            cached = token;
            Instant now = clock.instant();
            refreshAt = now.plusSeconds(expiresIn).minus(EARLY);
            if (!refreshAt.isAfter(now)) {
                refreshAt = now.plusSeconds(Math.max(1, expiresIn / 2));
            }
            return Optional.of(token);
        } catch (IOException e) {
            throw new PartnerUnavailableException(tokenUri.toString(), "token endpoint unreachable: " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerUnavailableException(tokenUri.toString(), "interrupted while fetching a token", null);
        }
    }

    @Override
    public synchronized void invalidate() {
        cached = null;
        refreshAt = Instant.MIN;
    }

    private static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
