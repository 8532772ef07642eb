package cn.hnsw.video.analysistask;

import java.util.List;

/** State of an analysis task, with the moves allowed written once. */
public enum AnalysisTaskStatus {
    /** 已创建: waits for a start */
    CREATED,
    /** 已排期: starts by itself at its start time */
    SCHEDULED,
    /** 排队中 */
    QUEUED,
    /** 运行中 */
    RUNNING,
    /** 已完成 */
    DONE,
    /** 失败: an anomaly is raised and waits for handling */
    FAILED,
    /** 已取消 */
    CANCELLED,
    /** 重连中: a continuous task lost its stream and reconnects with back-off */
    RECONNECTING,
    /** 已停止: a continuous task stopped by an operator (or its watch-list task withdrawn) */
    STOPPED;

    /** States a (re)start may leave. */
    public static final List<AnalysisTaskStatus> STARTABLE = List.of(CREATED, SCHEDULED, DONE, FAILED, CANCELLED, STOPPED);
    /** States in which the task may be changed or deleted: not while it is queued or running. */
    public static final List<AnalysisTaskStatus> AT_REST = STARTABLE;
    /** States a cancellation may leave. */
    public static final List<AnalysisTaskStatus> CANCELLABLE = List.of(SCHEDULED, QUEUED, RUNNING, RECONNECTING);

    public boolean atRest() {
        return AT_REST.contains(this);
    }
}
