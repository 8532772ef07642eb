-- 重点人员类型管理 (FP 201) and 作业主题库类型管理 (FP 225) as data: the categories a person of interest is bound under
-- (the key-person library) and the categories of theme stores were fixed lists; now they are rows an administrator
-- adds, renames and deletes (a type in use is not deleted; built-in rows stay). Persons of interest, key-person feeds
-- and theme stores name their type by its code.
CREATE TABLE video_type (
    kind        varchar(16)  NOT NULL CHECK (kind IN ('KEY_PERSON', 'THEME_STORE')),
    code        varchar(64)  NOT NULL,
    name_zh     varchar(128) NOT NULL,
    name_en     varchar(128),
    description varchar(512),
    builtin     boolean      NOT NULL DEFAULT false,
    created_by  varchar(128) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_by  varchar(128),
    updated_at  timestamptz,
    PRIMARY KEY (kind, code)
);

ALTER TABLE theme_store DROP CONSTRAINT IF EXISTS theme_store_category_check;
ALTER TABLE theme_store ALTER COLUMN category TYPE varchar(64);

INSERT INTO video_type (kind, code, name_zh, name_en, builtin, created_by) VALUES
    ('THEME_STORE', 'FACE_BASE', '人脸基础库', 'Face base library', true, 'system'),
    ('THEME_STORE', 'KEY_PERSON', '重点人员库', 'Key-person store', true, 'system'),
    ('THEME_STORE', 'OPERATIONS', '作业主题库', 'Operations theme store', true, 'system'),
    ('THEME_STORE', 'CUSTOM', '自定义主题库', 'Custom store', true, 'system'),
    ('KEY_PERSON', '走私嫌疑', '走私嫌疑人员', 'Smuggling suspect', true, 'system'),
    ('KEY_PERSON', '涉私', '涉私人员', 'Smuggling-related person', true, 'system'),
    ('KEY_PERSON', '在逃', '在逃人员', 'Fugitive', true, 'system'),
    ('KEY_PERSON', '重点关注', '重点关注人员', 'Person under watch', true, 'system');

-- categories already in use stay valid
INSERT INTO video_type (kind, code, name_zh, builtin, created_by)
SELECT DISTINCT 'KEY_PERSON', category, category, true, 'system' FROM person_of_interest
ON CONFLICT DO NOTHING;
INSERT INTO video_type (kind, code, name_zh, builtin, created_by)
SELECT DISTINCT 'KEY_PERSON', poi_category, poi_category, true, 'system' FROM face_data_feed
WHERE poi_category IS NOT NULL
ON CONFLICT DO NOTHING;
