package cn.hnsw.passenger.certificate;

import cn.hnsw.common.security.Actors;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 完税证明: query, PDF download and preview, confirmation, QR code; and the public verification behind the QR. */
@RestController
@RequestMapping("${hnsw.api.base}/v1")
class CertificateController {

    static final String ANY = "hasAnyRole('traveler','customs-officer','customs-reviewer','customs-finance','sw-operator','platform-admin')";

    private final CertificateService certificates;

    CertificateController(CertificateService certificates) {
        this.certificates = certificates;
    }

    record CertificateView(UUID id, String certificateNo, UUID taxPaymentId, UUID declarationId, String port,
                           java.math.BigDecimal amount, Instant issuedAt, Instant confirmedAt, String verificationUrl) {
    }

    @GetMapping("/certificates")
    @PreAuthorize(ANY)
    List<CertificateView> search(@RequestParam(required = false) String certificateNo,
                                 @RequestParam(required = false) Instant from,
                                 @RequestParam(required = false) Instant to) {
        return certificates.search(Actors.current(), certificateNo, from, to).stream().map(this::view).toList();
    }

    @GetMapping("/certificates/{id}")
    @PreAuthorize(ANY)
    CertificateView detail(@PathVariable UUID id) {
        return view(certificates.visible(Actors.current(), id));
    }

    @GetMapping("/taxes/{taxId}/certificate")
    @PreAuthorize(ANY)
    CertificateView byTax(@PathVariable UUID taxId) {
        TaxPaidCertificate c = certificates.byTaxPayment(taxId)
                .orElseThrow(() -> new cn.hnsw.common.web.HnswException(CertificateErrorCode.CERTIFICATE_NOT_FOUND));
        return view(certificates.visible(Actors.current(), c.id()));
    }

    @GetMapping(value = "/certificates/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(ANY)
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean inline) {
        TaxPaidCertificate c = certificates.visible(Actors.current(), id);
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(c.certificateNo() + ".pdf").build();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .contentType(MediaType.APPLICATION_PDF).body(certificates.pdf(c));
    }

    @GetMapping(value = "/certificates/{id}/qr", produces = MediaType.IMAGE_PNG_VALUE)
    @PreAuthorize(ANY)
    ResponseEntity<byte[]> qr(@PathVariable UUID id, @RequestParam(defaultValue = "360") int size,
                              @RequestParam(defaultValue = "false") boolean download) {
        TaxPaidCertificate c = certificates.visible(Actors.current(), id);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.IMAGE_PNG);
        if (download) {
            ok.header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(c.certificateNo() + "-qr.png").build().toString());
        }
        return ok.body(certificates.qrPng(c, size));
    }

    @PostMapping("/certificates/{id}/confirmation")
    @PreAuthorize("hasRole('traveler')")
    CertificateView confirm(@PathVariable UUID id) {
        return view(certificates.confirm(Actors.current(), id));
    }

    /** Public: opened by anyone who scans the QR code; shows no personal data. */
    @GetMapping("/public/certificates/{code}")
    CertificateService.PublicVerification verify(@PathVariable String code) {
        return certificates.verify(code);
    }

    private CertificateView view(TaxPaidCertificate c) {
        return new CertificateView(c.id(), c.certificateNo(), c.taxPaymentId(), c.declarationId(), c.port(),
                c.amount(), c.issuedAt(), c.confirmedAt(), certificates.verificationUrl(c));
    }
}
