package cn.hnsw.ledger.delegation;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.BusinessScope;
import cn.hnsw.ledger.document.LedgerType;
import cn.hnsw.ledger.errors.LedgerErrorCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** 委托备案 — a principal enterprise lets a delegate enterprise act for it on one ledger type, within scopes. */
public record Delegation(long id, String principal, String principalName, String delegate, String delegateName,
                         LedgerType ledgerType, Set<BusinessScope> scopes, DelegationStatus status, LocalDate validUntil,
                         Instant createdAt, Instant reviewedAt, String reviewComment) {

    public Delegation {
        scopes = Set.copyOf(scopes);
    }

    public DelegationStatus moveTo(DelegationStatus next, String action) {
        if (!status.canMoveTo(next)) {
            throw new HnswException(LedgerErrorCode.DELEGATION_STATE, id, status.name(), action);
        }
        return next;
    }

    public boolean covers(LedgerType type, BusinessScope scope, LocalDate today) {
        return status == DelegationStatus.ACTIVE && ledgerType == type && scope != null && scopes.contains(scope)
                && (validUntil == null || !today.isAfter(validUntil));
    }
}
