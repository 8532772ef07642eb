-- 报关单关联赋值数据项设置 (FP 219, 224): the direct-release remark fill as an operator's setting: the marker every
-- direct-release remark starts with, and the goods attribute whose choice adds its own marker. One row; every change
-- is logged.
CREATE TABLE remark_fill_setting (
    id               smallint      PRIMARY KEY CHECK (id = 1),
    marker           varchar(50)   NOT NULL,
    linked_attribute varchar(10),
    linked_marker    varchar(50),
    version          int           NOT NULL DEFAULT 1,
    updated_by       varchar(100)  NOT NULL,
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    CHECK ((linked_attribute IS NULL) = (linked_marker IS NULL))
);

INSERT INTO remark_fill_setting (id, marker, linked_attribute, linked_marker, updated_by)
VALUES (1, '一线径予放行', 'HN01', '放宽贸易管制货物', 'migration');

CREATE TABLE remark_fill_setting_log (
    id               bigserial     PRIMARY KEY,
    version          int           NOT NULL,
    marker           varchar(50)   NOT NULL,
    linked_attribute varchar(10),
    linked_marker    varchar(50),
    changed_by       varchar(100)  NOT NULL,
    changed_at       timestamptz   NOT NULL DEFAULT now()
);
