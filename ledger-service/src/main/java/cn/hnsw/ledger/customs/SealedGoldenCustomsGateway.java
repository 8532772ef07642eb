package cn.hnsw.ledger.customs;

import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.crypto.SealRefusedException;
import cn.hnsw.common.crypto.SealedMessage;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Production {@link GoldenCustomsGateway}: seals the declaration with the platform key to 金关二期's key, POSTs it
 * with a client-credentials service token to the partner endpoint, opens and verifies the sealed technical receipt.
 */
public class SealedGoldenCustomsGateway implements GoldenCustomsGateway {

    private static final Logger log = LoggerFactory.getLogger(SealedGoldenCustomsGateway.class);

    private final MessageSealer sealer;
    private final ObjectMapper json;
    private final CustomsProperties properties;
    private final HttpClient http;

    public SealedGoldenCustomsGateway(MessageSealer sealer, ObjectMapper json, CustomsProperties properties) {
        this.sealer = sealer;
        this.json = json;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    @Override
    public CustomsAck declare(CustomsDeclarationMessage message) {
        try {
            byte[] payload = json.writeValueAsBytes(message);
            SealedMessage sealed = sealer.seal(payload, properties.platformKeyId(), properties.partnerKeyId());
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.endpoint()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, application/problem+json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(sealed.toJson()));
            String token = serviceToken();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 500) {
                log.warn("event=customs-unavailable partner={} document={} status={}", properties.partnerKeyId(),
                        message.documentNo(), response.statusCode());
                throw new HnswException(LedgerErrorCode.CUSTOMS_UNAVAILABLE);
            }
            if (response.statusCode() != 200) {
                JsonNode problem = json.readTree(response.body());
                throw new HnswException(LedgerErrorCode.CUSTOMS_REFUSED, problem.path("code").asText("HTTP " + response.statusCode()));
            }
            OpenedMessage opened = sealer.open(response.body());
            if (!properties.partnerKeyId().equals(opened.senderKeyId())) {
                throw new HnswException(LedgerErrorCode.UNKNOWN_RECEIPT_SENDER, opened.senderKeyId());
            }
            JsonNode receipt = json.readTree(opened.payload());
            log.info("event=customs-declared document={} messageId={} status={}", message.documentNo(),
                    sealed.messageId(), receipt.path("status").asText());
            return new CustomsAck(sealed.messageId(), receipt.path("status").asText(), receipt.path("code").asText(null));
        } catch (SealRefusedException e) {
            throw new HnswException(LedgerErrorCode.SEALED_MESSAGE_REFUSED, java.util.List.of(), e, e.code().name());
        } catch (IOException e) {
            log.warn("event=customs-unreachable document={} error=\"{}\"", message.documentNo(), e.toString());
            throw new HnswException(LedgerErrorCode.CUSTOMS_UNAVAILABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HnswException(LedgerErrorCode.CUSTOMS_UNAVAILABLE);
        }
    }

    /** Client-credentials token of the ledger service (Keycloak), or none where no token endpoint is configured. */
    private String serviceToken() throws IOException, InterruptedException {
        if (properties.tokenUri() == null || properties.tokenUri().isBlank()) {
            return null;
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(properties.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(properties.clientSecret(), StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(properties.tokenUri()))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new HnswException(LedgerErrorCode.CUSTOMS_UNAVAILABLE);
        }
        return json.readTree(response.body()).path("access_token").asText();
    }
}
