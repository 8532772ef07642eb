-- S2 低慢小航空器: warning models and warnings (预警信息管理, FP 315–332; credit warnings 366–372), credit rules and
-- reports (361–365), the negative list (373–376), credit-data corrections (数据纠偏, 377–386), and policy /
-- announcement notices (信息报送指引 119–126, 403–410).

-- One editable model per activity: what counts as a warning, on the reports of the last window_days.
CREATE TABLE la_warning_model (
    activity                  VARCHAR(16) PRIMARY KEY CHECK (activity IN ('CARGO', 'PASSENGER')),
    window_days               INT NOT NULL CHECK (window_days BETWEEN 1 AND 366),
    max_flights_per_aircraft  INT NOT NULL CHECK (max_flights_per_aircraft >= 1),  -- more flights of one aircraft
    max_refused_per_subject   INT NOT NULL CHECK (max_refused_per_subject >= 1),   -- refused reports of one subject
    max_items_per_flight      INT NOT NULL CHECK (max_items_per_flight >= 1),      -- persons (passenger) / goods lines (cargo)
    enabled                   BOOLEAN NOT NULL DEFAULT TRUE,
    updated_by                VARCHAR(200),
    updated_at                TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO la_warning_model (activity, window_days, max_flights_per_aircraft, max_refused_per_subject, max_items_per_flight)
VALUES ('CARGO', 30, 20, 3, 50), ('PASSENGER', 30, 20, 3, 12);

-- Warnings raised by a model (also the credit warnings of the subject): NEW until processed; deletable in batches.
CREATE TABLE la_warning (
    id           UUID PRIMARY KEY,
    activity     VARCHAR(16) NOT NULL,
    rule         VARCHAR(32) NOT NULL CHECK (rule IN ('FLIGHTS_PER_AIRCRAFT', 'REFUSED_PER_SUBJECT', 'ITEMS_PER_FLIGHT')),
    dedupe_key   VARCHAR(300) NOT NULL UNIQUE,
    subject_id   UUID NOT NULL REFERENCES reporting_subject (id),
    report_id    UUID REFERENCES activity_report (id),
    observed     INT NOT NULL,
    threshold    INT NOT NULL,
    detail       VARCHAR(1000) NOT NULL,
    status       VARCHAR(16) NOT NULL CHECK (status IN ('NEW', 'PROCESSED')),
    created_at   TIMESTAMPTZ NOT NULL,
    processed_by VARCHAR(200),
    processed_at TIMESTAMPTZ,
    process_note VARCHAR(1000)
);
CREATE INDEX la_warning_subject ON la_warning (subject_id);

-- Deductions per credit record kind (data): the score of a subject is 100 minus the deductions of its records that
-- were not corrected, and of its unprocessed warnings.
CREATE TABLE la_credit_rule (
    kind       VARCHAR(32) PRIMARY KEY,
    name_zh    VARCHAR(100) NOT NULL,
    name_en    VARCHAR(200) NOT NULL,
    deduction  INT NOT NULL CHECK (deduction BETWEEN 0 AND 100)
);
INSERT INTO la_credit_rule (kind, name_zh, name_en, deduction) VALUES
 ('LOGIC_CHECK_FAILED', '报送逻辑检查未通过', 'Report failed the logic check', 10),
 ('REPORT_RETURNED', '报送被审核退回', 'Report returned by the reviewer', 15),
 ('REPORT_WITHDRAWN', '报送撤回', 'Report withdrawn', 5),
 ('WARNING', '未处理的预警', 'Unprocessed warning', 10);

ALTER TABLE subject_credit_record ADD COLUMN corrected_at TIMESTAMPTZ;
ALTER TABLE subject_credit_record ADD COLUMN correction_id UUID;

-- 信用报告: a generated, stored snapshot.
CREATE TABLE la_credit_report (
    id            UUID PRIMARY KEY,
    subject_id    UUID NOT NULL REFERENCES reporting_subject (id),
    score         INT NOT NULL,
    grade         CHAR(1) NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
    content       TEXT NOT NULL,
    generated_by  VARCHAR(200) NOT NULL,
    generated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX la_credit_report_subject ON la_credit_report (subject_id, generated_at DESC);

-- 负面清单: subjects whose latest credit report is grade D; leaves the list with a better report.
CREATE TABLE la_negative_list (
    subject_id   UUID PRIMARY KEY REFERENCES reporting_subject (id),
    report_id    UUID NOT NULL REFERENCES la_credit_report (id),
    score        INT NOT NULL,
    reason       VARCHAR(1000) NOT NULL,
    listed_at    TIMESTAMPTZ NOT NULL
);

-- 数据纠偏: a subject asks to correct one of its credit records.
CREATE TABLE la_credit_correction (
    id                UUID PRIMARY KEY,
    subject_id        UUID NOT NULL REFERENCES reporting_subject (id),
    owner_key         VARCHAR(200) NOT NULL,
    record_id         UUID NOT NULL REFERENCES subject_credit_record (id),
    reason            VARCHAR(2000) NOT NULL,
    evidence          VARCHAR(2000),
    status            VARCHAR(24) NOT NULL CHECK (status IN ('DRAFT', 'DECLARED', 'LOGIC_REJECTED', 'REVOKED', 'APPROVED', 'REJECTED')),
    logic_errors      TEXT,
    review_opinion    VARCHAR(1000),
    reviewed_by       VARCHAR(200),
    copied_from       UUID,
    created_at        TIMESTAMPTZ NOT NULL,
    declared_at       TIMESTAMPTZ,
    decided_at        TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX la_credit_correction_owner ON la_credit_correction (owner_key);

-- 法规政策推送 / 平台信息公告.
CREATE TABLE la_notice (
    id            UUID PRIMARY KEY,
    kind          VARCHAR(16) NOT NULL CHECK (kind IN ('POLICY', 'ANNOUNCEMENT')),
    title_zh      VARCHAR(200) NOT NULL,
    title_en      VARCHAR(300) NOT NULL,
    body_zh       TEXT NOT NULL,
    body_en       TEXT NOT NULL,
    published_by  VARCHAR(200) NOT NULL,
    published_at  TIMESTAMPTZ NOT NULL
);
