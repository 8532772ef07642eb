-- 数据服务级联接口 (FP 953, 956): data operations a superior platform (this one) performs on a subordinate platform
-- through the sealed cascade link, each kept with its outcome, whether the subordinate applied it or refused it.
CREATE TABLE cascade_data_operation (
    id           uuid PRIMARY KEY,
    link_id      uuid         NOT NULL REFERENCES face_cascade_link (id) ON DELETE CASCADE,
    operation    varchar(8)   NOT NULL CHECK (operation IN ('ADD', 'UPDATE', 'DELETE')),
    record_type  varchar(32)  NOT NULL,
    record_id    varchar(64)  NOT NULL,
    fields       jsonb        NOT NULL DEFAULT '{}'::jsonb,
    applied      boolean      NOT NULL,
    reason       varchar(64),
    operated_by  varchar(128) NOT NULL,
    operated_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX cascade_data_operation_link ON cascade_data_operation (link_id, operated_at DESC);
