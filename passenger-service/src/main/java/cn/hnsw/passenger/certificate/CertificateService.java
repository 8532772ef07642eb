package cn.hnsw.passenger.certificate;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.passenger.clearance.ClearanceLog;
import cn.hnsw.passenger.declaration.BaggageDeclaration;
import cn.hnsw.passenger.declaration.DeclarationService;
import cn.hnsw.passenger.tax.TaxPayment;
import cn.hnsw.passenger.tax.TaxService;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** 完税证明: issued when the tax is credited, rendered on first download and kept in object storage. */
@Service
public class CertificateService {

    static final String BUCKET = "passenger-certificates";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final CertificatePdf pdf;
    private final TaxService taxes;
    private final DeclarationService declarations;
    private final ClearanceLog clearanceLog;
    private final ObjectProvider<ObjectStorage> storage;
    private final String verifyBaseUrl;
    private final Clock clock;

    public CertificateService(JdbcTemplate jdbc, CertificatePdf pdf, TaxService taxes,
                              DeclarationService declarations, ClearanceLog clearanceLog,
                              ObjectProvider<ObjectStorage> storage,
                              @Value("${hnsw.passenger.certificate.verify-base-url:http://localhost:8080/verify/certificate/}")
                              String verifyBaseUrl, Clock clock) {
        this.jdbc = jdbc;
        this.pdf = pdf;
        this.taxes = taxes;
        this.declarations = declarations;
        this.clearanceLog = clearanceLog;
        this.storage = storage;
        this.verifyBaseUrl = verifyBaseUrl.endsWith("/") ? verifyBaseUrl : verifyBaseUrl + "/";
        this.clock = clock;
    }

    /** Issues the certificate of a tax just credited, in the credit's transaction; once per tax payment. */
    public void issue(TaxPayment t) {
        Instant now = clock.instant();
        String no = "WS" + LocalDate.now(clock.withZone(DeclarationService.CHINA)).format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%08d", RANDOM.nextInt(100_000_000));
        byte[] code = new byte[16];
        RANDOM.nextBytes(code);
        jdbc.update("""
                INSERT INTO tax_paid_certificate (id, certificate_no, verification_code, tax_payment_id, declaration_id,
                    traveler_id, port, amount, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tax_payment_id) DO NOTHING""", UUID.randomUUID(), no, HexFormat.of().formatHex(code),
                t.id(), t.declarationId(), t.travelerId(), t.port(), t.total(), Timestamp.from(now));
    }

    public String verificationUrl(TaxPaidCertificate c) {
        return verifyBaseUrl + c.verificationCode();
    }

    public TaxPaidCertificate visible(CurrentActor actor, UUID id) {
        TaxPaidCertificate c = jdbc.query("SELECT * FROM tax_paid_certificate WHERE id = ?", CertificateService::map, id)
                .stream().findFirst().orElseThrow(() -> new HnswException(CertificateErrorCode.CERTIFICATE_NOT_FOUND));
        if (!DeclarationService.isOfficer(actor) && !c.travelerId().equals(actor.userId())) {
            throw new HnswException(CertificateErrorCode.CERTIFICATE_NOT_FOUND);
        }
        return c;
    }

    public Optional<TaxPaidCertificate> byTaxPayment(UUID taxId) {
        return jdbc.query("SELECT * FROM tax_paid_certificate WHERE tax_payment_id = ?", CertificateService::map, taxId)
                .stream().findFirst();
    }

    /** 完税证明查询: own certificates (officers: all), by number and issue date. */
    public List<TaxPaidCertificate> search(CurrentActor actor, String certificateNo, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("SELECT * FROM tax_paid_certificate WHERE true");
        List<Object> args = new ArrayList<>();
        if (!DeclarationService.isOfficer(actor)) {
            sql.append(" AND traveler_id = ?");
            args.add(actor.userId());
        }
        if (certificateNo != null && !certificateNo.isBlank()) {
            sql.append(" AND certificate_no = ?");
            args.add(certificateNo);
        }
        if (from != null) {
            sql.append(" AND issued_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND issued_at < ?");
            args.add(Timestamp.from(to));
        }
        sql.append(" ORDER BY issued_at DESC LIMIT 200");
        return jdbc.query(sql.toString(), CertificateService::map, args.toArray());
    }

    /** The PDF: rendered once, then served from object storage. */
    public byte[] pdf(TaxPaidCertificate c) {
        ObjectStorage store = storage.getIfAvailable();
        if (store != null && c.pdfObjectKey() != null && store.exists(BUCKET, c.pdfObjectKey())) {
            return store.get(BUCKET, c.pdfObjectKey());
        }
        TaxPayment tax = taxes.find(c.taxPaymentId());
        BaggageDeclaration d = declarations.find(c.declarationId()).orElseThrow();
        byte[] document = pdf.render(c, tax, d, verificationUrl(c));
        if (store != null) {
            String key = c.certificateNo() + ".pdf";
            store.put(BUCKET, key, document, "application/pdf");
            jdbc.update("UPDATE tax_paid_certificate SET pdf_object_key = ? WHERE id = ?", key, c.id());
        }
        return document;
    }

    public byte[] qrPng(TaxPaidCertificate c, int size) {
        return QrCodes.png(verificationUrl(c), Math.max(120, Math.min(size, 1000)));
    }

    /** 确认: the traveler confirms having received the certificate. */
    public TaxPaidCertificate confirm(CurrentActor traveler, UUID id) {
        TaxPaidCertificate c = visible(traveler, id);
        if (!c.travelerId().equals(traveler.userId())) {
            throw new HnswException(CertificateErrorCode.CERTIFICATE_NOT_FOUND);
        }
        if (c.confirmedAt() == null) {
            jdbc.update("UPDATE tax_paid_certificate SET confirmed_at = ? WHERE id = ? AND confirmed_at IS NULL",
                    Timestamp.from(clock.instant()), id);
            clearanceLog.record(c.declarationId(), "CERTIFICATE_CONFIRMED", "TAX_PAID", traveler.username(),
                    "旅客确认已取得完税证明 " + c.certificateNo(), "Traveler confirmed certificate " + c.certificateNo());
        }
        return visible(traveler, id);
    }

    public record PublicVerification(String certificateNo, String status, String port, String portNameZh,
                                     String portNameEn, java.math.BigDecimal amount, Instant issuedAt) {
    }

    /** The public check behind the QR code: only what proves the payment, nothing that names the traveler. */
    public PublicVerification verify(String code) {
        if (code == null || !code.matches("[0-9a-f]{32}")) {
            throw new HnswException(CertificateErrorCode.VERIFICATION_FAILED);
        }
        TaxPaidCertificate c = jdbc.query("SELECT * FROM tax_paid_certificate WHERE verification_code = ?",
                CertificateService::map, code).stream().findFirst()
                .orElseThrow(() -> new HnswException(CertificateErrorCode.VERIFICATION_FAILED));
        cn.hnsw.passenger.declaration.SecondLinePort port = cn.hnsw.passenger.declaration.SecondLinePort.valueOf(c.port());
        return new PublicVerification(c.certificateNo(), "VALID", c.port(), port.nameZh(), port.nameEn(), c.amount(),
                c.issuedAt());
    }

    private static TaxPaidCertificate map(ResultSet rs, int row) throws SQLException {
        Timestamp confirmed = rs.getTimestamp("confirmed_at");
        return new TaxPaidCertificate(rs.getObject("id", UUID.class), rs.getString("certificate_no"),
                rs.getString("verification_code"), rs.getObject("tax_payment_id", UUID.class),
                rs.getObject("declaration_id", UUID.class), rs.getString("traveler_id"), rs.getString("port"),
                rs.getBigDecimal("amount"), rs.getTimestamp("issued_at").toInstant(),
                rs.getString("pdf_object_key"), confirmed == null ? null : confirmed.toInstant());
    }
}
