package cn.hnsw.portsituation.subscription;

import cn.hnsw.common.crypto.CipherDevice;
import cn.hnsw.common.partner.SignedWebhook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Webhook delivery: an HTTP POST of the JSON payload signed with the platform's SM2 key, as common-lib's
 * {@link SignedWebhook} defines it (headers {@code X-HNSW-Delivery-Id}, {@code X-HNSW-Timestamp}, {@code X-HNSW-Key-Id},
 * {@code X-HNSW-Certificate-Number}, {@code X-HNSW-Signature}; subscribers verify with the platform certificate).
 * 2xx is delivered; 408, 429, 5xx and no answer are retried; any other answer is the subscriber's refusal.
 */
public final class WebhookChannel implements DeliveryChannel {

    private final SignedWebhook webhook;

    public WebhookChannel(CipherDevice device, String keyId, Clock clock, Duration timeout) {
        this.webhook = new SignedWebhook(device, keyId, clock, timeout);
    }

    @Override
    public String name() {
        return "WEBHOOK";
    }

    @Override
    public Outcome deliver(Subscription subscription, String deliveryId, String payloadJson, String textZh) {
        URI target;
        try {
            target = URI.create(subscription.target());
        } catch (IllegalArgumentException e) {
            return Outcome.refused(null, "bad address: " + e.getMessage());
        }
        SignedWebhook.Attempt attempt = webhook.post(target, deliveryId, payloadJson);
        return switch (attempt.verdict()) {
            case DELIVERED -> Outcome.delivered(attempt.status(), attempt.detail());
            case RETRY -> Outcome.retry(attempt.status(), attempt.detail());
            case REFUSED -> Outcome.refused(attempt.status(), attempt.detail());
        };
    }
}
