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

    /** 委托备案修改: the principal changes a delegation its delegate has not reviewed yet. */
    @Transactional
    public Delegation update(CurrentActor actor, long id, NewDelegation request) {
        Delegation d = ownAsPrincipal(actor, id);
        if (d.status() != DelegationStatus.PENDING_REVIEW) {
            throw new HnswException(LedgerErrorCode.DELEGATION_STATE, id, d.status().name(), "modify");
        }
        check(d.principal(), request);
        delegations.update(id, new Delegation(id, d.principal(), request.principalName(), request.delegate(),
                request.delegateName(), request.ledgerType(), request.scopes(), d.status(), request.validUntil(),
                d.createdAt(), null, null));
        return delegations.get(id);
    }

    /** 委托备案导入: every row or none. */
    @Transactional
    public List<Delegation> importAll(CurrentActor actor, List<NewDelegation> requests) {
        return requests.stream().map(r -> create(actor, r)).toList();
    }

    /** 委托备案详情: for its principal, its delegate, and officers. */
    public Delegation get(CurrentActor actor, long id) {
        Delegation d = delegations.get(id);
        if (actor.isEnterpriseUser() && !ownEnterprise(actor).equals(d.principal()) && !ownEnterprise(actor).equals(d.delegate())) {
            throw new HnswException(LedgerErrorCode.DELEGATION_NOT_FOUND, id);
        }
        return d;
    }

    /** 委托备案记录 ({@code principal}) or 被委托记录 ({@code delegate}); both when {@code role} is null. */
    public List<Delegation> list(CurrentActor actor, String role) {
        List<Delegation> all = list(actor);
        if (!actor.isEnterpriseUser() || role == null) {
            return all;
        }
        String own = ownEnterprise(actor);
        return all.stream().filter(d -> "delegate".equals(role) ? d.delegate().equals(own) : d.principal().equals(own)).toList();
    }

    private static void check(String principal, NewDelegation request) {
        if (principal.equals(request.delegate())) {
            throw new HnswException(LedgerErrorCode.DELEGATION_SELF);
        }
        for (BusinessScope scope : request.scopes()) {
            if (!scope.appliesTo(request.ledgerType())) {
                throw new HnswException(LedgerErrorCode.DELEGATION_SCOPE_INVALID, scope.name(), request.ledgerType().nameZh());
            }
        }
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

    /** One business the delegate may do for a principal on a ledger type today. */
    public record Authorization(String principal, String principalName, LedgerType ledgerType, String ledgerTypeZh,
                                String ledgerTypeEn, BusinessScope scope, String scopeZh, String scopeEn, long delegationId,
                                LocalDate validUntil) {
    }

    /**
     * 被授权查询信息 (FP 1847, 1855, 1865): what the actor's enterprise may do as a delegate today, per principal,
     * ledger type and business, from its accepted, switched-on, unexpired delegations only.
     */
    public List<Authorization> authorizations(CurrentActor actor, LedgerType ledgerType, String principal) {
        String own = ownEnterprise(actor);
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        return delegations.list(own).stream()
                .filter(d -> d.delegate().equals(own))
                .filter(d -> ledgerType == null || d.ledgerType() == ledgerType)
                .filter(d -> principal == null || principal.isBlank() || d.principal().equals(principal))
                .flatMap(d -> d.scopes().stream().filter(s -> d.covers(d.ledgerType(), s, today))
                        .sorted().map(s -> new Authorization(d.principal(), d.principalName(), d.ledgerType(),
                                d.ledgerType().nameZh(), d.ledgerType().nameEn(), s, s.nameZh(), s.nameEn(), d.id(),
                                d.validUntil())))
                .toList();
    }

    /** 代办业务支持授权校验 as a call: refused 403 {@code DELEGATION_SCOPE_DENIED} when not delegated. */
    public Authorization check(CurrentActor actor, String principal, LedgerType type, BusinessScope scope) {
        String own = ownEnterprise(actor);
        authorize(own, principal, type, scope);
        return authorizations(actor, type, principal).stream().filter(a -> a.scope() == scope).findFirst().orElseThrow();
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
