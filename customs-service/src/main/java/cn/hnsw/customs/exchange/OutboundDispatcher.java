package cn.hnsw.customs.exchange;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.events.Backoff;
import cn.hnsw.common.events.OutboxPublisher;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends queued messages to partners: claims due rows for its idle senders, seals and posts each through
 * {@link PartnerChannel}, applies the partner's sealed reply (technical or reception receipt), and on failure retries
 * with exponential backoff and jitter until {@code max-attempts}, then parks the message as PERMANENTLY_FAILED and
 * raises an alert. Rows are claimed with a lease, so several instances share the queue and a crashed instance's
 * messages are retried.
 */
@Component
public class OutboundDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboundDispatcher.class);

    private final OutboundMessageRepository repository;
    private final PartnerChannel channel;
    private final ReceiptService receipts;
    private final ExchangeProperties properties;
    private final TransactionTemplate tx;
    private final OutboxPublisher outbox;
    private final ObjectMapper json;
    private final Backoff backoff;
    private final Clock clock = Clock.systemUTC();
    private final OutboundSignal signal;
    private final List<SubjectReplies> subjects;
    private static final int SENDERS = 4;
    private final Semaphore slots = new Semaphore(SENDERS);
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, r -> {
        Thread t = new Thread(r, "customs-outbound-sender");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;
    private Thread loop;

    public OutboundDispatcher(OutboundMessageRepository repository, PartnerChannel channel, ReceiptService receipts,
                              ExchangeProperties properties, TransactionTemplate tx, OutboxPublisher outbox,
                              ObjectMapper json, OutboundSignal signal, List<SubjectReplies> subjects) {
        this.signal = signal;
        this.subjects = List.copyOf(subjects);
        this.repository = repository;
        this.channel = channel;
        this.receipts = receipts;
        this.properties = properties;
        this.tx = tx;
        this.outbox = outbox;
        this.json = json;
        this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff(), 2.0, 0.5);
    }

    public void wake() {
        signal.wake();
    }

    /**
     * One pass: claims as many due messages as there are idle senders and hands each to one at once; answers how many
     * were claimed. A sender that finishes wakes the loop, so a message queued while the others are still in flight
     * leaves as soon as one sender is free: no pass waits for the slowest exchange of the previous one (that barrier
     * held a declaration behind a whole batch of sub-centre distributions).
     */
    int dispatchOnce() {
        int idle = slots.availablePermits();
        if (idle == 0) {
            return 0;
        }
        List<OutboundMessageRepository.Claimed> due = tx.execute(s ->
                repository.claimDue(clock.instant(), properties.lease(), idle));
        if (due == null || due.isEmpty()) {
            return 0;
        }
        for (OutboundMessageRepository.Claimed m : due) {
            slots.acquireUninterruptibly();
            try {
                senders.execute(() -> {
                    try {
                        send(m);
                    } catch (RuntimeException e) {
                        log.error("event=outbound-send-crashed error=\"{}\"", e.toString());
                    } finally {
                        slots.release();
                        signal.wake();
                    }
                });
            } catch (RejectedExecutionException e) {
                // Shutting down: the claim's lease runs out and another instance (or the next start) sends it.
                slots.release();
            }
        }
        return due.size();
    }

    private void send(OutboundMessageRepository.Claimed message) {
        try {
            PartnerChannel.Reply reply = channel.exchange(message.partner(), message.payload());
            tx.executeWithoutResult(s -> {
                repository.markSent(message.id(), reply.sentMessageId(), clock.instant());
                applyReply(message, reply);
            });
            log.info("event=outbound-sent partner={} type={} conversation={} attempts={}", message.partner(),
                    message.messageType(), message.conversationId(), message.attempts() + 1);
        } catch (PartnerCallException e) {
            failed(message, e.getMessage(), e.retryable());
        } catch (RuntimeException e) {
            log.error("event=outbound-reply-unusable partner={} conversation={} error=\"{}\"", message.partner(),
                    message.conversationId(), e.toString());
            failed(message, "reply not usable: " + e.getClass().getSimpleName(), true);
        }
    }

    private void applyReply(OutboundMessageRepository.Claimed message, PartnerChannel.Reply reply) {
        try {
            switch (message.messageType()) {
                case ExchangeMessages.DECLARATION -> receipts.applyTechnical(message.declarationId(),
                        message.conversationId(), reply.replySenderKeyId(), reply.sentMessageId(),
                        json.readValue(reply.payload(), ExchangeMessages.TechnicalReceiptBody.class));
                case ExchangeMessages.DISTRIBUTION -> receipts.applyReception(message.declarationId(),
                        message.conversationId(), reply.replySenderKeyId(), reply.sentMessageId(),
                        json.readValue(reply.payload(), ExchangeMessages.ReceptionReceiptBody.class));
                default -> subjectReplies(message.messageType()).technical(message.subjectId(),
                        message.conversationId(), reply.replySenderKeyId(), reply.sentMessageId(), reply.payload());
            }
        } catch (IOException e) {
            throw new IllegalStateException("reply body not readable", e);
        }
    }

    private SubjectReplies subjectReplies(String messageType) {
        return subjects.stream().filter(s -> s.handles(messageType)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown message type " + messageType));
    }

    private void failed(OutboundMessageRepository.Claimed message, String error, boolean retryable) {
        int attempts = message.attempts() + 1;
        if (retryable && attempts < properties.maxAttempts()) {
            Duration wait = backoff.delayAfter(attempts, ThreadLocalRandom.current());
            tx.executeWithoutResult(s -> repository.markRetry(message.id(), error, clock.instant().plus(wait)));
            log.info("event=outbound-retry partner={} conversation={} attempt={} wait={} error=\"{}\"", message.partner(),
                    message.conversationId(), attempts, wait, error);
            return;
        }
        tx.executeWithoutResult(s -> {
            repository.markFailed(message.id(), error);
            if (ExchangeMessages.DISTRIBUTION.equals(message.messageType())) {
                receipts.distributionFailed(message.declarationId());
            } else if (message.subjectId() != null) {
                subjectReplies(message.messageType()).failed(message.subjectId(), error);
            }
            Alert alert = new Alert("customs-outbound-" + message.id() + "-" + attempts, "customs-service",
                    "partner-message-failed", Alert.Level.MEDIUM, null, null, List.of(),
                    "报文发送失败，需人工重新发送：" + message.partner(),
                    "Message to " + message.partner() + " failed permanently; re-drive needed", clock.instant(),
                    null, null, Map.of("messageId", message.id().toString(), "partner", message.partner(),
                    "messageType", message.messageType(), "error", error == null ? "" : error));
            outbox.publish(Alert.TOPIC, Alert.AGGREGATE_TYPE, alert.alertId(), Alert.EVENT_TYPE, alert);
        });
        log.warn("event=outbound-permanently-failed partner={} conversation={} attempts={} error=\"{}\"",
                message.partner(), message.conversationId(), attempts, error);
    }

    private void loop() {
        while (running) {
            int claimed = 0;
            try {
                claimed = dispatchOnce();
            } catch (RuntimeException e) {
                log.warn("event=outbound-pass-failed error=\"{}\"", e.toString());
            }
            if (claimed == 0 && running) {
                try {
                    signal.await(properties.pollInterval());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        loop = new Thread(this::loop, "customs-outbound-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        if (loop != null) {
            try {
                loop.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        senders.shutdown();
        try {
            // Exchanges in flight may finish before the data source closes (5 s in all, as before); one cut short is
            // resent after its lease.
            senders.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the data source and the outbox relay. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
