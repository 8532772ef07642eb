package cn.hnsw.ledger.delegation;

import cn.hnsw.common.security.Actors;
import cn.hnsw.ledger.document.BusinessScope;
import cn.hnsw.ledger.document.LedgerType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** 委托备案管理 API. */
@RestController
@RequestMapping("/api/ledger/v1/delegations")
class DelegationController {

    private final DelegationService service;
    private final DelegationFiles files;

    DelegationController(DelegationService service, DelegationFiles files) {
        this.service = service;
        this.files = files;
    }

    static final String READERS = "hasAnyRole('enterprise-declarant','enterprise-admin','customs-officer','gov-province',"
            + "'gov-provincial-dept','gov-county','sw-operator','platform-admin')";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    record CreateDelegation(String principalName,
                            @NotNull @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}") String delegate,
                            String delegateName, @NotNull LedgerType ledgerType,
                            @NotEmpty Set<BusinessScope> scopes, LocalDate validUntil) {
    }

    record Review(boolean approve, String comment) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    Delegation create(@Valid @RequestBody CreateDelegation body) {
        return service.create(Actors.current(), new DelegationService.NewDelegation(body.principalName(), body.delegate(),
                body.delegateName(), body.ledgerType(), body.scopes(), body.validUntil()));
    }

    /** 委托备案记录 ({@code role=principal}), 被委托记录 ({@code role=delegate}), both by default; officers see all. */
    @GetMapping
    @PreAuthorize(READERS)
    List<Delegation> list(@org.springframework.web.bind.annotation.RequestParam(required = false) String role) {
        return service.list(Actors.current(), role);
    }

    /** 被授权查询信息: what this enterprise may do today as a delegate (optionally of one ledger type or principal). */
    @GetMapping("/authorizations")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    List<DelegationService.Authorization> authorizations(
            @org.springframework.web.bind.annotation.RequestParam(required = false) LedgerType ledgerType,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String principal) {
        return service.authorizations(Actors.current(), ledgerType, principal);
    }

    /** 代办业务支持授权校验: 200 with the authorisation, or 403 DELEGATION_SCOPE_DENIED. */
    @GetMapping("/authorizations/check")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    DelegationService.Authorization check(@org.springframework.web.bind.annotation.RequestParam String principal,
                                          @org.springframework.web.bind.annotation.RequestParam LedgerType ledgerType,
                                          @org.springframework.web.bind.annotation.RequestParam BusinessScope scope) {
        return service.check(Actors.current(), principal, ledgerType, scope);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    Delegation get(@PathVariable long id) {
        return service.get(Actors.current(), id);
    }

    @org.springframework.web.bind.annotation.PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    Delegation update(@PathVariable long id, @Valid @RequestBody CreateDelegation body) {
        return service.update(Actors.current(), id, new DelegationService.NewDelegation(body.principalName(), body.delegate(),
                body.delegateName(), body.ledgerType(), body.scopes(), body.validUntil()));
    }

    @GetMapping("/export")
    @PreAuthorize(READERS)
    org.springframework.http.ResponseEntity<byte[]> export(@org.springframework.web.bind.annotation.RequestParam(required = false) String role) {
        return file(files.export(service.list(Actors.current(), role)), XLSX, "delegations.xlsx");
    }

    @GetMapping("/{id}/print")
    @PreAuthorize(READERS)
    org.springframework.http.ResponseEntity<byte[]> print(@PathVariable long id) {
        return file(files.print(service.get(Actors.current(), id)), "application/pdf", "delegation-" + id + ".pdf");
    }

    @GetMapping("/template")
    @PreAuthorize(READERS)
    org.springframework.http.ResponseEntity<byte[]> template() {
        return file(files.template(), XLSX, "delegations-template.xlsx");
    }

    @PostMapping(path = "/import", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    List<Delegation> importAll(@org.springframework.web.bind.annotation.RequestParam("file")
                               org.springframework.web.multipart.MultipartFile file) throws java.io.IOException {
        return service.importAll(Actors.current(), files.read(file.getBytes(), null));
    }

    private static org.springframework.http.ResponseEntity<byte[]> file(byte[] body, String type, String name) {
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(type))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @PostMapping("/{id}/review")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    Delegation review(@PathVariable long id, @RequestBody Review body) {
        return service.review(Actors.current(), id, body.approve(), body.comment());
    }

    @PostMapping("/{id}/enable")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    Delegation enable(@PathVariable long id) {
        return service.enable(Actors.current(), id, true);
    }

    @PostMapping("/{id}/disable")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    Delegation disable(@PathVariable long id) {
        return service.enable(Actors.current(), id, false);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    void delete(@PathVariable long id) {
        service.delete(Actors.current(), id);
    }
}
