-- Issue 5, session 6: how a ledger warning reaches the enterprise (通知方式配置, FP 2907–2910) and the server-side
-- progress of a large Excel import of document lines.

-- 通知方式配置: per enterprise and warning kind, which channels carry a new warning. No row: in-app only.
CREATE TABLE warning_notification_setting (
    enterprise        VARCHAR(18)   NOT NULL,
    kind              VARCHAR(20)   NOT NULL CHECK (kind IN ('LOW_STOCK', 'RECEIPT_OVERDUE', 'BOOKING_OVERDUE')),
    in_app            BOOLEAN       NOT NULL,
    sms               BOOLEAN       NOT NULL,
    email             BOOLEAN       NOT NULL,
    -- mobile numbers and e-mail addresses, as JSON arrays of strings (at most 5 each)
    sms_recipients    JSONB         NOT NULL DEFAULT '[]',
    email_recipients  JSONB         NOT NULL DEFAULT '[]',
    updated_by        VARCHAR(100)  NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (enterprise, kind),
    CHECK (NOT sms OR jsonb_array_length(sms_recipients) > 0),
    CHECK (NOT email OR jsonb_array_length(email_recipients) > 0)
);

-- One notice of one warning on one channel to one recipient: IN_APP notices are delivered when written (and read
-- later); SMS and EMAIL notices wait as PENDING for the dispatcher, which hands them sealed to the provincial SMS
-- platform or the mail gateway, retries an outage with back-off and stops at a refusal (FAILED with its code).
CREATE TABLE warning_notification (
    id               BIGSERIAL     PRIMARY KEY,
    warning_id       BIGINT        NOT NULL REFERENCES ledger_warning (id) ON DELETE CASCADE,
    enterprise       VARCHAR(18)   NOT NULL,
    kind             VARCHAR(20)   NOT NULL,
    channel          VARCHAR(10)   NOT NULL CHECK (channel IN ('IN_APP', 'SMS', 'EMAIL')),
    recipient        VARCHAR(254),
    subject          VARCHAR(200)  NOT NULL,
    content          VARCHAR(1000) NOT NULL,
    status           VARCHAR(12)   NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,
    partner_ref      VARCHAR(80),
    detail           VARCHAR(300),
    created_at       TIMESTAMPTZ   NOT NULL,
    delivered_at     TIMESTAMPTZ,
    read_at          TIMESTAMPTZ
);
CREATE UNIQUE INDEX warning_notification_once ON warning_notification (warning_id, channel, coalesce(recipient, ''));
CREATE INDEX warning_notification_pending ON warning_notification (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX warning_notification_enterprise ON warning_notification (enterprise, id DESC);

-- A line import run on the server: the screen polls its progress; a failed file reports every wrong row and imports
-- nothing.
CREATE TABLE line_import_job (
    id              BIGSERIAL     PRIMARY KEY,
    document_id     BIGINT        NOT NULL REFERENCES declarable_document (id) ON DELETE CASCADE,
    enterprise      VARCHAR(18)   NOT NULL,
    username        VARCHAR(100)  NOT NULL,
    file_name       VARCHAR(200),
    status          VARCHAR(12)   NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    total_rows      INT           NOT NULL DEFAULT 0,
    processed_rows  INT           NOT NULL DEFAULT 0,
    imported_rows   INT           NOT NULL DEFAULT 0,
    row_errors      JSONB         NOT NULL DEFAULT '[]',
    failure_code    VARCHAR(60),
    failure_zh      VARCHAR(500),
    failure_en      VARCHAR(500),
    created_at      TIMESTAMPTZ   NOT NULL,
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ
);
CREATE INDEX line_import_job_document ON line_import_job (document_id, id DESC);
