package cn.hnsw.ledger.withdrawal;

import cn.hnsw.common.events.EventEnvelope;
import cn.hnsw.common.events.EventJson;
import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Customs' {@code hnsw.customs.declaration-withdrawn}, published on the test Kafka: the ledger rolls back the exit
 * posting with a reversing increase that names customs' pre-entry number and the posting it reverses; the same event
 * delivered again changes nothing; a withdrawal against another enterprise's ledger or without a matching exit books
 * nothing and says why; only the ledger's own enterprise (or an officer) sees the withdrawals.
 */
// every cached test context has a database of its own but the Kafka broker is shared: this context's consumer takes
// a group of its own, so that another context's consumer does not take the events into its database
@TestPropertySource(properties = "hnsw.ledger.withdrawal.consumer-group=ledger-customs-withdrawal-it")
class CustomsWithdrawalIT extends LedgerIntegrationTestBase {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventJson json;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aWithdrawnDeclarationRollsBackItsExitOnceAndTraceably() throws Exception {
        String token = declarant(YANGPU_TRADING);
        long laptop = fileMaterial(token, "WD-NB-001", "8471300000", "笔记本电脑");
        long ledgerId = activeLogisticsLedger(token, laptop);
        String ledgerNo = ok(api.get(token, "/ledgers/" + ledgerId)).path("ledgerNo").asText();
        JsonNode entry = create(token, "LOGISTICS_ENTRY_GENERAL", ledgerId, Map.of());
        addLines(token, entry.path("id").asLong(), List.of(Map.of("kind", "GOODS", "linkRef", laptop, "quantity", 100)));
        approve(token, entry.path("id").asLong());
        long stockId = stock(token, ledgerId, "WD-NB-001").path("id").asLong();
        JsonNode exit = create(token, "LOGISTICS_EXIT_GENERAL", ledgerId, Map.of());
        addLines(token, exit.path("id").asLong(), List.of(Map.of("kind", "GOODS", "linkRef", stockId, "quantity", 30)));
        long exitPosting = approve(token, exit.path("id").asLong()).path("postings").get(0).path("id").asLong();
        assertThat(quantity(token, ledgerId, "WD-NB-001")).isEqualByComparingTo("70");

        UUID eventId = UUID.randomUUID();
        String preEntry = "640120261127" + (System.nanoTime() % 1_000_000);
        EventEnvelope withdrawn = event(eventId, YANGPU_TRADING, ledgerNo, preEntry, true,
                List.of(item(1, "8471300000", "笔记本电脑", "30")));
        publish(withdrawn);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(quantity(token, ledgerId, "WD-NB-001")).isEqualByComparingTo("100"));
        JsonNode list = ok(api.get(token, "/ledgers/" + ledgerId + "/withdrawals"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("outcome").asText()).isEqualTo("REVERSED");
        assertThat(list.get(0).path("preEntryNo").asText()).isEqualTo(preEntry);
        JsonNode item = list.get(0).path("items").get(0);
        assertThat(item.path("reversedPostingId").asLong()).isEqualTo(exitPosting);
        long reversing = item.path("reversingPostingId").asLong();

        // the chain shows the reversing posting with customs' number, and still adds up
        JsonNode chain = ok(api.get(token, "/ledgers/" + ledgerId + "/stock/" + stockId + "/postings"));
        JsonNode last = chain.path("postings").get(chain.path("postings").size() - 1);
        assertThat(last.path("id").asLong()).isEqualTo(reversing);
        assertThat(last.path("direction").asText()).isEqualTo("INCREASE");
        assertThat(last.path("documentType").asText()).isEqualTo("CUSTOMS_WITHDRAWAL");
        assertThat(last.path("documentNo").asText()).isEqualTo(preEntry);
        assertThat(last.path("lineId").asLong()).isEqualTo(exitPosting);
        assertThat(new BigDecimal(chain.path("stock").path("postedTotal").asText()))
                .isEqualByComparingTo(chain.path("stock").path("quantity").asText());

        // the same event again, and a second withdrawal of the same goods: the exit is rolled back only once
        publish(withdrawn);
        UUID secondId = UUID.randomUUID();
        publish(event(secondId, YANGPU_TRADING, ledgerNo, preEntry + "9", true, List.of(item(1, "8471300000", "笔记本电脑", "30"))));
        await().atMost(Duration.ofSeconds(60)).until(() -> handled(secondId));
        assertThat(handledCount(eventId)).isEqualTo(1);
        assertThat(quantity(token, ledgerId, "WD-NB-001")).isEqualByComparingTo("100");
        JsonNode after = ok(api.get(token, "/ledgers/" + ledgerId + "/withdrawals"));
        assertThat(after).hasSize(2);
        assertThat(after.get(0).path("outcome").asText()).isEqualTo("UNMATCHED");
        assertThat(after.get(0).path("items").get(0).path("reversingPostingId").asLong(0)).isZero();
        assertThat(after.get(0).path("items").get(0).path("note").asText()).contains("no matching exit posting");

        // another enterprise's withdrawal naming this ledger rolls back nothing
        UUID foreign = UUID.randomUUID();
        publish(event(foreign, HAIKOU_LOGISTICS, ledgerNo, preEntry + "8", true, List.of(item(1, "8471300000", "笔记本电脑", "30"))));
        await().atMost(Duration.ofSeconds(60)).until(() -> handled(foreign));
        assertThat(quantity(token, ledgerId, "WD-NB-001")).isEqualByComparingTo("100");

        // another enterprise cannot read this ledger's withdrawals; an officer can
        LedgerApi.Response denied = api.get(declarant(HAIKOU_LOGISTICS), "/ledgers/" + ledgerId + "/withdrawals");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(ok(api.get(officer("customs-officer"), "/ledgers/" + ledgerId + "/withdrawals"))).hasSize(3);
    }

    private boolean handled(UUID eventId) {
        return handledCount(eventId) == 1;
    }

    private long handledCount(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM customs_withdrawal WHERE event_id = :e").param("e", eventId)
                .query(Long.class).single();
    }

    private void publish(EventEnvelope event) throws Exception {
        kafka.send(CustomsWithdrawalListener.TOPIC, event.subject(), json.write(event)).get();
    }

    private static Map<String, Object> item(int seq, String hs, String name, String qty) {
        return Map.of("seq", seq, "hsCode", hs, "name", name, "quantity", new BigDecimal(qty), "unit", "台");
    }

    /** The event as customs-service's outbox writes it (CustomsEvents.DeclarationWithdrawn). */
    private EventEnvelope event(UUID id, String uscc, String ledgerNo, String preEntryNo, boolean rollback,
                                List<Map<String, Object>> items) {
        UUID declarationId = UUID.randomUUID();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("declarationId", declarationId);
        data.put("preEntryNo", preEntryNo);
        data.put("enterpriseUscc", uscc);
        data.put("ledgerNo", ledgerNo);
        data.put("reason", "WITHDRAWN");
        data.put("ledgerRollback", rollback);
        data.put("items", items);
        data.put("at", Instant.now().toString());
        return new EventEnvelope(EventEnvelope.SPEC_VERSION, id, "/hnsw/customs-service", CustomsWithdrawalListener.TOPIC,
                Instant.now(), declarationId.toString(), EventEnvelope.DATA_CONTENT_TYPE, "CustomsDeclaration", 1, null,
                null, json.toData(data));
    }
}
