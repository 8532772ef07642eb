package cn.hnsw.common.events;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTopicsTest {

    @Test
    void namesTopicsHnswServiceEvent() {
        assertThat(EventTopics.topic("passenger", "declaration-submitted")).isEqualTo("hnsw.passenger.declaration-submitted");
        assertThat(EventTopics.topic("video-analytics", "watchlist-hit")).isEqualTo("hnsw.video-analytics.watchlist-hit");
        assertThat(EventTopics.source("passenger-service")).isEqualTo("/hnsw/passenger-service");
    }

    @Test
    void refusesNamesOutsideTheConvention() {
        assertThatThrownBy(() -> EventTopics.topic("Passenger", "declaration-submitted")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventTopics.topic("passenger", "declaration_submitted")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventTopics.topic("passenger", "declaration.submitted")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventTopics.topic("passenger", "-submitted")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventTopics.topic("passenger", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesTopicsKafkaWouldRefuse() {
        assertThat(EventTopics.requireKafkaTopic("hnsw.alert.raised")).isEqualTo("hnsw.alert.raised");
        assertThatThrownBy(() -> EventTopics.requireKafkaTopic("hnsw passenger")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventTopics.requireKafkaTopic("..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventTopics.requireKafkaTopic("x".repeat(250))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void relayProducerIsIdempotentWhateverTheServiceConfigured() {
        Map<String, Object> config = OutboxRelay.producerConfig(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1:9092",
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 20,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "passenger-tx-1"), Duration.ofSeconds(10));

        assertThat(config)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1:9092")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000)
                .doesNotContainKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        // Kafka checks delivery.timeout.ms >= linger.ms + request.timeout.ms when the producer is built.
        assertThat((Integer) config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG))
                .isGreaterThanOrEqualTo((Integer) config.get(ProducerConfig.LINGER_MS_CONFIG)
                        + (Integer) config.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG));
    }
}
