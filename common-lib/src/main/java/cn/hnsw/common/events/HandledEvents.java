package cn.hnsw.common.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * 幂等消费 — runs a consumer's handler at most once per event, however often Kafka delivers the event.
 * <p>
 * In one transaction it inserts the marker (consumer, event id) with {@code ON CONFLICT DO NOTHING} and runs the
 * handler only if the insert took effect. The handler's own writes share that transaction, so either both the marker
 * and the effect are stored or neither: a handler that fails leaves no marker, and the redelivered event is handled.
 * Two instances handling the same event at once are serialised by the marker's primary key: the second waits for the
 * first to commit and then finds the marker.
 * <p>
 * From a listener:
 * <pre>{@code
 * @KafkaListener(topics = "hnsw.passenger.declaration-submitted", groupId = "ledger-service")
 * void onDeclarationSubmitted(ConsumerRecord<String, String> record) {
 *     handledEvents.handleOnce("ledger.declaration-submitted", record, event -> {
 *         DeclarationSubmitted submitted = eventJson.dataAs(event, DeclarationSubmitted.class);
 *         ledger.reserve(submitted);
 *     });
 * }
 * }</pre>
 */
public class HandledEvents {

    private static final Logger log = LoggerFactory.getLogger(HandledEvents.class);

    private static final String MARK = """
            INSERT INTO handled_event (consumer, event_id, event_type, handled_at) VALUES (?, ?, ?, clock_timestamp())
            ON CONFLICT (consumer, event_id) DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EventJson json;
    private final MeterRegistry meters;
    private final Map<String, Counter> handled = new ConcurrentHashMap<>();
    private final Map<String, Counter> duplicates = new ConcurrentHashMap<>();

    /**
     * @param dataSource         the database of the consumer's own tables and {@code handled_event}
     * @param transactionManager the transaction manager the handler's writes use (JDBC or JPA on that database)
     * @param json               reads envelopes from records
     * @param meters             where the handled and duplicate counters go
     */
    public HandledEvents(DataSource dataSource, PlatformTransactionManager transactionManager, EventJson json,
                         MeterRegistry meters) {
        this.jdbc = new JdbcTemplate(dataSource);
        // REQUIRED: a caller that already has a transaction gets the marker in it, which is just as atomic.
        this.transaction = new TransactionTemplate(transactionManager);
        this.json = Objects.requireNonNull(json, "json");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    /**
     * Runs {@code handler} for {@code event} unless {@code consumer} has handled that event before.
     *
     * @param consumer a stable name for this handler, e.g. {@code ledger.declaration-submitted}; a second handler of
     *                 the same event needs a name of its own
     * @return true if the handler ran, false if the event was a duplicate and was skipped
     * @throws RuntimeException whatever the handler threw; the marker is rolled back with the handler's writes
     */
    public boolean handleOnce(String consumer, EventEnvelope event, Consumer<EventEnvelope> handler) {
        if (consumer == null || consumer.isBlank() || consumer.length() > 200) {
            throw new IllegalArgumentException("consumer must be a name of 1 to 200 characters but was " + consumer);
        }
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(handler, "handler");
        boolean ran = Boolean.TRUE.equals(transaction.execute(status -> {
            if (jdbc.update(MARK, consumer, event.id(), event.type()) == 0) {
                return false;
            }
            handler.accept(event);
            return true;
        }));
        if (ran) {
            counter(handled, "hnsw.events.consumer.handled", "Events handled", consumer).increment();
        } else {
            counter(duplicates, "hnsw.events.consumer.duplicates", "Redelivered events skipped", consumer).increment();
            log.debug("event.duplicate.skipped consumer={} eventId={} type={} subject={} sequence={}",
                    consumer, event.id(), event.type(), event.subject(), event.sequence());
        }
        return ran;
    }

    /**
     * The same for a Kafka record whose value is the event in structured mode (a {@code String} or {@code byte[]}
     * value, i.e. the String or ByteArray deserializer).
     *
     * @throws InvalidEventException when the value is not an event; retrying it will not help
     */
    public boolean handleOnce(String consumer, ConsumerRecord<?, ?> record, Consumer<EventEnvelope> handler) {
        return handleOnce(consumer, envelopeOf(record), handler);
    }

    /** The envelope a Kafka record carries. */
    public EventEnvelope envelopeOf(ConsumerRecord<?, ?> record) {
        Object value = record.value();
        try {
            if (value instanceof String text) {
                return json.read(text);
            }
            if (value instanceof byte[] bytes) {
                return json.read(bytes);
            }
        } catch (InvalidEventException e) {
            throw new InvalidEventException("Record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " is not an event: " + e.getMessage(), e);
        }
        throw new InvalidEventException("Record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                + " has a " + (value == null ? "null" : value.getClass().getName())
                + " value; read events with the String or ByteArray deserializer");
    }

    /** Whether {@code consumer} has handled the event. */
    public boolean isHandled(String consumer, UUID eventId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM handled_event WHERE consumer = ? AND event_id = ?)", Boolean.class,
                consumer, eventId));
    }

    /**
     * Forgets markers older than {@code before}. Only safe for events that can no longer be redelivered: keep them
     * longer than the topics' retention.
     *
     * @return the number of markers deleted
     */
    public int forgetHandledBefore(Instant before) {
        return jdbc.update("DELETE FROM handled_event WHERE handled_at < ?", Timestamp.from(before));
    }

    private Counter counter(Map<String, Counter> counters, String name, String description, String consumer) {
        return counters.computeIfAbsent(consumer, c -> Counter.builder(name)
                .description(description).tag("consumer", c).register(meters));
    }
}
