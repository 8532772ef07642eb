package cn.hnsw.passenger.certificate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** 完税证明 — proof that the tax on a declaration was paid; {@code verificationCode} is what the QR code carries. */
public record TaxPaidCertificate(UUID id, String certificateNo, String verificationCode, UUID taxPaymentId,
                                 UUID declarationId, String travelerId, String port, BigDecimal amount,
                                 Instant issuedAt, String pdfObjectKey, Instant confirmedAt) {
}
