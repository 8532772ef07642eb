package cn.hnsw.ledger.document;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import cn.hnsw.ledger.support.LedgerTestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The refusals the issue names, each shown to change nothing, plus the lifecycle moves around them. */
class DocumentRefusalsIT extends LedgerIntegrationTestBase {

    @Test
    void aDeclaredFilingCannotBeEditedAndIllegalMovesAreRefusedWithACode() {
        String token = declarant(YANGPU_TRADING);
        JsonNode filing = create(token, "MATERIAL_FILING", null, Map.of());
        long id = filing.path("id").asLong();
        addLines(token, id, List.of(Map.of("kind", "MATERIAL", "itemNo", "YP-AL-010", "hsCode", "7601100000", "quantity", 1)));
        JsonNode declared = ok(api.post(token, "/documents/" + id + "/declaration", Map.of()));
        assertThat(declared.path("status").asText()).isEqualTo("DECLARED");

        LedgerApi.Response edit = api.post(token, "/documents/" + id + "/lines",
                List.of(Map.of("kind", "MATERIAL", "itemNo", "YP-AL-011", "hsCode", "7601100000", "quantity", 1)));
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.code()).isEqualTo("DOCUMENT_NOT_EDITABLE");
        assertThat(edit.body().path("messageZh").asText()).contains("不可修改");
        LedgerApi.Response header = api.put(token, "/documents/" + id, Map.of("version", -1, "title", "改"));
        assertThat(header.code()).isEqualTo("DOCUMENT_NOT_EDITABLE");
        LedgerApi.Response voidDeclared = api.post(token, "/documents/" + id + "/void", Map.of());
        assertThat(voidDeclared.status()).isEqualTo(409);
        assertThat(voidDeclared.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(ok(api.get(token, "/documents/" + id)).path("lines")).hasSize(1);

        // returned with a reason, edited, declared again, approved; then change after approval and void
        String no = declared.path("documentNo").asText();
        ok(api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, no, "RETURNED", "品名与商品编码不符", LedgerApi.newReceiptId()));
        JsonNode returned = ok(api.get(token, "/documents/" + id));
        assertThat(returned.path("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.path("returnReason").asText()).isEqualTo("品名与商品编码不符");
        long lineId = returned.path("lines").get(0).path("id").asLong();
        ok(api.put(token, "/documents/" + id + "/lines/" + lineId, Map.of("itemNo", "YP-AL-010", "hsCode", "7601100000",
                "nameZh", "未锻轧非合金铝锭", "quantity", 1)));
        JsonNode approved = approve(token, id);
        // returned, then received and approved: the receipt history keeps all three
        assertThat(approved.path("receipts").findValuesAsText("kind")).containsExactly("RETURNED", "RECEIVED", "APPROVED");
        JsonNode changing = ok(api.post(token, "/documents/" + id + "/change", Map.of()));
        assertThat(changing.path("status").asText()).isEqualTo("CHANGE_DRAFT");
        assertThat(changing.path("changeRound").asInt()).isEqualTo(1);
        JsonNode reapproved = approve(token, id);
        assertThat(reapproved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(ok(api.post(token, "/documents/" + id + "/void", Map.of())).path("status").asText()).isEqualTo("VOIDED");
    }

    @Test
    void onlyADraftThatNeverWentToCustomsCanBeDeletedAndCopiesKeepTheLines() {
        String token = declarant(HAIKOU_LOGISTICS);
        long id = create(token, "MATERIAL_FILING", null, Map.of()).path("id").asLong();
        addLines(token, id, List.of(Map.of("kind", "MATERIAL", "itemNo", "HK-CU-1", "hsCode", "7601100000", "quantity", 2)));
        JsonNode copy = ok(api.post(token, "/documents/" + id + "/copies", Map.of()));
        assertThat(copy.path("status").asText()).isEqualTo("DRAFT");
        assertThat(copy.path("lines").findValuesAsText("itemNo")).containsExactly("HK-CU-1");
        JsonNode lines = ok(api.post(token, "/documents/" + copy.path("id").asLong() + "/lines/copies",
                Map.of("lineIds", List.of(copy.path("lines").get(0).path("id").asLong()))));
        assertThat(lines).hasSize(2);
        ok(api.post(token, "/documents/" + copy.path("id").asLong() + "/lines/deletion",
                Map.of("lineIds", List.of(lines.get(1).path("id").asLong()))));
        assertThat(ok(api.get(token, "/documents/" + copy.path("id").asLong())).path("lines")).hasSize(1);

        assertThat(api.request("DELETE", declarant(YANGPU_TRADING), "/documents/" + id).status()).isEqualTo(403);
        ok(api.post(token, "/documents/" + id + "/declaration", Map.of()));
        LedgerApi.Response declared = api.request("DELETE", token, "/documents/" + id);
        assertThat(declared.code()).isEqualTo("DOCUMENT_NOT_EDITABLE");
        assertThat(api.request("DELETE", token, "/documents/" + copy.path("id").asLong()).status()).isEqualTo(204);
        assertThat(api.get(token, "/documents/" + copy.path("id").asLong()).status()).isEqualTo(404);
    }

    @Test
    void aReceiptNeverBooksTwice() {
        String token = declarant(YANGPU_TRADING);
        long wine = fileMaterial(token, "YP-WN-003", "2204210000", "小包装葡萄酒");
        long ledgerId = activeLogisticsLedger(token, wine);
        JsonNode entry = create(token, "LOGISTICS_ENTRY_GENERAL", ledgerId, Map.of());
        long id = entry.path("id").asLong();
        addLines(token, id, List.of(Map.of("kind", "GOODS", "linkRef", wine, "quantity", 240)));
        String no = ok(api.post(token, "/documents/" + id + "/declaration", Map.of())).path("documentNo").asText();

        String receiptId = LedgerApi.newReceiptId();
        ok(api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, no, "APPROVED", null, receiptId));
        assertThat(quantity(token, ledgerId, "YP-WN-003")).isEqualByComparingTo("240");

        // the same receipt resent in a new envelope
        LedgerApi.Response twice = api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, no, "APPROVED", null, receiptId);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("RECEIPT_ALREADY_APPLIED");
        // a second approval under another receipt id finds the document already approved
        LedgerApi.Response another = api.pushReceipt(CUSTOMS_SEALER, LedgerTestKeys.CUSTOMS, no, "APPROVED", null, LedgerApi.newReceiptId());
        assertThat(another.status()).isEqualTo(409);
        assertThat(another.code()).isEqualTo("RECEIPT_NOT_APPLICABLE");
        // the very same sealed envelope replayed
        byte[] envelope = api.sealReceipt(CUSTOMS_SEALER, no, "APPROVED", LedgerApi.newReceiptId());
        api.postBytes(null, "/customs/receipts", envelope, "application/json");
        LedgerApi.Response replay = api.postBytes(null, "/customs/receipts", envelope, "application/json");
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.code()).isEqualTo("REPLAYED");

        assertThat(quantity(token, ledgerId, "YP-WN-003")).isEqualByComparingTo("240");
        assertThat(ok(api.get(token, "/documents/" + id)).path("postings")).hasSize(1);
        // an approved document that moved stock is never voided
        assertThat(api.post(token, "/documents/" + id + "/void", Map.of()).code()).isEqualTo("ILLEGAL_TRANSITION");
    }

    @Test
    void receiptsNotSealedByGoldenCustomsChangeNothing() {
        String token = declarant(YANGPU_TRADING);
        JsonNode filing = create(token, "SCRAP_FILING", null, Map.of());
        long id = filing.path("id").asLong();
        addLines(token, id, List.of(Map.of("kind", "SCRAP", "itemNo", "YP-SC-001", "hsCode", "7606122000", "quantity", 1)));
        String no = ok(api.post(token, "/documents/" + id + "/declaration", Map.of())).path("documentNo").asText();

        LedgerApi.Response otherPartner = api.pushReceipt(LedgerTestKeys.partnerSealer(LedgerTestKeys.OTHER_PARTNER),
                LedgerTestKeys.OTHER_PARTNER, no, "APPROVED", null, LedgerApi.newReceiptId());
        assertThat(otherPartner.status()).isEqualTo(401);
        assertThat(otherPartner.code()).isEqualTo("UNKNOWN_SIGNER");

        byte[] envelope = api.sealReceipt(CUSTOMS_SEALER, no, "APPROVED", LedgerApi.newReceiptId());
        String text = new String(envelope, java.nio.charset.StandardCharsets.UTF_8);
        String tampered = text.replaceFirst("\"ciphertext\":\"(.)", "\"ciphertext\":\"" + (text.contains("\"ciphertext\":\"A") ? "B" : "A"));
        LedgerApi.Response refused = api.postBytes(null, "/customs/receipts",
                tampered.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("TAMPERED");
        assertThat(ok(api.get(token, "/documents/" + id)).path("status").asText()).isEqualTo("DECLARED");
    }

    @Test
    void whenCustomsIsUnreachableTheDocumentStaysADraft() {
        String token = declarant(HAIKOU_LOGISTICS);
        JsonNode filing = create(token, "FINISHED_PRODUCT_FILING", null, Map.of());
        long id = filing.path("id").asLong();
        addLines(token, id, List.of(Map.of("kind", "FINISHED_PRODUCT", "itemNo", "HK-FP-001", "hsCode", "8517620000", "quantity", 1)));
        CUSTOMS.down(true);
        LedgerApi.Response down = api.post(token, "/documents/" + id + "/declaration", Map.of());
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.code()).isEqualTo("CUSTOMS_UNAVAILABLE");
        assertThat(ok(api.get(token, "/documents/" + id)).path("status").asText()).isEqualTo("DRAFT");
        CUSTOMS.down(false);
        assertThat(ok(api.post(token, "/documents/" + id + "/declaration", Map.of())).path("status").asText()).isEqualTo("DECLARED");
    }

    @Test
    void anUnknownHsCodeOrALineKindTheTypeDoesNotHaveIsRefused() {
        String token = declarant(HAIKOU_LOGISTICS);
        long id = create(token, "MATERIAL_FILING", null, Map.of()).path("id").asLong();
        LedgerApi.Response hs = api.post(token, "/documents/" + id + "/lines",
                List.of(Map.of("kind", "MATERIAL", "itemNo", "HK-X", "hsCode", "1234567890", "quantity", 1)));
        assertThat(hs.status()).isEqualTo(400);
        assertThat(hs.code()).isEqualTo("HS_CODE_UNKNOWN");
        LedgerApi.Response kind = api.post(token, "/documents/" + id + "/lines",
                List.of(Map.of("kind", "GOODS", "itemNo", "HK-X", "hsCode", "8471300000", "quantity", 1)));
        assertThat(kind.code()).isEqualTo("LINE_KIND_NOT_ALLOWED");
        LedgerApi.Response noLines = api.post(token, "/documents/" + id + "/declaration", Map.of());
        assertThat(noLines.code()).isEqualTo("LOGIC_CHECK_FAILED");
    }
}
