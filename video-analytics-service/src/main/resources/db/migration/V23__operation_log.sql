-- 日志管理 (FP 1155–1156): every change made through the video-analytics API (allowed or refused) and the actions the
-- console records (exports, views of a person's trajectory), with who, when and the outcome.
CREATE TABLE video_operation_log (
    id          bigserial    PRIMARY KEY,
    at          timestamptz  NOT NULL DEFAULT now(),
    username    varchar(128) NOT NULL,
    roles       varchar(512) NOT NULL,
    kind        varchar(16)  NOT NULL CHECK (kind IN ('API', 'CONSOLE')),
    action      varchar(256) NOT NULL,
    target      varchar(512),
    status      integer,
    duration_ms integer,
    request_id  varchar(64)
);
CREATE INDEX video_operation_log_user_at ON video_operation_log (username, at DESC);
CREATE INDEX video_operation_log_at ON video_operation_log (at DESC);
