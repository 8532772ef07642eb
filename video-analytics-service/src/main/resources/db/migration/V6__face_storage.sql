-- 人脸基础信息库 from external sources: data sources (数据源配置), storage tasks (入库任务) with monitoring counts, and the
-- records a task could not store, each with its reason, until a retry stores them (异常处置).
CREATE TABLE face_data_feed (
    id           uuid PRIMARY KEY,
    code         varchar(64)  NOT NULL UNIQUE,
    name         varchar(128) NOT NULL,
    source_type  varchar(32)  NOT NULL,
    partner_id   varchar(64)  NOT NULL,
    page_size    integer      NOT NULL CHECK (page_size BETWEEN 1 AND 200),
    enabled      boolean      NOT NULL DEFAULT true,
    created_by   varchar(128) NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE face_storage_task (
    id              uuid PRIMARY KEY,
    data_feed_id  uuid         NOT NULL REFERENCES face_data_feed (id),
    status          varchar(32)  NOT NULL,
    total           integer,
    processed       integer      NOT NULL DEFAULT 0,
    stored          integer      NOT NULL DEFAULT 0,
    failed          integer      NOT NULL DEFAULT 0,
    skipped         integer      NOT NULL DEFAULT 0,
    error_zh        varchar(500),
    error_en        varchar(500),
    created_by      varchar(128) NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    alert_id        varchar(64)
);
CREATE INDEX face_storage_task_source ON face_storage_task (data_feed_id, created_at DESC);

CREATE TABLE face_storage_failure (
    id                   uuid PRIMARY KEY,
    task_id              uuid         NOT NULL REFERENCES face_storage_task (id),
    external_id          varchar(64)  NOT NULL,
    person_code          varchar(64),
    name                 varchar(128),
    reason_code          varchar(64)  NOT NULL,
    reason_zh            varchar(500) NOT NULL,
    reason_en            varchar(500) NOT NULL,
    status               varchar(16)  NOT NULL DEFAULT 'OPEN',
    attempts             integer      NOT NULL DEFAULT 1,
    face_base_record_id  uuid REFERENCES face_base_record (id),
    last_attempt_at      timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (task_id, external_id)
);
