package cn.hnsw.video.watchlist;

/** States of a watch-list task (布控任务). A task matches video only while ACTIVE. */
public enum WatchlistStatus {
    /** Submitted, waiting for review (布控审批). */
    PENDING_REVIEW,
    ACTIVE,
    REJECTED,
    WITHDRAWN;
}
