package cn.hnsw.simulators.sealed;

import cn.hnsw.common.crypto.SealedMessage;
import cn.hnsw.common.events.Backoff;
import cn.hnsw.simulators.partner.Partner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The reverse direction: a simulated partner pushes a sealed message (a receipt, a gate event…) to a platform URL.
 * The message is sealed once and the same envelope is resent on each retry, as a real partner's 补发 would: if an
 * earlier attempt did arrive and only its answer was lost, the platform refuses the resend as {@code REPLAYED}
 * (409), which the caller can read as "delivered before". Retries on connection failures, timeouts, 5xx, 408 and 429,
 * with the configured backoff; gives up at once on other 4xx.
 */
@Component
public class PlatformPushClient {

    private static final Logger log = LoggerFactory.getLogger(PlatformPushClient.class);

    private final PartnerSealers sealers;
    private final HttpClient http;
    private final int maxAttempts;
    private final Duration requestTimeout;
    private final Backoff backoff;

    @Autowired
    public PlatformPushClient(PartnerSealers sealers, SealingProperties properties) {
        this(sealers, HttpClient.newBuilder().connectTimeout(properties.push().connectTimeout()).build(),
                properties.push().maxAttempts(), properties.push().requestTimeout(), properties.push().backoff());
    }

    PlatformPushClient(PartnerSealers sealers, HttpClient http, int maxAttempts, Duration requestTimeout, Backoff backoff) {
        this.sealers = sealers;
        this.http = http;
        this.maxAttempts = maxAttempts;
        this.requestTimeout = requestTimeout;
        this.backoff = backoff;
    }

    /**
     * Seals {@code payload} from {@code partner} to the platform and POSTs it to {@code target}.
     *
     * @param bearerToken the partner client's access token, or {@code null} for none
     */
    public PushResult push(Partner partner, URI target, byte[] payload, EnvelopeForm form, String bearerToken) {
        SealedMessage sealed = sealers.sealToPlatform(partner, payload);
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(requestTimeout)
                .header(HttpHeaders.CONTENT_TYPE, form.mediaType().toString())
                .header(HttpHeaders.ACCEPT, form.mediaType() + ", application/problem+json")
                .header(PartnerMessageController.SIMULATOR_HEADER, partner.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.encode(sealed)));
        if (bearerToken != null) {
            builder.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
        }
        HttpRequest request = builder.build();

        int status = 0;
        byte[] body = new byte[0];
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                body = response.body();
                if (status >= 200 && status < 300) {
                    log.info("event=simulator-push-delivered partner={} name={} target={} messageId={} attempts={} status={}",
                            partner.id(), partner.nameZh(), target, sealed.messageId(), attempt, status);
                    return new PushResult(PushOutcome.DELIVERED, sealed.messageId(), attempt, status, body);
                }
                if (!retryable(status)) {
                    log.warn("event=simulator-push-refused partner={} name={} target={} messageId={} attempts={} status={}",
                            partner.id(), partner.nameZh(), target, sealed.messageId(), attempt, status);
                    return new PushResult(PushOutcome.REFUSED, sealed.messageId(), attempt, status, body);
                }
                log.info("event=simulator-push-retry partner={} target={} messageId={} attempt={} status={}",
                        partner.id(), target, sealed.messageId(), attempt, status);
            } catch (IOException e) {
                status = 0;
                body = new byte[0];
                log.info("event=simulator-push-retry partner={} target={} messageId={} attempt={} error=\"{}\"",
                        partner.id(), target, sealed.messageId(), attempt, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new PushResult(PushOutcome.FAILED, sealed.messageId(), attempt, status, body);
            }
            if (attempt < maxAttempts && !sleep(backoff.delayAfter(attempt, ThreadLocalRandom.current()))) {
                return new PushResult(PushOutcome.FAILED, sealed.messageId(), attempt, status, body);
            }
        }
        log.warn("event=simulator-push-failed partner={} name={} target={} messageId={} attempts={} status={}",
                partner.id(), partner.nameZh(), target, sealed.messageId(), maxAttempts, status);
        return new PushResult(PushOutcome.FAILED, sealed.messageId(), maxAttempts, status, body);
    }

    static boolean retryable(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
