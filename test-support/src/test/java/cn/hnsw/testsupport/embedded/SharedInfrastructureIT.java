package cn.hnsw.testsupport.embedded;

import cn.hnsw.testsupport.jwt.TestTokens;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.errors.ErrorResponseException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedInfrastructureIT {

    @Test
    void postgresIsARealServerThatCreatesDatabases() throws Exception {
        String url = SharedInfrastructure.postgres().createDatabase("infra_check");
        assertThat(SharedInfrastructure.postgres().createDatabase("infra_check")).isEqualTo(url);
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             ResultSet rs = c.createStatement().executeQuery("SELECT current_database(), version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("infra_check");
            assertThat(rs.getString(2)).startsWith("PostgreSQL");
        }
        assertThatThrownBy(() -> SharedInfrastructure.postgres().createDatabase("bad; DROP"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kafkaBrokerDeliversAndSurvivesARestart() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
        try {
            send(broker, "hnsw.check.before", "one");
            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.start();
            send(broker, "hnsw.check.before", "two");
            assertThat(consumeAll(broker, "hnsw.check.before", 2)).containsExactly("one", "two");
        } finally {
            broker.close();
        }
    }

    @Test
    void s3ServerStoresObjectsThroughTheMinioClient() throws Exception {
        EmbeddedS3Server s3 = SharedInfrastructure.s3();
        MinioClient minio = MinioClient.builder().endpoint(s3.endpoint()).credentials(s3.accessKey(), s3.secretKey()).build();
        if (!minio.bucketExists(BucketExistsArgs.builder().bucket("infra-check").build())) {
            minio.makeBucket(MakeBucketArgs.builder().bucket("infra-check").build());
        }
        byte[] body = "出岛旅客行李申报 — baggage declaration".getBytes(StandardCharsets.UTF_8);
        minio.putObject(PutObjectArgs.builder().bucket("infra-check").object("a/b.txt")
                .stream(new ByteArrayInputStream(body), body.length, -1).contentType("text/plain").build());
        try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket("infra-check").object("a/b.txt").build())) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
        MinioClient intruder = MinioClient.builder().endpoint(s3.endpoint()).credentials(s3.accessKey(), "wrong-secret").build();
        assertThatThrownBy(() -> intruder.getObject(GetObjectArgs.builder().bucket("infra-check").object("a/b.txt").build()))
                .isInstanceOf(ErrorResponseException.class);
    }

    @Test
    void testTokensVerifyAgainstThePublishedJwks() {
        TestTokens tokens = TestTokens.issuer();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(tokens.jwkSetUri()).build();
        Jwt jwt = decoder.decode(tokens.user("zhang.wei", "enterprise-declarant")
                .enterprise("91460000MA5T0XXX1R").organization("/enterprises/91460000MA5T0XXX1R").mint());
        assertThat(jwt.getIssuer().toString()).isEqualTo(tokens.issuerUri());
        assertThat(jwt.getClaimAsString("enterprise")).isEqualTo("91460000MA5T0XXX1R");
        assertThat(jwt.getClaimAsMap("realm_access")).isEqualTo(Map.of("roles", List.of("enterprise-declarant")));
        assertThatThrownBy(() -> decoder.decode(tokens.user("mallory", "platform-admin").signedByUnknownKey().mint()))
                .isInstanceOf(JwtException.class);
    }

    private static void send(EmbeddedKafkaBroker broker, String topic, String value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> consumeAll(EmbeddedKafkaBroker broker, String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "infra-check");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < expected && System.currentTimeMillis() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                records.forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
