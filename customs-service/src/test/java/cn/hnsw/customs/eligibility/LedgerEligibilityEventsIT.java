package cn.hnsw.customs.eligibility;

import cn.hnsw.customs.CustomsIntegrationTestBase;
import cn.hnsw.customs.validation.UnifiedSocialCreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static cn.hnsw.customs.declaration.DeclarationFixtures.directRelease;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's {@code hnsw.ledger.zero-tariff-eligibility-changed} events, published to the test Kafka as the ledger
 * publishes them, decide the qualification (R1) and the whitelist (R2) of the enterprises they name; the reference
 * tables still answer for the others. Repeated and older events change nothing; a malformed one does not block.
 */
class LedgerEligibilityEventsIT extends CustomsIntegrationTestBase {

    static final String TOPIC = "hnsw.ledger.zero-tariff-eligibility-changed";
    static final String MOTOR = "8501101000";
    static final String PET = "3907610000";

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void theLedgersEventsDecideQualificationAndWhitelistIdempotentlyAndInOrder() throws Exception {
        String enterprise = UnifiedSocialCreditCode.complete("91460100MA5T0077" + "K");
        // The common whitelist has PET (reference data); this enterprise is in no reference table.
        put("/v1/zero-tariff/whitelist/" + PET, operatorToken(), Map.of("hsCode", PET, "nameZh", "聚对苯二甲酸乙二醇酯", "category", "原辅料"));
        put("/v1/direct-release/levy-natures", operatorToken(), Map.of("codes", List.of("101")));
        assertThat(get("/v1/direct-release/access", enterpriseToken(enterprise)).statusCode()).isEqualTo(403);

        Instant t1 = Instant.parse("2026-11-20T02:00:00Z");
        String first = """
                {"enterpriseUscc":"%s","qualified":true,"whitelist":[{"hsCode":"%s","name":"微电机"}],"occurredAt":"%s"}"""
                .formatted(enterprise, MOTOR, t1);
        publish(enterprise, first);
        await("the ledger's qualification", () -> get("/v1/direct-release/access", enterpriseToken(enterprise)).statusCode() == 200);

        // The ledger's whitelist is this enterprise's: the motor passes, PET (only on the common list) is refused.
        HttpResponse<String> pet = post("/v1/declarations", enterpriseToken(enterprise), directRelease(enterprise, PET));
        assertThat(pet.statusCode()).isEqualTo(422);
        assertThat(pet.body()).contains("该商品不在白名单范围。");
        HttpResponse<String> motor = post("/v1/declarations", enterpriseToken(enterprise), directRelease(enterprise, MOTOR));
        assertThat(motor.statusCode()).as(motor.body()).isEqualTo(201);

        JsonNode held = json(get("/v1/zero-tariff/ledger-eligibility/" + enterprise, officerToken()).body());
        assertThat(held.path("whitelist").findValuesAsText("hsCode")).containsExactly(MOTOR);
        String receivedAt = held.path("receivedAt").asText();

        // The same event again, an older one revoking, and a malformed one; then, on the same key (so the same partition,
        // read in order), an event about another enterprise that tells when the three were read.
        publish(enterprise, first);
        publish(enterprise, """
                {"enterpriseUscc":"%s","qualified":false,"whitelist":[],"occurredAt":"%s"}""".formatted(enterprise, t1.minusSeconds(3600)));
        publish(enterprise, "{\"enterpriseUscc\":\"not-a-code\",\"qualified\":\"maybe\"}");
        String marker = UnifiedSocialCreditCode.complete("91460100MA5T0078" + "K");
        publish(enterprise, """
                {"enterpriseUscc":"%s","qualified":true,"whitelist":[],"occurredAt":"%s"}""".formatted(marker, t1));
        await("the marker event", () -> get("/v1/zero-tariff/ledger-eligibility/" + marker, officerToken()).statusCode() == 200);
        JsonNode unchanged = json(get("/v1/zero-tariff/ledger-eligibility/" + enterprise, officerToken()).body());
        assertThat(unchanged.path("qualified").asBoolean()).isTrue();
        assertThat(unchanged.path("receivedAt").asText()).isEqualTo(receivedAt);
        assertThat(unchanged.path("whitelist").findValuesAsText("hsCode")).containsExactly(MOTOR);
        assertThat(get("/v1/direct-release/access", enterpriseToken(enterprise)).statusCode()).isEqualTo(200);

        // A newer one in the platform's CloudEvents envelope: revoked, whitelist now PET.
        Instant t2 = t1.plusSeconds(86_400);
        publish(enterprise, """
                {"specversion":"1.0","id":"%s","type":"%s","source":"/hnsw/ledger-service","time":"%s","datacontenttype":"application/json",
                 "data":{"enterpriseUscc":"%s","qualified":false,"whitelist":[{"hsCode":"%s","name":"聚酯切片"}],"occurredAt":"%s"}}"""
                .formatted(UUID.randomUUID(), TOPIC, t2, enterprise, PET, t2));
        await("the revocation", () -> get("/v1/direct-release/access", enterpriseToken(enterprise)).statusCode() == 403);
        JsonNode after = json(get("/v1/zero-tariff/ledger-eligibility/" + enterprise, officerToken()).body());
        assertThat(after.path("occurredAt").asText()).isEqualTo(t2.toString());
        assertThat(after.path("whitelist").findValuesAsText("hsCode")).containsExactly(PET);
        assertThat(after.path("receivedAt").asText()).isNotEqualTo(receivedAt);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_zero_tariff_eligibility WHERE enterprise_uscc = ?",
                Long.class, enterprise)).isEqualTo(1);

        // Enterprises without a ledger event still go by the reference tables; another enterprise cannot read this one.
        assertThat(get("/v1/zero-tariff/ledger-eligibility/" + ENTERPRISE_A, officerToken()).statusCode()).isEqualTo(404);
        assertThat(get("/v1/zero-tariff/ledger-eligibility/" + enterprise, enterpriseToken(ENTERPRISE_A)).statusCode()).isEqualTo(403);
        assertThat(json(get("/v1/zero-tariff/ledger-eligibility/" + enterprise, enterpriseToken(enterprise)).body())
                .path("qualified").asBoolean()).isFalse();
    }

    private void publish(String key, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        }
    }
}
