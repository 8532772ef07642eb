package cn.hnsw.customs.declaration;

import java.util.EnumSet;
import java.util.Set;

/**
 * 报关单状态 — where a declaration stands (spec §3.2). The allowed moves are written once, here.
 * <pre>
 * DRAFT --submit--> SUBMITTED --technical receipt--> SW_ACCEPTED --business receipt--> ACCEPTED | RELEASED | RETURNED
 * SUBMITTED --technical rejection--> SW_REJECTED          ACCEPTED --release--> RELEASED
 * DRAFT | SW_REJECTED | RETURNED --delete--> DELETED     SUBMITTED | SW_ACCEPTED | ACCEPTED --withdraw--> WITHDRAWN
 * SW_REJECTED | RETURNED --correct and resubmit (重新申报)--> SUBMITTED
 * </pre>
 * A returned or rejected declaration is either corrected and resubmitted under its own pre-entry number (FP 936,
 * 1221; its earlier receipts stay in its history) or copied into a new draft (new pre-entry number, R8).
 */
public enum DeclarationStatus {
    /** 暂存 */
    DRAFT("暂存", "Draft"),
    /** 已申报（已加签加密发送单一窗口） */
    SUBMITTED("已申报", "Submitted"),
    /** 单一窗口已接收（技术回执） */
    SW_ACCEPTED("单一窗口已接收", "Received by the Single Window"),
    /** 单一窗口拒收（技术回执） */
    SW_REJECTED("单一窗口拒收", "Rejected by the Single Window"),
    /** 海关已受理（业务回执） */
    ACCEPTED("海关已受理", "Accepted by customs"),
    /** 海关放行（业务回执） */
    RELEASED("海关放行", "Released"),
    /** 海关退单（业务回执） */
    RETURNED("海关退单", "Returned by customs"),
    /** 已撤销 */
    WITHDRAWN("已撤销", "Withdrawn"),
    /** 已删除 */
    DELETED("已删除", "Deleted");

    private final String nameZh;
    private final String nameEn;

    DeclarationStatus(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public Set<DeclarationStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, DELETED);
            case SUBMITTED -> EnumSet.of(SW_ACCEPTED, SW_REJECTED, ACCEPTED, RELEASED, RETURNED, WITHDRAWN);
            case SW_ACCEPTED -> EnumSet.of(ACCEPTED, RELEASED, RETURNED, WITHDRAWN);
            case ACCEPTED -> EnumSet.of(RELEASED, RETURNED, WITHDRAWN);
            case SW_REJECTED, RETURNED -> EnumSet.of(SUBMITTED, DELETED);
            case RELEASED, WITHDRAWN, DELETED -> EnumSet.noneOf(DeclarationStatus.class);
        };
    }

    public boolean canMoveTo(DeclarationStatus target) {
        return next().contains(target);
    }

    /** 重新申报: the Single Window refused it or customs returned it, so the enterprise may correct and resubmit it. */
    public boolean resubmittable() {
        return this == SW_REJECTED || this == RETURNED;
    }

    /** Has customs' business answer arrived: receipts after it cannot turn the clock back. */
    public boolean decided() {
        return this == ACCEPTED || this == RELEASED || this == RETURNED;
    }
}
