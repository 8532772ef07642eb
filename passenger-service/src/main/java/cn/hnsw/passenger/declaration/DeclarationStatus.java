package cn.hnsw.passenger.declaration;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a baggage declaration stands. {@code QUEUED}: validated and stored, waiting to be sent (customs unreachable
 * keeps it here until the dispatcher gets through); {@code SENT}: customs acknowledged it (technical receipt); the rest
 * are customs' business decisions, then tax and release.
 */
public enum DeclarationStatus {
    QUEUED, SENT, ACCEPTED, INSPECTION_REQUIRED, TAX_DUE, TAX_PAID, RELEASED, REJECTED, DELETED;

    /** States a traveler may still modify or delete from (a released, paid or deleted declaration is final). */
    public static final Set<DeclarationStatus> EDITABLE = EnumSet.of(QUEUED, SENT, ACCEPTED, REJECTED, INSPECTION_REQUIRED);

    /** The business decisions customs may bring in a receipt, and from which states each may be applied. */
    public boolean canMoveTo(DeclarationStatus next) {
        return switch (next) {
            case SENT -> this == QUEUED;
            case ACCEPTED -> this == QUEUED || this == SENT;
            case INSPECTION_REQUIRED -> this == QUEUED || this == SENT || this == ACCEPTED;
            case TAX_DUE -> this == QUEUED || this == SENT || this == ACCEPTED || this == INSPECTION_REQUIRED;
            case TAX_PAID -> this == TAX_DUE;
            case RELEASED -> this == QUEUED || this == SENT || this == ACCEPTED || this == INSPECTION_REQUIRED
                    || this == TAX_PAID;
            case REJECTED -> this == QUEUED || this == SENT || this == ACCEPTED || this == INSPECTION_REQUIRED;
            case DELETED -> EDITABLE.contains(this);
            case QUEUED -> EDITABLE.contains(this);
        };
    }
}
