package cn.hnsw.common.events;

import cn.hnsw.testsupport.embedded.SharedInfrastructure;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The relay against the real broker: in order per aggregate across many aggregates, with one or two instances. */
class OutboxRelayIT {

    private static final String SUBMITTED = "hnsw.relay-it.declaration-submitted";
    private static final String AMENDED = "hnsw.relay-it.declaration-amended";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;
    private static String bootstrapServers;

    private final EventJson json = EventJson.withDefaults();
    private final OutboxPublisher outbox = new OutboxPublisher(dataSource, json, "/hnsw/relay-it", Clock.systemUTC(),
            () -> Correlation.NONE, null);

    @BeforeAll
    static void infrastructure() {
        dataSource = EventsTestSupport.migratedDatabase("events_relay_it");
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        bootstrapServers = SharedInfrastructure.kafka().bootstrapServers();
        EventsTestSupport.createTopic(bootstrapServers, SUBMITTED, 3);
        EventsTestSupport.createTopic(bootstrapServers, AMENDED, 3);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void emptyOutbox() {
        jdbc.execute("TRUNCATE event_outbox, event_outbox_sequence");
    }

    private OutboxRelay relay(SimpleMeterRegistry meters, int batchSize) {
        EventsProperties.Relay defaults = EventsProperties.Relay.defaults();
        EventsProperties.Relay settings = new EventsProperties.Relay(true, Duration.ofMillis(100), batchSize,
                SEND_TIMEOUT, defaults.backoff(), defaults.retention());
        return new OutboxRelay(dataSource, () -> EventsTestSupport.relayProducer(bootstrapServers, SEND_TIMEOUT),
                settings, meters, new Random(1));
    }

    /** Writes {@code perAggregate} events for each aggregate, interleaving aggregates and sometimes several in a row. */
    private List<EventEnvelope> writeInterleaved(List<String> aggregates, int perAggregate, long seed) {
        Random random = new Random(seed);
        Map<String, Integer> written = new HashMap<>();
        List<EventEnvelope> events = new ArrayList<>();
        int total = aggregates.size() * perAggregate;
        while (events.size() < total) {
            String aggregate = aggregates.get(random.nextInt(aggregates.size()));
            int burst = 1 + random.nextInt(3);
            transaction.executeWithoutResult(status -> {
                for (int i = 0; i < burst && written.getOrDefault(aggregate, 0) < perAggregate; i++) {
                    int n = written.merge(aggregate, 1, Integer::sum);
                    // Alternate topics: the relay's order is per aggregate, not per topic.
                    String topic = n % 4 == 0 ? AMENDED : SUBMITTED;
                    events.add(outbox.publish(topic, "BaggageDeclaration", aggregate, topic,
                            Map.of("declarationNo", aggregate, "n", n, "port", "海口新海港")));
                }
            });
        }
        return events;
    }

    /** The topic's records about {@code aggregates}; the topics are shared by the tests of this class. */
    private static List<ConsumerRecord<String, String>> read(String topic, List<String> aggregates) {
        return EventsTestSupport.readAll(bootstrapServers, topic, Duration.ofSeconds(20)).stream()
                .filter(r -> aggregates.contains(r.key()))
                .toList();
    }

    private long pending() {
        return jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE published_at IS NULL", Long.class);
    }

    private static Map<String, List<Long>> sequencesByAggregate(List<ConsumerRecord<String, String>> records, EventJson json) {
        Map<String, List<Long>> sequences = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope event = json.read(record.value());
            assertThat(record.key()).isEqualTo(event.subject());
            sequences.computeIfAbsent(event.subject(), k -> new ArrayList<>()).add(event.sequence());
        }
        return sequences;
    }

    @Test
    void publishesEveryEventInOrderPerAggregate() {
        List<String> aggregates = List.of("HNXL-R1", "HNXL-R2", "HNXL-R3", "HNXL-R4", "HNXL-R5", "HNXL-R6");
        List<EventEnvelope> written = writeInterleaved(aggregates, 20, 42);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = relay(meters, 7);

        // A small batch splits aggregates across passes, which must not break their order either.
        int passes = 0;
        while (pending() > 0) {
            OutboxRelay.Pass pass = relay.runOnce();
            assertThat(pass.lockAcquired()).isTrue();
            assertThat(pass.failed()).isZero();
            assertThat(++passes).as("passes needed").isLessThan(100);
        }
        relay.stop();

        List<ConsumerRecord<String, String>> records = new ArrayList<>(read(SUBMITTED, aggregates));
        List<ConsumerRecord<String, String>> amended = read(AMENDED, aggregates);
        // Within one topic each aggregate's events keep their order.
        sequencesByAggregate(records, json).values().forEach(s -> assertThat(s).isSorted().doesNotHaveDuplicates());
        sequencesByAggregate(amended, json).values().forEach(s -> assertThat(s).isSorted().doesNotHaveDuplicates());
        records.addAll(amended);

        Map<UUID, EventEnvelope> byId = new HashMap<>();
        written.forEach(e -> byId.put(e.id(), e));
        assertThat(records).hasSize(written.size());
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope event = json.read(record.value());
            assertThat(byId.get(event.id())).isEqualTo(event);
            Header contentType = record.headers().lastHeader("content-type");
            assertThat(new String(contentType.value(), StandardCharsets.UTF_8)).isEqualTo(EventEnvelope.STRUCTURED_CONTENT_TYPE);
        }
        // Across topics the relay's order shows in the publication times: n acknowledged before n+1 was sent.
        for (String aggregate : aggregates) {
            List<Long> byPublication = jdbc.queryForList(
                    "SELECT sequence FROM event_outbox WHERE aggregate_id = ? ORDER BY published_at, sequence", Long.class, aggregate);
            assertThat(byPublication).hasSize(20).isSorted();
        }
        assertThat(meters.get("hnsw.events.outbox.published").tag("topic", SUBMITTED).counter().count()
                + meters.get("hnsw.events.outbox.published").tag("topic", AMENDED).counter().count()).isEqualTo(written.size());
        assertThat(meters.get("hnsw.events.outbox.pending").gauge().value()).isZero();
        assertThat(jdbc.queryForList("SELECT DISTINCT attempts FROM event_outbox", Integer.class)).containsExactly(1);
    }

    @Test
    void twoRunningInstancesShareTheOutboxWithoutBreakingTheOrder() {
        OutboxRelay first = relay(new SimpleMeterRegistry(), 5);
        OutboxRelay second = relay(new SimpleMeterRegistry(), 5);
        List<String> aggregates = List.of("HNXL-T1", "HNXL-T2", "HNXL-T3", "HNXL-T4");
        first.start();
        second.start();
        try {
            List<EventEnvelope> written = writeInterleaved(aggregates, 15, 7);
            await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);

            List<ConsumerRecord<String, String>> records = read(SUBMITTED, aggregates);
            Map<String, List<Long>> sequences = sequencesByAggregate(records, json);
            for (String aggregate : aggregates) {
                assertThat(sequences.get(aggregate)).isSorted().doesNotHaveDuplicates();
            }
            assertThat(jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE published_at IS NOT NULL", Long.class))
                    .isEqualTo(written.size());
        } finally {
            first.stop();
            second.stop();
        }
    }

    @Test
    void aPassDoesNothingWhileAnotherInstanceHoldsTheRelayLock() {
        transaction.executeWithoutResult(status ->
                outbox.publish(SUBMITTED, "BaggageDeclaration", "HNXL-L1", SUBMITTED, Map.of("n", 1)));
        OutboxRelay relay = relay(new SimpleMeterRegistry(), 10);

        transaction.executeWithoutResult(status -> {
            // This transaction plays the other instance in the middle of its pass.
            assertThat(jdbc.queryForObject(OutboxRelay.TRY_LOCK, Boolean.class)).isTrue();
            OutboxRelay.Pass blocked = relay.runOnce();
            assertThat(blocked.lockAcquired()).isFalse();
            assertThat(blocked.published()).isZero();
        });
        assertThat(pending()).isEqualTo(1);

        OutboxRelay.Pass pass = relay.runOnce();
        assertThat(pass.lockAcquired()).isTrue();
        assertThat(pass.published()).isEqualTo(1);
        relay.stop();
    }
}
