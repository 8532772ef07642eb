package cn.hnsw.simulators.sealed;

import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.crypto.RefusalCode;
import cn.hnsw.common.crypto.SealedMessage;
import cn.hnsw.simulators.SimulatorsWithKeysTestBase;
import cn.hnsw.simulators.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform talks to simulated partners through sealed envelopes: round trips in both forms, every refusal with
 * its code, and the faults (outage, failure rate, latency) as the platform sees them.
 */
class PartnerMessagesIT extends SimulatorsWithKeysTestBase {

    static final String JSON_TYPE = "application/json";
    static final String XML_TYPE = "application/xml";
    static final byte[] DECLARATION = "{\"preEntryNo\":\"460120260000000001\",\"port\":\"XINHAI_PORT\"}"
            .getBytes(StandardCharsets.UTF_8);

    final MessageSealer platform = TestKeys.platformSealer();

    SealedMessage toCustoms() {
        return platform.seal(DECLARATION, TestKeys.PLATFORM, TestKeys.CUSTOMS);
    }

    HttpResponse<byte[]> send(String partnerId, String contentType, byte[] envelope) {
        return post("/v1/partners/" + partnerId + "/messages", serviceToken(), contentType, envelope);
    }

    static JsonNode problem(HttpResponse<byte[]> response) {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("Exception", "\tat ", "cn.hnsw.");
        return json(body);
    }

    static void assertRefused(HttpResponse<byte[]> response, int status, RefusalCode code) {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode problem = problem(response);
        assertThat(problem.path("code").asText()).isEqualTo(code.name());
        assertThat(problem.path("messageZh").asText()).isEqualTo(code.messageZh());
        assertThat(problem.path("messageEn").asText()).isEqualTo(code.messageEn());
    }

    @Test
    void aJsonEnvelopeIsAnsweredWithASealedTechnicalReceiptThePlatformOpens() {
        SealedMessage sent = toCustoms();
        HttpResponse<byte[]> response = send(TestKeys.CUSTOMS, JSON_TYPE, sent.toJson());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(JSON_TYPE);
        assertThat(response.headers().firstValue(PartnerMessageController.SIMULATOR_HEADER)).contains(TestKeys.CUSTOMS);
        assertThat(response.headers().firstValue(PartnerMessageController.IN_REPLY_TO_HEADER)).contains(sent.messageId());

        OpenedMessage reply = platform.open(SealedMessage.fromJson(response.body()));
        assertThat(reply.senderKeyId()).isEqualTo(TestKeys.CUSTOMS);
        assertThat(reply.recipientKeyId()).isEqualTo(TestKeys.PLATFORM);
        TechnicalReceipt receipt = TechnicalReceipt.decode(reply.payload(), EnvelopeForm.JSON);
        assertThat(receipt.receiptKind()).isEqualTo(ReceiptKind.TECHNICAL);
        assertThat(receipt.status()).isEqualTo(ReceiptStatus.RECEIVED);
        assertThat(receipt.messageId()).isEqualTo(sent.messageId());
        assertThat(receipt.senderKeyId()).isEqualTo(TestKeys.PLATFORM);
        assertThat(receipt.receivedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(receipt.partnerId()).isEqualTo(TestKeys.CUSTOMS);
        assertThat(receipt.partnerNameZh()).contains("模拟器");
        assertThat(receipt.simulator()).isTrue();
    }

    @Test
    void anXmlEnvelopeIsAnsweredInXml() {
        SealedMessage sent = platform.seal("<PaymentOrder><amount>88.00</amount></PaymentOrder>"
                .getBytes(StandardCharsets.UTF_8), TestKeys.PLATFORM, TestKeys.BANK);
        HttpResponse<byte[]> response = send(TestKeys.BANK, "text/xml; charset=UTF-8", sent.toXml());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(XML_TYPE);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("<SealedMessage><version>1</version>");
        OpenedMessage reply = platform.open(SealedMessage.fromXml(response.body()));
        assertThat(reply.senderKeyId()).isEqualTo(TestKeys.BANK);
        assertThat(new String(reply.payload(), StandardCharsets.UTF_8)).startsWith("<TechnicalReceipt>");
        assertThat(TechnicalReceipt.decode(reply.payload(), EnvelopeForm.XML).messageId()).isEqualTo(sent.messageId());
    }

    @Test
    void aTamperedEnvelopeIsRefused() {
        SealedMessage sent = toCustoms();
        byte[] ciphertext = sent.ciphertext();
        ciphertext[0] ^= 0x01;
        SealedMessage tampered = new SealedMessage(sent.version(), sent.messageId(), sent.senderKeyId(),
                sent.recipientKeyId(), sent.timestamp(), sent.nonce(), sent.wrappedKey(), sent.iv(), ciphertext,
                sent.signature());
        assertRefused(send(TestKeys.CUSTOMS, JSON_TYPE, tampered.toJson()), 401, RefusalCode.TAMPERED);
        assertThat(send(TestKeys.CUSTOMS, JSON_TYPE, sent.toJson()).statusCode())
                .as("the refused copy did not use up the message id").isEqualTo(200);
    }

    @Test
    void aReplayIsRefused() {
        byte[] envelope = toCustoms().toXml();
        assertThat(send(TestKeys.CUSTOMS, XML_TYPE, envelope).statusCode()).isEqualTo(200);
        assertRefused(send(TestKeys.CUSTOMS, XML_TYPE, envelope), 409, RefusalCode.REPLAYED);
    }

    @Test
    void anEnvelopeForAnotherPartnerIsRefused() {
        SealedMessage toBank = platform.seal(DECLARATION, TestKeys.PLATFORM, TestKeys.BANK);
        assertRefused(send(TestKeys.CUSTOMS, JSON_TYPE, toBank.toJson()), 400, RefusalCode.WRONG_RECIPIENT);
    }

    @Test
    void anEnvelopeSignedByAnyoneButThePlatformIsRefused() {
        SealedMessage fromBank = TestKeys.partnerSealer(TestKeys.BANK).seal(DECLARATION, TestKeys.BANK, TestKeys.CUSTOMS);
        assertRefused(send(TestKeys.CUSTOMS, JSON_TYPE, fromBank.toJson()), 401, RefusalCode.UNKNOWN_SIGNER);
    }

    @Test
    void aMalformedOrMislabelledEnvelopeIsRefused() {
        assertRefused(send(TestKeys.CUSTOMS, JSON_TYPE, "{\"version\":1}".getBytes(StandardCharsets.UTF_8)), 400,
                RefusalCode.MALFORMED);
        assertRefused(send(TestKeys.CUSTOMS, XML_TYPE, toCustoms().toJson()), 400, RefusalCode.MALFORMED);
        assertThat(send(TestKeys.CUSTOMS, "text/plain", toCustoms().toJson()).statusCode()).isEqualTo(415);
    }

    @Test
    void onlyMachineClientsMayPost() {
        String path = "/v1/partners/" + TestKeys.CUSTOMS + "/messages";
        assertThat(post(path, null, JSON_TYPE, toCustoms().toJson()).statusCode()).isEqualTo(401);
        for (String person : new String[]{"traveler", "customs-officer", "sw-operator"}) {
            HttpResponse<byte[]> denied = post(path, token(person), JSON_TYPE, toCustoms().toJson());
            assertThat(denied.statusCode()).as(person).isEqualTo(403);
            assertThat(problem(denied).path("code").asText()).isEqualTo("ACCESS_DENIED");
        }
        assertThat(post(path, token("partner-gate"), JSON_TYPE, toCustoms().toJson()).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPartnersAndPartnersWithoutKeysAreSaidSo() {
        HttpResponse<byte[]> unknown = send("customs-nowhere", JSON_TYPE, toCustoms().toJson());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(problem(unknown).path("code").asText()).isEqualTo("PARTNER_NOT_FOUND");

        HttpResponse<byte[]> noKey = send(TestKeys.WITHOUT_KEY, JSON_TYPE,
                platform.seal(DECLARATION, TestKeys.PLATFORM, TestKeys.CUSTOMS).toJson());
        assertThat(noKey.statusCode()).isEqualTo(503);
        assertThat(problem(noKey).path("code").asText()).isEqualTo("PARTNER_KEYS_MISSING");
    }

    @Test
    void aPartnerSwitchedOffAnswers503UntilSwitchedBackAndTheSameEnvelopeThenGoesThrough() {
        setFaults(TestKeys.CUSTOMS, "{\"availability\":\"OFFLINE\"}");
        byte[] envelope = toCustoms().toJson();
        HttpResponse<byte[]> down = send(TestKeys.CUSTOMS, JSON_TYPE, envelope);
        assertThat(down.statusCode()).isEqualTo(503);
        JsonNode problem = problem(down);
        assertThat(problem.path("code").asText()).isEqualTo("PARTNER_UNAVAILABLE");
        assertThat(problem.path("messageZh").asText()).contains("H2018 通关管理系统模拟器");
        assertThat(problem.path("messageEn").asText()).contains("H2018 clearance management system simulator");
        assertThat(down.headers().firstValue("Retry-After")).as("no end announced").isEmpty();

        setFaults(TestKeys.CUSTOMS, "{\"availability\":\"ONLINE\"}");
        assertThat(send(TestKeys.CUSTOMS, JSON_TYPE, envelope).statusCode())
                .as("an outage does not consume the message").isEqualTo(200);
    }

    @Test
    void anOutageWithAnEndAndAScheduledWindowSayWhenToComeBack() {
        setFaults(TestKeys.BANK, "{\"availability\":\"OFFLINE\",\"offlineUntil\":\"" + Instant.now().plusSeconds(120) + "\"}");
        HttpResponse<byte[]> off = send(TestKeys.BANK, JSON_TYPE,
                platform.seal(DECLARATION, TestKeys.PLATFORM, TestKeys.BANK).toJson());
        assertThat(off.statusCode()).isEqualTo(503);
        assertThat(Long.parseLong(off.headers().firstValue("Retry-After").orElseThrow())).isBetween(100L, 120L);

        setFaults(TestKeys.BANK, "{\"outageWindows\":[{\"start\":\"" + Instant.now().minusSeconds(5) + "\",\"end\":\""
                + Instant.now().plusSeconds(60) + "\"}]}");
        HttpResponse<byte[]> window = send(TestKeys.BANK, JSON_TYPE,
                platform.seal(DECLARATION, TestKeys.PLATFORM, TestKeys.BANK).toJson());
        assertThat(window.statusCode()).isEqualTo(503);
        assertThat(problem(window).path("code").asText()).isEqualTo("PARTNER_UNAVAILABLE");

        setFaults(TestKeys.BANK, "{\"outageWindows\":[{\"start\":\"" + Instant.now().plusSeconds(3600) + "\",\"end\":\""
                + Instant.now().plusSeconds(7200) + "\"}]}");
        assertThat(send(TestKeys.BANK, JSON_TYPE, platform.seal(DECLARATION, TestKeys.PLATFORM, TestKeys.BANK).toJson())
                .statusCode()).as("a window in the future does not stop it now").isEqualTo(200);
    }

    @Test
    void aFailureRateOfOneAlwaysFailsAndZeroNeverDoes() {
        setFaults(TestKeys.CUSTOMS, "{\"failureRate\":1.0}");
        for (int i = 0; i < 5; i++) {
            HttpResponse<byte[]> failed = send(TestKeys.CUSTOMS, JSON_TYPE, toCustoms().toJson());
            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(problem(failed).path("code").asText()).isEqualTo("PARTNER_UNAVAILABLE");
        }
        setFaults(TestKeys.CUSTOMS, "{\"failureRate\":0}");
        for (int i = 0; i < 5; i++) {
            assertThat(send(TestKeys.CUSTOMS, JSON_TYPE, toCustoms().toJson()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void inSealedErrorModeAFailureIsASealedRejection() {
        setFaults(TestKeys.CUSTOMS, "{\"failureRate\":1.0,\"failureMode\":\"SEALED_ERROR\"}");
        SealedMessage sent = toCustoms();
        HttpResponse<byte[]> response = send(TestKeys.CUSTOMS, JSON_TYPE, sent.toJson());
        assertThat(response.statusCode()).isEqualTo(200);
        TechnicalReceipt receipt = TechnicalReceipt.decode(
                platform.open(SealedMessage.fromJson(response.body())).payload(), EnvelopeForm.JSON);
        assertThat(receipt.status()).isEqualTo(ReceiptStatus.REJECTED);
        assertThat(receipt.code()).isEqualTo(TechnicalReceipt.SIMULATED_FAILURE);
        assertThat(receipt.messageId()).isEqualTo(sent.messageId());
        assertRefused(send(TestKeys.CUSTOMS, JSON_TYPE, sent.toJson()), 409, RefusalCode.REPLAYED);
    }

    @Test
    void latencyDelaysTheAnswerByAtLeastTheConfiguredTime() {
        setFaults(TestKeys.CUSTOMS, "{\"latencyMs\":700,\"jitterMs\":100}");
        byte[] envelope = toCustoms().toJson();
        long started = System.nanoTime();
        HttpResponse<byte[]> response = send(TestKeys.CUSTOMS, JSON_TYPE, envelope);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        assertThat(response.statusCode()).isEqualTo(200);
        // Upper bound: latency + jitter + a generous allowance for a loaded build machine.
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(700)).isLessThan(Duration.ofMillis(700 + 100 + 4_000));
    }
}
