package cn.hnsw.ledger.jointchain;

import cn.hnsw.common.security.Actors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** 联合加工增值产业链备案 API: declare, list, the partner's pending confirmations, confirm/refuse, cancel, void. */
@RestController
@RequestMapping("/api/ledger/v1/joint-chains")
class JointChainController {

    private final JointChainService service;

    JointChainController(JointChainService service) {
        this.service = service;
    }

    record MemberBody(String enterprise, String enterpriseName, String step) {
    }

    record CreateChain(@NotBlank String name, String productHsCode, String productName,
                       @NotEmpty List<MemberBody> members) {
    }

    record Decision(boolean confirm, String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    JointChain create(@Valid @RequestBody CreateChain body) {
        return service.create(Actors.current(), new JointChainService.NewChain(body.name(), body.productHsCode(),
                body.productName(), body.members().stream()
                .map(m -> m == null ? null : new JointChainService.MemberInput(m.enterprise(), m.enterpriseName(), m.step()))
                .toList()));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    JointChain update(@PathVariable long id, @Valid @RequestBody CreateChain body) {
        return service.update(Actors.current(), id, new JointChainService.NewChain(body.name(), body.productHsCode(),
                body.productName(), body.members().stream()
                .map(m -> m == null ? null : new JointChainService.MemberInput(m.enterprise(), m.enterpriseName(), m.step()))
                .toList()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    void delete(@PathVariable long id) {
        service.delete(Actors.current(), id);
    }

    @GetMapping("/statistics")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    java.util.Map<String, java.util.Map<String, Long>> statistics() {
        return service.statistics(Actors.current());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin','customs-officer','customs-reviewer','gov-province','gov-provincial-dept','gov-county','gov-county-unit','sw-operator','platform-admin')")
    List<JointChain> list(@RequestParam(required = false) String role) {
        return service.list(Actors.current(), role);
    }

    @GetMapping("/confirmations")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    List<JointChain> pendingConfirmations() {
        return service.pendingConfirmations(Actors.current());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin','customs-officer','customs-reviewer','gov-province','gov-provincial-dept','gov-county','gov-county-unit','sw-operator','platform-admin')")
    JointChain get(@PathVariable long id) {
        return service.get(Actors.current(), id);
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    JointChain decide(@PathVariable long id, @RequestBody Decision body) {
        return service.decide(Actors.current(), id, body.confirm(), body.reason());
    }

    @PostMapping("/{id}/decision/cancel")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    JointChain cancelDecision(@PathVariable long id) {
        return service.cancelDecision(Actors.current(), id);
    }

    @PostMapping("/{id}/void")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    JointChain voidChain(@PathVariable long id) {
        return service.voidChain(Actors.current(), id);
    }
}
