-- 人脸布控 / 人脸基础信息库布控 数据项: the items an administrator sets that each target of a face-image or face-base
-- task carries besides its photo (e.g. 证件号码, 布控原因), with whether each is required and how long it may be.
CREATE TABLE watchlist_field (
    id          uuid PRIMARY KEY,
    kind        varchar(32)  NOT NULL CHECK (kind IN ('FACE_IMAGE', 'FACE_BASE')),
    code        varchar(64)  NOT NULL CHECK (code ~ '^[a-z][a-zA-Z0-9]*$'),
    label_zh    varchar(128) NOT NULL,
    label_en    varchar(128) NOT NULL,
    required    boolean      NOT NULL DEFAULT false,
    max_length  integer      NOT NULL DEFAULT 256 CHECK (max_length BETWEEN 1 AND 1024),
    position    integer      NOT NULL DEFAULT 0,
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (kind, code)
);

-- the values of those items on each target, and who entered the target and when (布控对象录入反馈)
ALTER TABLE watchlist_target ADD COLUMN fields jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE watchlist_target ADD COLUMN face_score double precision;
ALTER TABLE watchlist_target ADD COLUMN entered_by varchar(128);
ALTER TABLE watchlist_target ADD COLUMN entered_at timestamptz;
