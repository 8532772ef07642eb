package cn.hnsw.simulators.port;

import cn.hnsw.common.crypto.InMemoryKeyDirectory;
import cn.hnsw.common.crypto.Sm2;
import cn.hnsw.common.crypto.Sm2PublicKey;
import cn.hnsw.simulators.sealed.SealingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An enterprise's or partner's system that subscribed to the platform's alerts by webhook (订阅方推送接收), one inbox per
 * subscriber name. It does what a careful subscriber does: verifies the platform's SM2 signature over
 * {@code deliveryId + "\n" + timestamp + "\n" + body} with the platform certificate from the simulators' trust store,
 * refuses stale timestamps, and takes a delivery id once (a retry of a delivery it has is answered 200 again). Its
 * behaviour is set per subscriber: fail the next N deliveries with 503 (to show retries), or refuse all with 410.
 */
@Component
public class WebhookSubscriberSimulator {

    private static final Logger log = LoggerFactory.getLogger(WebhookSubscriberSimulator.class);

    /** A delivery as the subscriber took it. */
    public record Received(String deliveryId, Instant timestamp, String body, Instant receivedAt) {
    }

    /** How a subscriber answers. */
    public record Behaviour(int failNext, boolean refuseAll) {
    }

    private final SealingProperties sealing;
    private final Clock clock;
    private final Map<String, List<Received>> inboxes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failNext = new ConcurrentHashMap<>();
    private final Map<String, Boolean> refuseAll = new ConcurrentHashMap<>();
    private final AtomicInteger refusedSignatures = new AtomicInteger();
    private volatile Sm2PublicKey platformKey;

    public WebhookSubscriberSimulator(SealingProperties sealing, Clock clock) {
        this.sealing = sealing;
        this.clock = clock;
    }

    public void behave(String subscriber, Behaviour behaviour) {
        failNext.put(subscriber, new AtomicInteger(Math.max(0, behaviour.failNext())));
        refuseAll.put(subscriber, behaviour.refuseAll());
    }

    public List<Received> received(String subscriber) {
        List<Received> inbox = inboxes.getOrDefault(subscriber, List.of());
        synchronized (inbox) {
            return List.copyOf(inbox);
        }
    }

    /** Deliveries refused because the signature did not verify (any subscriber). */
    public int refusedSignatures() {
        return refusedSignatures.get();
    }

    /** What the subscriber answers a delivery: the HTTP status and a code. */
    record Answer(int status, String code) {
    }

    Answer receive(String subscriber, String deliveryId, String timestamp, String keyId,
                                                String signature, String body) {
        Optional<Sm2PublicKey> key = platformKey(keyId);
        Instant at;
        try {
            at = Instant.parse(timestamp == null ? "" : timestamp);
        } catch (RuntimeException e) {
            return answer(400, subscriber, "TIMESTAMP_INVALID");
        }
        if (Duration.between(at, clock.instant()).abs().compareTo(sealing.maxClockSkew()) > 0) {
            return answer(400, subscriber, "TIMESTAMP_STALE");
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signature == null ? "" : signature);
        } catch (IllegalArgumentException e) {
            sig = new byte[0];
        }
        byte[] signed = (deliveryId + "\n" + timestamp + "\n" + body).getBytes(StandardCharsets.UTF_8);
        if (key.isEmpty() || deliveryId == null || !Sm2.verify(key.get(), signed, sig)) {
            refusedSignatures.incrementAndGet();
            return answer(401, subscriber, "SIGNATURE_INVALID");
        }
        if (Boolean.TRUE.equals(refuseAll.get(subscriber))) {
            return answer(410, subscriber, "SUBSCRIPTION_WITHDRAWN");
        }
        AtomicInteger failing = failNext.get(subscriber);
        if (failing != null && failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return answer(503, subscriber, "BUSY");
        }
        List<Received> inbox = inboxes.computeIfAbsent(subscriber, s -> new ArrayList<>());
        synchronized (inbox) {
            if (inbox.stream().noneMatch(r -> r.deliveryId().equals(deliveryId))) {
                inbox.add(new Received(deliveryId, at, body, clock.instant()));
            }
        }
        return answer(200, subscriber, "RECEIVED");
    }

    private Answer answer(int status, String subscriber, String code) {
        log.info("event=webhook-subscriber-answered subscriber={} status={} code={}", subscriber, status, code);
        return new Answer(status, code);
    }

    /** The platform's public key, from the trust store the simulators already read; only the platform's key id. */
    private Optional<Sm2PublicKey> platformKey(String keyId) {
        if (keyId == null || !keyId.equals(sealing.platformKeyId()) || sealing.keysDir() == null) {
            return Optional.empty();
        }
        if (platformKey == null) {
            platformKey = InMemoryKeyDirectory.fromTrustStore(sealing.keysDir().resolve("trust.p12"),
                            sealing.keyStorePassword().toCharArray())
                    .publicKey(keyId).orElse(null);
        }
        return Optional.ofNullable(platformKey);
    }
}
