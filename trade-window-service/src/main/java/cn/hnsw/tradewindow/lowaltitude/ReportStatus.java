package cn.hnsw.tradewindow.lowaltitude;

import java.util.EnumSet;
import java.util.Set;

/**
 * The cycle of every report form (original, correction, withdrawal, supplement): 申报 → 接收 + 逻辑检控/业务校验 →
 * 审核结果生成 → 反馈企业端 (re-sendable, 补发) → 回执结果更新. A form that fails the logic check gets its receipt at once.
 */
public enum ReportStatus {
    DRAFT, PENDING_REVIEW, LOGIC_FAILED, REVIEWED, RECEIPT_SENT, COMPLETED;

    public Set<ReportStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(PENDING_REVIEW, LOGIC_FAILED);
            case PENDING_REVIEW -> EnumSet.of(REVIEWED);
            case LOGIC_FAILED, REVIEWED -> EnumSet.of(RECEIPT_SENT);
            case RECEIPT_SENT -> EnumSet.of(RECEIPT_SENT, COMPLETED);
            case COMPLETED -> EnumSet.noneOf(ReportStatus.class);
        };
    }

    public boolean canMoveTo(ReportStatus target) {
        return next().contains(target);
    }
}
