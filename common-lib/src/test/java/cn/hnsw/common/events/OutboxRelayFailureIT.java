package cn.hnsw.common.events;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the relay does when a send fails, with a producer that fails on demand: the failed event and everything after
 * it in its aggregate wait, other aggregates go on, the failure is recorded, and an operator can retry at once.
 */
class OutboxRelayFailureIT {

    private static final String TOPIC = "hnsw.passenger.declaration-submitted";

    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;

    private final EventJson json = EventJson.withDefaults();
    private final OutboxPublisher outbox = new OutboxPublisher(dataSource, json, "/hnsw/passenger-service",
            Clock.systemUTC(), () -> Correlation.NONE, null);
    private final OutboxAdmin admin = new OutboxAdmin(dataSource, null);
    private final AtomicInteger producersMade = new AtomicInteger();
    private FailingProducer producer;
    private SimpleMeterRegistry meters;
    private OutboxRelay relay;

    /** A producer that acknowledges at once, except the records it is told to fail. */
    static class FailingProducer extends MockProducer<String, String> {
        volatile Predicate<ProducerRecord<String, String>> failWhen = r -> false;
        volatile RuntimeException failure = new NetworkException("Connection to node 1 (127.0.0.1:9092) was lost");

        FailingProducer() {
            super(true, new StringSerializer(), new StringSerializer());
        }

        final AtomicInteger sendCalls = new AtomicInteger();

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
            sendCalls.incrementAndGet();
            if (failWhen.test(record)) {
                // As from the network: the send is accepted, the failure comes back a moment later.
                CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
                RuntimeException error = failure;
                CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS).execute(() -> {
                    if (callback != null) {
                        callback.onCompletion(null, error);
                    }
                    result.completeExceptionally(error);
                });
                return result;
            }
            return super.send(record, callback);
        }
    }

    @BeforeAll
    static void database() {
        dataSource = EventsTestSupport.migratedDatabase("events_relay_failure_it");
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void relayWithFailingProducer() {
        jdbc.execute("TRUNCATE event_outbox, event_outbox_sequence");
        meters = new SimpleMeterRegistry();
        EventsProperties.Relay settings = new EventsProperties.Relay(true, Duration.ofMillis(100), 100,
                Duration.ofSeconds(5), new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(10), 2.0, 0.5), Duration.ofDays(7));
        producer = new FailingProducer();
        relay = new OutboxRelay(dataSource, () -> {
            // The first producer is the one the test steers; a replacement after a fatal error fails nothing.
            if (producersMade.incrementAndGet() > 1) {
                producer = new FailingProducer();
            }
            return producer;
        }, settings, meters, new Random(3));
    }

    private EventEnvelope write(String declarationNo, int n) {
        return transaction.execute(status -> outbox.publish(TOPIC, "BaggageDeclaration", declarationNo, TOPIC,
                Map.of("declarationNo", declarationNo, "n", n)));
    }

    private List<String> sent() {
        return producer.history().stream()
                .map(r -> r.key() + "#" + json.read(r.value()).sequence())
                .toList();
    }

    private static Predicate<ProducerRecord<String, String>> event(EventEnvelope event) {
        return r -> r.value().contains(event.id().toString());
    }

    @Test
    void aFailedEventHoldsBackItsAggregateOnlyAndIsRecorded() {
        write("HNXL-A", 1);
        EventEnvelope a2 = write("HNXL-A", 2);
        write("HNXL-A", 3);
        write("HNXL-B", 1);
        write("HNXL-B", 2);
        write("HNXL-B", 3);
        producer.failWhen = event(a2);

        OutboxRelay.Pass pass = relay.runOnce();

        assertThat(pass.published()).isEqualTo(4);
        assertThat(pass.failed()).isEqualTo(1);
        // Waves: A1 B1, then A2 (fails) B2, then B3 only. A3 is never sent ahead of A2.
        assertThat(sent()).containsExactly("HNXL-A#1", "HNXL-B#1", "HNXL-B#2", "HNXL-B#3");
        Map<String, Object> failed = jdbc.queryForMap(
                "SELECT attempts, last_error, next_attempt_at > now() + interval '20 seconds' AS backing_off, published_at "
                        + "FROM event_outbox WHERE event_id = ?", a2.id());
        assertThat(failed.get("attempts")).isEqualTo(1);
        assertThat((String) failed.get("last_error")).startsWith("NetworkException: Connection to node 1");
        assertThat(failed.get("backing_off")).as("a 1 minute backoff with jitter is at least 30 seconds").isEqualTo(true);
        assertThat(failed.get("published_at")).isNull();

        OutboxStats stats = relay.stats();
        assertThat(stats.pending()).isEqualTo(2);
        assertThat(stats.failing()).isEqualTo(1);
        assertThat(meters.get("hnsw.events.outbox.pending").gauge().value()).isEqualTo(2);
        assertThat(meters.get("hnsw.events.outbox.failing").gauge().value()).isEqualTo(1);
        assertThat(meters.get("hnsw.events.outbox.oldest.pending.age").timeGauge().value()).isGreaterThanOrEqualTo(0);
        assertThat(meters.get("hnsw.events.outbox.send.failures").tag("topic", TOPIC).counter().count()).isEqualTo(1);
        assertThat(admin.failing(10)).singleElement().satisfies(entry -> {
            assertThat(entry.eventId()).isEqualTo(a2.id());
            assertThat(entry.sequence()).isEqualTo(2);
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.lastError()).contains("NetworkException");
            assertThat(entry.nextAttemptAt()).isAfter(Instant.now());
        });
        assertThat(admin.pending(10)).extracting(OutboxEntry::aggregateId, OutboxEntry::sequence)
                .containsExactly(tuple("HNXL-A", 2L), tuple("HNXL-A", 3L));

        // During the backoff the aggregate is left alone.
        producer.clear();
        assertThat(relay.runOnce().selected()).isZero();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void anOperatorRetryEndsTheBackoffAndTheAggregateCatchesUpInOrder() {
        EventEnvelope a1 = write("HNXL-C", 1);
        producer.failWhen = event(a1);
        write("HNXL-C", 2);
        relay.runOnce();
        relay.runOnce();
        assertThat(producer.history()).isEmpty();
        assertThat(admin.stats().failing()).isEqualTo(1);

        producer.failWhen = r -> false;
        assertThat(admin.retryNow(a1.id())).isEqualTo(1);
        OutboxRelay.Pass pass = relay.runOnce();

        assertThat(pass.published()).isEqualTo(2);
        assertThat(sent()).containsExactly("HNXL-C#1", "HNXL-C#2");
        assertThat(admin.aggregate("BaggageDeclaration", "HNXL-C"))
                .extracting(OutboxEntry::sequence, OutboxEntry::attempts, e -> e.publishedAt() != null)
                .containsExactly(tuple(1L, 2, true), tuple(2L, 1, true));
        assertThat(admin.stats()).isEqualTo(OutboxStats.EMPTY);
        assertThat(admin.retryNow(a1.id())).as("nothing left to release").isZero();
    }

    @Test
    void retryingEverythingReleasesEveryBackoff() {
        EventEnvelope d1 = write("HNXL-D", 1);
        EventEnvelope e1 = write("HNXL-E", 1);
        producer.failWhen = r -> true;
        relay.runOnce();
        assertThat(admin.stats().failing()).isEqualTo(2);

        producer.failWhen = r -> false;
        assertThat(admin.retryAllNow()).isEqualTo(2);
        assertThat(relay.runOnce().published()).isEqualTo(2);
        assertThat(sent()).containsExactlyInAnyOrder("HNXL-D#1", "HNXL-E#1");
        assertThat(List.of(d1.id(), e1.id())).allSatisfy(id -> assertThat(jdbc.queryForObject(
                "SELECT published_at IS NOT NULL FROM event_outbox WHERE event_id = ?", Boolean.class, id)).isTrue());
    }

    @Test
    void aProducerThatFailedFatallyIsReplaced() {
        EventEnvelope f1 = write("HNXL-F", 1);
        producer.failWhen = event(f1);
        producer.failure = new RecordTooLargeException("The message is 2000000 bytes when serialized");

        relay.runOnce();
        assertThat(producersMade).hasValue(1);
        admin.retryNow(f1.id());
        relay.runOnce();

        assertThat(producersMade).as("a new producer after a non-retriable error").hasValue(2);
        assertThat(sent()).containsExactly("HNXL-F#1");
        assertThat(jdbc.queryForObject("SELECT last_error FROM event_outbox WHERE event_id = ?", String.class, f1.id()))
                .startsWith("RecordTooLargeException");
    }

    @Test
    void aBrokerThatCannotBeReachedCostsOneBlockedSendPerPassNotOnePerAggregate() {
        EventEnvelope g1 = write("HNXL-G", 1);
        write("HNXL-H", 1);
        write("HNXL-I", 1);
        // What KafkaProducer.send() returns after blocking max.block.ms on metadata: an already failed future.
        FailingProducer unreachable = new FailingProducer() {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
                sendCalls.incrementAndGet();
                return CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException(
                        "Topic " + record.topic() + " not present in metadata after 5000 ms."));
            }
        };
        producer = unreachable;

        OutboxRelay.Pass pass = relay.runOnce();

        assertThat(unreachable.sendCalls).hasValue(1);
        assertThat(pass.failed()).isEqualTo(1);
        assertThat(pass.published()).isZero();
        assertThat(admin.failing(10)).extracting(OutboxEntry::eventId).containsExactly(g1.id());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE attempts = 0 AND published_at IS NULL", Long.class))
                .as("the other aggregates were not tried, so not penalised").isEqualTo(2);
        assertThat(producersMade).as("a timeout is retriable: the producer is kept").hasValue(1);
    }
}
