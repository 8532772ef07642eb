-- 初始值模版 / 录入模版 (FP 106–115 direct release, 315–319 second line, 357–363 export initial values): an
-- enterprise keeps named sets of header values (and, for an entry template, goods items) per declaration type and
-- direction; applying one fills what a new declaration left blank. Every set, change and deletion is logged.
CREATE TABLE declaration_template (
    id               uuid         PRIMARY KEY,
    enterprise_uscc  varchar(18)  NOT NULL,
    kind             varchar(16)  NOT NULL CHECK (kind IN ('INITIAL_VALUE', 'ENTRY')),
    declaration_type varchar(30)  NOT NULL,
    import_export    varchar(6)   NOT NULL CHECK (import_export IN ('IMPORT', 'EXPORT')),
    name             varchar(100) NOT NULL,
    header           jsonb        NOT NULL,
    items            jsonb        NOT NULL DEFAULT '[]',
    created_by       varchar(100) NOT NULL,
    created_at       timestamptz  NOT NULL,
    updated_by       varchar(100) NOT NULL,
    updated_at       timestamptz  NOT NULL,
    version          int          NOT NULL DEFAULT 1,
    UNIQUE (enterprise_uscc, kind, name)
);

CREATE TABLE declaration_template_log (
    id               uuid         PRIMARY KEY,
    template_id      uuid         NOT NULL,
    enterprise_uscc  varchar(18)  NOT NULL,
    kind             varchar(16)  NOT NULL,
    declaration_type varchar(30)  NOT NULL,
    import_export    varchar(6)   NOT NULL,
    name             varchar(100) NOT NULL,
    action           varchar(10)  NOT NULL CHECK (action IN ('CREATED', 'CHANGED', 'DELETED')),
    actor            varchar(100) NOT NULL,
    at               timestamptz  NOT NULL
);
CREATE INDEX declaration_template_log_enterprise ON declaration_template_log (enterprise_uscc, at DESC);
