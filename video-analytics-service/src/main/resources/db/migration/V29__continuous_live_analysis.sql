-- 持续实时分析: an analysis task over a live source may run until it is stopped (no maxSeconds bound). One runner per
-- task across instances: the instance that runs it holds a lease (owner and expiry) it renews while it runs; an
-- expired lease is taken over (resumed) by any instance. Each time the stream ends or fails the task records an
-- interruption and reconnects with back-off.
ALTER TABLE analysis_task
    ADD COLUMN continuous        boolean      NOT NULL DEFAULT false,
    ADD COLUMN watchlist_task_id uuid REFERENCES watchlist_task (id),
    ADD COLUMN lease_owner       varchar(64),
    ADD COLUMN lease_until       timestamptz,
    ADD COLUMN interruptions     integer      NOT NULL DEFAULT 0,
    ADD COLUMN stop_requested    boolean      NOT NULL DEFAULT false,
    ADD COLUMN stop_reason       varchar(512),
    ADD COLUMN stopped_by        varchar(128),
    ADD COLUMN stopped_at        timestamptz;
CREATE INDEX analysis_task_live ON analysis_task (lease_until) WHERE continuous AND status IN ('QUEUED', 'RUNNING', 'RECONNECTING');

CREATE TABLE analysis_interruption (
    id             uuid PRIMARY KEY,
    task_id        uuid         NOT NULL REFERENCES analysis_task (id) ON DELETE CASCADE,
    run            integer      NOT NULL,
    attempt        integer      NOT NULL,
    frames_before  integer      NOT NULL,
    reason_zh      varchar(512) NOT NULL,
    reason_en      varchar(512) NOT NULL,
    backoff_ms     bigint       NOT NULL,
    instance       varchar(64)  NOT NULL,
    interrupted_at timestamptz  NOT NULL DEFAULT now(),
    resumed_at     timestamptz
);
CREATE INDEX analysis_interruption_task ON analysis_interruption (task_id, interrupted_at DESC);
