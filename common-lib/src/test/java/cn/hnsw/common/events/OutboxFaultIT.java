package cn.hnsw.common.events;

import cn.hnsw.testsupport.embedded.EmbeddedKafkaBroker;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox's promise under a broker outage: events are written while the relay runs, the broker dies mid-stream
 * and comes back, and in the end every event is on the topic, each aggregate's events in order, and a consumer that
 * goes through {@link HandledEvents} applies each exactly once although the topic (and a redelivery) repeat some.
 */
class OutboxFaultIT {

    private static final Logger log = LoggerFactory.getLogger(OutboxFaultIT.class);

    private static final String TOPIC = "hnsw.fault-it.declaration-submitted";
    private static final int AGGREGATES = 10;
    private static final int PER_PHASE = 100;
    private static final int TOTAL = 3 * PER_PHASE;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(2);

    private static EmbeddedKafkaBroker broker;
    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;

    private final EventJson json = EventJson.withDefaults();
    private final OutboxPublisher outbox = new OutboxPublisher(dataSource, json, "/hnsw/fault-it", Clock.systemUTC(),
            () -> Correlation.NONE, null);
    private int written;

    @BeforeAll
    static void infrastructure() {
        broker = EmbeddedKafkaBroker.startTemporary();
        EventsTestSupport.createTopic(broker.bootstrapServers(), TOPIC, 3);
        dataSource = EventsTestSupport.migratedDatabase("events_fault_it");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE baggage_declaration (declaration_no TEXT PRIMARY KEY, amendments INTEGER NOT NULL)");
        jdbc.execute("CREATE TABLE projection_head (declaration_no TEXT PRIMARY KEY, last_sequence BIGINT NOT NULL)");
        jdbc.execute("CREATE TABLE projection_applied (event_id UUID NOT NULL, declaration_no TEXT NOT NULL, sequence BIGINT NOT NULL)");
        transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    }

    @AfterAll
    static void close() {
        broker.close();
        dataSource.close();
    }

    private static String aggregate(int i) {
        return "HNXL-F%02d".formatted(i % AGGREGATES);
    }

    /** One business transaction: the declaration changes and its event goes into the outbox with it. */
    private void writeEvents(int count) {
        for (int k = 0; k < count; k++) {
            int i = written++;
            String declarationNo = aggregate(i);
            transaction.executeWithoutResult(status -> {
                jdbc.update("""
                        INSERT INTO baggage_declaration (declaration_no, amendments) VALUES (?, 1)
                        ON CONFLICT (declaration_no) DO UPDATE SET amendments = baggage_declaration.amendments + 1""",
                        declarationNo);
                outbox.publish(TOPIC, "BaggageDeclaration", declarationNo, TOPIC,
                        Map.of("declarationNo", declarationNo, "i", i, "port", "洋浦港"));
            });
        }
    }

    private long published() {
        return jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE published_at IS NOT NULL", Long.class);
    }

    /** The consumer's own change: applies an event strictly in sequence order, and records that it did. */
    private void apply(EventEnvelope event) {
        Long last = jdbc.query("SELECT last_sequence FROM projection_head WHERE declaration_no = ? FOR UPDATE",
                rs -> rs.next() ? rs.getLong(1) : 0L, event.subject());
        if (event.sequence() != last + 1) {
            throw new IllegalStateException("Event " + event.sequence() + " of " + event.subject() + " arrived after " + last);
        }
        jdbc.update("""
                INSERT INTO projection_head (declaration_no, last_sequence) VALUES (?, ?)
                ON CONFLICT (declaration_no) DO UPDATE SET last_sequence = EXCLUDED.last_sequence""",
                event.subject(), event.sequence());
        jdbc.update("INSERT INTO projection_applied (event_id, declaration_no, sequence) VALUES (?, ?, ?)",
                event.id(), event.subject(), event.sequence());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void nothingIsLostOrAppliedTwiceWhenTheBrokerGoesDownMidStream() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EventsProperties.Relay settings = new EventsProperties.Relay(true, Duration.ofMillis(50), 50, SEND_TIMEOUT,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.5), Duration.ofDays(7));
        OutboxRelay relay = new OutboxRelay(dataSource,
                () -> EventsTestSupport.relayProducer(broker.bootstrapServers(), SEND_TIMEOUT), settings, meters, new Random(11));
        ExecutorService writer = Executors.newSingleThreadExecutor();
        relay.start();
        try {
            writeEvents(PER_PHASE);
            await("some events published").atMost(Duration.ofSeconds(20)).until(() -> published() >= 40);

            // Events keep coming while the broker goes down and while it is down.
            Future<?> duringOutage = writer.submit(() -> writeEvents(PER_PHASE));
            broker.stop();
            duringOutage.get(20, TimeUnit.SECONDS);
            // Not only noticed: tried again after its backoff, and failed again.
            await("the relay retried during the outage").atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "SELECT coalesce(max(attempts), 0) FROM event_outbox WHERE published_at IS NULL", Integer.class) >= 2);
            assertThat(relay.stats().failing()).isPositive();
            long publishedBeforeRestart = published();
            assertThat(publishedBeforeRestart).isLessThan(TOTAL - PER_PHASE);

            broker.start();
            writeEvents(PER_PHASE);
            await("every event published").atMost(Duration.ofSeconds(30)).until(() -> published() == TOTAL);
            log.info("fault-it publishedBeforeRestart={} sendFailures={}", publishedBeforeRestart,
                    meters.get("hnsw.events.outbox.send.failures").counter().count());
        } finally {
            relay.stop();
            writer.shutdownNow();
        }

        assertThat(jdbc.queryForObject("SELECT max(attempts) FROM event_outbox", Integer.class))
                .as("some event needed more than one attempt").isGreaterThan(1);
        assertThat(jdbc.queryForList("SELECT amendments FROM baggage_declaration", Integer.class))
                .hasSize(AGGREGATES).containsOnly(TOTAL / AGGREGATES);

        // Everything the topic holds, each partition in offset order.
        List<ConsumerRecord<String, String>> records =
                EventsTestSupport.readAll(broker.bootstrapServers(), TOPIC, Duration.ofSeconds(20));
        Set<UUID> outboxIds = new HashSet<>(jdbc.queryForList("SELECT event_id FROM event_outbox", UUID.class));
        Set<UUID> topicIds = new HashSet<>();
        Map<String, List<Long>> sequences = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope event = json.read(record.value());
            topicIds.add(event.id());
            assertThat(record.key()).isEqualTo(event.subject());
            sequences.computeIfAbsent(event.subject(), k -> new ArrayList<>()).add(event.sequence());
        }
        log.info("fault-it records={} distinct={} duplicatesOnTopic={}", records.size(), topicIds.size(),
                records.size() - topicIds.size());

        assertThat(topicIds).as("nothing lost").hasSize(TOTAL).isEqualTo(outboxIds);
        assertThat(sequences).hasSize(AGGREGATES);
        List<Long> oneToThirty = LongStream.rangeClosed(1, TOTAL / AGGREGATES).boxed().toList();
        sequences.forEach((declarationNo, seen) -> {
            // A repeat can only follow the event itself: n, n, n+1, never n+1 before n.
            assertThat(seen).as("sequences of %s", declarationNo).isSorted();
            assertThat(seen.stream().distinct().toList()).as("sequences of %s", declarationNo).isEqualTo(oneToThirty);
        });

        // Apply everything in topic order, then deliberately deliver every tenth record again.
        SimpleMeterRegistry consumerMeters = new SimpleMeterRegistry();
        HandledEvents handledEvents = new HandledEvents(dataSource, new JdbcTransactionManager(dataSource), json, consumerMeters);
        int handled = 0;
        for (ConsumerRecord<String, String> record : records) {
            handled += handledEvents.handleOnce("fault-it.projection", record, this::apply) ? 1 : 0;
        }
        List<ConsumerRecord<String, String>> redelivered = new ArrayList<>();
        for (int i = 0; i < records.size(); i += 10) {
            redelivered.add(records.get(i));
        }
        for (ConsumerRecord<String, String> record : redelivered) {
            assertThat(handledEvents.handleOnce("fault-it.projection", record, this::apply)).isFalse();
        }

        assertThat(handled).isEqualTo(TOTAL);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM projection_applied", Long.class)).isEqualTo(TOTAL);
        assertThat(jdbc.queryForList("SELECT event_id FROM projection_applied GROUP BY event_id HAVING count(*) > 1", UUID.class))
                .as("applied twice").isEmpty();
        assertThat(jdbc.queryForList("SELECT last_sequence FROM projection_head", Long.class))
                .hasSize(AGGREGATES).containsOnly((long) TOTAL / AGGREGATES);
        Counter duplicates = consumerMeters.get("hnsw.events.consumer.duplicates").counter();
        assertThat(duplicates.count()).isEqualTo(records.size() - TOTAL + redelivered.size());
    }
}
