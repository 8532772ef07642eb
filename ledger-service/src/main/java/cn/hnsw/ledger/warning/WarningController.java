package cn.hnsw.ledger.warning;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import cn.hnsw.ledger.document.DocumentAccess;
import cn.hnsw.ledger.posting.Ledger;
import cn.hnsw.ledger.posting.Ledgers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/** Warning rules of a ledger (kept by its enterprise) and the open warnings. */
@RestController
@RequestMapping("/api/ledger/v1")
class WarningController {

    static final String READERS = "hasAnyRole('enterprise-declarant','enterprise-admin','customs-officer','customs-reviewer',"
            + "'gov-province','gov-provincial-dept','gov-county','gov-county-unit','sw-operator','platform-admin')";

    private final LedgerWarnings warnings;
    private final Ledgers ledgers;

    WarningController(LedgerWarnings warnings, Ledgers ledgers) {
        this.warnings = warnings;
        this.ledgers = ledgers;
    }

    record RuleRequest(@NotNull @Pattern(regexp = "LOW_STOCK|RECEIPT_OVERDUE|BOOKING_OVERDUE") String kind,
                       @Size(max = 40) String itemNo,
                       @DecimalMin("0") BigDecimal threshold,
                       @DecimalMin("0") @DecimalMax("1000") BigDecimal tolerancePct,
                       @Positive Integer toleranceHours,
                       boolean notifyEnterprise) {
    }

    @GetMapping("/ledgers/{id}/warning-rules")
    @PreAuthorize(READERS)
    List<LedgerWarnings.Rule> rules(@PathVariable long id) {
        ledger(id, false);
        return warnings.rules(id);
    }

    @PutMapping("/ledgers/{id}/warning-rules")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    LedgerWarnings.Rule save(@PathVariable long id, @Valid @RequestBody RuleRequest r) {
        ledger(id, true);
        return warnings.save(new LedgerWarnings.Rule(null, id, r.kind(), blankToNull(r.itemNo()), r.threshold(),
                r.tolerancePct(), r.toleranceHours(), r.notifyEnterprise()), Actors.current().username());
    }

    /** 底账误差设置信息删除: the rule's tolerance removed, the rule kept. */
    @DeleteMapping("/ledgers/{id}/warning-rules/{ruleId}/tolerance")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    LedgerWarnings.Rule deleteTolerance(@PathVariable long id, @PathVariable long ruleId) {
        ledger(id, true);
        return warnings.deleteTolerance(id, ruleId)
                .orElseThrow(() -> new HnswException(LedgerErrorCode.WARNING_RULE_NOT_FOUND, ruleId));
    }

    @DeleteMapping("/ledgers/{id}/warning-rules/{ruleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    void delete(@PathVariable long id, @PathVariable long ruleId) {
        ledger(id, true);
        if (!warnings.delete(id, ruleId)) {
            throw new HnswException(LedgerErrorCode.WARNING_RULE_NOT_FOUND, ruleId);
        }
    }

    @GetMapping("/warnings")
    @PreAuthorize(READERS)
    List<LedgerWarnings.Warning> open(@RequestParam(required = false) Long ledgerId) {
        CurrentActor actor = Actors.current();
        if (ledgerId != null) {
            ledger(ledgerId, false);
        }
        String enterprise = DocumentAccess.isOfficer(actor) && !actor.isEnterpriseUser() ? null : DocumentAccess.ownEnterprise(actor);
        return warnings.open(enterprise, ledgerId);
    }

    private Ledger ledger(long id, boolean write) {
        Ledger ledger = ledgers.get(id);
        CurrentActor actor = Actors.current();
        if (!write && DocumentAccess.isOfficer(actor) && !actor.isEnterpriseUser()) {
            return ledger;
        }
        if (!DocumentAccess.ownEnterprise(actor).equals(ledger.enterprise())) {
            throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
        }
        return ledger;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
