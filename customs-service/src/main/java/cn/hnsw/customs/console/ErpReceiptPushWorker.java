package cn.hnsw.customs.console;

import cn.hnsw.common.partner.SignedWebhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends the queued receipt pushes to enterprise ERPs: claims the due ones, posts each signed on its own virtual thread
 * (a slow ERP holds up no other) and records the attempt. Retries back off exponentially from {@code retry-base} up to
 * {@code retry-max}; after {@code max-attempts} a delivery is FAILED; an ERP's refusal (4xx other than 408/429) is
 * REFUSED at once. Both stay visible for re-drive.
 */
@Component
class ErpReceiptPushWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ErpReceiptPushWorker.class);

    private final ErpReceiptPush deliveries;
    private final SignedWebhook webhook;
    private final Clock clock = Clock.systemUTC();
    private final Duration poll;
    private final Duration retryBase;
    private final Duration retryMax;
    private final int maxAttempts;
    private final Duration timeout;
    private ScheduledExecutorService scheduler;
    private ExecutorService senders;
    private volatile boolean running;

    ErpReceiptPushWorker(ErpReceiptPush deliveries, SignedWebhook webhook,
                         @Value("${hnsw.customs.erp-push.poll:PT0.5S}") Duration poll,
                         @Value("${hnsw.customs.erp-push.retry-base:PT2S}") Duration retryBase,
                         @Value("${hnsw.customs.erp-push.retry-max:PT10M}") Duration retryMax,
                         @Value("${hnsw.customs.erp-push.max-attempts:8}") int maxAttempts,
                         @Value("${hnsw.customs.erp-push.timeout:PT10S}") Duration timeout) {
        this.deliveries = deliveries;
        this.webhook = webhook;
        this.poll = poll;
        this.retryBase = retryBase;
        this.retryMax = retryMax;
        this.maxAttempts = maxAttempts;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        senders = Executors.newVirtualThreadPerTaskExecutor();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                .name("erp-receipt-push").unstarted(r));
        scheduler.scheduleWithFixedDelay(this::poll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    void poll() {
        try {
            // the lease outlasts an attempt, so a delivery in flight is not claimed again
            for (ErpReceiptPush.Claimed due : deliveries.claimDue(timeout.multipliedBy(3), 50)) {
                try {
                    senders.execute(() -> send(due));
                } catch (RejectedExecutionException e) {
                    return; // stopping: the lease runs out and the next start sends it
                }
            }
        } catch (RuntimeException e) {
            log.warn("event=erp-receipt-push-poll-failed error=\"{}\"", e.toString());
        }
    }

    private void send(ErpReceiptPush.Claimed due) {
        SignedWebhook.Attempt attempt = webhook.post(URI.create(due.callbackUrl()), due.id().toString(), due.payload());
        int attempts = due.attempts() + 1;
        switch (attempt.verdict()) {
            case DELIVERED -> deliveries.recordAttempt(due.id(), ErpReceiptPush.Status.DELIVERED, attempt.status(), null, null);
            case REFUSED -> deliveries.recordAttempt(due.id(), ErpReceiptPush.Status.REFUSED, attempt.status(), attempt.detail(), null);
            case RETRY -> {
                if (attempts >= maxAttempts) {
                    deliveries.recordAttempt(due.id(), ErpReceiptPush.Status.FAILED, attempt.status(), attempt.detail(), null);
                } else {
                    deliveries.recordAttempt(due.id(), ErpReceiptPush.Status.PENDING, attempt.status(), attempt.detail(),
                            clock.instant().plus(backoff(attempts)));
                }
            }
        }
        log.info("event=erp-receipt-push delivery={} verdict={} status={} attempt={}", due.id(), attempt.verdict(),
                attempt.status(), attempts);
    }

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration wait = retryBase.multipliedBy(factor);
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (senders != null) {
            senders.shutdown();
            try {
                senders.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
