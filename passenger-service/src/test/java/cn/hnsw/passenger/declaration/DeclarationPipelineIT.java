package cn.hnsw.passenger.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.hnsw.passenger.support.PassengerITBase;
import cn.hnsw.passenger.support.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FP 1–33: submit, modify, delete through validate → seal → send → receipt, with refusals that change nothing. */
class DeclarationPipelineIT extends PassengerITBase {

    @Test
    void submittedDeclarationIsSealedToCustomsAndTheReceiptMovesIt() {
        String token = traveler("wang.xiaoming");
        JsonNode created = submit(token, declaration(List.of(
                item("VALUABLES", "机械手表", "1", "只", "8800.00"),
                item("TOBACCO_ALCOHOL", "五粮液 500ml", "2", "瓶", "2398.00"))));
        assertThat(created.path("status").asText()).isEqualTo("QUEUED");
        assertThat(created.path("declarationNo").asText()).startsWith("BD");
        String id = created.path("id").asText();
        String conversation = created.path("conversationId").asText();

        JsonNode sent = awaitCustomsGot(conversation, 1);
        assertThat(sent.path("action").asText()).isEqualTo("SUBMIT");
        assertThat(sent.path("items")).hasSize(2);
        assertThat(sent.path("items").get(0).path("name").asText()).isEqualTo("机械手表");
        await().atMost(Duration.ofSeconds(10)).until(() -> detail(token, id).path("status").asText().equals("SENT"));

        HttpResponse<String> receipt = pushReceipt(sealedReceipt(conversation, 1, "SUBMIT", "ACCEPTED",
                Map.of("items", List.of(Map.of("index", 0, "releaseStatus", "准予放行")))));
        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(200);
        assertThat(json(receipt).path("outcome").asText()).isEqualTo("APPLIED");
        JsonNode after = detail(token, id);
        assertThat(after.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(after.path("items").get(0).path("releaseStatus").asText()).isEqualTo("准予放行");

        JsonNode timeline = json(call("GET", "/v1/declarations/" + id + "/timeline", token, null));
        assertThat(timeline.path("steps").findValuesAsText("kind"))
                .containsSubsequence("SUBMITTED", "SENT_TO_CUSTOMS", "RECEIPT_ACCEPTED");
        JsonNode pulled = json(call("GET", "/v1/declarations/" + id + "/receipts", token, null));
        assertThat(pulled).hasSize(1);
        assertThat(pulled.get(0).path("state").asText()).isEqualTo("APPLIED");

        // the logs: the operation log of the request, the partner message log of what went out and came in
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_operation_log WHERE action = "
                + "'POST /api/passenger/v1/declarations' AND result = 'SUCCESS'", Integer.class)).isPositive();
        JsonNode messages = json(call("GET", "/v1/declarations/" + id + "/messages", officer("log.reader",
                "customs-officer"), null));
        assertThat(messages.findValuesAsText("messageType")).contains("BAGGAGE_DECLARATION", "DECLARATION_RECEIPT");
        assertThat(call("GET", "/v1/declarations/" + id + "/messages", token, null).statusCode()).isEqualTo(403);
    }

    @Test
    void invalidArticlesAreRefusedWithEveryReasonAndNothingIsStored() {
        String token = traveler("li.na");
        int before = count("baggage_declaration");
        HttpResponse<String> r = call("POST", "/v1/declarations", token, declaration(List.of(
                item("VALUABLES", "象牙手镯", "1", "只", "3000.00"),
                item("TOBACCO_ALCOHOL", "香烟", "30", "条", "-1"))));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json(r);
        assertThat(problem.path("code").asText()).isEqualTo("DECLARATION_INVALID");
        assertThat(problem.path("messageZh").asText()).isNotBlank();
        assertThat(problem.path("messageEn").asText()).isNotBlank();
        assertThat(problem.path("errors").findValuesAsText("constraint")).contains("prohibited", "positive");
        assertThat(problem.path("errors").findValuesAsText("field")).contains("items[0].name", "items[1].value");

        HttpResponse<String> overLimit = call("POST", "/v1/declarations", token, declaration(List.of(
                item("TOBACCO_ALCOHOL", "白酒", "11", "瓶", "1100.00"))));
        assertThat(overLimit.statusCode()).isEqualTo(400);
        assertThat(json(overLimit).path("errors").findValuesAsText("constraint")).contains("quantityLimit");
        assertThat(count("baggage_declaration")).isEqualTo(before);
    }

    @Test
    void anOfficersValidationRuleAppliesToTheNextSubmissionAndTravelersCannotChangeIt() {
        String officer = officer("chen.guan", "customs-officer");
        JsonNode current = json(call("GET", "/v1/validation-settings", officer, null));
        Map<String, Object> stricter = new java.util.LinkedHashMap<>(JSON.convertValue(current, Map.class));
        stricter.put("prohibitedItems", List.of("象牙", "榴莲干"));
        assertThat(call("PUT", "/v1/validation-settings", traveler("zhao.lei"), stricter).statusCode()).isEqualTo(403);
        HttpResponse<String> saved = call("PUT", "/v1/validation-settings", officer, stricter);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        try {
            HttpResponse<String> refused = call("POST", "/v1/declarations", traveler("zhao.lei"),
                    declaration(List.of(item("FOOD", "榴莲干礼盒", "2", "盒", "260.00"))));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("榴莲干");
            Map<String, Object> bad = new java.util.LinkedHashMap<>(stricter);
            bad.put("maxItems", 0);
            HttpResponse<String> invalid = call("PUT", "/v1/validation-settings", officer, bad);
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(json(invalid).path("code").asText()).isEqualTo("SETTINGS_INVALID");
        } finally {
            call("PUT", "/v1/validation-settings", officer, JSON.convertValue(current, Map.class));
        }
    }

    @Test
    void anOfficerDecidesWhetherADeletionNeedsAReasonAndTheNextDeletionFollows() {
        String officer = officer("chen.guan", "customs-officer");
        String token = traveler("feng.xue");
        JsonNode current = json(call("GET", "/v1/validation-settings", officer, null));
        Map<String, Object> withReason = new java.util.LinkedHashMap<>(JSON.convertValue(current, Map.class));
        java.util.Set<String> required = new java.util.LinkedHashSet<>(JSON.convertValue(current.path("requiredFields"),
                List.class));
        required.add("deletionReason");
        withReason.put("requiredFields", List.copyOf(required));
        try {
            assertThat(call("PUT", "/v1/validation-settings", officer, withReason).statusCode()).isEqualTo(200);
            String id = submit(token, declaration(List.of(item("FOOD", "椰子粉", "2", "袋", "60.00")))).path("id").asText();
            HttpResponse<String> refused = call("POST", "/v1/declarations/" + id + "/deletion", token, Map.of("reason", " "));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(json(refused).path("errors").findValuesAsText("field")).containsExactly("reason");
            assertThat(detail(token, id).path("pendingAction").asText()).isNotEqualTo("DELETE");

            required.remove("deletionReason");
            withReason.put("requiredFields", List.copyOf(required));
            assertThat(call("PUT", "/v1/validation-settings", officer, withReason).statusCode()).isEqualTo(200);
            HttpResponse<String> accepted = call("POST", "/v1/declarations/" + id + "/deletion", token, Map.of("reason", ""));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            assertThat(call("POST", "/v1/declarations/" + submit(token, declaration(List.of(item("FOOD", "咖啡豆", "1",
                    "袋", "88.00")))).path("id").asText() + "/deletion", token, Map.of("reason", "x".repeat(201)))
                    .statusCode()).as("the length limit stays whatever the settings").isEqualTo(400);
        } finally {
            call("PUT", "/v1/validation-settings", officer, JSON.convertValue(current, Map.class));
        }
    }

    @Test
    void anotherTravelersDeclarationIsNotFoundAndStaysUnchanged() {
        String owner = traveler("sun.li");
        JsonNode created = submit(owner, declaration(List.of(item("FOOD", "椰子糖", "3", "袋", "90.00"))));
        String id = created.path("id").asText();
        String other = traveler("mallory");
        assertThat(call("GET", "/v1/declarations/" + id, other, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/v1/declarations/" + id + "/timeline", other, null).statusCode()).isEqualTo(404);
        HttpResponse<String> modify = call("PUT", "/v1/declarations/" + id, other,
                declaration(List.of(item("FOOD", "椰子糖", "1", "袋", "30.00"))));
        assertThat(modify.statusCode()).isEqualTo(404);
        assertThat(modify.body()).doesNotContain("椰子糖");
        assertThat(call("POST", "/v1/declarations/" + id + "/deletion", other, Map.of("reason", "x")).statusCode())
                .isEqualTo(404);
        JsonNode list = json(call("GET", "/v1/declarations", other, null));
        assertThat(list.path("content").findValuesAsText("id")).doesNotContain(id);
        String enterprise = TOKENS.user("ent", "enterprise-declarant").enterprise("91460000MA5T000001").mint();
        assertThat(call("GET", "/v1/declarations/" + id, enterprise, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/v1/declarations/" + id, officer("zhou", "customs-officer"), null).statusCode())
                .isEqualTo(200);
        JsonNode unchanged = detail(owner, id);
        assertThat(unchanged.path("revision").asInt()).isEqualTo(1);
        assertThat(unchanged.path("items").get(0).path("quantity").asText()).isEqualTo("3");
    }

    @Test
    void modificationAndDeletionTakeThePipelineAndAStaleReceiptGoesToTheFailedList() {
        String token = traveler("huang.mei");
        JsonNode created = submit(token, declaration(List.of(item("MEDICINE", "云南白药", "2", "盒", "120.00"))));
        String id = created.path("id").asText();
        String conversation = created.path("conversationId").asText();
        awaitCustomsGot(conversation, 1);

        HttpResponse<String> modified = call("PUT", "/v1/declarations/" + id, token,
                declaration(List.of(item("MEDICINE", "云南白药", "4", "盒", "240.00"))));
        assertThat(modified.statusCode()).as(modified.body()).isEqualTo(200);
        assertThat(json(modified).path("revision").asInt()).isEqualTo(2);
        JsonNode sent = awaitCustomsGot(conversation, 2);
        assertThat(sent.path("action").asText()).isEqualTo("MODIFY");
        assertThat(sent.path("items").get(0).path("quantity").asText()).isEqualTo("4");

        HttpResponse<String> stale = pushReceipt(sealedReceipt(conversation, 1, "SUBMIT", "ACCEPTED", Map.of()));
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(json(stale).path("outcome").asText()).isEqualTo("FAILED");
        assertThat(json(stale).path("failureCode").asText()).isEqualTo("RECEIPT_STALE");
        String operator = officer("ops", "sw-operator");
        JsonNode failed = json(call("GET", "/v1/customs/receipts/failed", operator, null));
        assertThat(failed.findValuesAsText("id")).contains(json(stale).path("receiptId").asText());
        assertThat(call("GET", "/v1/customs/receipts/failed", token, null).statusCode()).isEqualTo(403);
        HttpResponse<String> retried = call("POST", "/v1/customs/receipts/" + json(stale).path("receiptId").asText()
                + "/retry", operator, null);
        assertThat(json(retried).path("outcome").asText()).isEqualTo("FAILED");
        assertThat(detail(token, id).path("revision").asInt()).isEqualTo(2);

        assertThat(call("POST", "/v1/declarations/" + id + "/deletion", token, Map.of("reason", "行程取消"))
                .statusCode()).isEqualTo(200);
        JsonNode deletion = awaitCustomsGot(conversation, 3);
        assertThat(deletion.path("action").asText()).isEqualTo("DELETE");
        assertThat(deletion.path("deletionReason").asText()).isEqualTo("行程取消");
        pushReceipt(sealedReceipt(conversation, 3, "DELETE", "ACCEPTED", Map.of()));
        assertThat(detail(token, id).path("status").asText()).isEqualTo("DELETED");
        assertThat(call("PUT", "/v1/declarations/" + id, token,
                declaration(List.of(item("MEDICINE", "云南白药", "1", "盒", "60.00")))).statusCode()).isEqualTo(409);
    }

    @Test
    void aReleasedDeclarationCannotBeModifiedOrDeleted() {
        String token = traveler("lin.feng");
        JsonNode created = submit(token, declaration(List.of(item("OTHER_SPECIAL", "黄花梨摆件", "1", "件", "5000.00"))));
        String id = created.path("id").asText();
        String conversation = created.path("conversationId").asText();
        awaitCustomsGot(conversation, 1);
        pushReceipt(sealedReceipt(conversation, 1, "SUBMIT", "RELEASED", Map.of()));
        assertThat(detail(token, id).path("status").asText()).isEqualTo("RELEASED");
        HttpResponse<String> modify = call("PUT", "/v1/declarations/" + id, token,
                declaration(List.of(item("OTHER_SPECIAL", "黄花梨摆件", "2", "件", "10000.00"))));
        assertThat(modify.statusCode()).isEqualTo(409);
        assertThat(json(modify).path("code").asText()).isEqualTo("DECLARATION_NOT_EDITABLE");
        assertThat(call("POST", "/v1/declarations/" + id + "/deletion", token, Map.of("reason", "r")).statusCode())
                .isEqualTo(409);
        JsonNode after = detail(token, id);
        assertThat(after.path("revision").asInt()).isEqualTo(1);
        assertThat(after.path("items").get(0).path("quantity").asText()).isEqualTo("1");
    }

    @Test
    void forgedTamperedReplayedAndMisaddressedReceiptsAreRefusedAndAnErrorReplyGoesBack() throws Exception {
        String token = traveler("qian.yu");
        JsonNode created = submit(token, declaration(List.of(item("FOOD", "咖啡豆", "2", "袋", "200.00"))));
        String id = created.path("id").asText();
        String conversation = created.path("conversationId").asText();
        awaitCustomsGot(conversation, 1);
        int receipts = count("customs_receipt");
        int errorReplies = PARTNERS.received(TestKeys.CUSTOMS, "ERROR_REPLY").size();

        Map<String, Object> release = Map.of("messageType", "DECLARATION_RECEIPT", "receiptNo", "RFORGED1",
                "conversationId", conversation, "revision", 1, "action", "SUBMIT", "decision", "RELEASED");
        byte[] forged = TestKeys.forgerSealer(TestKeys.CUSTOMS).seal(JSON.writeValueAsBytes(release),
                TestKeys.CUSTOMS, TestKeys.PLATFORM).toJson();
        HttpResponse<String> r1 = pushReceipt(forged);
        assertThat(r1.statusCode()).isEqualTo(401);
        assertThat(json(r1).path("code").asText()).isEqualTo("TAMPERED");

        byte[] genuine = sealedReceipt(conversation, 1, "SUBMIT", "RELEASED", Map.of());
        JsonNode envelope = JSON.readTree(genuine);
        String ciphertext = envelope.path("ciphertext").asText();
        char flipped = ciphertext.charAt(10) == 'A' ? 'B' : 'A';
        byte[] tampered = JSON.writeValueAsBytes(((com.fasterxml.jackson.databind.node.ObjectNode) envelope.deepCopy())
                .put("ciphertext", ciphertext.substring(0, 10) + flipped + ciphertext.substring(11)));
        assertThat(pushReceipt(tampered).statusCode()).isEqualTo(401);

        byte[] fromAlipay = TestKeys.partnerSealer("wallet-alipay").seal(JSON.writeValueAsBytes(release),
                "wallet-alipay", TestKeys.PLATFORM).toJson();
        HttpResponse<String> wrongSender = pushReceipt(fromAlipay);
        assertThat(wrongSender.statusCode()).isEqualTo(401);
        assertThat(json(wrongSender).path("code").asText()).isEqualTo("UNKNOWN_SIGNER");

        assertThat(call("POST", "/v1/customs/receipts", token, genuine).statusCode()).isEqualTo(403);
        assertThat(detail(token, id).path("status").asText()).isNotEqualTo("RELEASED");
        assertThat(count("customs_receipt")).isEqualTo(receipts);

        assertThat(pushReceipt(genuine).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = pushReceipt(genuine);
        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(json(replay).path("code").asText()).isEqualTo("REPLAYED");
        assertThat(count("customs_receipt")).isEqualTo(receipts + 1);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                PARTNERS.received(TestKeys.CUSTOMS, "ERROR_REPLY").size() >= errorReplies + 4);
        JsonNode refusals = json(call("GET", "/v1/partner-messages/failures", officer("ops3", "sw-operator"), null));
        assertThat(refusals.findValuesAsText("errorCode")).contains("TAMPERED", "UNKNOWN_SIGNER", "REPLAYED");
        assertThat(PARTNERS.received(TestKeys.CUSTOMS, "ERROR_REPLY").stream()
                .map(rcv -> rcv.body().path("code").asText()).toList()).contains("TAMPERED", "UNKNOWN_SIGNER",
                "REPLAYED");
    }

    @Test
    void whileCustomsIsSwitchedOffDeclarationsQueueAndDrainLater() {
        String token = traveler("he.jing");
        PARTNERS.switchOff(TestKeys.CUSTOMS, true);
        try {
            JsonNode created = submit(token, declaration(List.of(item("FOOD", "鸡仔饼", "5", "盒", "150.00"))));
            String id = created.path("id").asText();
            String operator = officer("ops2", "sw-operator");
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    detail(operator, id).path("dispatchAttempts").asInt() >= 1);
            JsonNode queued = detail(operator, id);
            assertThat(queued.path("status").asText()).isEqualTo("QUEUED");
            assertThat(queued.path("dispatchError").asText()).contains("unavailable");
            PARTNERS.switchOff(TestKeys.CUSTOMS, false);
            await().atMost(Duration.ofSeconds(20)).until(() -> detail(token, id).path("status").asText().equals("SENT"));
        } finally {
            PARTNERS.switchOff(TestKeys.CUSTOMS, false);
        }
    }

    @Test
    void anUncorrelatedReceiptIsKeptAsFailedAndTheDataPreviewStoresNothing() {
        HttpResponse<String> r = pushReceipt(sealedReceipt(java.util.UUID.randomUUID().toString(), 1, "SUBMIT",
                "ACCEPTED", Map.of()));
        assertThat(json(r).path("outcome").asText()).isEqualTo("FAILED");
        assertThat(json(r).path("failureCode").asText()).isEqualTo("RECEIPT_UNCORRELATED");

        int before = count("baggage_declaration");
        JsonNode preview = json(call("POST", "/v1/declarations/preview", traveler("preview.user"),
                declaration(List.of(item("VALUABLES", "象牙", "1", "件", "10.00")))));
        assertThat(preview.path("valid").asBoolean()).isFalse();
        assertThat(preview.path("violations").findValuesAsText("constraint")).contains("prohibited");
        assertThat(count("baggage_declaration")).isEqualTo(before);
    }

    @Test
    void officersChooseWhichDetailFieldsAreShown() {
        String officer = officer("display.editor", "customs-officer");
        JsonNode before = json(call("GET", "/v1/display-settings", officer, null));
        assertThat(before.path("fields").toString()).contains("declarationNo");
        assertThat(call("PUT", "/v1/display-settings", traveler("display.traveler"),
                Map.of("fields", List.of("status"))).statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = call("PUT", "/v1/display-settings", officer, Map.of("fields", List.of("secret")));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).path("code").asText()).isEqualTo("SETTINGS_INVALID");
        try {
            assertThat(call("PUT", "/v1/display-settings", officer, Map.of("fields", List.of("declarationNo", "status")))
                    .statusCode()).isEqualTo(200);
            assertThat(json(call("GET", "/v1/display-settings", traveler("display.traveler"), null)).path("fields"))
                    .hasSize(2);
        } finally {
            call("PUT", "/v1/display-settings", officer, JSON.convertValue(before, Map.class));
        }
    }
}
