package cn.hnsw.passenger.certificate;

import cn.hnsw.passenger.clearance.AccessLog;
import jakarta.servlet.http.HttpServletRequest;
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

    private static final String CERTIFICATE = "TAX_PAID_CERTIFICATE";

    private final CertificateService certificates;
    private final AccessLog accessLog;

    CertificateController(CertificateService certificates, AccessLog accessLog) {
        this.certificates = certificates;
        this.accessLog = accessLog;
    }

    record CertificateView(UUID id, String certificateNo, UUID taxPaymentId, UUID declarationId, String port,
                           java.math.BigDecimal amount, Instant issuedAt, Instant confirmedAt, String verificationUrl) {
    }

    @GetMapping("/certificates")
    @PreAuthorize(ANY)
    List<CertificateView> search(@RequestParam(required = false) String certificateNo,
                                 @RequestParam(required = false) Instant from,
                                 @RequestParam(required = false) Instant to, HttpServletRequest request) {
        List<CertificateView> found = certificates.search(Actors.current(), certificateNo, from, to).stream()
                .map(this::view).toList();
        accessLog.read(ip(request), "CERTIFICATE_QUERY", CERTIFICATE, certificateNo,
                "found=" + found.size() + " from=" + from + " to=" + to);
        return found;
    }

    @GetMapping("/certificates/{id}")
    @PreAuthorize(ANY)
    CertificateView detail(@PathVariable UUID id, HttpServletRequest request) {
        CertificateView v = view(certificates.visible(Actors.current(), id));
        accessLog.read(ip(request), "CERTIFICATE_DETAIL", CERTIFICATE, id.toString(), v.certificateNo());
        return v;
    }

    @GetMapping("/taxes/{taxId}/certificate")
    @PreAuthorize(ANY)
    CertificateView byTax(@PathVariable UUID taxId, HttpServletRequest request) {
        TaxPaidCertificate c = certificates.byTaxPayment(taxId)
                .orElseThrow(() -> new cn.hnsw.common.web.HnswException(CertificateErrorCode.CERTIFICATE_NOT_FOUND));
        CertificateView v = view(certificates.visible(Actors.current(), c.id()));
        accessLog.read(ip(request), "CERTIFICATE_DETAIL", CERTIFICATE, c.id().toString(), v.certificateNo());
        return v;
    }

    @GetMapping(value = "/certificates/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(ANY)
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean inline,
                               HttpServletRequest request) {
        TaxPaidCertificate c = certificates.visible(Actors.current(), id);
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(c.certificateNo() + ".pdf").build();
        byte[] pdf = certificates.pdf(c);
        accessLog.read(ip(request), inline ? "CERTIFICATE_PREVIEW" : "CERTIFICATE_DOWNLOAD", CERTIFICATE, id.toString(),
                c.certificateNo() + " bytes=" + pdf.length);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    @GetMapping(value = "/certificates/{id}/qr", produces = MediaType.IMAGE_PNG_VALUE)
    @PreAuthorize(ANY)
    ResponseEntity<byte[]> qr(@PathVariable UUID id, @RequestParam(defaultValue = "360") int size,
                              @RequestParam(defaultValue = "false") boolean download, HttpServletRequest request) {
        TaxPaidCertificate c = certificates.visible(Actors.current(), id);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.IMAGE_PNG);
        if (download) {
            ok.header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(c.certificateNo() + "-qr.png").build().toString());
        }
        byte[] png = certificates.qrPng(c, size);
        accessLog.read(ip(request), download ? "CERTIFICATE_QR_DOWNLOAD" : "CERTIFICATE_QR_DISPLAY", CERTIFICATE, id.toString(),
                c.certificateNo() + " size=" + size);
        return ok.body(png);
    }

    @PostMapping("/certificates/{id}/confirmation")
    @PreAuthorize("hasRole('traveler')")
    CertificateView confirm(@PathVariable UUID id) {
        return view(certificates.confirm(Actors.current(), id));
    }

    /** Public: opened by anyone who scans the QR code; shows no personal data. */
    @GetMapping("/public/certificates/{code}")
    CertificateService.PublicVerification verify(@PathVariable String code, HttpServletRequest request) {
        String shortCode = code.length() > 64 ? code.substring(0, 64) : code;
        try {
            CertificateService.PublicVerification v = certificates.verify(code);
            accessLog.read(ip(request), "CERTIFICATE_QR_VERIFY", CERTIFICATE, shortCode, "public check");
            return v;
        } catch (cn.hnsw.common.web.HnswException e) {
            accessLog.refused(ip(request), "CERTIFICATE_QR_VERIFY", CERTIFICATE, shortCode, e.errorCode().code());
            throw e;
        }
    }

    private static String ip(HttpServletRequest request) {
        return cn.hnsw.common.audit.AuditContext.clientIp(request);
    }

    private CertificateView view(TaxPaidCertificate c) {
        return new CertificateView(c.id(), c.certificateNo(), c.taxPaymentId(), c.declarationId(), c.port(),
                c.amount(), c.issuedAt(), c.confirmedAt(), certificates.verificationUrl(c));
    }
}
