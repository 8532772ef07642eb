package cn.hnsw.ledger.document;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.Roles;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.delegation.DelegationService;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * 数据权限隔离 and 业务操作权限控制 (FP 1833–1834): an enterprise user acts for its own enterprise, or for a principal
 * that delegated the document type's business on its ledger type to it; officers read across enterprises.
 */
@Component
public class DocumentAccess {

    /** Officers who read every enterprise's ledgers (customs, government, single-window operation). */
    public static final List<String> OFFICER_ROLES = List.of(Roles.CUSTOMS_OFFICER, Roles.CUSTOMS_REVIEWER,
            Roles.GOV_PROVINCE, Roles.GOV_PROVINCIAL_DEPT, Roles.GOV_COUNTY, Roles.GOV_COUNTY_UNIT, Roles.SW_OPERATOR,
            Roles.PLATFORM_ADMIN);

    private final DelegationService delegations;

    public DocumentAccess(DelegationService delegations) {
        this.delegations = delegations;
    }

    /** For whom the actor acts: its own enterprise, or {@code actingFor} when delegated. */
    public record Acting(String enterprise, String delegate) {
    }

    public Acting forWrite(CurrentActor actor, DocumentType type, String actingFor) {
        String own = ownEnterprise(actor);
        if (actingFor == null || actingFor.isBlank() || actingFor.equals(own)) {
            return new Acting(own, null);
        }
        delegations.authorize(own, actingFor, type.ledgerType(), type.scope());
        return new Acting(actingFor, own);
    }

    public void checkWrite(CurrentActor actor, DeclarableDocument document) {
        String own = ownEnterprise(actor);
        if (!own.equals(document.enterprise())) {
            DocumentType type = document.type();
            if (!delegations.allows(own, document.enterprise(), type.ledgerType(), type.scope())) {
                throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
            }
        }
    }

    /**
     * Line edits: the own enterprise, a delegate of the document's business, or a delegate of the business every
     * touched line kind belongs to on its own (成品物料单损耗 on a processing ledger set-up); anyone else is refused
     * with the scope it lacks.
     */
    public void checkLineWrite(CurrentActor actor, DeclarableDocument document, java.util.Collection<LineKind> kinds) {
        String own = ownEnterprise(actor);
        if (own.equals(document.enterprise())) {
            return;
        }
        DocumentType type = document.type();
        if (delegations.allows(own, document.enterprise(), type.ledgerType(), type.scope())) {
            return;
        }
        java.util.Set<BusinessScope> lineScopes = kinds.stream()
                .map(k -> type.line(k).map(LineSpec::scope).orElse(null))
                .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
        if (lineScopes.size() == 1 && !lineScopes.contains(null)) {
            delegations.authorize(own, document.enterprise(), type.ledgerType(), lineScopes.iterator().next());
            return;
        }
        if (!kinds.isEmpty() && lineScopes.size() == 1 && lineScopes.contains(null) && type.scope() != null) {
            delegations.authorize(own, document.enterprise(), type.ledgerType(), type.scope());
        }
        throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
    }

    /** Reading: officers, the own enterprise, a delegate of the document's business or of one of its line kinds'. */
    public void checkRead(CurrentActor actor, DeclarableDocument document) {
        if (isOfficer(actor)) {
            return;
        }
        String own = ownEnterprise(actor);
        DocumentType type = document.type();
        if (!own.equals(document.enterprise()) && type.lines().stream().anyMatch(l -> l.scope() != null
                && delegations.allows(own, document.enterprise(), type.ledgerType(), l.scope()))) {
            return;
        }
        checkWrite(actor, document);
    }

    /** The enterprise a list must be limited to, or null for officers who see all. */
    public String listRestriction(CurrentActor actor, String actingFor) {
        if (isOfficer(actor) && !actor.isEnterpriseUser()) {
            return null;
        }
        String own = ownEnterprise(actor);
        if (actingFor == null || actingFor.isBlank() || actingFor.equals(own)) {
            return own;
        }
        boolean anyScope = java.util.Arrays.stream(LedgerType.values()).anyMatch(t ->
                java.util.Arrays.stream(BusinessScope.values()).anyMatch(s -> delegations.allows(own, actingFor, t, s)));
        if (!anyScope) {
            throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
        }
        return actingFor;
    }

    public static boolean isOfficer(CurrentActor actor) {
        return actor.hasAnyRole(OFFICER_ROLES);
    }

    public static String ownEnterprise(CurrentActor actor) {
        if (!actor.isEnterpriseUser()) {
            throw new HnswException(LedgerErrorCode.ENTERPRISE_REQUIRED);
        }
        if (actor.enterprise() == null) {
            throw new HnswException(CommonErrorCode.ENTERPRISE_SCOPE_VIOLATION);
        }
        return actor.enterprise();
    }
}
