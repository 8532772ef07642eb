package cn.hnsw.common.events;

import cn.hnsw.common.db.CommonSchemaAutoConfiguration;
import cn.hnsw.testsupport.embedded.SharedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a service gets by having common-lib, a database and Kafka: the whole chain wired, and nothing without a database. */
class EventsAutoConfigurationIT {

    private static final String TOPIC = "hnsw.autoconfig-it.declaration-submitted";
    private static final String LISTENED_TOPIC = "hnsw.autoconfig-it.declaration-amended";

    private static String jdbcUrl;
    private static String bootstrapServers;

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                    TransactionAutoConfiguration.class, FlywayAutoConfiguration.class, CommonSchemaAutoConfiguration.class,
                    JacksonAutoConfiguration.class, KafkaAutoConfiguration.class,
                    MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class, EndpointAutoConfiguration.class,
                    EventsAutoConfiguration.class))
            .withPropertyValues(
                    "spring.application.name=passenger-service",
                    "spring.datasource.url=" + jdbcUrl,
                    "spring.datasource.username=postgres",
                    "spring.datasource.password=postgres",
                    "spring.kafka.bootstrap-servers=" + bootstrapServers,
                    "hnsw.events.relay.poll-interval=100ms",
                    "hnsw.events.relay.send-timeout=5s");

    @BeforeAll
    static void infrastructure() {
        jdbcUrl = SharedInfrastructure.postgres().createDatabase("events_autoconfig_it");
        bootstrapServers = SharedInfrastructure.kafka().bootstrapServers();
        EventsTestSupport.createTopic(bootstrapServers, TOPIC, 3);
        EventsTestSupport.createTopic(bootstrapServers, LISTENED_TOPIC, 3);
    }

    @Test
    void aServiceWithADatabaseAndKafkaPublishesThroughTheRelay() {
        service.withPropertyValues("management.endpoints.web.exposure.include=outbox").run(context -> {
            assertThat(context).hasNotFailed()
                    .hasSingleBean(OutboxPublisher.class).hasSingleBean(OutboxRelay.class)
                    .hasSingleBean(HandledEvents.class).hasSingleBean(OutboxAdmin.class)
                    .hasSingleBean(OutboxEndpoint.class).hasSingleBean(EventJson.class);
            assertThat(context.getBean(OutboxRelay.class).isRunning()).isTrue();

            OutboxPublisher outbox = context.getBean(OutboxPublisher.class);
            TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
            EventEnvelope written = transaction.execute(status -> outbox.publish(TOPIC, "BaggageDeclaration",
                    "HNXL-AC-1", TOPIC, Map.of("declarationNo", "HNXL-AC-1", "port", "三亚凤凰机场")));

            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "SELECT published_at IS NOT NULL FROM event_outbox WHERE event_id = ?", Boolean.class, written.id()));
            List<ConsumerRecord<String, String>> records = EventsTestSupport.readAll(bootstrapServers, TOPIC, Duration.ofSeconds(20));
            EventEnvelope received = context.getBean(EventJson.class).read(records.stream()
                    .filter(r -> r.key().equals("HNXL-AC-1")).findFirst().orElseThrow().value());
            assertThat(received).isEqualTo(written);
            assertThat(received.source()).isEqualTo("/hnsw/passenger-service");

            OutboxEndpoint.Report report = context.getBean(OutboxEndpoint.class).report();
            assertThat(report.stats().pending()).isZero();
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    meters.find("hnsw.events.outbox.published").tag("topic", TOPIC).counter() != null);
            assertThat(meters.get("hnsw.events.outbox.pending").gauge().value()).isZero();
        });
    }

    /** A consumer as a service writes one: a listener that goes through {@link HandledEvents}. */
    static class ReservationListener {
        final List<UUID> applied = new CopyOnWriteArrayList<>();
        final AtomicInteger deliveries = new AtomicInteger();
        private final HandledEvents handledEvents;

        ReservationListener(HandledEvents handledEvents) {
            this.handledEvents = handledEvents;
        }

        @KafkaListener(topics = LISTENED_TOPIC, groupId = "autoconfig-it-ledger")
        void onDeclarationSubmitted(ConsumerRecord<String, String> record) {
            deliveries.incrementAndGet();
            handledEvents.handleOnce("ledger.declaration-submitted", record, event -> applied.add(event.id()));
        }
    }

    @Test
    void aKafkaListenerHandlesARedeliveredEventOnce() {
        service.withUserConfiguration(ReservationListener.class)
                .withPropertyValues("spring.kafka.consumer.auto-offset-reset=earliest").run(context -> {
            ReservationListener listener = context.getBean(ReservationListener.class);
            EventEnvelope written = context.getBean(TransactionTemplate.class).execute(status ->
                    context.getBean(OutboxPublisher.class).publish(LISTENED_TOPIC, "BaggageDeclaration", "HNXL-AC-3",
                            LISTENED_TOPIC, Map.of("declarationNo", "HNXL-AC-3")));
            await().atMost(Duration.ofSeconds(30)).until(() -> listener.applied.contains(written.id()));

            // The broker hands the same event over again, as after a consumer crash before its offset commit.
            String value = context.getBean(EventJson.class).write(written);
            try (Producer<String, String> producer = EventsTestSupport.relayProducer(bootstrapServers, Duration.ofSeconds(5))) {
                producer.send(new ProducerRecord<>(LISTENED_TOPIC, written.subject(), value)).get();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> listener.deliveries.get() >= 2);
            assertThat(listener.applied).containsExactly(written.id());
        });
    }

    @Test
    void propertiesShapeTheRelayAndTheSource() {
        service.withPropertyValues(
                "hnsw.events.source=/hnsw/passenger-service/declaration",
                "hnsw.events.relay.batch-size=50",
                "hnsw.events.relay.backoff.initial=250ms",
                "hnsw.events.relay.backoff.max=30s",
                "hnsw.events.relay.retention=2d").run(context -> {
            EventsProperties properties = context.getBean(EventsProperties.class);
            assertThat(properties.relay().batchSize()).isEqualTo(50);
            assertThat(properties.relay().pollInterval()).isEqualTo(Duration.ofMillis(100));
            assertThat(properties.relay().backoff())
                    .isEqualTo(new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30), 2.0, 0.5));
            assertThat(properties.relay().retention()).isEqualTo(Duration.ofDays(2));
            EventEnvelope written = context.getBean(TransactionTemplate.class).execute(status ->
                    context.getBean(OutboxPublisher.class).publish(TOPIC, "BaggageDeclaration", "HNXL-AC-2", TOPIC, Map.of()));
            assertThat(written.source()).isEqualTo("/hnsw/passenger-service/declaration");
        });
    }

    @Test
    void theRelayCanBeSwitchedOffPerInstance() {
        service.withPropertyValues("hnsw.events.relay.enabled=false").run(context -> assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(OutboxRelay.class)
                .hasSingleBean(OutboxPublisher.class)
                .hasSingleBean(HandledEvents.class));
    }

    @Test
    void aServiceWithoutADatabaseGetsNothing() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, KafkaAutoConfiguration.class,
                        EventsAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(OutboxPublisher.class)
                        .doesNotHaveBean(OutboxRelay.class)
                        .doesNotHaveBean(HandledEvents.class));
    }
}
