-- 报关单复制校验规则 / 报关单删除校验规则设置 (FP 90, 103, 190): per declaration type, the states from which a declaration
-- may be copied or deleted, kept by operators; no row: what the lifecycle allows. Every change is logged.
CREATE TABLE declaration_action_rule (
    action           varchar(10)   NOT NULL CHECK (action IN ('COPY', 'DELETE')),
    declaration_type varchar(30)   NOT NULL,
    statuses         varchar(300)  NOT NULL,
    enabled          boolean       NOT NULL DEFAULT true,
    version          int           NOT NULL DEFAULT 1,
    updated_by       varchar(100)  NOT NULL,
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (action, declaration_type)
);

CREATE TABLE declaration_action_rule_log (
    id               bigserial     PRIMARY KEY,
    action           varchar(10)   NOT NULL,
    declaration_type varchar(30)   NOT NULL,
    change           varchar(10)   NOT NULL CHECK (change IN ('SAVED', 'DELETED')),
    version          int           NOT NULL,
    statuses         varchar(300)  NOT NULL,
    enabled          boolean       NOT NULL,
    changed_by       varchar(100)  NOT NULL,
    changed_at       timestamptz   NOT NULL DEFAULT now()
);
