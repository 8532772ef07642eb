package cn.hnsw.simulators.sealed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRootName;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.Instant;

/**
 * 技术回执 — the generic answer of a simulated partner: "your message {@code messageId} arrived at {@code receivedAt}".
 * It carries no decision ({@link ReceiptKind#TECHNICAL}); partner-specific behaviours add business receipts later.
 * {@code simulator} is always {@code true} and the partner names say 模拟器, so that nobody takes it for a real
 * partner's receipt.
 *
 * @param receiptKind   always {@link ReceiptKind#TECHNICAL}
 * @param status        received, or rejected by a simulated failure
 * @param messageId     the id of the message answered
 * @param senderKeyId   who sent it (the platform's key id)
 * @param receivedAt    when the simulated partner received it
 * @param partnerId     the simulated partner
 * @param partnerNameZh its Chinese name
 * @param partnerNameEn its English name
 * @param simulator     always {@code true}
 * @param code          for a rejection, the stable reason code
 * @param messageZh     for a rejection, the reason in Chinese
 * @param messageEn     for a rejection, the reason in English
 */
@JsonRootName("TechnicalReceipt")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"receiptKind", "status", "messageId", "senderKeyId", "receivedAt", "partnerId", "partnerNameZh",
        "partnerNameEn", "simulator", "code", "messageZh", "messageEn"})
public record TechnicalReceipt(ReceiptKind receiptKind, ReceiptStatus status, String messageId, String senderKeyId,
                               Instant receivedAt, String partnerId, String partnerNameZh, String partnerNameEn,
                               boolean simulator, String code, String messageZh, String messageEn) {

    /** The reason code of a rejection caused by the failure rate. */
    public static final String SIMULATED_FAILURE = "SIMULATED_FAILURE";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ObjectMapper XML = XmlMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    public static TechnicalReceipt received(PartnerRequest request) {
        return new TechnicalReceipt(ReceiptKind.TECHNICAL, ReceiptStatus.RECEIVED, request.messageId(),
                request.senderKeyId(), request.receivedAt(), request.partner().id(), request.partner().nameZh(),
                request.partner().nameEn(), true, null, null, null);
    }

    public static TechnicalReceipt rejected(PartnerRequest request) {
        return new TechnicalReceipt(ReceiptKind.TECHNICAL, ReceiptStatus.REJECTED, request.messageId(),
                request.senderKeyId(), request.receivedAt(), request.partner().id(), request.partner().nameZh(),
                request.partner().nameEn(), true, SIMULATED_FAILURE, "合作方系统繁忙（模拟故障），报文未处理，请以新报文重发",
                "The partner system is busy (simulated failure); the message was not processed, send a new one");
    }

    /** UTF-8 JSON or XML ({@code <TechnicalReceipt>…</TechnicalReceipt>}). */
    public byte[] encode(EnvelopeForm form) {
        try {
            return (form == EnvelopeForm.JSON ? JSON : XML).writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("technical receipt not serialisable", e);
        }
    }

    public static TechnicalReceipt decode(byte[] payload, EnvelopeForm form) {
        try {
            return (form == EnvelopeForm.JSON ? JSON : XML).readValue(payload, TechnicalReceipt.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a technical receipt", e);
        }
    }
}
