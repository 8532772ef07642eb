package cn.hnsw.customs.declaration;

import cn.hnsw.customs.CustomsIntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static cn.hnsw.customs.declaration.DeclarationFixtures.directRelease;
import static org.assertj.core.api.Assertions.assertThat;

/** The receipt loop: retries with backoff, the permanently-failed queue and its re-drive, pull, ledger rollback event. */
class ReceiptLoopIT extends CustomsIntegrationTestBase {

    static final String PET = "3907610000";

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @BeforeEach
    void referenceData() {
        put("/v1/zero-tariff/qualifications/" + ENTERPRISE_A, operatorToken(), Map.of("enterpriseUscc", ENTERPRISE_A,
                "enterpriseName", "海南洋浦新材料科技有限公司", "validFrom", "2025-12-18", "revoked", false));
        put("/v1/zero-tariff/whitelist/" + PET, operatorToken(), Map.of("hsCode", PET, "nameZh", "聚对苯二甲酸乙二醇酯", "category", "原辅料"));
    }

    @Test
    void aPartnerOutageIsRetriedWithBackoffUntilItAnswers() {
        String id = create(directRelease(ENTERPRISE_A, PET));
        PARTNER.failFor(id, 2);
        submit(id);
        await("the technical receipt after two refusals", () -> status(id).equals("SW_ACCEPTED"));
        JsonNode sent = json(get("/v1/outbound-messages?declarationId=" + id, enterpriseToken(ENTERPRISE_A)).body()).path("content").get(0);
        assertThat(sent.path("status").asText()).isEqualTo("SENT");
        assertThat(sent.path("attempts").asInt()).isEqualTo(3);
    }

    @Test
    void aMessageThatKeepsFailingIsParkedAndAnOperatorReDrivesIt() {
        String id = create(directRelease(ENTERPRISE_A, PET));
        PARTNER.failFor(id, 1000);
        submit(id);
        await("the permanently failed state", () -> "PERMANENTLY_FAILED".equals(jdbc.queryForObject(
                "SELECT status FROM outbound_message WHERE declaration_id = ?::uuid", String.class, id)));
        assertThat(status(id)).isEqualTo("SUBMITTED");
        JsonNode failed = json(get("/v1/outbound-messages?status=PERMANENTLY_FAILED&declarationId=" + id, operatorToken()).body());
        assertThat(failed.path("totalElements").asInt()).isEqualTo(1);
        JsonNode message = failed.path("content").get(0);
        assertThat(message.path("attempts").asInt()).isEqualTo(3);
        assertThat(message.path("lastError").asText()).contains("503");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE topic = 'hnsw.platform.alert-raised' AND envelope::text LIKE ?",
                Long.class, "%" + message.path("id").asText() + "%")).isEqualTo(1);

        // The enterprise sees its own failed message but cannot re-drive; another enterprise does not see it.
        assertThat(json(get("/v1/outbound-messages?declarationId=" + id, enterpriseToken(ENTERPRISE_A)).body()).path("totalElements").asInt()).isEqualTo(1);
        assertThat(json(get("/v1/outbound-messages?declarationId=" + id, enterpriseToken(ENTERPRISE_B)).body()).path("totalElements").asInt()).isZero();
        String redrive = "/v1/outbound-messages/" + message.path("id").asText() + "/redrive";
        assertThat(post(redrive, enterpriseToken(ENTERPRISE_A), "").statusCode()).isEqualTo(403);

        PARTNER.recover(id);
        HttpResponse<String> redriven = post(redrive, operatorToken(), "");
        assertThat(redriven.statusCode()).isEqualTo(200);
        await("the re-driven message's receipt", () -> status(id).equals("SW_ACCEPTED"));
        assertThat(post(redrive, operatorToken(), "").statusCode()).isEqualTo(409);
    }

    /**
     * 径予放行报关单数据下发 错误信息处理 (FP 229): the sub-centre cannot be reached, so the distribution is retried, then
     * parked as failed; the declaration shows the failure to its enterprise, an alert is raised, and an operator's
     * re-drive delivers it once the sub-centre answers again.
     */
    @Test
    void aDistributionTheSubCentreCannotTakeIsRecordedShownAndSentAgain() {
        String id = declare(directRelease(ENTERPRISE_A, PET));
        await("the technical receipt", () -> status(id).equals("SW_ACCEPTED"));
        String conversation = jdbc.queryForObject("SELECT conversation_id::text FROM customs_declaration WHERE id = ?::uuid", String.class, id);
        SUBCENTRE.down();
        try {
            assertThat(postBytes("/v1/receipts", PARTNER.businessReceipt("H2018-REL-" + id, conversation, "RELEASED",
                    "640020261000054329")).statusCode()).isEqualTo(200);
            await("the distribution parked as failed", () -> "FAILED".equals(json(get("/v1/declarations/" + id,
                    enterpriseToken(ENTERPRISE_A)).body()).path("distributionStatus").asText()));
        } finally {
            SUBCENTRE.target(port);
        }
        assertThat(status(id)).isEqualTo("RELEASED");
        String preEntryNo = json(get("/v1/declarations/" + id, enterpriseToken(ENTERPRISE_A)).body()).path("preEntryNo").asText();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subcentre_declaration WHERE pre_entry_no = ?", Long.class, preEntryNo)).isZero();

        JsonNode failed = json(get("/v1/outbound-messages?status=PERMANENTLY_FAILED&declarationId=" + id, operatorToken()).body());
        assertThat(failed.path("totalElements").asInt()).isEqualTo(1);
        JsonNode message = failed.path("content").get(0);
        assertThat(message.path("partner").asText()).isEqualTo("haikou-data-subcentre");
        assertThat(message.path("attempts").asInt()).isEqualTo(3);
        assertThat(message.path("lastError").asText()).contains("503");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE topic = 'hnsw.platform.alert-raised' AND envelope::text LIKE ?",
                Long.class, "%" + message.path("id").asText() + "%")).isEqualTo(1);
        // the enterprise sees its own failed distribution, another enterprise does not, and neither re-drives it
        assertThat(json(get("/v1/outbound-messages?status=PERMANENTLY_FAILED&declarationId=" + id, enterpriseToken(ENTERPRISE_A)).body())
                .path("totalElements").asInt()).isEqualTo(1);
        assertThat(json(get("/v1/outbound-messages?declarationId=" + id, enterpriseToken(ENTERPRISE_B)).body()).path("totalElements").asInt()).isZero();
        String redrive = "/v1/outbound-messages/" + message.path("id").asText() + "/redrive";
        assertThat(post(redrive, enterpriseToken(ENTERPRISE_A), "").statusCode()).isEqualTo(403);

        assertThat(post(redrive, operatorToken(), "").statusCode()).isEqualTo(200);
        await("the re-driven distribution's reception receipt", () -> "DISTRIBUTED".equals(json(get("/v1/declarations/" + id,
                enterpriseToken(ENTERPRISE_A)).body()).path("distributionStatus").asText()));
        assertThat(jdbc.queryForObject("SELECT receptions FROM subcentre_declaration WHERE pre_entry_no = ?", Integer.class, preEntryNo)).isEqualTo(1);
        assertThat(json(get("/v1/declarations/" + id + "/receipts", enterpriseToken(ENTERPRISE_A)).body()).findValuesAsText("kind"))
                .contains("RECEPTION");
    }

    @Test
    void receiptsArePulledByQueryForOnesOwnEnterpriseOnly() {
        Instant since = Instant.now().minusSeconds(1);
        String id = declare(directRelease(ENTERPRISE_A, PET));
        await("the technical receipt", () -> status(id).equals("SW_ACCEPTED"));
        JsonNode own = json(get("/v1/receipts?since=" + since, enterpriseToken(ENTERPRISE_A)).body());
        assertThat(own.findValuesAsText("declarationId")).contains(id);
        JsonNode other = json(get("/v1/receipts?since=" + since, enterpriseToken(ENTERPRISE_B)).body());
        assertThat(other.findValuesAsText("declarationId")).doesNotContain(id);
    }

    @Test
    void withdrawingAnAcceptedDeclarationAsksTheLedgerToRollBackItsPosting() {
        Map<String, Object> request = directRelease(ENTERPRISE_A, PET);
        @SuppressWarnings("unchecked") Map<String, Object> header = (Map<String, Object>) request.get("header");
        header.put("ledgerNo", "L6400D26000001");
        String id = declare(request);
        await("the technical receipt", () -> status(id).equals("SW_ACCEPTED"));
        String conversation = jdbc.queryForObject("SELECT conversation_id::text FROM customs_declaration WHERE id = ?::uuid", String.class, id);
        assertThat(postBytes("/v1/receipts", PARTNER.businessReceipt("H2018-ACC-" + id, conversation, "ACCEPTED",
                "640020261000054321")).statusCode()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("ACCEPTED");

        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of("hnsw.customs.declaration-withdrawn"));
            HttpResponse<String> withdrawn = post("/v1/declarations/" + id + "/withdrawal", enterpriseToken(ENTERPRISE_A), "");
            assertThat(withdrawn.statusCode()).isEqualTo(200);
            assertThat(status(id)).isEqualTo("WITHDRAWN");

            JsonNode event = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (event == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (id.equals(record.key())) {
                        event = json(record.value());
                    }
                }
            }
            assertThat(event).as("declaration-withdrawn event on Kafka").isNotNull();
            JsonNode data = event.path("data");
            assertThat(data.path("ledgerRollback").asBoolean()).isTrue();
            assertThat(data.path("ledgerNo").asText()).isEqualTo("L6400D26000001");
            assertThat(data.path("reason").asText()).isEqualTo("WITHDRAWN");
            assertThat(data.path("items").get(0).path("hsCode").asText()).isEqualTo(PET);
        }
        // A withdrawn declaration cannot be withdrawn again.
        assertThat(post("/v1/declarations/" + id + "/withdrawal", enterpriseToken(ENTERPRISE_A), "").statusCode()).isEqualTo(409);
    }

    private KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "receipt-loop-it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    private String declare(Map<String, Object> request) {
        String id = create(request);
        submit(id);
        return id;
    }

    private String create(Map<String, Object> request) {
        HttpResponse<String> created = post("/v1/declarations", enterpriseToken(ENTERPRISE_A), request);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created.body()).path("declaration").path("id").asText();
    }

    private void submit(String id) {
        HttpResponse<String> submitted = post("/v1/declarations/" + id + "/submission", enterpriseToken(ENTERPRISE_A), "");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    }

    private String status(String id) {
        return jdbc.queryForObject("SELECT status FROM customs_declaration WHERE id = ?::uuid", String.class, id);
    }
}
