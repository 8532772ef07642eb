package cn.hnsw.ledger.document;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import cn.hnsw.ledger.support.LedgerTestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-tariff chain end to end over HTTP: file a material, set up a logistics ledger (active on formal 核注 data),
 * import goods (核增), leave the island in two batches (out-of-warehouse 核减 + release notes with vehicles), a
 * consolidated exit list, and the chain of postings that explains the balance.
 */
class LeaveIslandChainIT extends LedgerIntegrationTestBase {

    @Test
    void goodsEnterTheLedgerAndLeaveInTwoBatchesWithAConsolidatedExitList() {
        String token = declarant(YANGPU_TRADING);
        long laptop = fileMaterial(token, "YP-NB-001", "8471300000", "笔记本电脑");
        long ledgerId = activeLogisticsLedger(token, laptop);

        // first-line import: 100 units booked in
        JsonNode entry = create(token, "LOGISTICS_ENTRY_GENERAL", ledgerId, Map.of("port", "洋浦港", "supervisionMode", "0110"));
        addLines(token, entry.path("id").asLong(), List.of(Map.of("kind", "GOODS", "linkRef", laptop, "quantity", 100,
                "unitPrice", 4200, "currency", "CNY")));
        JsonNode draft = ok(api.post(token, "/documents/" + entry.path("id").asLong() + "/customs-draft", Map.of()));
        assertThat(draft.path("goods").get(0).path("codeTs").asText()).isEqualTo("8471300000");
        JsonNode approvedEntry = approve(token, entry.path("id").asLong());
        assertThat(approvedEntry.path("status").asText()).isEqualTo("APPROVED");
        assertThat(approvedEntry.path("postings")).hasSize(1);
        assertThat(quantity(token, ledgerId, "YP-NB-001")).isEqualByComparingTo("100");

        // customs got the declaration sealed by the platform key, with the customs-declaration draft
        JsonNode declared = CUSTOMS.declaration(approvedEntry.path("documentNo").asText());
        assertThat(CUSTOMS.sender(approvedEntry.path("documentNo").asText())).isEqualTo(LedgerTestKeys.PLATFORM);
        assertThat(declared.path("lines").get(0).path("quantity").decimalValue()).isEqualByComparingTo("100");
        assertThat(declared.path("customsDraft").path("goods")).hasSize(1);

        // two batches leave the island
        long stockId = stock(token, ledgerId, "YP-NB-001").path("id").asLong();
        long[] batches = new long[2];
        int[] sizes = {30, 20};
        for (int i = 0; i < 2; i++) {
            JsonNode oow = create(token, "LOGISTICS_OUT_OF_WAREHOUSE", ledgerId, Map.of("batch", i + 1));
            addLines(token, oow.path("id").asLong(), List.of(Map.of("kind", "GOODS", "linkRef", stockId, "quantity", sizes[i])));
            approve(token, oow.path("id").asLong());
            batches[i] = oow.path("id").asLong();

            JsonNode oowDetail = ok(api.get(token, "/documents/" + batches[i]));
            Map<String, Object> release = new java.util.HashMap<>(Map.of("type", "LOGISTICS_RELEASE_NOTE_BATCH",
                    "ledgerId", ledgerId, "sourceDocumentId", batches[i], "title", "核放单 " + (i + 1)));
            JsonNode note = ok(api.post(token, "/documents", release));
            ok(api.put(token, "/documents/" + note.path("id").asLong() + "/vehicle",
                    Map.of("plateNo", "琼E" + (12345 + i), "driver", "王海")));
            addLines(token, note.path("id").asLong(), List.of(Map.of("kind", "GOODS",
                    "linkRef", oowDetail.path("lines").get(0).path("id").asLong(), "quantity", sizes[i])));
            approve(token, note.path("id").asLong());
            // vehicle information change after approval (FP 2335)
            JsonNode changed = ok(api.put(token, "/documents/" + note.path("id").asLong() + "/vehicle",
                    Map.of("plateNo", "琼E99999", "driver", "李琼")));
            assertThat(changed.path("status").asText()).isEqualTo("APPROVED");
            assertThat(changed.path("vehicle").path("plateNo").asText()).isEqualTo("琼E99999");
        }
        assertThat(quantity(token, ledgerId, "YP-NB-001")).isEqualByComparingTo("50");

        // the consolidated exit list declares both batches and books nothing a second time
        JsonNode consolidated = ok(api.post(token, "/consolidations", Map.of("type", "LOGISTICS_EXIT_CONSOLIDATED",
                "outOfWarehouseIds", List.of(batches[0], batches[1]), "title", "集中报关")));
        assertThat(consolidated.path("lines")).hasSize(2);
        JsonNode approvedConsolidated = approve(token, consolidated.path("id").asLong());
        assertThat(approvedConsolidated.path("postings")).isEmpty();
        assertThat(quantity(token, ledgerId, "YP-NB-001")).isEqualByComparingTo("50");
        LedgerApi.Response again = api.post(token, "/consolidations", Map.of("type", "LOGISTICS_EXIT_CONSOLIDATED",
                "outOfWarehouseIds", List.of(batches[0]), "title", "再次集报"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("CONSOLIDATION_INVALID");

        // the balance is the sum of its postings, and the chain shows each one
        JsonNode chain = ok(api.get(token, "/ledgers/" + ledgerId + "/stock/" + stockId + "/postings"));
        assertThat(chain.path("postings")).hasSize(3);
        assertThat(chain.path("postings").findValues("balanceAfter").stream().map(JsonNode::decimalValue)
                .map(BigDecimal::intValueExact).toList()).containsExactly(100, 70, 50);
        assertThat(chain.path("postings").findValuesAsText("direction")).containsExactly("INCREASE", "DECREASE", "DECREASE");
        assertThat(new BigDecimal(chain.path("stock").path("postedTotal").asText()))
                .isEqualByComparingTo(chain.path("stock").path("quantity").asText());
    }

    @Test
    void anExitLargerThanStockIsRefusedAndChangesNothing() {
        String token = declarant(YANGPU_TRADING);
        long oil = fileMaterial(token, "YP-PO-002", "1511100000", "初榨棕榈油");
        long ledgerId = activeLogisticsLedger(token, oil);
        JsonNode entry = create(token, "LOGISTICS_ENTRY_GENERAL", ledgerId, Map.of());
        addLines(token, entry.path("id").asLong(), List.of(Map.of("kind", "GOODS", "linkRef", oil, "quantity", 500)));
        approve(token, entry.path("id").asLong());
        long stockId = stock(token, ledgerId, "YP-PO-002").path("id").asLong();

        JsonNode exit = create(token, "LOGISTICS_EXIT_GENERAL", ledgerId, Map.of());
        LedgerApi.Response tooMuch = api.post(token, "/documents/" + exit.path("id").asLong() + "/lines",
                List.of(Map.of("kind", "GOODS", "linkRef", stockId, "quantity", 501)));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.code()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(tooMuch.body().path("messageZh").asText()).contains("YP-PO-002");
        assertThat(tooMuch.body().path("messageEn").asText()).contains("less than the decrease");

        // two exits that each fit but together do not: the second fails its logic check at declaration
        JsonNode first = create(token, "LOGISTICS_EXIT_GENERAL", ledgerId, Map.of());
        addLines(token, first.path("id").asLong(), List.of(Map.of("kind", "GOODS", "linkRef", stockId, "quantity", 300)));
        JsonNode second = create(token, "LOGISTICS_EXIT_GENERAL", ledgerId, Map.of());
        addLines(token, second.path("id").asLong(), List.of(Map.of("kind", "GOODS", "linkRef", stockId, "quantity", 300)));
        approve(token, first.path("id").asLong());
        LedgerApi.Response refused = api.post(token, "/documents/" + second.path("id").asLong() + "/declaration", Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("LOGIC_CHECK_FAILED");
        assertThat(ok(api.get(token, "/documents/" + second.path("id").asLong())).path("status").asText()).isEqualTo("DRAFT");
        assertThat(quantity(token, ledgerId, "YP-PO-002")).isEqualByComparingTo("200");
    }
}
