-- 故障注入 — fault settings of each simulated partner, changed at run time through the faults API. A partner with no
-- row is healthy. Kept here rather than in memory so that a partner switched off stays off across a restart and
-- every instance of the simulators behaves alike. Ranges repeat the checks of FaultSettings as a last line.
CREATE TABLE partner_fault_settings (
    partner_id     TEXT             PRIMARY KEY,
    latency_ms     INTEGER          NOT NULL CHECK (latency_ms BETWEEN 0 AND 60000),
    jitter_ms      INTEGER          NOT NULL CHECK (jitter_ms BETWEEN 0 AND 60000),
    failure_rate   DOUBLE PRECISION NOT NULL CHECK (failure_rate >= 0 AND failure_rate <= 1),
    failure_mode   TEXT             NOT NULL CHECK (failure_mode IN ('UNAVAILABLE', 'SEALED_ERROR')),
    availability   TEXT             NOT NULL CHECK (availability IN ('ONLINE', 'OFFLINE')),
    offline_until  TIMESTAMPTZ      CHECK (offline_until IS NULL OR availability = 'OFFLINE'),
    updated_at     TIMESTAMPTZ      NOT NULL,
    updated_by     TEXT
);

-- Scheduled outages [starts_at, ends_at) of a partner, in the order they were given (sorted by start).
CREATE TABLE partner_outage_window (
    partner_id  TEXT        NOT NULL REFERENCES partner_fault_settings (partner_id) ON DELETE CASCADE,
    position    SMALLINT    NOT NULL,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (partner_id, position),
    CHECK (ends_at > starts_at)
);
