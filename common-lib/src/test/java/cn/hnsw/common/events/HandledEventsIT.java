package cn.hnsw.common.events;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A consumer handles each event once: duplicates are skipped, a failed handling leaves no trace and is retried. */
class HandledEventsIT {

    private static final String CONSUMER = "ledger.declaration-submitted";

    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static JdbcTransactionManager transactionManager;

    private final EventJson json = EventJson.withDefaults();
    private SimpleMeterRegistry meters;
    private HandledEvents handledEvents;

    record DeclarationSubmitted(String declarationNo, BigDecimal dutiableValue) {
    }

    @BeforeAll
    static void database() {
        dataSource = EventsTestSupport.migratedDatabase("events_consumer_it");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE ledger_reservation (event_id UUID NOT NULL, declaration_no TEXT NOT NULL, amount NUMERIC(14,2))");
        transactionManager = new JdbcTransactionManager(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void emptyTables() {
        jdbc.execute("TRUNCATE ledger_reservation, handled_event");
        meters = new SimpleMeterRegistry();
        handledEvents = new HandledEvents(dataSource, transactionManager, json, meters);
    }

    private EventEnvelope submitted(String declarationNo) {
        return EventEnvelope.create("/hnsw/passenger-service", "hnsw.passenger.declaration-submitted",
                Instant.now().truncatedTo(ChronoUnit.MICROS), "BaggageDeclaration", declarationNo, 1, Correlation.NONE,
                json.toData(new DeclarationSubmitted(declarationNo, new BigDecimal("12800.00"))));
    }

    private void reserve(EventEnvelope event) {
        DeclarationSubmitted submitted = json.dataAs(event, DeclarationSubmitted.class);
        jdbc.update("INSERT INTO ledger_reservation (event_id, declaration_no, amount) VALUES (?, ?, ?)",
                event.id(), submitted.declarationNo(), submitted.dutiableValue());
    }

    private long reservations() {
        return jdbc.queryForObject("SELECT count(*) FROM ledger_reservation", Long.class);
    }

    private double counter(String name) {
        var counter = meters.find(name).tag("consumer", CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theSameEventTwiceIsHandledOnce() {
        EventEnvelope event = submitted("HNXL2025061800001");

        assertThat(handledEvents.handleOnce(CONSUMER, event, this::reserve)).isTrue();
        assertThat(handledEvents.handleOnce(CONSUMER, event, this::reserve)).isFalse();

        assertThat(reservations()).isEqualTo(1);
        assertThat(handledEvents.isHandled(CONSUMER, event.id())).isTrue();
        assertThat(counter("hnsw.events.consumer.handled")).isEqualTo(1);
        assertThat(counter("hnsw.events.consumer.duplicates")).isEqualTo(1);
    }

    @Test
    void aFailedHandlingLeavesNoMarkerSoTheRedeliveryIsHandled() {
        EventEnvelope event = submitted("HNXL2025061800002");

        assertThatThrownBy(() -> handledEvents.handleOnce(CONSUMER, event, e -> {
            reserve(e);
            throw new IllegalStateException("LEDGER_QUOTA_EXCEEDED");
        })).hasMessage("LEDGER_QUOTA_EXCEEDED");

        assertThat(handledEvents.isHandled(CONSUMER, event.id())).isFalse();
        assertThat(reservations()).as("the handler's write is rolled back with the marker").isZero();

        assertThat(handledEvents.handleOnce(CONSUMER, event, this::reserve)).isTrue();
        assertThat(reservations()).isEqualTo(1);
        assertThat(handledEvents.isHandled(CONSUMER, event.id())).isTrue();
    }

    @Test
    void eachConsumerHandlesTheEventOnItsOwn() {
        EventEnvelope event = submitted("HNXL2025061800003");

        assertThat(handledEvents.handleOnce(CONSUMER, event, this::reserve)).isTrue();
        assertThat(handledEvents.handleOnce("situation-map.declaration-submitted", event, this::reserve)).isTrue();
        assertThat(handledEvents.handleOnce("situation-map.declaration-submitted", event, this::reserve)).isFalse();

        assertThat(reservations()).isEqualTo(2);
    }

    @Test
    void aCallersTransactionCarriesTheMarkerAndItsRollbackUndoesIt() {
        EventEnvelope event = submitted("HNXL2025061800004");
        TransactionTemplate outer = new TransactionTemplate(transactionManager);

        assertThatThrownBy(() -> outer.executeWithoutResult(status -> {
            assertThat(handledEvents.handleOnce(CONSUMER, event, this::reserve)).isTrue();
            throw new IllegalStateException("listener failed after handling");
        })).hasMessage("listener failed after handling");

        assertThat(handledEvents.isHandled(CONSUMER, event.id())).isFalse();
        assertThat(handledEvents.handleOnce(CONSUMER, event, this::reserve)).isTrue();
        assertThat(reservations()).isEqualTo(1);
    }

    @Test
    void concurrentDeliveriesOfOneEventRunTheHandlerOnce() throws Exception {
        EventEnvelope event = submitted("HNXL2025061800005");
        int deliveries = 8;
        CyclicBarrier together = new CyclicBarrier(deliveries);
        AtomicInteger ran = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        try {
            List<Callable<Boolean>> consumers = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                consumers.add(() -> {
                    together.await();
                    return handledEvents.handleOnce(CONSUMER, event, e -> {
                        ran.incrementAndGet();
                        reserve(e);
                    });
                });
            }
            int handled = 0;
            for (Future<Boolean> f : pool.invokeAll(consumers)) {
                handled += f.get() ? 1 : 0;
            }
            assertThat(handled).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ran).hasValue(1);
        assertThat(reservations()).isEqualTo(1);
        assertThat(counter("hnsw.events.consumer.duplicates")).isEqualTo(deliveries - 1);
    }

    @Test
    void readsTheEventFromAKafkaRecord() {
        EventEnvelope event = submitted("HNXL2025061800006");
        String value = json.write(event);
        ConsumerRecord<String, String> text = new ConsumerRecord<>("hnsw.passenger.declaration-submitted", 2, 41L,
                event.subject(), value);
        ConsumerRecord<String, byte[]> bytes = new ConsumerRecord<>("hnsw.passenger.declaration-submitted", 2, 42L,
                event.subject(), value.getBytes(StandardCharsets.UTF_8));

        assertThat(handledEvents.envelopeOf(text)).isEqualTo(event);
        assertThat(handledEvents.handleOnce(CONSUMER, text, this::reserve)).isTrue();
        assertThat(handledEvents.handleOnce(CONSUMER, bytes, this::reserve)).isFalse();
        assertThat(reservations()).isEqualTo(1);
    }

    @Test
    void aRecordThatIsNotAnEventIsRefusedAndNothingIsMarked() {
        ConsumerRecord<String, String> garbage = new ConsumerRecord<>("hnsw.passenger.declaration-submitted", 0, 7L, "k", "{\"hello\":1}");
        ConsumerRecord<String, String> tombstone = new ConsumerRecord<>("hnsw.passenger.declaration-submitted", 0, 8L, "k", null);
        ConsumerRecord<String, Integer> wrongType = new ConsumerRecord<>("hnsw.passenger.declaration-submitted", 0, 9L, "k", 5);

        assertThatThrownBy(() -> handledEvents.handleOnce(CONSUMER, garbage, this::reserve))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("declaration-submitted-0@7");
        assertThatThrownBy(() -> handledEvents.handleOnce(CONSUMER, tombstone, this::reserve))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("@8");
        assertThatThrownBy(() -> handledEvents.handleOnce(CONSUMER, wrongType, this::reserve))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("Integer");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM handled_event", Long.class)).isZero();
    }

    @Test
    void oldMarkersCanBeForgotten() {
        EventEnvelope event = submitted("HNXL2025061800007");
        handledEvents.handleOnce(CONSUMER, event, this::reserve);

        assertThat(handledEvents.forgetHandledBefore(Instant.now().minusSeconds(3600))).isZero();
        assertThat(handledEvents.forgetHandledBefore(Instant.now().plusSeconds(1))).isEqualTo(1);
        assertThat(handledEvents.isHandled(CONSUMER, event.id())).isFalse();
    }
}
