-- 海口数据分中心 参数同步管理 (FP 946–951, 1231–1236, 682–687): the sub-centre's own copy of the clearance parameter
-- tables, which version of each it holds, the automatic-update rule and the log of every synchronisation.
CREATE TABLE subcentre_parameter_entry (
    table_code varchar(40)  NOT NULL,
    code       varchar(20)  NOT NULL,
    name_zh    varchar(200) NOT NULL,
    name_en    varchar(200),
    PRIMARY KEY (table_code, code)
);

CREATE TABLE subcentre_parameter_sync (
    table_code     varchar(40)  PRIMARY KEY,
    synced_version int          NOT NULL,
    entries        int          NOT NULL,
    synced_at      timestamptz  NOT NULL
);

CREATE TABLE subcentre_parameter_sync_rule (
    id          int          PRIMARY KEY CHECK (id = 1),
    auto_update boolean      NOT NULL,
    tables      varchar(2000) NOT NULL,
    updated_by  varchar(100) NOT NULL,
    updated_at  timestamptz  NOT NULL,
    version     int          NOT NULL
);
INSERT INTO subcentre_parameter_sync_rule (id, auto_update, tables, updated_by, updated_at, version)
VALUES (1, false, '*', 'migration', now(), 1);

CREATE TABLE subcentre_parameter_sync_log (
    id           bigserial    PRIMARY KEY,
    table_code   varchar(40)  NOT NULL,
    from_version int          NOT NULL,
    to_version   int          NOT NULL,
    entries      int          NOT NULL,
    result       varchar(10)  NOT NULL CHECK (result IN ('SUCCESS', 'FAILURE')),
    detail       varchar(500),
    synced_by    varchar(100) NOT NULL,
    synced_at    timestamptz  NOT NULL
);
CREATE INDEX subcentre_parameter_sync_log_table ON subcentre_parameter_sync_log (table_code, id DESC);
