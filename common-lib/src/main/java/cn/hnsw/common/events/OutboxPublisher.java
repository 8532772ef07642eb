package cn.hnsw.common.events;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * 事件发件箱写入 — writes an event into the outbox, in the transaction of the business change it reports.
 * <p>
 * It is MANDATORY that a transaction on the outbox's {@link DataSource} is open: an event written outside one could
 * be published for a change that then rolls back, or be lost for a change that commits. Calling it without one
 * throws {@link IllegalTransactionStateException} (checked here rather than with {@code @Transactional(MANDATORY)}
 * so that it holds whether or not the bean is proxied, and so that a transaction on some other resource does not count).
 * <p>
 * Usage, inside a {@code @Transactional} service method:
 * <pre>{@code
 * declaration.submit(clock);
 * declarations.save(declaration);
 * outbox.publish(EventTopics.topic("passenger", "declaration-submitted"), "BaggageDeclaration",
 *         declaration.id().toString(), EventTopics.topic("passenger", "declaration-submitted"),
 *         new DeclarationSubmitted(declaration.id(), declaration.port(), declaration.submittedAt()));
 * }</pre>
 */
public class OutboxPublisher {

    private static final String NEXT_SEQUENCE = """
            INSERT INTO event_outbox_sequence (aggregate_type, aggregate_id, last_sequence) VALUES (?, ?, 1)
            ON CONFLICT (aggregate_type, aggregate_id)
            DO UPDATE SET last_sequence = event_outbox_sequence.last_sequence + 1
            RETURNING last_sequence""";

    private static final String INSERT = """
            INSERT INTO event_outbox (event_id, topic, message_key, aggregate_type, aggregate_id, sequence, event_type, envelope)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::json)""";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final EventJson json;
    private final String source;
    private final Clock clock;
    private final Supplier<Correlation> correlation;
    private final Runnable afterCommit;

    /**
     * @param dataSource  the database of the business tables and the outbox
     * @param json        writes the envelope and turns payloads into JSON
     * @param source      the CloudEvents source of this service, e.g. {@code /hnsw/passenger-service}
     * @param clock       the time stamped on events
     * @param correlation the request id and trace id of the current work, e.g. {@link Correlation#fromMdc()}
     * @param afterCommit run after a transaction that wrote events commits; the relay's wake-up, so events leave
     *                    at once instead of at the next poll
     */
    public OutboxPublisher(DataSource dataSource, EventJson json, String source, Clock clock,
                           Supplier<Correlation> correlation, Runnable afterCommit) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = new JdbcTemplate(dataSource);
        this.json = Objects.requireNonNull(json, "json");
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.correlation = Objects.requireNonNull(correlation, "correlation");
        this.afterCommit = afterCommit == null ? () -> { } : afterCommit;
    }

    /**
     * Writes one event into the outbox in the current transaction; it leaves for Kafka only if that transaction commits.
     *
     * @param topic         where the event goes, {@code hnsw.<service>.<event>} (see {@link EventTopics#topic})
     * @param aggregateType the kind of aggregate, e.g. {@code BaggageDeclaration}
     * @param aggregateId   the aggregate's id; the record key and the CloudEvents subject
     * @param eventType     the CloudEvents type, a past-tense fact; by convention the same string as the topic
     * @param data          the payload: a record, a map or a Jackson tree
     * @return the envelope as written, with its id and its sequence within the aggregate
     * @throws IllegalTransactionStateException when no read-write transaction on the outbox's database is open
     */
    public EventEnvelope publish(String topic, String aggregateType, String aggregateId, String eventType, Object data) {
        EventTopics.requireKafkaTopic(topic);
        requireText(aggregateType, "aggregateType", 100);
        requireText(aggregateId, "aggregateId", 200);
        requireText(eventType, "eventType", 200);
        Objects.requireNonNull(data, "data: an event reports a fact, and the fact has content");
        requireTransaction();

        Long sequence = jdbc.queryForObject(NEXT_SEQUENCE, Long.class, aggregateType, aggregateId);
        EventEnvelope event = EventEnvelope.create(source, eventType, clock.instant().truncatedTo(ChronoUnit.MICROS),
                aggregateType, aggregateId, Objects.requireNonNull(sequence), correlation.get(), json.toData(data));
        jdbc.update(INSERT, event.id(), topic, aggregateId, aggregateType, aggregateId, event.sequence(), eventType,
                json.write(event));
        TransactionSynchronizationManager.registerSynchronization(new WakeRelayAfterCommit(afterCommit));
        return event;
    }

    private void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.hasResource(dataSource)) {
            throw new IllegalTransactionStateException(
                    "An event must be written in the transaction of the change it reports (propagation MANDATORY), "
                            + "but no transaction on the outbox's database is open / 事件必须与业务变更在同一事务中写入");
        }
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            throw new IllegalTransactionStateException(
                    "An event cannot be written in a read-only transaction / 只读事务中不能写入事件");
        }
    }

    private static void requireText(String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
        }
    }

    /** Equal instances collapse into one, so a transaction that writes many events wakes the relay once. */
    private record WakeRelayAfterCommit(Runnable wake) implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            wake.run();
        }
    }
}
