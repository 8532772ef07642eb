-- 表格导出校验设置 / 表格导入校验设置 (FP 127, 178, 185, 335, 394, 560, 791, 850, 1076, 1135) per declaration type:
-- the most rows one export or one import may hold, and (import) the sheet columns each row must fill. No row: the
-- built-in limits. Every change is kept with the setting as it was afterwards. The export's columns and their order are
-- the declaration type's EXPORT screen (screen_config).
CREATE TABLE excel_setting (
    direction        varchar(6)    NOT NULL CHECK (direction IN ('IMPORT', 'EXPORT')),
    declaration_type varchar(30)   NOT NULL,
    max_rows         int           NOT NULL CHECK (max_rows > 0),
    required_columns varchar(1000) NOT NULL DEFAULT '',
    enabled          boolean       NOT NULL DEFAULT true,
    version          int           NOT NULL DEFAULT 1,
    updated_by       varchar(100)  NOT NULL,
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (direction, declaration_type)
);

CREATE TABLE excel_setting_log (
    id               bigserial     PRIMARY KEY,
    direction        varchar(6)    NOT NULL,
    declaration_type varchar(30)   NOT NULL,
    action           varchar(10)   NOT NULL CHECK (action IN ('SAVED', 'DELETED')),
    version          int           NOT NULL,
    snapshot         text          NOT NULL,
    changed_by       varchar(100)  NOT NULL,
    changed_at       timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX excel_setting_log_key ON excel_setting_log (direction, declaration_type, id DESC);
