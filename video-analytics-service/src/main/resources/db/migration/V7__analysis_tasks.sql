-- 视频结构化解析任务引擎: one shape for every analysis kind (portrait parsing, assisted analysis, offline video,
-- algorithm fusion, the behaviours and the image-quality faults): per-kind stream types and storage settings,
-- data feeds, algorithm services, tasks with an instruction, progress, stored slices, findings and anomalies.

CREATE TABLE analysis_kind_setting (
    kind            varchar(32) PRIMARY KEY,
    stream_types    varchar(16)[] NOT NULL,
    keep_slices     boolean     NOT NULL DEFAULT false,
    slice_seconds   integer     NOT NULL DEFAULT 10 CHECK (slice_seconds BETWEEN 2 AND 600),
    retention_days  integer     NOT NULL DEFAULT 30 CHECK (retention_days BETWEEN 1 AND 3650),
    updated_by      varchar(128),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE analysis_feed (
    id          uuid PRIMARY KEY,
    kind        varchar(32)  NOT NULL,
    name        varchar(128) NOT NULL,
    protocol    varchar(16)  NOT NULL,
    camera_id   uuid REFERENCES camera (id),
    source_url  varchar(1024),
    object_key  varchar(512),
    file_name   varchar(256),
    file_bytes  bigint,
    enabled     boolean      NOT NULL DEFAULT true,
    created_by  varchar(128) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CHECK (camera_id IS NOT NULL OR source_url IS NOT NULL OR object_key IS NOT NULL)
);
CREATE INDEX analysis_feed_kind ON analysis_feed (kind, created_at DESC);

CREATE TABLE analysis_service (
    id          uuid PRIMARY KEY,
    kind        varchar(32)  NOT NULL,
    name        varchar(128) NOT NULL,
    detector    varchar(32)  NOT NULL,
    sample_fps  double precision NOT NULL CHECK (sample_fps > 0 AND sample_fps <= 30),
    enabled     boolean      NOT NULL DEFAULT true,
    version     integer      NOT NULL DEFAULT 1,
    created_by  varchar(128) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX analysis_service_kind ON analysis_service (kind);

CREATE TABLE analysis_task (
    id                  uuid PRIMARY KEY,
    kind                varchar(32)  NOT NULL,
    name                varchar(128) NOT NULL,
    service_id          uuid NOT NULL REFERENCES analysis_service (id),
    feed_id             uuid NOT NULL REFERENCES analysis_feed (id),
    instruction         jsonb        NOT NULL DEFAULT '{}'::jsonb,
    instruction_version integer      NOT NULL DEFAULT 1,
    applied_version     integer,
    max_seconds         integer      NOT NULL CHECK (max_seconds BETWEEN 1 AND 3600),
    start_at            timestamptz,
    status              varchar(16)  NOT NULL,
    frames              integer      NOT NULL DEFAULT 0,
    media_ms            bigint       NOT NULL DEFAULT 0,
    duration_ms         bigint,
    findings            integer      NOT NULL DEFAULT 0,
    slices              integer      NOT NULL DEFAULT 0,
    error_zh            varchar(512),
    error_en            varchar(512),
    anomaly             varchar(16)  NOT NULL DEFAULT 'NONE',
    anomaly_alert_id    varchar(64),
    anomaly_note        varchar(1024),
    anomaly_handled_by  varchar(128),
    anomaly_handled_at  timestamptz,
    runs                integer      NOT NULL DEFAULT 0,
    created_by          varchar(128) NOT NULL,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    started_at          timestamptz,
    finished_at         timestamptz
);
CREATE INDEX analysis_task_kind ON analysis_task (kind, created_at DESC);
CREATE INDEX analysis_task_due ON analysis_task (start_at) WHERE status = 'SCHEDULED';

CREATE TABLE analysis_slice (
    task_id     uuid    NOT NULL REFERENCES analysis_task (id) ON DELETE CASCADE,
    run         integer NOT NULL,
    seq         integer NOT NULL,
    start_ms    bigint  NOT NULL,
    end_ms      bigint  NOT NULL,
    object_key  varchar(512) NOT NULL,
    bytes       bigint  NOT NULL,
    PRIMARY KEY (task_id, run, seq)
);

CREATE TABLE analysis_finding (
    id              uuid PRIMARY KEY,
    task_id         uuid NOT NULL REFERENCES analysis_task (id) ON DELETE CASCADE,
    run             integer      NOT NULL,
    kind            varchar(32)  NOT NULL,
    family          varchar(16)  NOT NULL,
    code            varchar(32)  NOT NULL,
    start_ms        bigint       NOT NULL,
    end_ms          bigint       NOT NULL,
    detail          jsonb        NOT NULL,
    alert_id        varchar(64),
    capture_id      uuid,
    snapshot_key    varchar(512),
    face_record_id  uuid,
    face_label      varchar(256),
    similarity      double precision,
    cluster_no      integer,
    status          varchar(16)  NOT NULL DEFAULT 'OPEN',
    handling_result varchar(32),
    handling_note   varchar(1024),
    handled_by      varchar(128),
    handled_at      timestamptz,
    created_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX analysis_finding_task ON analysis_finding (task_id, start_ms);
CREATE INDEX analysis_finding_kind ON analysis_finding (kind, created_at DESC);
