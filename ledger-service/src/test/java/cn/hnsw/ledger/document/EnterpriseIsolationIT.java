package cn.hnsw.ledger.document;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 数据权限隔离 and delegation scope (FP 1833–1838, 1847–1874): allowed and denied. */
class EnterpriseIsolationIT extends LedgerIntegrationTestBase {

    @Test
    void oneEnterpriseCannotReadAnothersLedgerButOfficersCan() {
        String owner = declarant(YANGPU_TRADING);
        String stranger = declarant(HAIKOU_LOGISTICS);
        long fish = fileMaterial(owner, "YP-FS-004", "0303890099", "冻鱼");
        long ledgerId = activeLogisticsLedger(owner, fish);
        JsonNode entry = create(owner, "LOGISTICS_ENTRY_GENERAL", ledgerId, Map.of());
        long entryId = entry.path("id").asLong();

        assertThat(api.get(stranger, "/ledgers/" + ledgerId).status()).isEqualTo(403);
        assertThat(api.get(stranger, "/ledgers/" + ledgerId + "/stock").code()).isEqualTo("ENTERPRISE_SCOPE_VIOLATION");
        assertThat(api.get(stranger, "/documents/" + entryId).status()).isEqualTo(403);
        assertThat(api.post(stranger, "/documents/" + entryId + "/lines",
                List.of(Map.of("kind", "GOODS", "linkRef", fish, "quantity", 1))).status()).isEqualTo(403);
        assertThat(ok(api.get(stranger, "/documents?size=50")).path("content").findValuesAsText("enterprise"))
                .doesNotContain(YANGPU_TRADING);
        assertThat(ok(api.get(stranger, "/ledgers")).findValuesAsText("enterprise")).doesNotContain(YANGPU_TRADING);
        // a commodity of another enterprise cannot be linked either
        JsonNode ownSetup = create(stranger, "LOGISTICS_LEDGER_SETUP", null, Map.of());
        LedgerApi.Response foreign = api.post(stranger, "/documents/" + ownSetup.path("id").asLong() + "/lines",
                List.of(Map.of("kind", "GOODS", "linkRef", fish, "quantity", 1)));
        assertThat(foreign.code()).isEqualTo("LINE_LINK_INVALID");

        assertThat(api.get(officer("customs-officer"), "/ledgers/" + ledgerId + "/stock").status()).isEqualTo(200);
        assertThat(api.get(officer("gov-province"), "/documents/" + entryId).status()).isEqualTo(200);
        assertThat(api.get(officer("traveler"), "/documents/" + entryId).status()).isEqualTo(403);
        // officers read but do not declare for enterprises
        assertThat(api.post(officer("customs-officer"), "/documents/" + entryId + "/declaration", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void aDelegateActsOnlyWithinItsScope() {
        String principal = declarant(YANGPU_TRADING);
        String agent = declarant(SANYA_AGENT);
        long gold = fileMaterial(principal, "YP-AU-005", "7108120000", "非货币用金");
        long ledgerId = activeLogisticsLedger(principal, gold);

        // without any delegation the agent cannot act for the principal
        LedgerApi.Response before = api.post(agent, "/documents", Map.of("type", "LOGISTICS_ENTRY_GENERAL",
                "ledgerId", ledgerId, "actingFor", YANGPU_TRADING));
        assertThat(before.status()).isEqualTo(403);
        assertThat(before.code()).isEqualTo("DELEGATION_SCOPE_DENIED");

        // the principal opens import entry (only) on its logistics ledger; the agent accepts
        JsonNode delegation = ok(api.post(principal, "/delegations", Map.of("delegate", SANYA_AGENT,
                "delegateName", "三亚报关代理有限公司", "ledgerType", "LOGISTICS", "scopes", List.of("IMPORT_ENTRY"))));
        long delegationId = delegation.path("id").asLong();
        assertThat(delegation.path("status").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(api.post(agent, "/documents", Map.of("type", "LOGISTICS_ENTRY_GENERAL", "ledgerId", ledgerId,
                "actingFor", YANGPU_TRADING)).code()).isEqualTo("DELEGATION_SCOPE_DENIED");
        // the principal cannot accept its own delegation
        assertThat(api.post(principal, "/delegations/" + delegationId + "/review", Map.of("approve", true)).status()).isEqualTo(404);
        ok(api.post(agent, "/delegations/" + delegationId + "/review", Map.of("approve", true, "comment", "同意代办")));

        JsonNode entry = ok(api.post(agent, "/documents", Map.of("type", "LOGISTICS_ENTRY_GENERAL", "ledgerId", ledgerId,
                "actingFor", YANGPU_TRADING, "title", "代办进口入账")));
        assertThat(entry.path("enterprise").asText()).isEqualTo(YANGPU_TRADING);
        assertThat(entry.path("actingDelegate").asText()).isEqualTo(SANYA_AGENT);
        addLines(agent, entry.path("id").asLong(), List.of(Map.of("kind", "GOODS", "linkRef", gold, "quantity", 12)));
        assertThat(approve(agent, entry.path("id").asLong()).path("status").asText()).isEqualTo("APPROVED");

        // outside the scope: an exit list
        LedgerApi.Response exit = api.post(agent, "/documents", Map.of("type", "LOGISTICS_EXIT_GENERAL", "ledgerId", ledgerId,
                "actingFor", YANGPU_TRADING));
        assertThat(exit.status()).isEqualTo(403);
        assertThat(exit.code()).isEqualTo("DELEGATION_SCOPE_DENIED");
        assertThat(exit.body().path("messageEn").asText()).contains("ledger");
        // filings are never delegated
        assertThat(api.post(agent, "/documents", Map.of("type", "MATERIAL_FILING", "actingFor", YANGPU_TRADING)).status())
                .isEqualTo(403);

        // disabled: the agent loses the scope at once
        ok(api.post(principal, "/delegations/" + delegationId + "/disable", Map.of()));
        assertThat(api.post(agent, "/documents", Map.of("type", "LOGISTICS_ENTRY_GENERAL", "ledgerId", ledgerId,
                "actingFor", YANGPU_TRADING)).code()).isEqualTo("DELEGATION_SCOPE_DENIED");
        assertThat(api.get(agent, "/documents/" + entry.path("id").asLong()).status()).isEqualTo(403);

        // BOM loss is not a logistics business (rule R14)
        LedgerApi.Response bom = api.post(principal, "/delegations", Map.of("delegate", SANYA_AGENT, "ledgerType", "LOGISTICS",
                "scopes", List.of("BOM_LOSS")));
        assertThat(bom.code()).isEqualTo("DELEGATION_SCOPE_INVALID");
    }
}
