package cn.hnsw.video.mobile;

/** 移动单兵应用 — what a handheld receives. */
public enum MobileChannel {
    /** 风险旅客预警通知: watch-list alerts on persons */
    RISK_TRAVELER,
    /** 风险车辆预警通知: watch-list alerts on plates */
    RISK_VEHICLE,
    /** 预警处置结果反馈: alerts once handled, with the result */
    HANDLING_FEEDBACK,
    /** 实时画面查看: the cameras' latest pictures and health */
    MONITORING,
    /** AR眼镜应用布控预警通知: the active controls the officer is bound to, with their instructions */
    WATCHLIST
}
