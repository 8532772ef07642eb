package cn.hnsw.common.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.transaction.KafkaAwareTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Map;
import java.util.Random;

/**
 * Gives every service with a database the outbox ({@link OutboxPublisher}, {@link OutboxAdmin}), the idempotent
 * consumer ({@link HandledEvents}) and, where Kafka is configured, the {@link OutboxRelay}. The tables come from
 * common-lib's own migrations ({@code db/common}, see {@code CommonSchemaAutoConfiguration}).
 * <p>
 * The relay builds its own {@link KafkaProducer} rather than use the service's {@code KafkaTemplate}: it takes the
 * connection settings of {@code spring.kafka.*} (servers, security, SSL bundles) but must have idempotence, acks=all,
 * bounded timeouts and String serialisation whatever the service configured for its own template (which may be
 * transactional, or use a JSON serialiser), and it must be able to throw its producer away after a fatal error
 * without touching a producer the service shares.
 */
@AutoConfiguration(
        after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                KafkaAutoConfiguration.class, JacksonAutoConfiguration.class},
        afterName = "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration")
@ConditionalOnClass({JdbcTemplate.class, Producer.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventJson eventJson(ObjectProvider<ObjectMapper> objectMapper) {
        return new EventJson(objectMapper.getIfAvailable(EventJson::defaultObjectMapper));
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxPublisher outboxPublisher(DataSource dataSource, EventJson eventJson, EventsProperties properties,
                                    Environment environment, ObjectProvider<Clock> clock,
                                    ObjectProvider<OutboxRelay> relay) {
        return new OutboxPublisher(dataSource, eventJson, source(properties, environment),
                clock.getIfUnique(Clock::systemUTC), Correlation::fromMdc, () -> relay.ifAvailable(OutboxRelay::wake));
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxAdmin outboxAdmin(DataSource dataSource, ObjectProvider<OutboxRelay> relay) {
        return new OutboxAdmin(dataSource, () -> relay.ifAvailable(OutboxRelay::wake));
    }

    @Bean
    @ConditionalOnMissingBean
    HandledEvents handledEvents(DataSource dataSource, ObjectProvider<PlatformTransactionManager> transactionManager,
                                EventJson eventJson, ObjectProvider<MeterRegistry> meters) {
        return new HandledEvents(dataSource, transactionManagerFor(dataSource, transactionManager),
                eventJson, meters.getIfUnique(() -> Metrics.globalRegistry));
    }

    /**
     * The transaction manager the handlers' writes use: the service's own (JDBC or JPA) when it has one, never a
     * Kafka one (a service with {@code transaction-id-prefix} has a {@code KafkaTransactionManager}, and Boot then
     * creates no JDBC one). A service with several databases, or with JPA next to Kafka transactions, declares its own
     * {@link HandledEvents} bean.
     */
    static PlatformTransactionManager transactionManagerFor(DataSource dataSource,
                                                            ObjectProvider<PlatformTransactionManager> candidates) {
        PlatformTransactionManager primary = candidates.getIfUnique();
        if (primary != null && !(primary instanceof KafkaAwareTransactionManager<?, ?>)) {
            return primary;
        }
        return candidates.orderedStream()
                .filter(tm -> tm instanceof DataSourceTransactionManager jdbc && jdbc.getDataSource() == dataSource)
                .findFirst()
                .orElseGet(() -> new JdbcTransactionManager(dataSource));
    }

    static String source(EventsProperties properties, Environment environment) {
        if (properties.source() != null && !properties.source().isBlank()) {
            return properties.source();
        }
        String application = environment.getProperty("spring.application.name", "application");
        return "/" + EventTopics.PREFIX + "/" + application;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "hnsw.events.relay", name = "enabled", havingValue = "true", matchIfMissing = true)
    @ConditionalOnBean(KafkaProperties.class)
    static class RelayConfiguration {

        @Bean
        @ConditionalOnMissingBean
        OutboxRelay outboxRelay(DataSource dataSource, EventsProperties properties, KafkaProperties kafka,
                                ObjectProvider<SslBundles> sslBundles,
                                ObjectProvider<KafkaConnectionDetails> connectionDetails,
                                ObjectProvider<MeterRegistry> meters) {
            Map<String, Object> base = kafka.buildProducerProperties(sslBundles.getIfAvailable());
            KafkaConnectionDetails details = connectionDetails.getIfAvailable();
            if (details != null) {
                base.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, details.getProducer().getBootstrapServers());
            }
            if (base.get(ProducerConfig.CLIENT_ID_CONFIG) instanceof String clientId) {
                // Two producers with one client id clash in JMX; keep the service's id recognisable.
                base.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-outbox-relay");
            }
            Map<String, Object> config = OutboxRelay.producerConfig(base, properties.relay().sendTimeout());
            return new OutboxRelay(dataSource,
                    () -> new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()),
                    properties.relay(), meters.getIfUnique(() -> Metrics.globalRegistry), new Random());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint
        OutboxEndpoint outboxEndpoint(OutboxAdmin outboxAdmin) {
            return new OutboxEndpoint(outboxAdmin);
        }
    }
}
