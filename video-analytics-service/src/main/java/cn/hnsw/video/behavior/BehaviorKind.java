package cn.hnsw.video.behavior;

/** 行为分析 — the abnormal behaviours the service recognises (FP 577–750). */
public enum BehaviorKind {
    /** 异常奔跑 */
    RUNNING,
    /** 滞留徘徊 */
    LOITERING,
    /** 激烈运动 */
    VIOLENT_MOTION,
    /** 人群聚集 */
    CROWD,
    /** 物品遗留 */
    LEFT_BEHIND,
    /** 物品丢失 */
    ITEM_LOST
}
