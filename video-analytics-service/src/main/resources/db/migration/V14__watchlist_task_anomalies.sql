-- 人脸布控 / 人脸基础信息库布控 任务异常: a camera a watch-list task watches goes down; the anomaly is fed back to the
-- task's officers (an alert) and stays open until one of them handles it.
CREATE TABLE watchlist_task_anomaly (
    id           uuid PRIMARY KEY,
    task_id      uuid          NOT NULL REFERENCES watchlist_task (id),
    camera_id    uuid          NOT NULL,
    device_code  varchar(64)   NOT NULL,
    reason_zh    varchar(500)  NOT NULL,
    reason_en    varchar(500)  NOT NULL,
    status       varchar(16)   NOT NULL DEFAULT 'OPEN',
    alert_id     varchar(64)   NOT NULL,
    note         varchar(1024),
    handled_by   varchar(128),
    handled_at   timestamptz,
    raised_at    timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX watchlist_task_anomaly_task ON watchlist_task_anomaly (task_id, raised_at DESC);
