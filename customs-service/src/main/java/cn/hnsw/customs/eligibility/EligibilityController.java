package cn.hnsw.customs.eligibility;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.customs.declaration.CustomsErrorCode;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/**
 * The direct-release login gate (FP 73–78, 203–206) and the maintenance of the zero-tariff reference data by
 * single-window operators (until the ledger service provides it).
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1")
class EligibilityController {

    private final ReferenceDataZeroTariffEligibility eligibility;
    private final LedgerEligibility ledger;

    EligibilityController(ReferenceDataZeroTariffEligibility eligibility, LedgerEligibility ledger) {
        this.eligibility = eligibility;
        this.ledger = ledger;
    }

    /** What the zero-tariff ledger last published for an enterprise; an enterprise reads only its own. */
    @GetMapping("/zero-tariff/ledger-eligibility/{uscc}")
    @PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin', 'sw-operator', 'platform-admin', 'customs-officer')")
    LedgerEligibility.Held ledgerEligibility(@org.springframework.web.bind.annotation.PathVariable String uscc) {
        cn.hnsw.common.security.EnterpriseScope.check(Actors.current(), uscc);
        return ledger.held(uscc).orElseThrow(() -> new HnswException(CustomsErrorCode.LEDGER_ELIGIBILITY_NOT_PUBLISHED, uscc));
    }

    /** R1: an enterprise without the qualification is told so and the direct-release module stays closed. */
    @GetMapping("/direct-release/access")
    @PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin')")
    EligibilityRecords.DirectReleaseAccess access() {
        CurrentActor actor = Actors.current();
        if (actor.enterprise() == null || !eligibility.qualified(actor.enterprise())) {
            throw new HnswException(CustomsErrorCode.QUALIFICATION_MISSING);
        }
        String enterprise = actor.enterprise();
        var qualification = eligibility.qualifications().stream()
                .filter(q -> q.enterpriseUscc().equals(enterprise)).findFirst();
        boolean fromLedger = ledger.held(enterprise).isPresent();
        return new EligibilityRecords.DirectReleaseAccess(true, enterprise,
                qualification.map(EligibilityRecords.Qualification::enterpriseName).orElse(null), actor.username(),
                actor.displayName(), fromLedger ? "LEDGER" : "REFERENCE_DATA",
                fromLedger ? null : qualification.map(EligibilityRecords.Qualification::validFrom).orElse(null),
                fromLedger ? null : qualification.map(EligibilityRecords.Qualification::validTo).orElse(null),
                java.time.Instant.now(), "已具备享惠企业资质", "The enterprise holds the preferential qualification");
    }

    @GetMapping("/zero-tariff/qualifications")
    @PreAuthorize("hasAnyRole('sw-operator', 'platform-admin', 'customs-officer')")
    List<EligibilityRecords.Qualification> qualifications() {
        return eligibility.qualifications();
    }

    @PutMapping("/zero-tariff/qualifications/{uscc}")
    @PreAuthorize("hasAnyRole('sw-operator', 'platform-admin')")
    EligibilityRecords.Qualification saveQualification(@PathVariable String uscc,
                                                       @Valid @RequestBody EligibilityRecords.Qualification body) {
        EligibilityRecords.Qualification q = new EligibilityRecords.Qualification(uscc, body.enterpriseName(),
                body.validFrom(), body.validTo(), body.revoked());
        if (!uscc.equals(body.enterpriseUscc())) {
            throw new HnswException(CustomsErrorCode.PARAMETER_ENTRIES_INVALID, "enterpriseUscc");
        }
        eligibility.saveQualification(q);
        return q;
    }

    @GetMapping("/zero-tariff/whitelist")
    List<EligibilityRecords.WhitelistItem> whitelist() {
        return eligibility.whitelist();
    }

    @PutMapping("/zero-tariff/whitelist/{hsCode}")
    @PreAuthorize("hasAnyRole('sw-operator', 'platform-admin')")
    EligibilityRecords.WhitelistItem saveWhitelistItem(@PathVariable String hsCode,
                                                       @Valid @RequestBody EligibilityRecords.WhitelistItem body) {
        if (!hsCode.equals(body.hsCode())) {
            throw new HnswException(CustomsErrorCode.PARAMETER_ENTRIES_INVALID, "hsCode");
        }
        eligibility.saveWhitelistItem(body);
        return body;
    }

    @DeleteMapping("/zero-tariff/whitelist/{hsCode}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('sw-operator', 'platform-admin')")
    void removeWhitelistItem(@PathVariable String hsCode) {
        eligibility.removeWhitelistItem(hsCode);
    }

    @GetMapping("/direct-release/levy-natures")
    EligibilityRecords.LevyNatures levyNatures() {
        return new EligibilityRecords.LevyNatures(new ArrayList<>(eligibility.directReleaseLevyNatures()).stream().sorted().toList());
    }

    @PutMapping("/direct-release/levy-natures")
    @PreAuthorize("hasAnyRole('sw-operator', 'platform-admin')")
    EligibilityRecords.LevyNatures replaceLevyNatures(@Valid @RequestBody EligibilityRecords.LevyNatures body) {
        eligibility.replaceLevyNatures(body.codes());
        return levyNatures();
    }
}
