package cn.hnsw.ledger.jointchain;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import cn.hnsw.ledger.support.LedgerTestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 联合加工增值产业链备案 with confirmations by the other enterprises (FP 1611–1633, rule R8): allowed and denied, each
 * partner in its own view, and a cumulative code that names the chain only once every member confirmed; the customs
 * approval leg (FP 1618–1619, 1626–1627), the members' credit from customs (FP 1613–1614), copy, export, template,
 * import and print (FP 1620, 1622–1625, 1635, 1637).
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

        // 确认信息修改 (FP 1633): the decision changed in one step; a refusal still needs its reason
        LedgerApi.Response noReason = api.put(haikou, "/joint-chains/" + id + "/decision", Map.of("confirm", false));
        assertThat(noReason.code()).isEqualTo("JOINT_CHAIN_REASON_REQUIRED");
        assertThat(ok(api.get(haikou, "/joint-chains/" + id))).isEqualTo(first);
        JsonNode refused = ok(api.put(haikou, "/joint-chains/" + id + "/decision", Map.of("confirm", false, "reason", "改主意")));
        JsonNode mine = memberOf(refused, HAIKOU_LOGISTICS);
        assertThat(mine.path("status").asText()).isEqualTo("REFUSED");
        assertThat(mine.path("reason").asText()).isEqualTo("改主意");
        JsonNode again = ok(api.put(haikou, "/joint-chains/" + id + "/decision", Map.of("confirm", true)));
        assertThat(memberOf(again, HAIKOU_LOGISTICS).path("status").asText()).isEqualTo("CONFIRMED");
        // the initiator has no decision to modify
        assertThat(api.put(initiator, "/joint-chains/" + id + "/decision", Map.of("confirm", true)).status()).isEqualTo(409);
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
                Map.of("kind", "DOMESTIC_MATERIAL_COST", "linkRef", registeredDomesticMaterial(initiator, "YP-DM-JC1", 10), "quantity", 10)));

        ok(api.post(haikou, "/joint-chains/" + chain.path("id").asLong() + "/decision", Map.of("confirm", true)));
        // 校验查询 (FP 1638): asked before declaring, with the reason
        JsonNode notYet = ok(api.get(initiator, "/joint-chains/check?chainNo=" + chainNo));
        assertThat(notYet.path("usable").asBoolean()).isFalse();
        assertThat(notYet.path("code").asText()).isEqualTo("JOINT_CHAIN_NOT_CONFIRMED");
        assertThat(notYet.path("messageZh").asText()).contains(chainNo);
        LedgerApi.Response early = api.post(initiator, "/documents/" + codeId + "/declaration", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("JOINT_CHAIN_NOT_CONFIRMED");
        assertThat(ok(api.get(initiator, "/documents/" + codeId)).path("status").asText()).isEqualTo("DRAFT");

        ok(api.post(sanya, "/joint-chains/" + chain.path("id").asLong() + "/decision", Map.of("confirm", true)));
        assertThat(ok(api.post(initiator, "/documents/" + codeId + "/declaration", Map.of())).path("status").asText())
                .isEqualTo("DECLARED");
        assertThat(ok(api.get(initiator, "/joint-chains/check?chainNo=" + chainNo)).path("usable").asBoolean()).isTrue();
        assertThat(ok(api.get(declarant(DANZHOU_OUTSIDER), "/joint-chains/check?chainNo=" + chainNo)).path("code").asText())
                .isEqualTo("JOINT_CHAIN_NOT_FOUND");

        // an enterprise not on the chain cannot name it
        String outsider = declarant(DANZHOU_OUTSIDER);
        long outsiderLedger = activeProcessingLedger(outsider);
        long outsiderProduct = commodity(outsider, "DZ-RT-JC1");
        long foreign = create(outsider, "CUMULATIVE_CODE_FILING", outsiderLedger, Map.of("salePrice", 1000,
                "jointChainNo", chainNo)).path("id").asLong();
        addLines(outsider, foreign, List.of(
                Map.of("kind", "FINISHED_PRODUCT", "linkRef", outsiderProduct, "quantity", 1),
                Map.of("kind", "DOMESTIC_MATERIAL_COST", "linkRef", registeredDomesticMaterial(outsider, "DZ-DM-JC1", 10), "quantity", 10)));
        LedgerApi.Response notMember = api.post(outsider, "/documents/" + foreign + "/declaration", Map.of());
        assertThat(notMember.status()).isEqualTo(403);
        assertThat(notMember.code()).isEqualTo("JOINT_CHAIN_NOT_MEMBER");
    }

    @Test
    void theInitiatorSendsAConfirmedChainToCustomsAndTheReceiptsDecideIt() {
        String initiator = declarant(YANGPU_TRADING);
        String haikou = declarant(HAIKOU_LOGISTICS);
        String sanya = declarant(SANYA_AGENT);
        JsonNode chain = declareChain(initiator, "海关审批链");
        long id = chain.path("id").asLong();
        String chainNo = chain.path("chainNo").asText();
        assertThat(chain.path("customsStatus").asText()).isEqualTo("NOT_SENT");

        // not every member confirmed yet: nothing goes to customs
        LedgerApi.Response early = api.post(initiator, "/joint-chains/" + id + "/customs-approval", Map.of());
        assertThat(early.code()).isEqualTo("JOINT_CHAIN_STATE");
        assertThat(CUSTOMS.declaration(chainNo)).isNull();
        ok(api.post(haikou, "/joint-chains/" + id + "/decision", Map.of("confirm", true)));
        ok(api.post(sanya, "/joint-chains/" + id + "/decision", Map.of("confirm", true)));
        // a partner does not send the initiator's chain
        assertThat(api.post(haikou, "/joint-chains/" + id + "/customs-approval", Map.of()).status()).isEqualTo(403);

        JsonNode sent = ok(api.post(initiator, "/joint-chains/" + id + "/customs-approval", Map.of()));
        assertThat(sent.path("customsStatus").asText()).isEqualTo("PENDING_APPROVAL");
        JsonNode message = CUSTOMS.declaration(chainNo);
        assertThat(message.path("documentType").asText()).isEqualTo("JOINT_CHAIN");
        assertThat(message.path("header").path("members").findValuesAsText("enterprise"))
                .containsExactly(HAIKOU_LOGISTICS, YANGPU_TRADING, SANYA_AGENT);
        assertThat(CUSTOMS.sender(chainNo)).isEqualTo(LedgerTestKeys.PLATFORM);
        // pending at customs: neither sent again nor modified
        assertThat(api.post(initiator, "/joint-chains/" + id + "/customs-approval", Map.of()).code()).isEqualTo("JOINT_CHAIN_STATE");
        assertThat(api.put(initiator, "/joint-chains/" + id, Map.of("name", "x", "members", List.of(
                Map.of("enterprise", YANGPU_TRADING), Map.of("enterprise", SANYA_AGENT)))).code()).isEqualTo("JOINT_CHAIN_STATE");

        ok(api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, chainNo, "RECEIVED", null, LedgerApi.newReceiptId()));
        String returnedId = LedgerApi.newReceiptId();
        ok(api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, chainNo, "RETURNED", "第 3 家企业加工环节与备案不符",
                returnedId));
        JsonNode anomaly = ok(api.get(sanya, "/joint-chains/" + id));
        assertThat(anomaly.path("customsStatus").asText()).isEqualTo("ANOMALY");
        assertThat(anomaly.path("anomalyReason").asText()).isEqualTo("第 3 家企业加工环节与备案不符");
        // the receipt again: refused, nothing changes
        LedgerApi.Response twice = api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, chainNo, "APPROVED", null, returnedId);
        assertThat(twice.code()).isEqualTo("RECEIPT_ALREADY_APPLIED");
        assertThat(ok(api.get(initiator, "/joint-chains/" + id)).path("customsStatus").asText()).isEqualTo("ANOMALY");
        // the anomaly reason with the receipts, for the enterprises on the chain only
        JsonNode receipts = ok(api.get(haikou, "/joint-chains/" + id + "/receipts"));
        assertThat(receipts.findValuesAsText("kind")).containsExactly("RECEIVED", "RETURNED");
        assertThat(api.get(declarant(DANZHOU_OUTSIDER), "/joint-chains/" + id + "/receipts").status()).isEqualTo(404);

        // corrected after the anomaly: confirmed again, sent again, approved
        JsonNode corrected = ok(api.put(initiator, "/joint-chains/" + id, Map.of("name", "海关审批链（更正）", "members", List.of(
                Map.of("enterprise", YANGPU_TRADING, "step", "主板组装"), Map.of("enterprise", SANYA_AGENT, "step", "整机包装")))));
        assertThat(corrected.path("customsStatus").asText()).isEqualTo("NOT_SENT");
        assertThat(corrected.path("approvalRound").asInt()).isEqualTo(1);
        ok(api.post(sanya, "/joint-chains/" + id + "/decision", Map.of("confirm", true)));
        ok(api.post(initiator, "/joint-chains/" + id + "/customs-approval", Map.of()));
        assertThat(CUSTOMS.declaration(chainNo).path("changeRound").asInt()).isEqualTo(1);
        ok(api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, chainNo, "APPROVED", null, LedgerApi.newReceiptId()));
        JsonNode approved = ok(api.get(initiator, "/joint-chains/" + id));
        assertThat(approved.path("customsStatus").asText()).isEqualTo("APPROVED");
        assertThat(approved.hasNonNull("anomalyReason")).isFalse();

        // 审批通过变更: an approved chain may be changed; it goes round confirmation and approval again
        JsonNode change = ok(api.put(initiator, "/joint-chains/" + id, Map.of("name", "海关审批链（变更）", "members", List.of(
                Map.of("enterprise", YANGPU_TRADING), Map.of("enterprise", HAIKOU_LOGISTICS)))));
        assertThat(change.path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(change.path("customsStatus").asText()).isEqualTo("NOT_SENT");
        assertThat(change.path("approvalRound").asInt()).isEqualTo(2);
        // a chain that has been at customs is voided, never deleted
        assertThat(api.request("DELETE", initiator, "/joint-chains/" + id).code()).isEqualTo("JOINT_CHAIN_STATE");
    }

    @Test
    void memberCreditComesOnlyFromCustomsAndNothingIsKeptWhenItDoesNotAnswer() {
        String initiator = declarant(YANGPU_TRADING);
        long id = declareChain(initiator, "信用获取链").path("id").asLong();
        // the partner does not fetch the initiator's chain credit; an outsider does not see the chain
        assertThat(api.post(declarant(HAIKOU_LOGISTICS), "/joint-chains/" + id + "/member-credit", Map.of()).status())
                .isEqualTo(403);
        assertThat(api.post(declarant(DANZHOU_OUTSIDER), "/joint-chains/" + id + "/member-credit", Map.of()).status())
                .isEqualTo(404);
        // this test's customs answers with a technical receipt only, not a credit profile: refused, nothing kept
        LedgerApi.Response notAProfile = api.post(initiator, "/joint-chains/" + id + "/member-credit", Map.of());
        assertThat(notAProfile.status()).isEqualTo(502);
        assertThat(notAProfile.code()).isEqualTo("CREDIT_REFUSED");
        CUSTOMS.down(true);
        LedgerApi.Response down = api.post(initiator, "/joint-chains/" + id + "/member-credit", Map.of());
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.code()).isEqualTo("CREDIT_UNAVAILABLE");
        // the home page still opens, saying why there is no credit
        JsonNode home = ok(api.get(initiator, "/home"));
        assertThat(home.path("credit").path("reasonZh").asText()).contains("海关");
        CUSTOMS.down(false);
        assertThat(ok(api.get(initiator, "/joint-chains/" + id)).path("members").findValuesAsText("creditGrade")).isEmpty();
    }

    @Test
    void aChainIsCopiedExportedImportedAndPrintedByTheEnterprisesOnItOnly() throws Exception {
        String initiator = declarant(YANGPU_TRADING);
        String sanya = declarant(SANYA_AGENT);
        String outsider = declarant(DANZHOU_OUTSIDER);
        JsonNode chain = declareChain(initiator, "复制导出打印链");
        long id = chain.path("id").asLong();
        String chainNo = chain.path("chainNo").asText();

        // 复制: a partner copies it and becomes the copy's initiator; the others confirm the copy anew
        JsonNode copy = api.post(sanya, "/joint-chains/" + id + "/copy", Map.of()).body();
        assertThat(copy.path("initiator").asText()).isEqualTo(SANYA_AGENT);
        assertThat(copy.path("copiedFrom").asText()).isEqualTo(chainNo);
        assertThat(copy.path("chainNo").asText()).isNotEqualTo(chainNo);
        assertThat(copy.path("members").findValuesAsText("enterprise")).containsExactly(HAIKOU_LOGISTICS, YANGPU_TRADING, SANYA_AGENT);
        assertThat(copy.path("members").findValuesAsText("status")).containsExactly("PENDING", "PENDING", "CONFIRMED");
        assertThat(api.post(outsider, "/joint-chains/" + id + "/copy", Map.of()).status()).isEqualTo(404);

        // 导出: the initiator's export has the chain, one row per member; an outsider's has none of it
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(api.download(initiator, "/joint-chains/export?role=initiated")))) {
            Sheet sheet = wb.getSheetAt(0);
            List<String> rows = new java.util.ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (chainNo.equals(sheet.getRow(r).getCell(0).getStringCellValue())) {
                    rows.add(sheet.getRow(r).getCell(7).getStringCellValue());
                }
            }
            assertThat(rows).containsExactly(HAIKOU_LOGISTICS, YANGPU_TRADING, SANYA_AGENT);
        }
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(api.download(outsider, "/joint-chains/export")))) {
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                assertThat(sheet.getRow(r).getCell(0).getStringCellValue()).isNotEqualTo(chainNo);
            }
        }

        // 模版下载 and 导入: rows in any order, the chain in chain order; one bad row refuses the whole file
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(api.download(initiator, "/joint-chains/template")))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).contains("统一社会信用代码");
        }
        JsonNode imported = upload(initiator, "name=" + java.net.URLEncoder.encode("导入链", StandardCharsets.UTF_8),
                members(new String[]{"2", SANYA_AGENT, "三亚代理", "整机包装"}, new String[]{"1", YANGPU_TRADING, "洋浦贸易", "主板组装"})).body();
        assertThat(imported.path("name").asText()).isEqualTo("导入链");
        assertThat(imported.path("members").findValuesAsText("enterprise")).containsExactly(YANGPU_TRADING, SANYA_AGENT);
        long before = jdbc.sql("SELECT count(*) FROM joint_chain").query(Long.class).single();
        LedgerApi.Response bad = upload(initiator, "name=bad", members(new String[]{"1", YANGPU_TRADING, "洋浦贸易", "主板组装"},
                new String[]{"2", "12345", "坏代码", "包装"}, new String[]{"x", SANYA_AGENT, "三亚代理", "包装"}));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.code()).isEqualTo("EXCEL_ROWS_INVALID");
        assertThat(bad.body().toString()).contains("row[3]").contains("row[4]").contains("12345");
        assertThat(jdbc.sql("SELECT count(*) FROM joint_chain").query(Long.class).single()).isEqualTo(before);

        // 打印: the chain with its members in chain order, for the enterprises on it and officers; not for an outsider
        try (PDDocument pdf = Loader.loadPDF(api.download(sanya, "/joint-chains/" + id + "/print"))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("联合加工增值产业链备案").contains(chainNo).contains("注塑外壳").contains("三亚代理")
                    .contains("海口物流");
        }
        assertThat(api.get(outsider, "/joint-chains/" + id + "/print").status()).isEqualTo(404);
        assertThat(api.download(officer("customs-officer"), "/joint-chains/" + id + "/print")).isNotEmpty();
    }

    @Test
    void officersSeeEveryEnterprisesChainsWithStatisticsAndEnterprisesDoNot() throws Exception {
        String initiator = declarant(YANGPU_TRADING);
        JsonNode chain = declareChain(initiator, "政府统计链");
        String chainNo = chain.path("chainNo").asText();
        String officer = officer("gov-province");
        // 列表查询 / 详情查询 / 确认信息: every enterprise's chains with each member's confirmation
        assertThat(ok(api.get(officer, "/joint-chains")).findValuesAsText("chainNo")).contains(chainNo);
        JsonNode detail = ok(api.get(officer, "/joint-chains/" + chain.path("id").asLong()));
        assertThat(detail.path("members").findValuesAsText("status")).containsExactly("PENDING", "CONFIRMED", "PENDING");

        // 导出: every enterprise's chains with each member's confirmation
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(api.download(officer, "/joint-chains/export")))) {
            Sheet sheet = wb.getSheetAt(0);
            List<String> confirmations = new java.util.ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (chainNo.equals(sheet.getRow(r).getCell(0).getStringCellValue())) {
                    confirmations.add(sheet.getRow(r).getCell(10).getStringCellValue());
                }
            }
            assertThat(confirmations).containsExactly("PENDING", "CONFIRMED", "PENDING");
        }

        JsonNode stats = ok(api.get(officer, "/joint-chains/government-statistics"));
        long chains = 0;
        for (JsonNode n : stats.path("byStatus")) {
            chains += n.asLong();
        }
        assertThat(chains).isEqualTo(jdbc.sql("SELECT count(*) FROM joint_chain").query(Long.class).single());
        boolean yangpuCounted = false;
        for (JsonNode i : stats.path("initiators")) {
            if (i.path("enterprise").asText().equals(YANGPU_TRADING)) {
                yangpuCounted = i.path("chains").asLong() == jdbc.sql(
                        "SELECT count(*) FROM joint_chain WHERE initiator = :e AND status <> 'VOIDED'")
                        .param("e", YANGPU_TRADING).query(Long.class).single();
            }
        }
        assertThat(yangpuCounted).as("the initiator's chain count: %s", stats.path("initiators")).isTrue();
        assertThat(stats.path("participants").findValuesAsText("enterprise")).contains(HAIKOU_LOGISTICS, SANYA_AGENT);
        JsonNode top = stats.path("top5BySize");
        assertThat(top.size()).isBetween(1, 5);
        for (int i = 1; i < top.size(); i++) {
            assertThat(top.get(i).path("enterprises").asLong()).isLessThanOrEqualTo(top.get(i - 1).path("enterprises").asLong());
        }
        assertThat(top.get(0).path("enterprises").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(stats.path("top5SizeShare").findValuesAsText("enterprises")).contains("3");
        // an enterprise has its own statistics, not the government's
        assertThat(api.get(initiator, "/joint-chains/government-statistics").status()).isEqualTo(403);
    }

    private static byte[] members(String[]... rows) throws java.io.IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("产业链企业");
            Row head = sheet.createRow(0);
            head.createCell(0).setCellValue("产业链次序");
            head.createCell(1).setCellValue("统一社会信用代码");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private LedgerApi.Response upload(String token, String query, byte[] content) {
        String boundary = "----hnsw" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"chain.xlsx\""
                + "\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.postBytes(token, "/joint-chains/import?" + query, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
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

    private static JsonNode memberOf(JsonNode chain, String enterprise) {
        for (JsonNode m : chain.path("members")) {
            if (m.path("enterprise").asText().equals(enterprise)) {
                return m;
            }
        }
        throw new AssertionError(enterprise + " not on the chain");
    }
}
