-- 现场集中监控指挥: saved queries over the analysis findings (综合查询), camera wall layouts (监控展示) and command
-- tasks with their video signals, officers and talk group (应急指挥). Templates are drafts until published.
CREATE TABLE query_template (
    id          uuid PRIMARY KEY,
    name        varchar(128) NOT NULL,
    kind        varchar(32),
    code        varchar(32),
    status      varchar(16),
    published   boolean      NOT NULL DEFAULT false,
    created_by  varchar(128) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE display_template (
    id          uuid PRIMARY KEY,
    name        varchar(128) NOT NULL,
    grid        integer      NOT NULL CHECK (grid IN (1, 4, 9, 16)),
    camera_ids  uuid[]       NOT NULL DEFAULT '{}',
    published   boolean      NOT NULL DEFAULT false,
    created_by  varchar(128) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE command_task (
    id             uuid PRIMARY KEY,
    title          varchar(128) NOT NULL,
    level          varchar(8)   NOT NULL,
    camera_ids     uuid[]       NOT NULL DEFAULT '{}',
    officers       text[]       NOT NULL DEFAULT '{}',
    audio_channel  varchar(64),
    status         varchar(16)  NOT NULL DEFAULT 'OPEN',
    created_by     varchar(128) NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now()
);
