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

    DelegationController(DelegationService service) {
        this.service = service;
    }

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

    @GetMapping
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin','customs-officer','gov-province','gov-provincial-dept','gov-county','sw-operator','platform-admin')")
    List<Delegation> list() {
        return service.list(Actors.current());
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
