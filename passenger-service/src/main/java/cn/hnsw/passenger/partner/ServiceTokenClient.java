package cn.hnsw.passenger.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The service's own access token (OAuth2 client credentials, realm role {@code internal-service}) that it presents at
 * a partner's door; the seal then proves the message itself. Cached until 30 s before it expires. Without a token
 * endpoint configured no token is sent.
 */
public class ServiceTokenClient {

    private final PartnerSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;
    private Instant expiresAt = Instant.EPOCH;

    public ServiceTokenClient(PartnerSettings settings, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    public synchronized Optional<String> bearerToken() {
        if (settings.tokenUri() == null) {
            return Optional.empty();
        }
        if (token != null && clock.instant().isBefore(expiresAt)) {
            return Optional.of(token);
        }
        String form = "grant_type=client_credentials&client_id=" + enc(settings.clientId())
                + "&client_secret=" + enc(settings.clientSecret());
        HttpRequest request = HttpRequest.newBuilder(settings.tokenUri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(settings.requestTimeout())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new PartnerUnavailableException("token endpoint answered " + response.statusCode(), null);
            }
            JsonNode body = json.readTree(response.body());
            token = body.path("access_token").asText();
            expiresAt = clock.instant().plusSeconds(Math.max(0, body.path("expires_in").asLong(60) - 30));
            return Optional.of(token);
        } catch (IOException e) {
            throw new PartnerUnavailableException("token endpoint unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerUnavailableException("interrupted while fetching a token", e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
