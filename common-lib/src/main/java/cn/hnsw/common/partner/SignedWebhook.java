package cn.hnsw.common.partner;

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
 * A webhook POST to an address a subscriber registered (an enterprise ERP, a partner's alert receiver), signed with the
 * platform's SM2 key in the cipher device: the key that seals every partner message, so subscribers verify with the
 * platform certificate and no shared secret is handed out or stored. Headers:
 * <ul>
 *   <li>{@code X-HNSW-Delivery-Id}: the delivery's id, the same on every retry (subscribers de-duplicate on it);</li>
 *   <li>{@code X-HNSW-Timestamp}: ISO-8601 instant of this attempt (subscribers refuse stale ones);</li>
 *   <li>{@code X-HNSW-Key-Id}, {@code X-HNSW-Certificate-Number}: which platform key signed;</li>
 *   <li>{@code X-HNSW-Signature}: Base64 of the 64-byte SM2 signature ({@code r || s}, SM3, default user id) of
 *       {@code deliveryId + "\n" + timestamp + "\n" + body} in UTF-8 ({@link #signedText}).</li>
 * </ul>
 * 2xx is delivered; 408, 429, 5xx and no answer are worth retrying; any other answer is the subscriber's refusal.
 * Redirects are not followed.
 */
public final class SignedWebhook {

    /** What became of one attempt. */
    public enum Verdict { DELIVERED, RETRY, REFUSED }

    /** One attempt's verdict, the HTTP status (null when there was no answer) and the answer or error, abbreviated. */
    public record Attempt(Verdict verdict, Integer status, String detail) {
    }

    private final CipherDevice device;
    private final String keyId;
    private final Clock clock;
    private final HttpClient http;
    private final Duration timeout;

    public SignedWebhook(CipherDevice device, String keyId, Clock clock, Duration timeout) {
        this.device = device;
        this.keyId = keyId;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What is signed: the delivery id, the timestamp and the body, one per line. */
    public static byte[] signedText(String deliveryId, String timestamp, String body) {
        return (deliveryId + "\n" + timestamp + "\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    /** Posts {@code json} to {@code target}; never throws for the subscriber's failures, it reports them. */
    public Attempt post(URI target, String deliveryId, String json) {
        String timestamp = clock.instant().toString();
        String signature = Base64.getEncoder().encodeToString(device.sign(keyId, signedText(deliveryId, timestamp, json)));
        try {
            HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("X-HNSW-Delivery-Id", deliveryId)
                    .header("X-HNSW-Timestamp", timestamp)
                    .header("X-HNSW-Key-Id", keyId)
                    .header("X-HNSW-Certificate-Number", device.certificateNumber(keyId))
                    .header("X-HNSW-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int code = response.statusCode();
            String detail = abbreviate(response.body());
            if (code >= 200 && code < 300) {
                return new Attempt(Verdict.DELIVERED, code, detail);
            }
            if (code == 408 || code == 429 || code >= 500) {
                return new Attempt(Verdict.RETRY, code, detail);
            }
            return new Attempt(Verdict.REFUSED, code, detail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(Verdict.RETRY, null, "interrupted");
        } catch (Exception e) {
            return new Attempt(Verdict.RETRY, null, abbreviate(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    public static String abbreviate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}
