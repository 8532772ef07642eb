-- 接入类型 and 接入数据项 as data (FP 124, 167, 168, 190, 191, 201, 214, 215, 225, 328, 329): the kinds of data that
-- come into the face base library, the key-person library, the operations theme store and the watch-list objects,
-- each with its items (name, value type, required, the source field it is taken from). A type reads either one of
-- the platform's datasets (a theme store feed names the type; the run checks each row against the items and stores
-- it under the items' names) or an external feed (a face data feed names the type; the storage task refuses a record
-- that lacks a required item). The three external types the code knew before are rows now (built-in).
CREATE TABLE data_access_type (
    id          uuid PRIMARY KEY,
    code        varchar(64)  NOT NULL UNIQUE,
    name_zh     varchar(128) NOT NULL,
    name_en     varchar(128),
    category    varchar(16)  NOT NULL CHECK (category IN ('FACE_BASE', 'KEY_PERSON', 'OPERATIONS', 'WATCHLIST', 'CUSTOM')),
    source      varchar(32)  NOT NULL,
    enabled     boolean      NOT NULL DEFAULT true,
    builtin     boolean      NOT NULL DEFAULT false,
    created_by  varchar(128) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_by  varchar(128),
    updated_at  timestamptz
);

CREATE TABLE data_access_item (
    type_id       uuid        NOT NULL REFERENCES data_access_type (id) ON DELETE CASCADE,
    position      integer     NOT NULL,
    name          varchar(64) NOT NULL,
    label_zh      varchar(128),
    value_type    varchar(16) NOT NULL CHECK (value_type IN ('STRING', 'NUMBER', 'INSTANT', 'IMAGE')),
    required      boolean     NOT NULL,
    source_field  varchar(64) NOT NULL,
    PRIMARY KEY (type_id, position),
    UNIQUE (type_id, name)
);

ALTER TABLE theme_store_feed ADD COLUMN access_type_id uuid REFERENCES data_access_type (id);

INSERT INTO data_access_type (id, code, name_zh, name_en, category, source, builtin, created_by) VALUES
    ('3a0c1f52-6d1e-4c51-9a1e-000000000001', 'POPULATION_REGISTRY', '人口信息库', 'Population registry', 'FACE_BASE', 'EXTERNAL_FEED', true, 'system'),
    ('3a0c1f52-6d1e-4c51-9a1e-000000000002', 'ID_CARD_SYSTEM', '身份证信息系统', 'ID card system', 'FACE_BASE', 'EXTERNAL_FEED', true, 'system'),
    ('3a0c1f52-6d1e-4c51-9a1e-000000000003', 'BORDER_INSPECTION', '边检出入境信息', 'Border inspection', 'FACE_BASE', 'EXTERNAL_FEED', true, 'system');
INSERT INTO data_access_item (type_id, position, name, label_zh, value_type, required, source_field)
SELECT t.id, i.position, i.name, i.label_zh, i.value_type, i.required, i.name
FROM data_access_type t CROSS JOIN (VALUES
    (1, 'externalId', '来源记录编号', 'STRING', true),
    (2, 'personCode', '人员编号', 'STRING', true),
    (3, 'name', '姓名', 'STRING', true),
    (4, 'idNo', '证件号码', 'STRING', false),
    (5, 'photo', '照片', 'IMAGE', true)) AS i (position, name, label_zh, value_type, required)
WHERE t.builtin;
