-- 数据存储任务修改 (FP 133, 175, 198, 336): a storage task keeps its settings and can be run again, by hand or on its
-- interval. Settings: a name, the batch read from the source at a time, the most records read in one run, the key
-- that makes a record a duplicate of one already stored (person code or ID number), the interval between runs and
-- whether it may run. A run reads the settings the task has when it starts; a change while a run is in progress is
-- refused. Every change keeps the settings before and after.
ALTER TABLE face_storage_task
    ADD COLUMN name             varchar(128),
    ADD COLUMN batch_size       integer CHECK (batch_size IS NULL OR batch_size BETWEEN 1 AND 200),
    ADD COLUMN max_records      integer CHECK (max_records IS NULL OR max_records BETWEEN 1 AND 100000),
    ADD COLUMN dedup_key        varchar(16) NOT NULL DEFAULT 'PERSON_CODE' CHECK (dedup_key IN ('PERSON_CODE', 'ID_NO')),
    ADD COLUMN interval_minutes integer CHECK (interval_minutes IS NULL OR interval_minutes BETWEEN 1 AND 10080),
    ADD COLUMN enabled          boolean NOT NULL DEFAULT true,
    ADD COLUMN runs             integer NOT NULL DEFAULT 1,
    ADD COLUMN modified_by      varchar(128),
    ADD COLUMN modified_at      timestamptz;

CREATE TABLE face_storage_task_change (
    id          uuid PRIMARY KEY,
    task_id     uuid         NOT NULL REFERENCES face_storage_task (id) ON DELETE CASCADE,
    changed_by  varchar(128) NOT NULL,
    changed_at  timestamptz  NOT NULL DEFAULT now(),
    before      jsonb        NOT NULL,
    after       jsonb        NOT NULL
);
CREATE INDEX face_storage_task_change_task ON face_storage_task_change (task_id, changed_at DESC);
CREATE INDEX face_base_record_id_no ON face_base_record (id_no) WHERE id_no IS NOT NULL;
