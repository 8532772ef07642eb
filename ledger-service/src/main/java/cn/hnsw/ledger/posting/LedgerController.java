package cn.hnsw.ledger.posting;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.ledger.document.DocumentAccess;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hnsw.ledger.withdrawal.WithdrawalService;

import java.util.List;
import java.util.Map;

/** Ledgers, their stock (with the sum of postings next to each balance) and the posting chain of one item. */
@RestController
@RequestMapping("/api/ledger/v1/ledgers")
class LedgerController {

    static final String READERS = "hasAnyRole('enterprise-declarant','enterprise-admin','customs-officer','customs-reviewer',"
            + "'gov-province','gov-provincial-dept','gov-county','gov-county-unit','sw-operator','platform-admin')";

    private final LedgerRepository ledgers;
    private final DocumentAccess access;
    private final WithdrawalService withdrawals;

    LedgerController(LedgerRepository ledgers, DocumentAccess access, WithdrawalService withdrawals) {
        this.ledgers = ledgers;
        this.access = access;
        this.withdrawals = withdrawals;
    }

    record StockChain(LedgerStock stock, List<LedgerPosting> postings) {
    }

    @GetMapping
    @PreAuthorize(READERS)
    List<Ledger> list(@RequestParam(required = false) String actingFor) {
        return ledgers.list(access.listRestriction(Actors.current(), actingFor));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    Ledger get(@PathVariable long id) {
        return readable(id);
    }

    @GetMapping("/{id}/stock")
    @PreAuthorize(READERS)
    List<LedgerStock> stock(@PathVariable long id) {
        readable(id);
        return ledgers.stock(id);
    }

    /** 核增核减链: every posting of one stock row, oldest first, with the balance after each. */
    @GetMapping("/{id}/stock/{stockId}/postings")
    @PreAuthorize(READERS)
    StockChain chain(@PathVariable long id, @PathVariable long stockId) {
        readable(id);
        LedgerStock stock = ledgers.stockRow(id, stockId)
                .orElseThrow(() -> new HnswException(LedgerErrorCode.LEDGER_NOT_FOUND, id + "/" + stockId));
        return new StockChain(stock, ledgers.chain(stockId));
    }

    /** 撤单冲正: customs' withdrawals on this ledger, each item with the posting it rolled back and the reversing one. */
    @GetMapping("/{id}/withdrawals")
    @PreAuthorize(READERS)
    List<Map<String, Object>> withdrawals(@PathVariable long id) {
        readable(id);
        return withdrawals.ofLedger(id);
    }

    private Ledger readable(long id) {
        Ledger ledger = ledgers.get(id);
        CurrentActor actor = Actors.current();
        if (DocumentAccess.isOfficer(actor) && !actor.isEnterpriseUser()) {
            return ledger;
        }
        String own = DocumentAccess.ownEnterprise(actor);
        if (!own.equals(ledger.enterprise())) {
            try {
                access.listRestriction(actor, ledger.enterprise());
            } catch (HnswException e) {
                throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
            }
        }
        return ledger;
    }
}
