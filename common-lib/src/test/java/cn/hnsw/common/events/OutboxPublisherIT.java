package cn.hnsw.common.events;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox row is part of the business transaction: written with it, rolled back with it, refused without it. */
class OutboxPublisherIT {

    private static final String TOPIC = EventTopics.topic("passenger", "declaration-submitted");
    private static final Instant NOW = Instant.parse("2025-06-18T02:15:30.123456Z");

    private static HikariDataSource dataSource;
    private static HikariDataSource otherDatabase;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;

    private final EventJson json = EventJson.withDefaults();
    private final AtomicInteger wakeUps = new AtomicInteger();
    private OutboxPublisher outbox;

    record DeclarationSubmitted(String declarationNo, String port, String travellerName) {
    }

    @BeforeAll
    static void database() {
        dataSource = EventsTestSupport.migratedDatabase("events_outbox_it");
        otherDatabase = EventsTestSupport.migratedDatabase("events_outbox_other_it");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE baggage_declaration (declaration_no TEXT PRIMARY KEY, status TEXT NOT NULL)");
        transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    }

    @AfterAll
    static void close() {
        dataSource.close();
        otherDatabase.close();
    }

    @BeforeEach
    void emptyTables() {
        jdbc.execute("TRUNCATE baggage_declaration, event_outbox, event_outbox_sequence");
        outbox = new OutboxPublisher(dataSource, json, "/hnsw/passenger-service", Clock.fixed(NOW, ZoneOffset.UTC),
                () -> new Correlation("req-20250618-0001", "4bf92f3577b34da6a3ce929d0e0e4736"), wakeUps::incrementAndGet);
    }

    private EventEnvelope submit(String declarationNo) {
        jdbc.update("INSERT INTO baggage_declaration (declaration_no, status) VALUES (?, 'SUBMITTED')", declarationNo);
        return outbox.publish(TOPIC, "BaggageDeclaration", declarationNo, TOPIC,
                new DeclarationSubmitted(declarationNo, "美兰机场", "李娜"));
    }

    @Test
    void theEventIsWrittenWithTheBusinessChange() {
        EventEnvelope event = transaction.execute(status -> submit("HNXL2025061800001"));

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM event_outbox WHERE event_id = ?", event.id());
        assertThat(jdbc.queryForObject("SELECT status FROM baggage_declaration", String.class)).isEqualTo("SUBMITTED");
        assertThat(row)
                .containsEntry("topic", TOPIC)
                .containsEntry("message_key", "HNXL2025061800001")
                .containsEntry("aggregate_type", "BaggageDeclaration")
                .containsEntry("aggregate_id", "HNXL2025061800001")
                .containsEntry("sequence", 1L)
                .containsEntry("event_type", TOPIC)
                .containsEntry("attempts", 0)
                .containsEntry("published_at", null)
                .containsEntry("last_error", null);
        assertThat(row.get("created_at")).isNotNull();
        assertThat(row.get("next_attempt_at")).isNotNull();
        EventEnvelope stored = json.read(jdbc.queryForObject(
                "SELECT envelope::text FROM event_outbox WHERE event_id = ?", String.class, event.id()));
        assertThat(stored).isEqualTo(event);
        assertThat(stored.source()).isEqualTo("/hnsw/passenger-service");
        assertThat(stored.time()).isEqualTo(NOW);
        assertThat(stored.requestId()).isEqualTo("req-20250618-0001");
        assertThat(stored.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(json.dataAs(stored, DeclarationSubmitted.class))
                .isEqualTo(new DeclarationSubmitted("HNXL2025061800001", "美兰机场", "李娜"));
    }

    @Test
    void sequencesCountPerAggregate() {
        transaction.executeWithoutResult(status -> {
            submit("HNXL-A");
            outbox.publish(TOPIC, "BaggageDeclaration", "HNXL-A", TOPIC, Map.of("amended", true));
        });
        transaction.executeWithoutResult(status -> submit("HNXL-B"));
        transaction.executeWithoutResult(status ->
                outbox.publish(TOPIC, "BaggageDeclaration", "HNXL-A", TOPIC, Map.of("withdrawn", true)));
        // Same id, different kind of aggregate: a sequence of its own.
        transaction.executeWithoutResult(status ->
                outbox.publish(TOPIC, "TaxPayment", "HNXL-A", TOPIC, Map.of("paid", "128.00")));

        assertThat(jdbc.queryForList("SELECT aggregate_type || ':' || aggregate_id || '#' || sequence FROM event_outbox ORDER BY id",
                String.class))
                .containsExactly("BaggageDeclaration:HNXL-A#1", "BaggageDeclaration:HNXL-A#2", "BaggageDeclaration:HNXL-B#1",
                        "BaggageDeclaration:HNXL-A#3", "TaxPayment:HNXL-A#1");
    }

    @Test
    void theEventIsRolledBackWithTheBusinessChange() {
        transaction.executeWithoutResult(status -> submit("HNXL-KEEP"));

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            submit("HNXL-LOST");
            outbox.publish(TOPIC, "BaggageDeclaration", "HNXL-KEEP", TOPIC, Map.of("amended", true));
            throw new IllegalStateException("DECLARATION_NOT_EDITABLE");
        })).hasMessage("DECLARATION_NOT_EDITABLE");

        assertThat(jdbc.queryForList("SELECT declaration_no FROM baggage_declaration", String.class)).containsExactly("HNXL-KEEP");
        assertThat(jdbc.queryForList("SELECT aggregate_id FROM event_outbox", String.class)).containsExactly("HNXL-KEEP");
        // The sequence number taken by the rolled-back transaction is given again: no gap for consumers to wait on.
        EventEnvelope next = transaction.execute(status ->
                outbox.publish(TOPIC, "BaggageDeclaration", "HNXL-KEEP", TOPIC, Map.of("amended", true)));
        assertThat(next.sequence()).isEqualTo(2);
        assertThat(wakeUps).as("the relay is woken after commits only").hasValue(2);
    }

    @Test
    void aTransactionThatWritesManyEventsWakesTheRelayOnce() {
        transaction.executeWithoutResult(status -> {
            submit("HNXL-1");
            submit("HNXL-2");
            submit("HNXL-3");
            assertThat(wakeUps).as("not before the commit").hasValue(0);
        });
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void refusesToPublishOutsideATransaction() {
        assertThatThrownBy(() -> outbox.publish(TOPIC, "BaggageDeclaration", "HNXL-1", TOPIC, Map.of()))
                .isInstanceOf(IllegalTransactionStateException.class)
                .hasMessageContaining("MANDATORY");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_outbox", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_outbox_sequence", Long.class)).isZero();
    }

    @Test
    void refusesATransactionOnAnotherDatabaseOrAReadOnlyOne() {
        TransactionTemplate elsewhere = new TransactionTemplate(new JdbcTransactionManager(otherDatabase));
        assertThatThrownBy(() -> elsewhere.executeWithoutResult(status ->
                outbox.publish(TOPIC, "BaggageDeclaration", "HNXL-1", TOPIC, Map.of())))
                .isInstanceOf(IllegalTransactionStateException.class);

        TransactionTemplate readOnly = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        readOnly.setReadOnly(true);
        assertThatThrownBy(() -> readOnly.executeWithoutResult(status ->
                outbox.publish(TOPIC, "BaggageDeclaration", "HNXL-1", TOPIC, Map.of())))
                .isInstanceOf(IllegalTransactionStateException.class)
                .hasMessageContaining("read-only");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_outbox", Long.class)).isZero();
    }

    @Test
    void refusesBadArgumentsBeforeTouchingTheDatabase() {
        transaction.executeWithoutResult(status -> {
            assertThatThrownBy(() -> outbox.publish("hnsw passenger", "BaggageDeclaration", "HNXL-1", TOPIC, Map.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> outbox.publish(TOPIC, "BaggageDeclaration", " ", TOPIC, Map.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> outbox.publish(TOPIC, "BaggageDeclaration", "HNXL-1", TOPIC, null))
                    .isInstanceOf(NullPointerException.class);
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_outbox", Long.class)).isZero();
    }

    @Test
    void concurrentWritersOfOneAggregateGetGaplessSequencesInCommitOrder() throws Exception {
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                writers.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        transaction.executeWithoutResult(status ->
                                outbox.publish(TOPIC, "BaggageDeclaration", "HNXL-BUSY", TOPIC, Map.of("amendment", 1)));
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(writers)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<Long> sequencesInInsertOrder = jdbc.queryForList(
                "SELECT sequence FROM event_outbox WHERE aggregate_id = 'HNXL-BUSY' ORDER BY id", Long.class);
        assertThat(sequencesInInsertOrder).hasSize(threads * perThread).isSorted().doesNotHaveDuplicates();
        assertThat(sequencesInInsertOrder.getFirst()).isEqualTo(1);
        assertThat(sequencesInInsertOrder.getLast()).isEqualTo(threads * perThread);
    }
}
