package cn.hnsw.tradewindow.pilot;

import java.util.EnumSet;
import java.util.Set;

/** 试点申请状态 — the states of a pilot application and the moves allowed out of each, written once. */
public enum PilotStatus {
    /** 草稿: documents are being uploaded. */
    DRAFT,
    /** 审批中: in the four-level chain. */
    IN_REVIEW,
    /** 退回补正: returned to the enterprise for correction. */
    RETURNED,
    /** 已批准. */
    APPROVED,
    /** 不予批准. */
    REJECTED,
    /** 已撤回 by the enterprise. */
    WITHDRAWN,
    /** 已终止退出. */
    TERMINATED;

    public Set<PilotStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_REVIEW, WITHDRAWN);
            case IN_REVIEW -> EnumSet.of(RETURNED, APPROVED, REJECTED, WITHDRAWN);
            case RETURNED -> EnumSet.of(IN_REVIEW, WITHDRAWN);
            case APPROVED -> EnumSet.of(TERMINATED);
            case REJECTED, WITHDRAWN, TERMINATED -> EnumSet.noneOf(PilotStatus.class);
        };
    }

    public boolean canMoveTo(PilotStatus target) {
        return next().contains(target);
    }

    /** Documents may be added, revoked or deleted while the enterprise holds the application. */
    public boolean documentsEditable() {
        return this == DRAFT || this == RETURNED;
    }
}
