-- 径予放行报关单录入界面配置 / 申报查询界面配置 (FP 142–147, 193–198) and the second-line 录入数据项 / 录入模版 / 查询数据项 /
-- 查询模版 management (FP 612–672): per declaration type and screen, which fields the screen shows, in which order, which
-- are required (entry) and their defaults. No row: the standard screen (every field, nothing extra required).
CREATE TABLE screen_config (
    declaration_type varchar(30)  NOT NULL,
    screen           varchar(10)  NOT NULL,
    version          int          NOT NULL,
    updated_by       varchar(100) NOT NULL,
    updated_at       timestamptz  NOT NULL,
    PRIMARY KEY (declaration_type, screen)
);

CREATE TABLE screen_config_field (
    declaration_type varchar(30)  NOT NULL,
    screen           varchar(10)  NOT NULL,
    section          varchar(20)  NOT NULL,
    field            varchar(40)  NOT NULL,
    position         int          NOT NULL,
    required         boolean      NOT NULL DEFAULT false,
    default_value    varchar(200),
    PRIMARY KEY (declaration_type, screen, section, field),
    FOREIGN KEY (declaration_type, screen) REFERENCES screen_config (declaration_type, screen) ON DELETE CASCADE
);

-- Every change is kept: the version it made, who, what, and the whole field list after it (日志处理).
CREATE TABLE screen_config_history (
    declaration_type varchar(30)   NOT NULL,
    screen           varchar(10)   NOT NULL,
    version          int           NOT NULL,
    action           varchar(30)   NOT NULL,
    detail           varchar(200),
    fields           varchar(4000) NOT NULL,
    changed_by       varchar(100)  NOT NULL,
    changed_at       timestamptz   NOT NULL,
    PRIMARY KEY (declaration_type, screen, version)
);
