package cn.hnsw.passenger.partner;

import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.crypto.SealRefusedException;
import cn.hnsw.common.crypto.SealedMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PartnerTransport} over HTTP: seals with the platform key to the partner's key, POSTs the JSON envelope to
 * {@code endpoint-base/{partnerId}/messages} with the service's bearer token, and opens the reply, which must be
 * signed by that same partner.
 */
public class SealedHttpPartnerClient implements PartnerTransport {

    private static final Logger log = LoggerFactory.getLogger(SealedHttpPartnerClient.class);

    private final MessageSealer sealer;
    private final PartnerSettings settings;
    private final ServiceTokenClient tokens;
    private final HttpClient http;

    public SealedHttpPartnerClient(MessageSealer sealer, PartnerSettings settings, ServiceTokenClient tokens) {
        this.sealer = Objects.requireNonNull(sealer);
        this.settings = Objects.requireNonNull(settings);
        this.tokens = Objects.requireNonNull(tokens);
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
    }

    @Override
    public OpenedMessage send(String partnerId, byte[] payload) {
        if (settings.endpointBase() == null) {
            throw new PartnerUnavailableException("hnsw.passenger.partners.endpoint-base is not set", null);
        }
        String partnerKey = settings.keyIdOf(partnerId);
        SealedMessage sealed = sealer.seal(payload, settings.platformKeyId(), partnerKey);
        URI target = URI.create(settings.endpointBase().toString().replaceAll("/+$", "") + "/" + partnerId + "/messages");
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sealed.toJson()));
        tokens.bearerToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new PartnerUnavailableException("partner " + partnerId + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerUnavailableException("interrupted while sending to " + partnerId, e);
        }
        int status = response.statusCode();
        if (status == 503 || status == 502 || status == 504 || status == 429) {
            throw new PartnerUnavailableException("partner " + partnerId + " answered " + status, null);
        }
        if (status != 200) {
            throw new PartnerRefusedException(status, new String(response.body(), StandardCharsets.UTF_8));
        }
        try {
            OpenedMessage reply = sealer.open(response.body());
            if (!reply.senderKeyId().equals(partnerKey)) {
                throw new PartnerRefusedException(status, "reply signed by " + reply.senderKeyId() + ", not " + partnerKey);
            }
            log.debug("event=partner-message-sent partner={} messageId={} replyId={}", partnerId,
                    sealed.messageId(), reply.messageId());
            return reply;
        } catch (SealRefusedException e) {
            throw new PartnerRefusedException(status, "reply refused: " + e.code());
        }
    }
}
