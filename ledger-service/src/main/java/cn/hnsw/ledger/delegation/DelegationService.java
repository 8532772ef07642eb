package cn.hnsw.ledger.delegation;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.BusinessScope;
import cn.hnsw.ledger.document.LedgerType;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * 委托备案管理: principals open delegated business per ledger type (FP 1836–1838), delegates review it (FP 1839–1842,
 * the delegate accepting is our reading of the spec), and every delegated act is checked here (FP 1847–1874).
 */
@Service
public class DelegationService {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final DelegationRepository delegations;
    private final Clock clock;

    public DelegationService(DelegationRepository delegations, Clock clock) {
        this.delegations = delegations;
        this.clock = clock;
    }

    public record NewDelegation(String principalName, String delegate, String delegateName, LedgerType ledgerType,
                                Set<BusinessScope> scopes, LocalDate validUntil) {
    }

    @Transactional
    public Delegation create(CurrentActor actor, NewDelegation request) {
        String principal = ownEnterprise(actor);
        if (principal.equals(request.delegate())) {
            throw new HnswException(LedgerErrorCode.DELEGATION_SELF);
        }
        for (BusinessScope scope : request.scopes()) {
            if (!scope.appliesTo(request.ledgerType())) {
                throw new HnswException(LedgerErrorCode.DELEGATION_SCOPE_INVALID, scope.name(), request.ledgerType().nameZh());
            }
        }
        Delegation d = new Delegation(0, principal, request.principalName(), request.delegate(), request.delegateName(),
                request.ledgerType(), request.scopes(), DelegationStatus.PENDING_REVIEW, request.validUntil(),
                clock.instant(), null, null);
        return delegations.get(delegations.insert(d));
    }

    /** The delegate accepts or refuses. */
    @Transactional
    public Delegation review(CurrentActor actor, long id, boolean approve, String comment) {
        Delegation d = delegations.get(id);
        if (!d.delegate().equals(ownEnterprise(actor))) {
            throw new HnswException(LedgerErrorCode.DELEGATION_NOT_FOUND, id);
        }
        DelegationStatus next = d.moveTo(approve ? DelegationStatus.ACTIVE : DelegationStatus.REJECTED, approve ? "approve" : "reject");
        delegations.updateStatus(id, next, comment, clock.instant());
        return delegations.get(id);
    }

    /** The principal switches an accepted delegation off and on. */
    @Transactional
    public Delegation enable(CurrentActor actor, long id, boolean enable) {
        Delegation d = ownAsPrincipal(actor, id);
        DelegationStatus next = d.moveTo(enable ? DelegationStatus.ACTIVE : DelegationStatus.DISABLED, enable ? "enable" : "disable");
        delegations.updateStatus(id, next, null, clock.instant());
        return delegations.get(id);
    }

    @Transactional
    public void delete(CurrentActor actor, long id) {
        ownAsPrincipal(actor, id);
        delegations.delete(id);
    }

    public List<Delegation> list(CurrentActor actor) {
        return delegations.list(actor.isEnterpriseUser() ? ownEnterprise(actor) : null);
    }

    /** 代办业务支持授权校验: may {@code delegate} act for {@code principal} on {@code scope} of a {@code type} ledger? */
    public boolean allows(String delegate, String principal, LedgerType type, BusinessScope scope) {
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        return delegations.between(delegate, principal).stream().anyMatch(d -> d.covers(type, scope, today));
    }

    public void authorize(String delegate, String principal, LedgerType type, BusinessScope scope) {
        if (!allows(delegate, principal, type, scope)) {
            throw new HnswException(LedgerErrorCode.DELEGATION_SCOPE_DENIED, principal,
                    type == null ? "-" : type.nameZh(), scope == null ? "-" : scope.nameZh());
        }
    }

    private Delegation ownAsPrincipal(CurrentActor actor, long id) {
        Delegation d = delegations.get(id);
        if (!d.principal().equals(ownEnterprise(actor))) {
            throw new HnswException(LedgerErrorCode.DELEGATION_NOT_FOUND, id);
        }
        return d;
    }

    static String ownEnterprise(CurrentActor actor) {
        if (!actor.isEnterpriseUser() || actor.enterprise() == null) {
            throw new HnswException(LedgerErrorCode.ENTERPRISE_REQUIRED);
        }
        return actor.enterprise();
    }
}
