-- 数据主题库管理 / 数据应用管理 / 作业主题库 (FP 147–166, 185–189, 209–236): a theme store gathers rows from the
-- platform's datasets through its data feeds (dataset, fields kept, conditions), filled by processing tasks whose
-- failed rows raise an anomaly; query pages are saved queries over the store; data services serve a store (or one
-- of its pages) to the roles they name.
CREATE TABLE theme_store (
    id          uuid PRIMARY KEY,
    code        varchar(64)  NOT NULL UNIQUE,
    name_zh     varchar(128) NOT NULL,
    name_en     varchar(128) NOT NULL,
    category    varchar(16)  NOT NULL CHECK (category IN ('FACE_BASE', 'KEY_PERSON', 'OPERATIONS', 'CUSTOM')),
    description varchar(512),
    enabled     boolean      NOT NULL DEFAULT true,
    created_by  varchar(64)  NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_by  varchar(64),
    updated_at  timestamptz
);

CREATE TABLE theme_store_feed (
    id          uuid PRIMARY KEY,
    store_id    uuid         NOT NULL REFERENCES theme_store (id) ON DELETE CASCADE,
    name        varchar(128) NOT NULL,
    dataset     varchar(32)  NOT NULL,
    fields      jsonb        NOT NULL,
    conditions  jsonb        NOT NULL DEFAULT '[]'::jsonb,
    enabled     boolean      NOT NULL DEFAULT true,
    created_by  varchar(64)  NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz
);

CREATE TABLE theme_store_row (
    store_id    uuid        NOT NULL REFERENCES theme_store (id) ON DELETE CASCADE,
    feed_id     uuid        NOT NULL REFERENCES theme_store_feed (id) ON DELETE CASCADE,
    source_id   varchar(64) NOT NULL,
    data        jsonb       NOT NULL,
    stored_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (store_id, feed_id, source_id)
);

CREATE TABLE theme_store_task (
    id          uuid PRIMARY KEY,
    store_id    uuid         NOT NULL REFERENCES theme_store (id) ON DELETE CASCADE,
    feed_id     uuid         REFERENCES theme_store_feed (id) ON DELETE CASCADE,
    name        varchar(128) NOT NULL,
    enabled     boolean      NOT NULL DEFAULT true,
    status      varchar(32)  NOT NULL DEFAULT 'NEW',
    runs        integer      NOT NULL DEFAULT 0,
    read_rows   integer      NOT NULL DEFAULT 0,
    stored      integer      NOT NULL DEFAULT 0,
    skipped     integer      NOT NULL DEFAULT 0,
    failed      integer      NOT NULL DEFAULT 0,
    alert_id    varchar(64),
    anomaly     varchar(16)  NOT NULL DEFAULT 'NONE',
    anomaly_note varchar(1024),
    handled_by  varchar(64),
    last_run_at timestamptz,
    created_by  varchar(64)  NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz
);

CREATE TABLE theme_store_failure (
    task_id     uuid         NOT NULL REFERENCES theme_store_task (id) ON DELETE CASCADE,
    feed_id     uuid         NOT NULL,
    source_id   varchar(64)  NOT NULL,
    reason      varchar(512) NOT NULL,
    PRIMARY KEY (task_id, feed_id, source_id)
);

CREATE TABLE theme_store_page (
    id          uuid PRIMARY KEY,
    store_id    uuid         NOT NULL REFERENCES theme_store (id) ON DELETE CASCADE,
    name        varchar(128) NOT NULL,
    columns     jsonb        NOT NULL,
    conditions  jsonb        NOT NULL DEFAULT '[]'::jsonb,
    sort_field  varchar(64),
    sort_desc   boolean      NOT NULL DEFAULT false,
    created_by  varchar(64)  NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz
);

CREATE TABLE theme_store_service (
    id          uuid PRIMARY KEY,
    code        varchar(64)  NOT NULL UNIQUE,
    name        varchar(128) NOT NULL,
    store_id    uuid         NOT NULL REFERENCES theme_store (id),
    page_id     uuid         REFERENCES theme_store_page (id),
    roles       jsonb        NOT NULL,
    enabled     boolean      NOT NULL DEFAULT true,
    created_by  varchar(64)  NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz
);
