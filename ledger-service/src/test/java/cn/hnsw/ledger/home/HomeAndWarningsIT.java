package cn.hnsw.ledger.home;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import cn.hnsw.ledger.support.LedgerTestKeys;
import cn.hnsw.ledger.warning.LedgerWarnings;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enterprise home page (qualifications, ledgers, goods, to-do, menu order) and the warnings whose tolerance is
 * data: a low-stock warning raised once at threshold × (1 + tolerance), notified through the outbox, shown as a to-do
 * and closed when the stock recovers; a receipt-overdue warning after the tolerance hours; refusals change nothing.
 */
class HomeAndWarningsIT extends LedgerIntegrationTestBase {

    @Autowired
    LedgerWarnings warnings;
    @Autowired
    JdbcClient jdbc;

    @Test
    void lowStockWarnsWithinTheToleranceOnceNotifiesAndClosesWhenStockRecovers() {
        String token = declarant(SANYA_AGENT);
        long wine = fileMaterial(token, "SY-WINE-01", "2204210000", "小包装葡萄酒");
        long ledgerId = activeLogisticsLedger(token, wine);
        JsonNode entry = create(token, "LOGISTICS_ENTRY_GENERAL", ledgerId, Map.of());
        addLines(token, entry.path("id").asLong(), List.of(Map.of("kind", "GOODS", "linkRef", wine, "quantity", 100)));
        approve(token, entry.path("id").asLong());

        // threshold 80 with 10 % tolerance: the warning line is 88
        JsonNode rule = ok(api.put(token, "/ledgers/" + ledgerId + "/warning-rules", Map.of("kind", "LOW_STOCK",
                "threshold", 80, "tolerancePct", 10, "notifyEnterprise", true)));
        assertThat(rule.path("tolerancePct").decimalValue()).isEqualByComparingTo("10");
        warnings.evaluate();
        assertThat(ok(api.get(token, "/warnings?ledgerId=" + ledgerId))).isEmpty();

        long stockId = stock(token, ledgerId, "SY-WINE-01").path("id").asLong();
        JsonNode exit = create(token, "LOGISTICS_EXIT_GENERAL", ledgerId, Map.of());
        addLines(token, exit.path("id").asLong(), List.of(Map.of("kind", "GOODS", "linkRef", stockId, "quantity", 15)));
        approve(token, exit.path("id").asLong());
        assertThat(warnings.evaluate()).isPositive();
        assertThat(warnings.evaluate()).as("an open warning is not raised again").isZero();
        JsonNode open = ok(api.get(token, "/warnings?ledgerId=" + ledgerId));
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("messageZh").asText()).contains("SY-WINE-01").contains("88");
        long warningId = open.get(0).path("id").asLong();
        assertThat(jdbc.sql("SELECT count(*) FROM event_outbox WHERE topic = :t AND message_key = :k")
                .param("t", LedgerWarnings.TOPIC).param("k", String.valueOf(warningId)).query(Long.class).single())
                .as("the enterprise is notified once").isEqualTo(1);

        String certificate = "ZT-SY-" + System.nanoTime() % 1_000_000;
        ok(api.post(officer("gov-province"), "/qualifications", Map.of("enterprise", SANYA_AGENT,
                "enterpriseName", "三亚代理测试有限公司", "type", "ZERO_TARIFF_BENEFICIARY", "certificateNo", certificate,
                "validFrom", "2025-01-01")));
        JsonNode home = ok(api.get(token, "/home"));
        assertThat(home.path("qualifications").path("count").asInt()).isPositive();
        assertThat(home.path("qualifications").path("items").findValuesAsText("certificateNo")).contains(certificate);
        assertThat(home.path("ledgers").path("count").asInt()).isPositive();
        assertThat(home.path("goods").path("GOODS").asLong() + home.path("goods").path("MATERIAL").asLong()).isPositive();
        assertThat(home.path("pending").findValuesAsText("kind")).contains("WARNING");
        assertThat(home.path("menu").get(0).asText()).isEqualTo("home");

        // the stock recovers above the line: the warning closes
        JsonNode more = create(token, "LOGISTICS_ENTRY_GENERAL", ledgerId, Map.of());
        addLines(token, more.path("id").asLong(), List.of(Map.of("kind", "GOODS", "linkRef", wine, "quantity", 10)));
        approve(token, more.path("id").asLong());
        warnings.evaluate();
        assertThat(ok(api.get(token, "/warnings?ledgerId=" + ledgerId))).isEmpty();

        // refusals: a tolerance out of range, another enterprise's rule or warnings
        LedgerApi.Response bad = api.put(token, "/ledgers/" + ledgerId + "/warning-rules", Map.of("kind", "LOW_STOCK",
                "threshold", 80, "tolerancePct", -5, "notifyEnterprise", true));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(ok(api.get(token, "/ledgers/" + ledgerId + "/warning-rules")).get(0).path("tolerancePct").decimalValue())
                .isEqualByComparingTo("10");
        String other = declarant(YANGPU_TRADING);
        assertThat(api.put(other, "/ledgers/" + ledgerId + "/warning-rules", Map.of("kind", "LOW_STOCK", "threshold", 1,
                "notifyEnterprise", false)).status()).isEqualTo(403);
        assertThat(api.get(other, "/warnings?ledgerId=" + ledgerId).status()).isEqualTo(403);
    }

    @Test
    void aWarningRuleIsChangedAndDeletedByItsOwnEnterpriseOnlyAndItsWarningsGoWithIt() {
        String token = declarant(HAIKOU_LOGISTICS);
        long tea = fileMaterial(token, "HK-WINE-02", "2204210000", "小包装葡萄酒");
        long ledgerId = activeLogisticsLedger(token, tea);
        JsonNode entry = create(token, "LOGISTICS_ENTRY_GENERAL", ledgerId, Map.of());
        addLines(token, entry.path("id").asLong(), List.of(Map.of("kind", "GOODS", "linkRef", tea, "quantity", 50)));
        approve(token, entry.path("id").asLong());
        // 新增: below the line at once (50 <= 60 × 1.0); 修改: the same rule, a new tolerance and no notification
        JsonNode rule = ok(api.put(token, "/ledgers/" + ledgerId + "/warning-rules", Map.of("kind", "LOW_STOCK",
                "threshold", 60, "tolerancePct", 0, "notifyEnterprise", true)));
        JsonNode changed = ok(api.put(token, "/ledgers/" + ledgerId + "/warning-rules", Map.of("kind", "LOW_STOCK",
                "threshold", 60, "tolerancePct", 25, "notifyEnterprise", false)));
        assertThat(changed.path("id").asLong()).isEqualTo(rule.path("id").asLong());
        JsonNode rules = ok(api.get(token, "/ledgers/" + ledgerId + "/warning-rules"));
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).path("tolerancePct").decimalValue()).isEqualByComparingTo("25");
        assertThat(rules.get(0).path("notifyEnterprise").asBoolean()).isFalse();
        warnings.evaluate();
        JsonNode open = ok(api.get(token, "/warnings?ledgerId=" + ledgerId));
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("messageZh").asText()).contains("75");
        assertThat(jdbc.sql("SELECT count(*) FROM event_outbox WHERE topic = :t AND message_key = :k")
                .param("t", LedgerWarnings.TOPIC).param("k", open.get(0).path("id").asText()).query(Long.class).single())
                .as("notification switched off: no notice").isZero();

        // 底账误差删除 (FP 2906): the tolerance goes (back to 0 %), the rule stays; not by another enterprise
        String tolerance = "/ledgers/" + ledgerId + "/warning-rules/" + rule.path("id").asLong() + "/tolerance";
        assertThat(api.request("DELETE", declarant(SANYA_AGENT), tolerance).status()).isEqualTo(403);
        assertThat(ok(api.get(token, "/ledgers/" + ledgerId + "/warning-rules")).get(0).path("tolerancePct").decimalValue())
                .isEqualByComparingTo("25");
        LedgerApi.Response untolerated = api.request("DELETE", token, tolerance);
        assertThat(untolerated.status()).isEqualTo(200);
        assertThat(untolerated.body().path("tolerancePct").decimalValue()).isZero();
        assertThat(ok(api.get(token, "/ledgers/" + ledgerId + "/warning-rules"))).hasSize(1);
        assertThat(ok(api.get(token, "/ledgers/" + ledgerId + "/warning-rules")).get(0).path("threshold").decimalValue())
                .isEqualByComparingTo("60");

        // 删除: not by another enterprise; by the owner, with its open warning
        String path = "/ledgers/" + ledgerId + "/warning-rules/" + rule.path("id").asLong();
        assertThat(api.request("DELETE", declarant(SANYA_AGENT), path).status()).isEqualTo(403);
        assertThat(ok(api.get(token, "/ledgers/" + ledgerId + "/warning-rules"))).hasSize(1);
        assertThat(api.request("DELETE", token, path).status()).isEqualTo(204);
        assertThat(ok(api.get(token, "/ledgers/" + ledgerId + "/warning-rules"))).isEmpty();
        assertThat(ok(api.get(token, "/warnings?ledgerId=" + ledgerId))).isEmpty();
        assertThat(api.request("DELETE", token, path).code()).isEqualTo("WARNING_RULE_NOT_FOUND");
        assertThat(api.request("DELETE", token, path + "/tolerance").code()).isEqualTo("WARNING_RULE_NOT_FOUND");
        // an overdue rule's tolerance hours are what it measures: not removed
        JsonNode overdue = ok(api.put(token, "/ledgers/" + ledgerId + "/warning-rules", Map.of("kind", "RECEIPT_OVERDUE",
                "toleranceHours", 24, "notifyEnterprise", false)));
        LedgerApi.Response kept = api.request("DELETE", token, "/ledgers/" + ledgerId + "/warning-rules/"
                + overdue.path("id").asLong() + "/tolerance");
        assertThat(kept.status()).isEqualTo(400);
        assertThat(kept.code()).isEqualTo("WARNING_RULE_INVALID");
        assertThat(ok(api.get(token, "/ledgers/" + ledgerId + "/warning-rules")).get(0).path("toleranceHours").asInt()).isEqualTo(24);
    }

    /**
     * 账册服务待办提醒 (FP 1465): the reminder names the to-dos that came since the user last acknowledged it; each user
     * keeps its own mark; another enterprise's to-dos are never named; officers have no reminder.
     */
    @Test
    void theReminderNamesThePendingItemsThatCameSinceTheUserLastAcknowledgedIt() {
        String enterprise = "91460300MA5TRMND1X";
        String token = declarant(enterprise);
        long first = create(token, "MATERIAL_FILING", null, Map.of()).path("id").asLong();
        JsonNode all = ok(api.get(token, "/home/pending/reminder"));
        assertThat(all.path("count").asLong()).isEqualTo(1);
        assertThat(all.path("items").get(0).path("documentId").asLong()).isEqualTo(first);

        assertThat(ok(api.post(token, "/home/pending/reminder/seen", Map.of())).path("count").asLong()).isZero();
        assertThat(ok(api.get(token, "/home/pending/reminder")).path("count").asLong()).isZero();
        assertThat(ok(api.get(token, "/home/pending")).path("total").asLong()).as("the to-do itself stays").isEqualTo(1);

        long second = create(token, "MATERIAL_FILING", null, Map.of()).path("id").asLong();
        JsonNode fresh = ok(api.get(token, "/home/pending/reminder"));
        assertThat(fresh.path("count").asLong()).isEqualTo(1);
        assertThat(fresh.path("items").get(0).path("documentId").asLong()).isEqualTo(second);
        assertThat(fresh.path("lastSeenAt").isNull()).isFalse();

        // another user of the same enterprise keeps its own mark; another enterprise sees none of these
        String colleague = cn.hnsw.testsupport.jwt.TestTokens.issuer().user("admin-rmnd", "enterprise-admin").enterprise(enterprise).mint();
        assertThat(ok(api.get(colleague, "/home/pending/reminder")).path("count").asLong()).isEqualTo(2);
        assertThat(ok(api.get(declarant("91460300MA5TRMND2X"), "/home/pending/reminder")).path("count").asLong()).isZero();
        assertThat(api.get(officer("customs-officer"), "/home/pending/reminder").status()).isEqualTo(403);
    }

    /**
     * 零关税加工账册信息底账预警 (FP 1968): a processing ledger's material at or below its line warns like a logistics
     * ledger's goods, on its own ledger only.
     */
    @Test
    void aProcessingLedgerWarnsWhenAMaterialFallsToItsLine() {
        String enterprise = "91460300MA5TPRWN1X";
        String token = declarant(enterprise);
        long resin = fileMaterial(token, "PW-RESIN-01", "3902100090", "聚丙烯");
        long setup = create(token, "PROCESSING_LEDGER_SETUP", null, Map.of()).path("id").asLong();
        addLines(token, setup, List.of(Map.of("kind", "MATERIAL", "linkRef", resin, "quantity", 1)));
        JsonNode approved = approve(token, setup);
        ok(api.pushReceipt(CUSTOMS_SEALER, cn.hnsw.ledger.support.LedgerTestKeys.CUSTOMS, approved.path("documentNo").asText(),
                "FORMAL_DATA", null, LedgerApi.newReceiptId()));
        long ledgerId = -1;
        for (JsonNode l : ok(api.get(token, "/ledgers"))) {
            if (l.path("setupDocumentId").asLong() == setup) {
                ledgerId = l.path("id").asLong();
            }
        }
        JsonNode entry = create(token, "PROCESSING_ENTRY_GENERAL", ledgerId, Map.of());
        addLines(token, entry.path("id").asLong(), List.of(Map.of("kind", "MATERIAL", "linkRef", resin, "quantity", 40)));
        approve(token, entry.path("id").asLong());

        ok(api.put(token, "/ledgers/" + ledgerId + "/warning-rules", Map.of("kind", "LOW_STOCK", "itemNo", "PW-RESIN-01",
                "threshold", 30, "tolerancePct", 50, "notifyEnterprise", false)));
        warnings.evaluate();
        JsonNode open = ok(api.get(token, "/warnings?ledgerId=" + ledgerId));
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("messageZh").asText()).contains("PW-RESIN-01").contains("45");
        assertThat(ok(api.get(declarant(SANYA_AGENT), "/warnings")).findValuesAsText("messageZh").stream()
                .anyMatch(m -> m.contains("PW-RESIN-01"))).isFalse();
    }

    @Test
    void aDeclarationWithoutReceiptBeyondTheToleranceHoursWarnsAndShowsOnTheHomePage() {
        String token = declarant(SANYA_AGENT);
        long fish = fileMaterial(token, "SY-FISH-02", "0303890099", "其他冻鱼");
        long ledgerId = activeLogisticsLedger(token, fish);
        ok(api.put(token, "/ledgers/" + ledgerId + "/warning-rules", Map.of("kind", "RECEIPT_OVERDUE",
                "toleranceHours", 2, "notifyEnterprise", true)));
        JsonNode entry = create(token, "LOGISTICS_ENTRY_GENERAL", ledgerId, Map.of());
        addLines(token, entry.path("id").asLong(), List.of(Map.of("kind", "GOODS", "linkRef", fish, "quantity", 40)));
        String no = ok(api.post(token, "/documents/" + entry.path("id").asLong() + "/declaration", Map.of()))
                .path("documentNo").asText();
        warnings.evaluate();
        assertThat(ok(api.get(token, "/warnings?ledgerId=" + ledgerId))).isEmpty();
        // three hours pass without a receipt
        jdbc.sql("UPDATE declarable_document SET declared_at = declared_at - interval '3 hours' WHERE document_no = :n")
                .param("n", no).update();
        warnings.evaluate();
        JsonNode open = ok(api.get(token, "/warnings?ledgerId=" + ledgerId));
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("subject").asText()).isEqualTo("DOC:" + no);
        assertThat(open.get(0).path("messageEn").asText()).contains("no customs receipt 2 hours");
    }

    @Test
    void theMenuOrderIsTheUsersOwnAndMustNameEveryEntryOnce() {
        String token = declarant(HAIKOU_LOGISTICS);
        List<String> order = List.of("ledgers", "home", "documents", "commodities", "qualifications", "warnings", "withdrawals",
                "jointChains");
        JsonNode saved = ok(api.put(token, "/home/menu-order", order));
        assertThat(saved).hasSize(order.size());
        assertThat(saved.get(0).asText()).isEqualTo("ledgers");
        assertThat(ok(api.get(token, "/home/menu-order")).get(0).asText()).isEqualTo("ledgers");
        LedgerApi.Response unknown = api.put(token, "/home/menu-order", List.of("ledgers", "home", "bogus"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("MENU_ORDER_INVALID");
        assertThat(api.put(token, "/home/menu-order", List.of("home", "home")).code()).isEqualTo("MENU_ORDER_INVALID");
        assertThat(ok(api.get(token, "/home/menu-order")).get(0).asText()).as("unchanged by the refusals").isEqualTo("ledgers");
        assertThat(ok(api.get(declarant(SANYA_AGENT), "/home/menu-order")).get(0).asText())
                .as("another user's order is their own").isEqualTo("home");
        assertThat(api.get(officer("customs-officer"), "/home").status()).isEqualTo(403);
        // 删除 (FP 1472): the own order goes, the default comes back; deleting again changes nothing
        LedgerApi.Response deleted = api.request("DELETE", token, "/home/menu-order");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get(0).asText()).isEqualTo("home");
        assertThat(ok(api.get(token, "/home/menu-order")).get(0).asText()).isEqualTo("home");
        assertThat(api.request("DELETE", token, "/home/menu-order").body().get(0).asText()).isEqualTo("home");
        assertThat(api.request("DELETE", officer("customs-officer"), "/home/menu-order").status()).isEqualTo(403);
    }

    /**
     * 账册服务待办: a draft made is a to-do to declare, a document customs returns is a to-do with its reason; the
     * counts are counted; declaring or deleting the draft takes its item away; another enterprise sees none of them.
     */
    @Test
    void thePendingListCountsAndLinksTheEnterprisesOwnDocumentsOnly() {
        String enterprise = "91460300MA5TPEND1X";
        String token = declarant(enterprise);
        JsonNode before = ok(api.get(token, "/home/pending"));
        assertThat(before.path("total").asLong()).isZero();
        assertThat(before.path("counts").path("TO_DECLARE").asLong()).isZero();

        long draft = create(token, "MATERIAL_FILING", null, Map.of()).path("id").asLong();
        long toReturn = create(token, "MATERIAL_FILING", null, Map.of()).path("id").asLong();
        addLines(token, toReturn, List.of(Map.of("kind", "MATERIAL", "itemNo", "TD-M-01", "hsCode", "7601100000",
                "nameZh", "未锻轧非合金铝锭", "quantity", 1)));
        JsonNode pending = ok(api.get(token, "/home/pending"));
        assertThat(pending.path("counts").path("TO_DECLARE").asLong()).isEqualTo(2);
        assertThat(pending.path("total").asLong()).isEqualTo(2);
        assertThat(pending.path("items").findValuesAsText("documentId")).contains(String.valueOf(draft), String.valueOf(toReturn));

        String no = ok(api.post(token, "/documents/" + toReturn + "/declaration", Map.of())).path("documentNo").asText();
        ok(api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, no, "RETURNED", "品名与商品编码不符",
                LedgerApi.newReceiptId()));
        pending = ok(api.get(token, "/home/pending"));
        assertThat(pending.path("counts").path("RETURNED").asLong()).isEqualTo(1);
        assertThat(pending.path("counts").path("TO_DECLARE").asLong()).isEqualTo(1);
        JsonNode returned = pending.path("items").get(0);
        assertThat(returned.path("kind").asText()).as("returned items come first").isEqualTo("RETURNED");
        assertThat(returned.path("documentId").asLong()).isEqualTo(toReturn);
        assertThat(returned.path("documentNo").asText()).isEqualTo(no);
        assertThat(returned.path("titleZh").asText()).contains("品名与商品编码不符");
        JsonNode home = ok(api.get(token, "/home"));
        assertThat(home.path("pendingCounts").path("RETURNED").asLong()).isEqualTo(1);
        assertThat(home.path("pending")).hasSize(2);

        // the draft deleted: its to-do is gone (cancelled); the returned one stays until declared again
        assertThat(api.request("DELETE", token, "/documents/" + draft).status()).isEqualTo(204);
        pending = ok(api.get(token, "/home/pending"));
        assertThat(pending.path("counts").path("TO_DECLARE").asLong()).isZero();
        assertThat(pending.path("total").asLong()).isEqualTo(1);
        // processed: the returned document declared again leaves the list
        ok(api.post(token, "/documents/" + toReturn + "/declaration", Map.of()));
        pending = ok(api.get(token, "/home/pending"));
        assertThat(pending.path("counts").path("RETURNED").asLong()).isZero();
        assertThat(pending.path("items")).isEmpty();

        // another enterprise sees none of them; an officer has no enterprise to-do list
        JsonNode other = ok(api.get(declarant(YANGPU_TRADING), "/home/pending"));
        assertThat(other.path("items").findValuesAsText("documentId")).doesNotContain(String.valueOf(toReturn), String.valueOf(draft));
        assertThat(other.path("items").findValuesAsText("documentNo")).doesNotContain(no);
        assertThat(api.get(officer("customs-officer"), "/home/pending").status()).isEqualTo(403);
    }
}
