-- 视频信号分发 / 分发管理 / 分发提示 (FP 113–115): which organisation receives which camera's signal through which
-- distribution point, from when to when. The platform keeps the record and notifies the receiver through the outbox;
-- switching the stream itself is done by the point (configuration, not media handling).
CREATE TABLE signal_distribution (
    id             uuid PRIMARY KEY,
    camera_id      uuid         NOT NULL REFERENCES camera (id),
    point_code     varchar(64)  NOT NULL, -- no reference: the history outlives a deleted point
    receiver_org   varchar(256) NOT NULL,
    receiver_name  varchar(128) NOT NULL,
    purpose        varchar(256),
    status         varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'STOPPED')),
    started_by     varchar(128) NOT NULL,
    started_at     timestamptz  NOT NULL DEFAULT now(),
    stopped_by     varchar(128),
    stopped_at     timestamptz,
    stop_reason    varchar(256)
);
-- one active distribution of a camera to a receiver
CREATE UNIQUE INDEX signal_distribution_active ON signal_distribution (camera_id, receiver_org) WHERE status = 'ACTIVE';
CREATE INDEX signal_distribution_point ON signal_distribution (point_code, status);
