package cn.hnsw.ledger.jointchain;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 联合加工增值产业链备案 with confirmations by the other enterprises (FP 1611–1633, rule R8): allowed and denied, each
 * partner in its own view, and a cumulative code that names the chain only once every member confirmed.
 */
class JointChainConfirmationIT extends LedgerIntegrationTestBase {

    /** A fourth enterprise, on no chain of this test. */
    private static final String DANZHOU_OUTSIDER = "91460400MA5U0Q2R3C";

    @Autowired
    JdbcClient jdbc;

    private JsonNode declareChain(String initiatorToken, String name) {
        return ok(api.post(initiatorToken, "/joint-chains", Map.of("name", name, "productHsCode", "8517620000",
                "productName", "路由器", "members", List.of(
                        Map.of("enterprise", HAIKOU_LOGISTICS, "enterpriseName", "海口物流", "step", "注塑外壳"),
                        Map.of("enterprise", YANGPU_TRADING, "enterpriseName", "洋浦贸易", "step", "主板组装"),
                        Map.of("enterprise", SANYA_AGENT, "enterpriseName", "三亚代理", "step", "整机包装")))));
    }

    @Test
    void everyPartnerConfirmsInItsOwnViewAndOnlyThenIsTheChainConfirmed() {
        String initiator = declarant(YANGPU_TRADING);
        String haikou = declarant(HAIKOU_LOGISTICS);
        String sanya = declarant(SANYA_AGENT);
        JsonNode chain = declareChain(initiator, "路由器联合加工链");
        long id = chain.path("id").asLong();
        String chainNo = chain.path("chainNo").asText();
        assertThat(chain.path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(chain.path("members").findValuesAsText("enterprise"))
                .containsExactly(HAIKOU_LOGISTICS, YANGPU_TRADING, SANYA_AGENT);
        assertThat(chain.path("members").get(1).path("status").asText()).isEqualTo("CONFIRMED");

        // each partner sees the pending confirmation in its own list; the initiator has none to give
        assertThat(ok(api.get(haikou, "/joint-chains/confirmations")).findValuesAsText("chainNo")).contains(chainNo);
        assertThat(ok(api.get(sanya, "/joint-chains/confirmations")).findValuesAsText("chainNo")).contains(chainNo);
        assertThat(ok(api.get(initiator, "/joint-chains/confirmations")).findValuesAsText("chainNo")).doesNotContain(chainNo);
        // and on its home page's to-do list
        assertThat(ok(api.get(haikou, "/home")).path("pending").findValuesAsText("documentNo")).contains(chainNo);
        assertThat(ok(api.get(initiator, "/home")).path("pending").findValuesAsText("documentNo")).doesNotContain(chainNo);
        assertThat(ok(api.get(initiator, "/joint-chains?role=initiated")).findValuesAsText("chainNo")).contains(chainNo);
        assertThat(ok(api.get(haikou, "/joint-chains?role=initiated")).findValuesAsText("chainNo")).doesNotContain(chainNo);

        JsonNode afterFirst = ok(api.post(haikou, "/joint-chains/" + id + "/decision", Map.of("confirm", true)));
        assertThat(afterFirst.path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(ok(api.get(haikou, "/joint-chains/confirmations")).findValuesAsText("chainNo")).doesNotContain(chainNo);
        JsonNode confirmed = ok(api.post(sanya, "/joint-chains/" + id + "/decision", Map.of("confirm", true)));
        assertThat(confirmed.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.path("members").findValuesAsText("status")).containsOnly("CONFIRMED");
        assertThat(outboxEvents(chainNo, "hnsw.ledger.joint-chain-status-changed")).isEqualTo(1);
        assertThat(outboxEvents(chainNo, "hnsw.ledger.joint-chain-confirmation-requested")).isEqualTo(1);

        // cancelling a confirmation (FP 1631) puts the chain back to waiting; confirming again restores it
        assertThat(ok(api.post(sanya, "/joint-chains/" + id + "/decision/cancel", Map.of())).path("status").asText())
                .isEqualTo("AWAITING_CONFIRMATION");
        assertThat(ok(api.post(sanya, "/joint-chains/" + id + "/decision", Map.of("confirm", true))).path("status").asText())
                .isEqualTo("CONFIRMED");
        // officers read it across enterprises
        assertThat(api.get(officer("customs-officer"), "/joint-chains/" + id).status()).isEqualTo(200);
    }

    @Test
    void aPartnerConfirmingTwiceChangesNothing() {
        String initiator = declarant(YANGPU_TRADING);
        String haikou = declarant(HAIKOU_LOGISTICS);
        long id = declareChain(initiator, "重复确认链").path("id").asLong();
        JsonNode first = ok(api.post(haikou, "/joint-chains/" + id + "/decision", Map.of("confirm", true)));
        String decidedAt = first.path("members").get(0).path("decidedAt").asText();
        assertThat(decidedAt).isNotBlank();
        JsonNode second = ok(api.post(haikou, "/joint-chains/" + id + "/decision", Map.of("confirm", true)));
        assertThat(second).isEqualTo(first);
        assertThat(second.path("members").get(0).path("decidedAt").asText()).isEqualTo(decidedAt);
        // a refusal after the confirmation needs the confirmation cancelled first
        LedgerApi.Response flip = api.post(haikou, "/joint-chains/" + id + "/decision",
                Map.of("confirm", false, "reason", "改主意"));
        assertThat(flip.status()).isEqualTo(409);
        assertThat(flip.code()).isEqualTo("JOINT_CHAIN_DECIDED");
        assertThat(ok(api.get(haikou, "/joint-chains/" + id))).isEqualTo(first);
    }

    @Test
    void aThirdEnterpriseCanNeitherSeeNorConfirmAnotherEnterprisesChain() {
        String initiator = declarant(YANGPU_TRADING);
        String outsider = declarant(DANZHOU_OUTSIDER);
        JsonNode chain = declareChain(initiator, "外部不可见链");
        long id = chain.path("id").asLong();

        LedgerApi.Response read = api.get(outsider, "/joint-chains/" + id);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.code()).isEqualTo("JOINT_CHAIN_NOT_FOUND");
        LedgerApi.Response confirm = api.post(outsider, "/joint-chains/" + id + "/decision", Map.of("confirm", true));
        assertThat(confirm.status()).isEqualTo(404);
        assertThat(confirm.code()).isEqualTo("JOINT_CHAIN_NOT_FOUND");
        assertThat(api.post(outsider, "/joint-chains/" + id + "/decision/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(api.post(outsider, "/joint-chains/" + id + "/void", Map.of()).status()).isEqualTo(404);
        assertThat(ok(api.get(outsider, "/joint-chains")).findValuesAsText("chainNo")).doesNotContain(chain.path("chainNo").asText());
        assertThat(ok(api.get(outsider, "/joint-chains/confirmations")).findValuesAsText("chainNo"))
                .doesNotContain(chain.path("chainNo").asText());
        // the initiator cannot confirm on its partners' behalf, a partner cannot void, a traveller cannot read
        assertThat(api.post(initiator, "/joint-chains/" + id + "/decision", Map.of("confirm", true)).code())
                .isEqualTo("JOINT_CHAIN_STATE");
        assertThat(api.post(declarant(HAIKOU_LOGISTICS), "/joint-chains/" + id + "/void", Map.of()).status()).isEqualTo(403);
        assertThat(api.get(officer("traveler"), "/joint-chains/" + id).status()).isEqualTo(403);
        // nothing changed
        JsonNode after = ok(api.get(initiator, "/joint-chains/" + id));
        assertThat(after.path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(after.path("members").findValuesAsText("status")).containsExactly("PENDING", "CONFIRMED", "PENDING");
    }

    @Test
    void aRefusalNeedsAReasonAndLeavesTheChainRefused() {
        String initiator = declarant(YANGPU_TRADING);
        String sanya = declarant(SANYA_AGENT);
        long id = declareChain(initiator, "被拒绝链").path("id").asLong();
        LedgerApi.Response noReason = api.post(sanya, "/joint-chains/" + id + "/decision", Map.of("confirm", false));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.code()).isEqualTo("JOINT_CHAIN_REASON_REQUIRED");
        JsonNode refused = ok(api.post(sanya, "/joint-chains/" + id + "/decision",
                Map.of("confirm", false, "reason", "本企业未参与包装工序")));
        assertThat(refused.path("status").asText()).isEqualTo("REFUSED");
        assertThat(refused.path("members").get(2).path("reason").asText()).isEqualTo("本企业未参与包装工序");
        // the initiator sees the reason; after voiding nobody can decide any more
        assertThat(ok(api.get(initiator, "/joint-chains/" + id)).path("members").get(2).path("reason").asText())
                .isEqualTo("本企业未参与包装工序");
        assertThat(ok(api.post(initiator, "/joint-chains/" + id + "/void", Map.of())).path("status").asText()).isEqualTo("VOIDED");
        assertThat(api.post(declarant(HAIKOU_LOGISTICS), "/joint-chains/" + id + "/decision", Map.of("confirm", true)).code())
                .isEqualTo("JOINT_CHAIN_STATE");
    }

    @Test
    void theInitiatorModifiesOrDeletesAChainOnlyBeforeItsPartnersConfirm() {
        String initiator = declarant(YANGPU_TRADING);
        String haikou = declarant(HAIKOU_LOGISTICS);
        String sanya = declarant(SANYA_AGENT);
        long id = declareChain(initiator, "待修改链").path("id").asLong();
        ok(api.post(sanya, "/joint-chains/" + id + "/decision", Map.of("confirm", false, "reason", "工序写错")));
        // modify: new order and content, every partner decides again
        JsonNode changed = ok(api.put(initiator, "/joint-chains/" + id, Map.of("name", "已修改链", "members", List.of(
                Map.of("enterprise", YANGPU_TRADING, "step", "主板组装"),
                Map.of("enterprise", SANYA_AGENT, "step", "整机包装")))));
        assertThat(changed.path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(changed.path("members").findValuesAsText("enterprise")).containsExactly(YANGPU_TRADING, SANYA_AGENT);
        assertThat(changed.path("members").get(1).path("status").asText()).isEqualTo("PENDING");
        // the dropped partner no longer sees it; a partner cannot modify or delete
        assertThat(api.get(haikou, "/joint-chains/" + id).status()).isEqualTo(404);
        assertThat(api.put(sanya, "/joint-chains/" + id, Map.of("name", "x", "members", List.of(
                Map.of("enterprise", SANYA_AGENT), Map.of("enterprise", YANGPU_TRADING)))).status()).isEqualTo(403);
        assertThat(api.request("DELETE", sanya, "/joint-chains/" + id).status()).isEqualTo(403);

        // statistics: initiated by us, waiting for them
        JsonNode ownStats = ok(api.get(initiator, "/joint-chains/statistics"));
        assertThat(ownStats.path("initiated").path("AWAITING_CONFIRMATION").asLong()).isPositive();
        JsonNode theirStats = ok(api.get(sanya, "/joint-chains/statistics"));
        assertThat(theirStats.path("confirming").path("PENDING").asLong()).isPositive();

        // once a partner confirmed, the chain is voided, not modified or deleted
        ok(api.post(sanya, "/joint-chains/" + id + "/decision", Map.of("confirm", true)));
        assertThat(api.put(initiator, "/joint-chains/" + id, Map.of("name", "再改", "members", List.of(
                Map.of("enterprise", YANGPU_TRADING), Map.of("enterprise", SANYA_AGENT)))).code()).isEqualTo("JOINT_CHAIN_STATE");
        assertThat(api.request("DELETE", initiator, "/joint-chains/" + id).code()).isEqualTo("JOINT_CHAIN_STATE");

        long other = declareChain(initiator, "待删除链").path("id").asLong();
        assertThat(api.request("DELETE", initiator, "/joint-chains/" + other).status()).isEqualTo(204);
        assertThat(api.get(initiator, "/joint-chains/" + other).code()).isEqualTo("JOINT_CHAIN_NOT_FOUND");
    }

    @Test
    void invalidChainsAreRefusedAndStoreNothing() {
        String initiator = declarant(YANGPU_TRADING);
        long before = jdbc.sql("SELECT count(*) FROM joint_chain").query(Long.class).single();
        LedgerApi.Response withoutSelf = api.post(initiator, "/joint-chains", Map.of("name", "不含发起企业",
                "members", List.of(Map.of("enterprise", HAIKOU_LOGISTICS), Map.of("enterprise", SANYA_AGENT))));
        assertThat(withoutSelf.status()).isEqualTo(400);
        assertThat(withoutSelf.code()).isEqualTo("JOINT_CHAIN_INVALID");
        assertThat(withoutSelf.body().toString()).contains("发起企业");
        LedgerApi.Response alone = api.post(initiator, "/joint-chains", Map.of("name", "单企业",
                "members", List.of(Map.of("enterprise", YANGPU_TRADING))));
        assertThat(alone.code()).isEqualTo("JOINT_CHAIN_INVALID");
        LedgerApi.Response badCode = api.post(initiator, "/joint-chains", Map.of("name", "错误代码",
                "members", List.of(Map.of("enterprise", YANGPU_TRADING), Map.of("enterprise", "123"))));
        assertThat(badCode.code()).isEqualTo("JOINT_CHAIN_INVALID");
        assertThat(jdbc.sql("SELECT count(*) FROM joint_chain").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aCumulativeCodeCanNameOnlyAFullyConfirmedChain() {
        String initiator = declarant(YANGPU_TRADING);
        String haikou = declarant(HAIKOU_LOGISTICS);
        String sanya = declarant(SANYA_AGENT);
        long ledgerId = activeProcessingLedger(initiator);
        long router = commodity(initiator, "YP-RT-JC1");
        JsonNode chain = declareChain(initiator, "累计码联合加工链");
        String chainNo = chain.path("chainNo").asText();

        JsonNode code = create(initiator, "CUMULATIVE_CODE_FILING", ledgerId, Map.of("salePrice", 1000,
                "jointChainNo", chainNo));
        long codeId = code.path("id").asLong();
        addLines(initiator, codeId, List.of(
                Map.of("kind", "FINISHED_PRODUCT", "linkRef", router, "quantity", 1),
                Map.of("kind", "DOMESTIC_MATERIAL_COST", "nameZh", "国产外壳", "hsCode", "8517620000", "quantity", 1, "amount", 500)));

        ok(api.post(haikou, "/joint-chains/" + chain.path("id").asLong() + "/decision", Map.of("confirm", true)));
        LedgerApi.Response early = api.post(initiator, "/documents/" + codeId + "/declaration", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("JOINT_CHAIN_NOT_CONFIRMED");
        assertThat(ok(api.get(initiator, "/documents/" + codeId)).path("status").asText()).isEqualTo("DRAFT");

        ok(api.post(sanya, "/joint-chains/" + chain.path("id").asLong() + "/decision", Map.of("confirm", true)));
        assertThat(ok(api.post(initiator, "/documents/" + codeId + "/declaration", Map.of())).path("status").asText())
                .isEqualTo("DECLARED");

        // an enterprise not on the chain cannot name it
        String outsider = declarant(DANZHOU_OUTSIDER);
        long outsiderLedger = activeProcessingLedger(outsider);
        long outsiderProduct = commodity(outsider, "DZ-RT-JC1");
        long foreign = create(outsider, "CUMULATIVE_CODE_FILING", outsiderLedger, Map.of("salePrice", 1000,
                "jointChainNo", chainNo)).path("id").asLong();
        addLines(outsider, foreign, List.of(
                Map.of("kind", "FINISHED_PRODUCT", "linkRef", outsiderProduct, "quantity", 1),
                Map.of("kind", "DOMESTIC_MATERIAL_COST", "nameZh", "国产外壳", "hsCode", "8517620000", "quantity", 1, "amount", 500)));
        LedgerApi.Response notMember = api.post(outsider, "/documents/" + foreign + "/declaration", Map.of());
        assertThat(notMember.status()).isEqualTo(403);
        assertThat(notMember.code()).isEqualTo("JOINT_CHAIN_NOT_MEMBER");
    }

    private long commodity(String token, String itemNo) {
        long id = create(token, "FINISHED_PRODUCT_FILING", null, Map.of()).path("id").asLong();
        addLines(token, id, List.of(Map.of("kind", "FINISHED_PRODUCT", "itemNo", itemNo, "hsCode", "8517620000",
                "nameZh", "路由器", "quantity", 1)));
        approve(token, id);
        for (JsonNode c : ok(api.get(token, "/commodities"))) {
            if (c.path("itemNo").asText().equals(itemNo)) {
                return c.path("id").asLong();
            }
        }
        throw new AssertionError("commodity " + itemNo + " not in library");
    }

    private long activeProcessingLedger(String token) {
        long product = commodity(token, "PL-" + System.nanoTime() % 1_000_000);
        long setup = create(token, "PROCESSING_LEDGER_SETUP", null, Map.of("port", "洋浦港")).path("id").asLong();
        addLines(token, setup, List.of(Map.of("kind", "FINISHED_PRODUCT", "linkRef", product, "quantity", 1)));
        JsonNode approved = approve(token, setup);
        ok(api.pushReceipt(CUSTOMS_SEALER, cn.hnsw.ledger.support.LedgerTestKeys.CUSTOMS,
                approved.path("documentNo").asText(), "FORMAL_DATA", null, LedgerApi.newReceiptId()));
        for (JsonNode l : ok(api.get(token, "/ledgers"))) {
            if (l.path("setupDocumentId").asLong() == setup) {
                assertThat(l.path("status").asText()).isEqualTo("ACTIVE");
                return l.path("id").asLong();
            }
        }
        throw new AssertionError("no ledger for set-up " + setup);
    }

    private long outboxEvents(String chainNo, String topic) {
        return jdbc.sql("SELECT count(*) FROM event_outbox WHERE aggregate_id = :a AND topic = :t")
                .param("a", chainNo).param("t", topic).query(Long.class).single();
    }
}
