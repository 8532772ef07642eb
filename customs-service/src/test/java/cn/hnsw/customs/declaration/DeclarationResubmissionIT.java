package cn.hnsw.customs.declaration;

import cn.hnsw.customs.CustomsIntegrationTestBase;
import cn.hnsw.customs.validation.UnifiedSocialCreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static cn.hnsw.customs.declaration.DeclarationFixtures.header;
import static cn.hnsw.customs.declaration.DeclarationFixtures.item;
import static cn.hnsw.customs.declaration.DeclarationFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 报关单重新提交 (FP 936 first line, FP 1221 second line): a general declaration customs returned, or the Single Window
 * rejected, is corrected and declared again under its own pre-entry number, pre-validated and sealed afresh, its
 * earlier receipts kept; any other state, another enterprise and an officer are refused.
 */
class DeclarationResubmissionIT extends CustomsIntegrationTestBase {

    private static String enterpriseOf(String type) {
        return UnifiedSocialCreditCode.complete(type.startsWith("FIRST") ? "91460108MA5T01RKB" : "91460108MA5T02RKB");
    }

    private static Map<String, Object> headerFor(String type, String enterprise) {
        Map<String, Object> h = header(enterprise);
        if (type.startsWith("SECOND")) {
            h.put("verificationListNo", "QD640026E000000789");
            h.put("ledgerNo", "L6400D26000009");
        }
        return h;
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIRST_LINE_GENERAL", "SECOND_LINE_GENERAL"})
    void aReturnedOrRejectedDeclarationIsCorrectedAndResubmittedUnderItsOwnNumber(String type) {
        String enterprise = enterpriseOf(type);
        String token = enterpriseToken(enterprise);
        Map<String, Object> h = headerFor(type, enterprise);
        String id = create(token, request(type, h, List.of(item("3907610000", "聚酯切片"))));
        String preEntryNo = json(get("/v1/declarations/" + id, token).body()).path("preEntryNo").asText();

        // A draft is declared, not resubmitted.
        HttpResponse<String> draft = post("/v1/declarations/" + id + "/resubmission", token, "");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(409);
        assertThat(json(draft.body()).path("code").asText()).isEqualTo("NOT_RESUBMITTABLE");
        assertThat(json(draft.body()).path("messageZh").asText()).contains("暂存");

        // Declared, received, then returned by customs through the Single Window's sealed business receipt.
        HttpResponse<String> submitted = post("/v1/declarations/" + id + "/submission", token, "");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        await("the technical receipt", () -> "SW_ACCEPTED".equals(status(id)));
        String firstConversation = conversation(id);
        assertThat(postBytes("/v1/receipts", PARTNER.businessReceipt("H2018-RS-" + id, firstConversation, "RETURNED",
                null)).statusCode()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("RETURNED");

        // Another enterprise does not see it; an officer does not declare.
        assertThat(post("/v1/declarations/" + id + "/resubmission", enterpriseToken(ENTERPRISE_A), "").statusCode())
                .isEqualTo(404);
        assertThat(post("/v1/declarations/" + id + "/resubmission", officerToken(), "").statusCode()).isEqualTo(403);

        // A correction that fails pre-validation changes nothing.
        Map<String, Object> bad = headerFor(type, enterprise);
        bad.put("tradingCountry", "XXX");
        HttpResponse<String> refused = post("/v1/declarations/" + id + "/resubmission", token,
                request(type, bad, List.of(item("3907610000", "聚酯切片"))));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json(refused.body()).path("code").asText()).isEqualTo("PREVALIDATION_FAILED");
        assertThat(status(id)).isEqualTo("RETURNED");
        assertThat(json(get("/v1/declarations/" + id, token).body()).path("header").path("tradingCountry").asText())
                .isEqualTo("SGP");
        int sentBefore = sent(id).size();

        // The corrected declaration goes again, same pre-entry number, sealed in a new conversation.
        Map<String, Object> corrected = headerFor(type, enterprise);
        corrected.put("grossWeight", "5600.5");
        HttpResponse<String> resubmitted = post("/v1/declarations/" + id + "/resubmission", token,
                request(type, corrected, List.of(item("3907610000", "聚酯切片"))));
        assertThat(resubmitted.statusCode()).as(resubmitted.body()).isEqualTo(200);
        JsonNode result = json(resubmitted.body());
        assertThat(result.path("submitted").asBoolean()).isTrue();
        assertThat(result.path("preEntryNo").asText()).isEqualTo(preEntryNo);
        assertThat(result.path("messageZh").asText()).contains("重新申报");
        await("the technical receipt of the resubmission", () -> "SW_ACCEPTED".equals(status(id)));
        assertThat(conversation(id)).isNotEqualTo(firstConversation);
        List<JsonNode> sent = sent(id);
        assertThat(sent).hasSize(sentBefore + 1);
        assertThat(sent.getLast().path("declaration").path("preEntryNo").asText()).isEqualTo(preEntryNo);
        assertThat(sent.getLast().path("declaration").path("header").path("grossWeight").decimalValue())
                .isEqualByComparingTo("5600.5");

        // Customs releases it; the history keeps both rounds' receipts; a released declaration is not resubmitted.
        assertThat(postBytes("/v1/receipts", PARTNER.businessReceipt("H2018-RS2-" + id, conversation(id), "RELEASED",
                "640020261000" + (type.startsWith("FIRST") ? "091001" : "092001"))).statusCode()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("RELEASED");
        JsonNode receipts = json(get("/v1/declarations/" + id + "/receipts", token).body());
        // The sub-centre's reception of the released declaration may already be there too; it is not a round's receipt.
        assertThat(receipts.findValuesAsText("kind").stream().filter(k -> !k.equals("RECEPTION")))
                .containsExactlyInAnyOrder("TECHNICAL", "BUSINESS", "TECHNICAL", "BUSINESS");
        assertThat(receipts.findValuesAsText("status")).contains("RETURNED", "RELEASED");
        assertThat(receipts.findValuesAsText("conversationId")).containsOnly(firstConversation, conversation(id));
        HttpResponse<String> released = post("/v1/declarations/" + id + "/resubmission", token, "");
        assertThat(released.statusCode()).isEqualTo(409);
        assertThat(json(released.body()).path("code").asText()).isEqualTo("NOT_RESUBMITTABLE");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_operation_log WHERE action = 'DECLARATION_RESUBMITTED'"
                + " AND business_id = ? AND detail LIKE '%previousStatus=RETURNED%'", Long.class, id)).isEqualTo(1L);

        // The Single Window rejects another one technically; resubmitted unchanged, it is received.
        String rejected = create(token, request(type, headerFor(type, enterprise), List.of(item("3907610000", "聚酯切片"))));
        PARTNER.rejectNext.add(rejected);
        assertThat(post("/v1/declarations/" + rejected + "/submission", token, "").statusCode()).isEqualTo(200);
        await("the technical rejection", () -> "SW_REJECTED".equals(status(rejected)));
        HttpResponse<String> again = post("/v1/declarations/" + rejected + "/resubmission", token, "");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        await("the technical receipt after the rejection", () -> "SW_ACCEPTED".equals(status(rejected)));
        assertThat(json(get("/v1/declarations/" + rejected + "/receipts", token).body()).findValuesAsText("status"))
                .containsExactlyInAnyOrder("REJECTED", "RECEIVED");
    }

    private String create(String token, Map<String, Object> request) {
        HttpResponse<String> created = post("/v1/declarations", token, request);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created.body()).path("declaration").path("id").asText();
    }

    private List<JsonNode> sent(String id) {
        return PARTNER.declarations.stream().filter(m -> m.path("declaration").path("id").asText().equals(id)).toList();
    }

    private String status(String id) {
        return jdbc.queryForObject("SELECT status FROM customs_declaration WHERE id = ?::uuid", String.class, id);
    }

    private String conversation(String id) {
        return jdbc.queryForObject("SELECT conversation_id::text FROM customs_declaration WHERE id = ?::uuid", String.class, id);
    }
}
