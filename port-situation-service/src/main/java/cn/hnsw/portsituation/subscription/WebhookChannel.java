package cn.hnsw.portsituation.subscription;

import cn.hnsw.common.crypto.CipherDevice;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Webhook delivery: an HTTP POST of the JSON payload, signed with the platform's SM2 key in the cipher device (the key
 * that seals every partner message; subscribers verify with the platform certificate, so no shared secret is handed out
 * or stored). Headers:
 * <ul>
 *   <li>{@code X-HNSW-Delivery-Id}: the delivery's id, the same on every retry (subscribers de-duplicate on it);</li>
 *   <li>{@code X-HNSW-Timestamp}: ISO-8601 instant of this attempt (subscribers refuse stale ones);</li>
 *   <li>{@code X-HNSW-Key-Id}, {@code X-HNSW-Certificate-Number}: which platform key signed;</li>
 *   <li>{@code X-HNSW-Signature}: Base64 of the 64-byte SM2 signature ({@code r || s}, SM3, default user id) of
 *       {@code deliveryId + "\n" + timestamp + "\n" + body} in UTF-8.</li>
 * </ul>
 * 2xx is delivered; 408, 429, 5xx and no answer are retried; any other answer is the subscriber's refusal. Redirects are
 * not followed.
 */
public final class WebhookChannel implements DeliveryChannel {

    private final CipherDevice device;
    private final String keyId;
    private final Clock clock;
    private final HttpClient http;
    private final Duration timeout;

    public WebhookChannel(CipherDevice device, String keyId, Clock clock, Duration timeout) {
        this.device = device;
        this.keyId = keyId;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return "WEBHOOK";
    }

    /** What is signed: the delivery id, the timestamp and the body, one per line. */
    public static byte[] signedText(String deliveryId, String timestamp, String body) {
        return (deliveryId + "\n" + timestamp + "\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Outcome deliver(Subscription subscription, String deliveryId, String payloadJson, String textZh) {
        String timestamp = clock.instant().toString();
        String signature = Base64.getEncoder().encodeToString(device.sign(keyId, signedText(deliveryId, timestamp,
                payloadJson)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.target())).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-HNSW-Delivery-Id", deliveryId)
                .header("X-HNSW-Timestamp", timestamp)
                .header("X-HNSW-Key-Id", keyId)
                .header("X-HNSW-Certificate-Number", device.certificateNumber(keyId))
                .header("X-HNSW-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(payloadJson, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int code = response.statusCode();
            String detail = abbreviate(response.body());
            if (code >= 200 && code < 300) {
                return Outcome.delivered(code, detail);
            }
            if (code == 408 || code == 429 || code >= 500) {
                return Outcome.retry(code, detail);
            }
            return Outcome.refused(code, detail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry(null, "interrupted");
        } catch (Exception e) {
            return Outcome.retry(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static String abbreviate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}
