package cn.hnsw.simulators.port;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The inbox of simulated webhook subscribers. Open (no token): a subscriber's system is not on the platform's realm;
 * what authenticates the platform is its SM2 signature.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/webhook-subscribers")
class WebhookSubscriberController {

    private final WebhookSubscriberSimulator subscribers;

    WebhookSubscriberController(WebhookSubscriberSimulator subscribers) {
        this.subscribers = subscribers;
    }

    @PostMapping("/{subscriber}/inbox")
    ResponseEntity<Map<String, Object>> receive(@PathVariable String subscriber,
                                                @RequestHeader(value = "X-HNSW-Delivery-Id", required = false) String deliveryId,
                                                @RequestHeader(value = "X-HNSW-Timestamp", required = false) String timestamp,
                                                @RequestHeader(value = "X-HNSW-Key-Id", required = false) String keyId,
                                                @RequestHeader(value = "X-HNSW-Signature", required = false) String signature,
                                                @RequestBody String body) {
        WebhookSubscriberSimulator.Answer answer = subscribers.receive(subscriber, deliveryId, timestamp, keyId, signature, body);
        return ResponseEntity.status(answer.status()).body(Map.of("code", answer.code()));
    }
}
