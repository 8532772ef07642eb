-- 数据服务级联接口 (FP 953, 956): data operations a superior platform (this one) performs on a subordinate platform
-- through the sealed cascade link, each kept with its outcome, whether the subordinate applied it or refused it.
CREATE TABLE cascade_data_operation (
    id           uuid PRIMARY KEY,
    link_id      uuid         NOT NULL REFERENCES face_cascade_link (id) ON DELETE CASCADE,
    operation    varchar(8)   NOT NULL CHECK (operation IN ('ADD', 'UPDATE', 'DELETE')),
    record_type  varchar(32)  NOT NULL,
    record_id    varchar(64)  NOT NULL,
    fields       jsonb        NOT NULL DEFAULT '{}'::jsonb,
    applied      boolean      NOT NULL,
    reason       varchar(64),
    operated_by  varchar(128) NOT NULL,
    operated_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX cascade_data_operation_link ON cascade_data_operation (link_id, operated_at DESC);

-- 比对订阅服务接口 (FP 954): a superior platform subscribes to this platform's comparison results (watch-list hits),
-- optionally of one kind of task and up to a distance; the hits raised after the subscription are pushed to it over
-- sealed messages, each once, from where the last successful push stopped.
CREATE TABLE comparison_subscription (
    id              uuid PRIMARY KEY,
    code            varchar(64)  NOT NULL UNIQUE,
    name            varchar(128) NOT NULL,
    partner_id      varchar(64)  NOT NULL,
    watchlist_kind  varchar(32),
    max_distance    double precision CHECK (max_distance IS NULL OR max_distance > 0),
    enabled         boolean      NOT NULL DEFAULT true,
    pushed_until    timestamptz  NOT NULL DEFAULT now(),
    pushed          integer      NOT NULL DEFAULT 0,
    last_pushed_at  timestamptz,
    last_error      varchar(512),
    created_by      varchar(128) NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now()
);
