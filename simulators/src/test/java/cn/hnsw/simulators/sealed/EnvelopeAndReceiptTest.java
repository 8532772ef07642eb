package cn.hnsw.simulators.sealed;

import cn.hnsw.common.partner.SealRefusalError;
import cn.hnsw.common.crypto.RefusalCode;
import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.partner.PartnerKind;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Envelope forms, the technical receipt in both spellings, and the refusal codes as problems. */
class EnvelopeAndReceiptTest {

    static final Partner GATE = new Partner("gate-control", "卡口管理与控制系统模拟器", "Gate management and control system simulator",
            PartnerKind.GATE, "gate-control");

    static PartnerRequest request(EnvelopeForm form) {
        return new PartnerRequest(GATE, "0b6f5c1e-3c1d-4a57-9a39-5a4f8e8f2b7d", "hnsw-platform",
                Instant.parse("2026-06-01T08:00:00.123Z"), Instant.parse("2026-06-01T08:00:00.456Z"), form,
                "<GateRelease/>".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theContentTypeChoosesTheForm() {
        assertThat(EnvelopeForm.of(MediaType.APPLICATION_JSON)).contains(EnvelopeForm.JSON);
        assertThat(EnvelopeForm.of(MediaType.parseMediaType("application/json;charset=UTF-8"))).contains(EnvelopeForm.JSON);
        assertThat(EnvelopeForm.of(MediaType.parseMediaType("application/vnd.hnsw.sealed+json"))).contains(EnvelopeForm.JSON);
        assertThat(EnvelopeForm.of(MediaType.APPLICATION_XML)).contains(EnvelopeForm.XML);
        assertThat(EnvelopeForm.of(MediaType.TEXT_XML)).contains(EnvelopeForm.XML);
        assertThat(EnvelopeForm.of(MediaType.TEXT_PLAIN)).isEmpty();
        assertThat(EnvelopeForm.of(null)).isEmpty();
    }

    @Test
    void theTechnicalReceiptAcknowledgesTheMessageIdAndTimeInBothForms() {
        TechnicalReceiptBehavior behavior = new TechnicalReceiptBehavior();
        assertThat(behavior.handles(GATE)).isTrue();

        byte[] json = behavior.reply(request(EnvelopeForm.JSON)).payload();
        assertThat(new String(json, StandardCharsets.UTF_8))
                .startsWith("{\"receiptKind\":\"TECHNICAL\",\"status\":\"RECEIVED\",\"messageId\":\"0b6f5c1e-")
                .contains("\"receivedAt\":\"2026-06-01T08:00:00.456Z\"", "\"simulator\":true", "模拟器")
                .doesNotContain("\"code\"");
        TechnicalReceipt fromJson = TechnicalReceipt.decode(json, EnvelopeForm.JSON);
        assertThat(fromJson).isEqualTo(TechnicalReceipt.received(request(EnvelopeForm.JSON)));

        byte[] xml = behavior.reply(request(EnvelopeForm.XML)).payload();
        assertThat(new String(xml, StandardCharsets.UTF_8)).startsWith("<TechnicalReceipt>")
                .contains("<messageId>0b6f5c1e-3c1d-4a57-9a39-5a4f8e8f2b7d</messageId>");
        assertThat(TechnicalReceipt.decode(xml, EnvelopeForm.XML)).isEqualTo(fromJson);
    }

    @Test
    void theSealedErrorReplyIsARejectedReceiptWithAReason() {
        TechnicalReceipt rejected = TechnicalReceipt.decode(
                new TechnicalReceiptBehavior().rejection(request(EnvelopeForm.JSON)).payload(), EnvelopeForm.JSON);
        assertThat(rejected.status()).isEqualTo(ReceiptStatus.REJECTED);
        assertThat(rejected.code()).isEqualTo(TechnicalReceipt.SIMULATED_FAILURE);
        assertThat(rejected.messageZh()).contains("模拟故障");
        assertThat(rejected.messageEn()).contains("simulated failure");
    }

    @Test
    void refusalsBecomeProblemsWithTheirCodeAndTexts() {
        for (RefusalCode refusal : RefusalCode.values()) {
            SealRefusalError error = new SealRefusalError(refusal);
            assertThat(error.code()).isEqualTo(refusal.name());
            assertThat(error.messageZh()).isEqualTo(refusal.messageZh());
            assertThat(error.messageEn()).isEqualTo(refusal.messageEn());
            assertThat(error.status().is4xxClientError()).isTrue();
        }
        assertThat(new SealRefusalError(RefusalCode.MALFORMED).status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(new SealRefusalError(RefusalCode.WRONG_RECIPIENT).status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(new SealRefusalError(RefusalCode.TAMPERED).status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(new SealRefusalError(RefusalCode.UNKNOWN_SIGNER).status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(new SealRefusalError(RefusalCode.EXPIRED).status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(new SealRefusalError(RefusalCode.REPLAYED).status()).isEqualTo(HttpStatus.CONFLICT);
    }
}
