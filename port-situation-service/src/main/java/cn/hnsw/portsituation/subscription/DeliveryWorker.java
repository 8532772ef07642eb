package cn.hnsw.portsituation.subscription;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers queued alert notices: claims the due ones, sends each on its own virtual thread (a slow or failing
 * subscriber holds up no other), and records every attempt. Retries back off exponentially from
 * {@code retryBase} up to {@code retryMax}; after {@code maxAttempts} a delivery is {@code FAILED}; a subscriber's
 * refusal is final ({@code REFUSED}).
 */
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final SubscriptionRepository repository;
    private final Map<String, DeliveryChannel> channels;
    private final SubscriptionProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private ScheduledExecutorService scheduler;
    private ExecutorService senders;
    private volatile boolean running;

    public DeliveryWorker(SubscriptionRepository repository, List<DeliveryChannel> channels,
                          SubscriptionProperties properties, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.channels = channels.stream().collect(java.util.stream.Collectors.toMap(DeliveryChannel::name, c -> c));
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void start() {
        senders = Executors.newVirtualThreadPerTaskExecutor();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                .name("alert-delivery").unstarted(r));
        long every = properties.poll().toMillis();
        scheduler.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    void poll() {
        try {
            // the lease outlasts an attempt, so a delivery in flight is not claimed again
            Duration lease = properties.timeout().multipliedBy(3);
            for (SubscriptionRepository.Due due : repository.claimDue(clock.instant(), lease, 100)) {
                senders.submit(() -> attempt(due));
            }
        } catch (RuntimeException e) {
            log.warn("event=alert-delivery-poll-failed error={}", e.toString());
        }
    }

    void attempt(SubscriptionRepository.Due due) {
        int attempt = due.attempts() + 1;
        try {
            Subscription s = repository.find(due.subscriptionId()).orElseThrow();
            DeliveryChannel.Outcome outcome;
            if (!"ACTIVE".equals(s.status())) {
                outcome = DeliveryChannel.Outcome.refused(null, "subscription cancelled / 订阅已取消");
            } else {
                String textZh = json.readTree(due.payload()).path("textZh").asText("");
                outcome = channels.get(s.channel()).deliver(s, due.id().toString(), due.payload(), textZh);
            }
            Instant now = clock.instant();
            String status;
            Instant next = now;
            switch (outcome.kind()) {
                case DELIVERED -> status = "DELIVERED";
                case REFUSED -> status = "REFUSED";
                default -> {
                    status = attempt >= properties.maxAttempts() ? "FAILED" : "PENDING";
                    next = now.plus(backoff(attempt));
                }
            }
            repository.attempted(due.id(), attempt, now, outcome, status, next);
            log.info("event=alert-delivery deliveryId={} subscriptionId={} alertId={} alertEvent={} channel={}"
                            + " attempt={} outcome={} status={} code={}", due.id(), s.id(), due.alertId(), due.event(),
                    s.channel(), attempt, outcome.kind(), status, outcome.statusCode());
        } catch (Exception e) {
            log.warn("event=alert-delivery-failed deliveryId={} error={}", due.id(), e.toString());
        }
    }

    /** {@code retryBase × 2^(attempt−1)}, at most {@code retryMax}. */
    Duration backoff(int attempt) {
        Duration wait = properties.retryBase().multipliedBy(1L << Math.min(20, attempt - 1));
        return wait.compareTo(properties.retryMax()) > 0 ? properties.retryMax() : wait;
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
