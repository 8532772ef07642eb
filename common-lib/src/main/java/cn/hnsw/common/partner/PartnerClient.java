package cn.hnsw.common.partner;

import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.crypto.RefusalCode;
import cn.hnsw.common.crypto.SealRefusedException;
import cn.hnsw.common.crypto.SealedMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends sealed messages to partner systems (customs H2018, 金关二期, banks, 海易办, … or their simulators) and opens
 * their sealed replies. Every message is SM2-signed by the platform key and SM4-encrypted to the partner's key
 * ({@link MessageSealer}); the reply must be signed by that partner and sealed to us, or it is refused.
 *
 * <p>One attempt per call: the caller owns retries, because only the caller knows whether it can wait. Keep the
 * {@link SealedRequest} from {@link #prepare} and resend it unchanged; {@link #send} seals and delivers in one go
 * for callers that do not retry.
 *
 * <ul>
 *   <li>2xx: the reply is opened and verified → {@link PartnerReply};</li>
 *   <li>409 with code {@code REPLAYED}: delivered before → {@link PartnerReply#alreadyDelivered()};</li>
 *   <li>connection failure, timeout, 5xx, 408, 429 → {@link PartnerUnavailableException} (retry the same request);</li>
 *   <li>401 without a refusal code: the token is renewed and the request tried once more;</li>
 *   <li>any other 4xx, or a reply that does not verify → {@link PartnerRefusedException}.</li>
 * </ul>
 */
public class PartnerClient {

    private static final Logger log = LoggerFactory.getLogger(PartnerClient.class);

    private final MessageSealer sealer;
    private final String platformKeyId;
    private final PartnerProperties properties;
    private final ServiceTokenProvider tokens;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public PartnerClient(MessageSealer sealer, String platformKeyId, PartnerProperties properties,
                         ServiceTokenProvider tokens, HttpClient http) {
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.platformKeyId = Objects.requireNonNull(platformKeyId, "platformKeyId (hnsw.crypto.platform-key-id)");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.http = Objects.requireNonNull(http, "http");
    }

    /** Seals {@code payload} for {@code partnerId} in a JSON envelope. */
    public SealedRequest prepare(String partnerId, byte[] payload) {
        return prepare(partnerId, payload, EnvelopeFormat.JSON);
    }

    public SealedRequest prepare(String partnerId, byte[] payload, EnvelopeFormat form) {
        SealedMessage message = sealer.seal(payload, platformKeyId, properties.keyIdOf(partnerId));
        return new SealedRequest(partnerId, message, form);
    }

    /** Seals and delivers in one attempt. */
    public PartnerReply send(String partnerId, byte[] payload) {
        return deliver(prepare(partnerId, payload));
    }

    /** Delivers a prepared request (first attempt or a resend) and opens the reply. */
    public PartnerReply deliver(SealedRequest request) {
        HttpResponse<byte[]> response = post(request, tokens.token());
        if (response.statusCode() == 401 && problemCode(response.body()).isEmpty()) {
            // The token expired or was revoked; a refusal of the seal itself carries a code and is final.
            tokens.invalidate();
            response = post(request, tokens.token());
        }
        int status = response.statusCode();
        String partnerId = request.partnerId();
        if (status >= 200 && status < 300) {
            OpenedMessage reply = openReply(partnerId, response.body());
            log.info("event=partner-reply partner={} messageId={} replyId={} status={}", partnerId,
                    request.messageId(), reply.messageId(), status);
            return new PartnerReply(request.messageId(), status, reply);
        }
        Optional<String> code = problemCode(response.body());
        if (status == 409 && code.filter(RefusalCode.REPLAYED.name()::equals).isPresent()) {
            log.info("event=partner-already-delivered partner={} messageId={}", partnerId, request.messageId());
            return new PartnerReply(request.messageId(), status, null);
        }
        if (status >= 500 || status == 408 || status == 429) {
            log.warn("event=partner-unavailable partner={} messageId={} status={} code={}", partnerId,
                    request.messageId(), status, code.orElse("-"));
            throw new PartnerUnavailableException(partnerId, "partner " + partnerId + " answered " + status
                    + code.map(c -> " " + c).orElse(""), retryAfter(response));
        }
        log.warn("event=partner-refused partner={} messageId={} status={} code={}", partnerId, request.messageId(),
                status, code.orElse("-"));
        throw new PartnerRefusedException(partnerId, status, code.orElse("HTTP_" + status),
                "partner " + partnerId + " refused message " + request.messageId() + " with " + status
                        + code.map(c -> " " + c).orElse(""));
    }

    private HttpResponse<byte[]> post(SealedRequest request, Optional<String> token) {
        URI target = properties.endpointOf(request.partnerId());
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(properties.requestTimeout())
                .header("Content-Type", request.form().mediaType())
                .header("Accept", request.form().mediaType() + ", application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.encoded()));
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            log.warn("event=partner-unreachable partner={} target={} messageId={} error=\"{}\"", request.partnerId(),
                    target, request.messageId(), e.toString());
            throw new PartnerUnavailableException(request.partnerId(), "partner " + request.partnerId()
                    + " unreachable at " + target + ": " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerUnavailableException(request.partnerId(), "interrupted", null);
        }
    }

    /** Opens the partner's reply: sealed to us, signed by that very partner, fresh and not seen before. */
    private OpenedMessage openReply(String partnerId, byte[] body) {
        try {
            OpenedMessage reply = sealer.open(body);
            String expected = properties.keyIdOf(partnerId);
            if (!expected.equals(reply.senderKeyId())) {
                throw new PartnerRefusedException(partnerId, 0, RefusalCode.UNKNOWN_SIGNER.name(),
                        "reply from " + partnerId + " is signed by " + reply.senderKeyId() + ", expected " + expected);
            }
            return reply;
        } catch (SealRefusedException e) {
            log.warn("event=partner-reply-refused partner={} code={} detail=\"{}\"", partnerId, e.code(), e.getMessage());
            throw new PartnerRefusedException(partnerId, 0, e.code().name(), "reply from " + partnerId
                    + " refused: " + e.code());
        }
    }

    private Optional<String> problemCode(byte[] body) {
        if (body == null || body.length == 0 || body[0] != '{') {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(body);
            return Optional.ofNullable(node.path("code").asText(null)).filter(s -> !s.isBlank());
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
            } catch (NumberFormatException httpDate) {
                return Optional.empty();
            }
        }).orElse(null);
    }
}
