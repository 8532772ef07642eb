package cn.hnsw.ledger.delegation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** 委托备案状态 (spec §3.5): PENDING_REVIEW → ACTIVE | REJECTED; ACTIVE ⇄ DISABLED. */
public enum DelegationStatus {
    PENDING_REVIEW, ACTIVE, REJECTED, DISABLED;

    private static final Map<DelegationStatus, Set<DelegationStatus>> MOVES = Map.of(
            PENDING_REVIEW, EnumSet.of(ACTIVE, REJECTED),
            ACTIVE, EnumSet.of(DISABLED),
            DISABLED, EnumSet.of(ACTIVE),
            REJECTED, EnumSet.noneOf(DelegationStatus.class));

    public boolean canMoveTo(DelegationStatus next) {
        return MOVES.get(this).contains(next);
    }
}
