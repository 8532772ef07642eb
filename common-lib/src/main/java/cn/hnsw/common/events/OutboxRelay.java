package cn.hnsw.common.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * 发件箱中继 — publishes the outbox's events to Kafka, in order per aggregate, at least once.
 * <p>
 * One background thread runs relay passes: after every commit that wrote events (see {@link #wake()}) and at least
 * every poll interval. A pass is one database transaction that first takes a transaction-scoped advisory lock, so
 * that of several instances of a service exactly one relays at a time; the others skip the pass, and one of them
 * takes over within a poll interval when the relaying instance dies (its lock dies with its connection). A row lock
 * with {@code FOR UPDATE SKIP LOCKED} would let instances share the work, but not keep the order: a second instance
 * would skip event n of an aggregate and happily take n+1.
 * <p>
 * Within a pass, events are sent in waves: the first pending event of every aggregate at once, then, once Kafka has
 * acknowledged them, the second of every aggregate whose first went through, and so on. So event n+1 of an aggregate
 * is never sent before event n is acknowledged, while different aggregates still go out together. A row is marked
 * published only after its acknowledgement. A failed send is recorded on its row (attempts, last error) and the row
 * waits out an exponential backoff with jitter; the aggregate's later events wait behind it, other aggregates go on.
 * <p>
 * Delivery is at least once: an acknowledgement lost on the way back (the broker died after writing) means the
 * event is sent again, so consumers deduplicate on the event id ({@link HandledEvents}).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** First half of the advisory lock key: "hnsw" in ASCII, so that it does not collide with other advisory locks. */
    private static final int LOCK_NAMESPACE = 0x686e7377;
    private static final int MAX_ERROR_LENGTH = 2000;
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    private static final int PURGE_BATCH = 10_000;
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    static final String TRY_LOCK =
            "SELECT pg_try_advisory_xact_lock(" + LOCK_NAMESPACE + ", hashtext(current_schema() || '.event_outbox'))";

    /** Unpublished rows whose aggregate is not waiting out a backoff, oldest first. */
    private static final String SELECT_DUE = """
            SELECT o.id, o.event_id, o.topic, o.message_key, o.aggregate_type, o.aggregate_id, o.sequence,
                   o.envelope::text AS envelope, o.attempts
            FROM event_outbox o
            WHERE o.published_at IS NULL
              AND NOT EXISTS (
                    SELECT 1 FROM event_outbox h
                    WHERE h.published_at IS NULL
                      AND h.aggregate_type = o.aggregate_type
                      AND h.aggregate_id = o.aggregate_id
                      AND h.sequence <= o.sequence
                      AND h.next_attempt_at > now())
            ORDER BY o.id
            LIMIT ?""";

    private static final String MARK_PUBLISHED = """
            UPDATE event_outbox SET published_at = clock_timestamp(), attempts = attempts + 1
            WHERE id = ANY (?)""";

    private static final String MARK_FAILED = """
            UPDATE event_outbox
            SET attempts = attempts + 1, last_error = ?,
                next_attempt_at = clock_timestamp() + ? * INTERVAL '1 millisecond'
            WHERE id = ?""";

    private static final String PURGE = """
            DELETE FROM event_outbox WHERE id IN (
                SELECT id FROM event_outbox
                WHERE published_at IS NOT NULL AND published_at < clock_timestamp() - ? * INTERVAL '1 millisecond'
                LIMIT ?)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Supplier<Producer<String, String>> producerFactory;
    private final EventsProperties.Relay settings;
    private final RandomGenerator random;
    private final MeterRegistry meters;
    private final Map<String, Counter> publishedByTopic = new ConcurrentHashMap<>();
    private final Map<String, Counter> failuresByTopic = new ConcurrentHashMap<>();
    private final AtomicReference<OutboxStats> stats = new AtomicReference<>(OutboxStats.EMPTY);
    private final Semaphore wakeUps = new Semaphore(0);
    private final Object lifecycle = new Object();

    private Producer<String, String> producer;
    private volatile boolean running;
    /** Set by {@link #stop()}: a pass in progress ends after its current wave rather than at the end of its batch. */
    private volatile boolean stopRequested;
    private Thread worker;
    private volatile Instant lastPurge = Instant.EPOCH;

    /**
     * @param dataSource      the database holding {@code event_outbox}; the relay runs its own transactions on it
     * @param producerFactory makes the Kafka producer; called again after a producer failed beyond repair. Use
     *                        {@link #producerConfig} for its settings
     * @param settings        {@code hnsw.events.relay.*}
     * @param meters          where the relay's gauges and counters go
     * @param random          the jitter of the backoff
     */
    public OutboxRelay(DataSource dataSource, Supplier<Producer<String, String>> producerFactory,
                       EventsProperties.Relay settings, MeterRegistry meters, RandomGenerator random) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        // A pass is a transaction of its own even when runOnce() is called inside someone else's.
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.producerFactory = Objects.requireNonNull(producerFactory, "producerFactory");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.random = Objects.requireNonNull(random, "random");
        registerGauges();
    }

    /**
     * The producer settings the relay's ordering and delivery depend on, laid over {@code base} (bootstrap servers,
     * security, client id from {@code spring.kafka.*}). Idempotence with acks=all and at most 5 requests in flight is
     * what keeps Kafka's own retries from reordering or duplicating within a partition; the timeouts bound how long
     * a relay pass can wait on a broker that is gone.
     */
    public static Map<String, Object> producerConfig(Map<String, Object> base, Duration sendTimeout) {
        Map<String, Object> config = new HashMap<>(base);
        int timeout = (int) Math.min(Integer.MAX_VALUE, sendTimeout.toMillis());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        // Waves wait for their acknowledgements, so lingering would only add latency.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(500, timeout / 2));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        // A service's spring.kafka.producer.transaction-id-prefix is for its own template; the relay does not need
        // Kafka transactions (the outbox row is its transaction), and a transactional producer would refuse plain sends.
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return config;
    }

    /** Asks for a pass now rather than at the next poll; called after a commit that wrote events. */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** What the outbox held at the end of the last pass. */
    public OutboxStats stats() {
        return stats.get();
    }

    /**
     * One relay pass: publishes what is due, at most {@code batchSize} rows. The background thread calls it; tests
     * and operators may too (a concurrent pass in this or another instance makes it return without work).
     */
    public Pass runOnce() {
        Pass pass = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject(TRY_LOCK, Boolean.class))) {
                return Pass.LOCKED_ELSEWHERE;
            }
            List<PendingRow> due = jdbc.query(SELECT_DUE, PendingRow.MAPPER, settings.batchSize());
            return due.isEmpty() ? new Pass(true, 0, 0, 0) : publish(due);
        });
        refreshStats();
        purgeIfDue();
        return pass;
    }

    private Pass publish(List<PendingRow> due) {
        // Rows come oldest first; within an aggregate that is sequence order (sequences are taken under a row lock
        // before the insert). Sorting again costs nothing and does not rest on that.
        Map<AggregateKey, Deque<PendingRow>> queues = new LinkedHashMap<>();
        for (PendingRow row : due) {
            queues.computeIfAbsent(row.aggregate(), k -> new ArrayDeque<>()).add(row);
        }
        List<Deque<PendingRow>> active = new ArrayList<>();
        for (Deque<PendingRow> queue : queues.values()) {
            List<PendingRow> sorted = new ArrayList<>(queue);
            sorted.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
            active.add(new ArrayDeque<>(sorted));
        }
        int published = 0;
        int failed = 0;
        while (!active.isEmpty() && !stopRequested && !Thread.currentThread().isInterrupted()) {
            Wave wave = sendWave(active);
            published += wave.acknowledged().size();
            failed += wave.failures().size();
            markPublished(wave.acknowledged());
            wave.failures().forEach(this::markFailed);
            active = wave.stillActive();
        }
        return new Pass(true, due.size(), published, failed);
    }

    private Wave sendWave(List<Deque<PendingRow>> active) {
        Producer<String, String> kafka = producer();
        List<Future<RecordMetadata>> futures = new ArrayList<>(active.size());
        List<Deque<PendingRow>> sent = new ArrayList<>(active.size());
        for (Deque<PendingRow> queue : active) {
            Future<RecordMetadata> future = send(kafka, queue.peekFirst());
            futures.add(future);
            sent.add(queue);
            if (timedOutWaitingForMetadata(future)) {
                // send() itself waited max.block.ms for a broker that did not answer. Each further send would wait
                // as long again, so the rest of the wave stays pending, untouched, for a later pass.
                break;
            }
        }
        // The producer fails a send itself after delivery.timeout.ms; the margin only guards against a producer
        // that never answers.
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos() + TimeUnit.SECONDS.toNanos(5);
        List<PendingRow> acknowledged = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<Deque<PendingRow>> stillActive = new ArrayList<>();
        boolean producerBroken = false;
        for (int i = 0; i < sent.size(); i++) {
            Deque<PendingRow> queue = sent.get(i);
            PendingRow row = queue.peekFirst();
            Throwable error;
            try {
                futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(row);
                queue.pollFirst();
                if (!queue.isEmpty()) {
                    stillActive.add(queue);
                }
                continue;
            } catch (ExecutionException e) {
                error = e.getCause() == null ? e : e.getCause();
            } catch (TimeoutException e) {
                error = e;
                producerBroken = true;
            } catch (InterruptedException e) {
                // Stopping: what was acknowledged is marked, the rest is simply sent again next time.
                Thread.currentThread().interrupt();
                break;
            }
            failures.add(new Failure(row, error));
            if (!(error instanceof RetriableException)) {
                producerBroken = true;
            }
        }
        if (producerBroken) {
            // A fatal producer error (or one we cannot classify) leaves the producer unusable; start afresh next wave.
            discardProducer();
        }
        return new Wave(acknowledged, failures, stillActive);
    }

    private static Future<RecordMetadata> send(Producer<String, String> kafka, PendingRow row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        try {
            return kafka.send(new ProducerRecord<>(row.topic(), null, row.key(), row.envelope(), headers));
        } catch (RuntimeException e) {
            // send() throws, rather than failing the future, for some errors (closed producer, interrupted, ...).
            return CompletableFuture.failedFuture(e);
        }
    }

    private static boolean timedOutWaitingForMetadata(Future<RecordMetadata> future) {
        if (!future.isDone()) {
            return false;
        }
        try {
            future.get();
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void markPublished(List<PendingRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Long[] ids = rows.stream().map(PendingRow::id).toArray(Long[]::new);
        jdbc.update(MARK_PUBLISHED, ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids)));
        rows.forEach(row -> counter(publishedByTopic, "hnsw.events.outbox.published",
                "Events the broker acknowledged", row.topic()).increment());
    }

    private void markFailed(Failure failure) {
        PendingRow row = failure.row();
        int attempts = row.attempts() + 1;
        Duration delay = settings.backoff().delayAfter(attempts, random);
        String error = describe(failure.error());
        jdbc.update(MARK_FAILED, error, delay.toMillis(), row.id());
        counter(failuresByTopic, "hnsw.events.outbox.send.failures",
                "Sends the broker did not acknowledge", row.topic()).increment();
        log.warn("outbox.send.failed eventId={} topic={} aggregateType={} aggregateId={} sequence={} attempts={} retryIn={} error={}",
                row.eventId(), row.topic(), row.aggregateType(), row.key(), row.sequence(), attempts, delay, error);
    }

    private static String describe(Throwable error) {
        String text = error.getClass().getSimpleName() + ": " + error.getMessage();
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    private Counter counter(Map<String, Counter> counters, String name, String description, String topic) {
        return counters.computeIfAbsent(topic, t -> Counter.builder(name)
                .description(description).tag("topic", t).register(meters));
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            producer = producerFactory.get();
        }
        return producer;
    }

    private synchronized void discardProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                log.debug("outbox.producer.close.failed error={}", e.toString());
            }
            producer = null;
        }
    }

    /** Refreshes the numbers behind the gauges; the relay does it after every pass so a scrape costs no query. */
    public OutboxStats refreshStats() {
        OutboxStats current = OutboxAdmin.readStats(jdbc);
        stats.set(current);
        return current;
    }

    private void purgeIfDue() {
        Duration retention = settings.retention();
        Instant now = Instant.now();
        if (retention.isZero() || Duration.between(lastPurge, now).compareTo(PURGE_EVERY) < 0) {
            return;
        }
        lastPurge = now;
        int deleted = jdbc.update(PURGE, retention.toMillis(), PURGE_BATCH);
        if (deleted > 0) {
            log.info("outbox.purged rows={} retention={}", deleted, retention);
        }
    }

    private void registerGauges() {
        Gauge.builder("hnsw.events.outbox.pending", stats, s -> s.get().pending())
                .description("Outbox events not yet acknowledged by Kafka").register(meters);
        Gauge.builder("hnsw.events.outbox.failing", stats, s -> s.get().failing())
                .description("Unpublished outbox events whose last send failed").register(meters);
        TimeGauge.builder("hnsw.events.outbox.oldest.pending.age", stats, TimeUnit.MILLISECONDS,
                        s -> s.get().oldestPendingAge(Instant.now()).toMillis())
                .description("Age of the oldest unpublished outbox event").register(meters);
    }

    // ---- lifecycle: one background thread -------------------------------------------------------------------

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (running) {
                return;
            }
            running = true;
            stopRequested = false;
            worker = Thread.ofPlatform().name("hnsw-outbox-relay").daemon(true).unstarted(this::loop);
            worker.start();
        }
    }

    /**
     * Stops the background thread and closes the producer. A pass in progress finishes its current wave, which takes
     * at most about one send timeout; Spring waits 30 s per lifecycle phase, so a longer wait is cut short by an
     * interrupt (what was acknowledged is marked, the rest is sent again by the next relay).
     */
    @Override
    public void stop() {
        Thread stopping;
        synchronized (lifecycle) {
            stopRequested = true;
            running = false;
            stopping = worker;
            worker = null;
        }
        if (stopping != null) {
            wake();
            try {
                stopping.join(Math.min(settings.sendTimeout().plusSeconds(5).toMillis(), STOP_WAIT.toMillis()));
                if (stopping.isAlive()) {
                    stopping.interrupt();
                    stopping.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        discardProducer();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        log.info("outbox.relay.started pollInterval={} batchSize={} sendTimeout={}",
                settings.pollInterval(), settings.batchSize(), settings.sendTimeout());
        while (running) {
            boolean moreWork = false;
            try {
                Pass pass = runOnce();
                // A full batch that went through means there is probably more: go on without waiting.
                moreWork = pass.selected() == settings.batchSize() && pass.failed() == 0;
            } catch (RuntimeException e) {
                log.warn("outbox.relay.pass.failed error={}", e.toString());
            }
            if (!moreWork && running) {
                awaitWakeUp();
            }
        }
        log.info("outbox.relay.stopped");
    }

    private void awaitWakeUp() {
        try {
            if (wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    // ---- values ---------------------------------------------------------------------------------------------

    /**
     * What one pass did.
     *
     * @param lockAcquired false when another pass (in this or another instance) held the relay lock
     * @param selected     rows read as due
     * @param published    rows the broker acknowledged and that are now marked published
     * @param failed       sends that failed and now wait out their backoff
     */
    public record Pass(boolean lockAcquired, int selected, int published, int failed) {
        static final Pass LOCKED_ELSEWHERE = new Pass(false, 0, 0, 0);
    }

    private record AggregateKey(String type, String id) {
    }

    private record PendingRow(long id, UUID eventId, String topic, String key, String aggregateType,
                              String aggregateId, long sequence, String envelope, int attempts) {

        static final RowMapper<PendingRow> MAPPER = (rs, n) -> new PendingRow(
                rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getString("topic"),
                rs.getString("message_key"), rs.getString("aggregate_type"), rs.getString("aggregate_id"),
                rs.getLong("sequence"), rs.getString("envelope"), rs.getInt("attempts"));

        AggregateKey aggregate() {
            return new AggregateKey(aggregateType, aggregateId);
        }
    }

    private record Failure(PendingRow row, Throwable error) {
    }

    private record Wave(List<PendingRow> acknowledged, List<Failure> failures, List<Deque<PendingRow>> stillActive) {
    }
}
