package cn.hnsw.ledger.qualification;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.DocumentAccess;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 企业资质查询 (FP 1875–1885) and the zero-tariff whitelist: enterprises read their own, officers read all; the
 * qualification application system's "application succeeded" data and the whitelist are entered by officers.
 */
@RestController
@RequestMapping("/api/ledger/v1")
class QualificationController {

    static final String READERS = "hasAnyRole('enterprise-declarant','enterprise-admin','customs-officer','customs-reviewer',"
            + "'gov-province','gov-provincial-dept','gov-county','gov-county-unit','sw-operator','platform-admin')";
    static final String MAINTAINERS = "hasAnyRole('customs-officer','gov-province','platform-admin')";
    static final String USCC = "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$";

    private final QualificationService qualifications;
    private final QualificationPublication publication;

    QualificationController(QualificationService qualifications, QualificationPublication publication) {
        this.publication = publication;
        this.qualifications = qualifications;
    }

    record GrantRequest(@NotBlank @Pattern(regexp = USCC) String enterprise,
                        @NotBlank @Size(max = 200) String enterpriseName,
                        @NotNull @Pattern(regexp = "ZERO_TARIFF_BENEFICIARY|PROCESSING_VALUE_ADDED") String type,
                        @NotBlank @Size(max = 40) String certificateNo,
                        @NotNull LocalDate validFrom, LocalDate validTo) {
    }

    record RevokeRequest(@NotBlank @Size(max = 150) String reason) {
    }

    record WhitelistRequest(@NotBlank @Pattern(regexp = "^[0-9]{10}$") String hsCode) {
    }

    record Eligibility(String enterpriseUscc, boolean qualified, List<ZeroTariffEligibilityChanged.WhitelistItem> whitelist,
                       List<Qualification> qualifications) {
    }

    @GetMapping("/qualifications")
    @PreAuthorize(READERS)
    List<Qualification> list(@RequestParam(required = false) String enterprise, @RequestParam(required = false) String type) {
        return qualifications.list(scope(enterprise), type);
    }

    @GetMapping("/qualifications/{id}")
    @PreAuthorize(READERS)
    Qualification get(@PathVariable long id) {
        Qualification q = qualifications.get(id);
        scope(q.enterprise());
        return q;
    }

    /** 零关税享惠主体资质企业: the register of enterprises whose beneficiary-entity qualification is in force. */
    @GetMapping("/qualifications/beneficiaries")
    @PreAuthorize(READERS)
    List<Map<String, Object>> beneficiaries() {
        return publication.view().stream().map(q -> Map.<String, Object>of("enterprise", q.enterprise(),
                "enterpriseName", q.enterpriseName(), "certificateNo", q.certificateNo(), "validFrom", q.validFrom())).toList();
    }

    /** 浏览统计 of the register. */
    @GetMapping("/qualifications/beneficiaries/views")
    @PreAuthorize(READERS)
    Map<String, Object> views() {
        return publication.views();
    }

    @GetMapping("/qualifications/beneficiaries/export")
    @PreAuthorize(READERS)
    org.springframework.http.ResponseEntity<byte[]> exportRegister() {
        return file(publication.export(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "beneficiaries.xlsx");
    }

    @GetMapping("/qualifications/beneficiaries/print")
    @PreAuthorize(READERS)
    org.springframework.http.ResponseEntity<byte[]> printRegister() {
        return file(publication.print(), "application/pdf", "beneficiaries.pdf");
    }

    private static org.springframework.http.ResponseEntity<byte[]> file(byte[] body, String type, String name) {
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(type))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @PostMapping("/qualifications")
    @PreAuthorize(MAINTAINERS)
    Qualification grant(@Valid @RequestBody GrantRequest r) {
        return qualifications.grant(new QualificationService.Grant(r.enterprise(), r.enterpriseName(), r.type(),
                r.certificateNo(), r.validFrom(), r.validTo()), Actors.current().username());
    }

    @PostMapping("/qualifications/{id}/revocation")
    @PreAuthorize(MAINTAINERS)
    Qualification revoke(@PathVariable long id, @Valid @RequestBody RevokeRequest r) {
        return qualifications.revoke(id, r.reason(), Actors.current().username());
    }

    /** The enterprise's zero-tariff eligibility as customs receives it, with its qualifications. */
    @GetMapping("/eligibility/{enterprise}")
    @PreAuthorize(READERS)
    Eligibility eligibility(@PathVariable String enterprise) {
        String e = scope(enterprise);
        return new Eligibility(e, qualifications.qualified(e), qualifications.whitelist(e), qualifications.list(e, null));
    }

    @PostMapping("/eligibility/{enterprise}/whitelist")
    @PreAuthorize(MAINTAINERS)
    List<ZeroTariffEligibilityChanged.WhitelistItem> add(@PathVariable String enterprise,
                                                         @Valid @RequestBody WhitelistRequest r) {
        if (!enterprise.matches(USCC)) {
            throw new HnswException(CommonErrorCode.VALIDATION_FAILED);
        }
        return qualifications.addToWhitelist(enterprise, r.hsCode(), Actors.current().username());
    }

    @DeleteMapping("/eligibility/{enterprise}/whitelist/{hsCode}")
    @PreAuthorize(MAINTAINERS)
    List<ZeroTariffEligibilityChanged.WhitelistItem> remove(@PathVariable String enterprise, @PathVariable String hsCode) {
        return qualifications.removeFromWhitelist(enterprise, hsCode);
    }

    /** Enterprise users see their own enterprise only; officers whichever they ask for (null: all). */
    private static String scope(String enterprise) {
        CurrentActor actor = Actors.current();
        if (DocumentAccess.isOfficer(actor) && !actor.isEnterpriseUser()) {
            return enterprise == null || enterprise.isBlank() ? null : enterprise;
        }
        String own = DocumentAccess.ownEnterprise(actor);
        if (enterprise != null && !enterprise.isBlank() && !enterprise.equals(own)) {
            throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
        }
        return own;
    }
}
