-- 低慢小航空器载客货运活动信息报送 — low-slow-small aircraft activity reporting (S2).

-- 报送主体: an enterprise (by its credit code) or an individual (by the user) who flies such aircraft.
CREATE TABLE reporting_subject (
    id              UUID PRIMARY KEY,
    kind            VARCHAR(16) NOT NULL CHECK (kind IN ('ENTERPRISE', 'INDIVIDUAL')),
    owner_key       VARCHAR(200) NOT NULL,          -- USCC of the enterprise, or the user id of the individual
    name            VARCHAR(200) NOT NULL,
    certificate_no  VARCHAR(64) NOT NULL,           -- USCC or (masked) identity number
    contact_phone   VARCHAR(32) NOT NULL,
    aircraft_regs   VARCHAR(500) NOT NULL,          -- registration marks, comma separated
    operator_licence VARCHAR(100),
    status          VARCHAR(16) NOT NULL,
    version         INT NOT NULL DEFAULT 1,
    created_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX reporting_subject_owner ON reporting_subject (owner_key);

-- 报送主体变更记录: every change of a submitted subject, with the previous values.
CREATE TABLE reporting_subject_change (
    id          UUID PRIMARY KEY,
    subject_id  UUID NOT NULL REFERENCES reporting_subject (id),
    version     INT NOT NULL,
    previous    TEXT NOT NULL,
    changed_by  VARCHAR(200) NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL
);

-- 货运/载客活动报送 and its 更正单 / 撤回单 / 补充报送单: each form has its own declare → receive → logic check →
-- result → receipt cycle. ORIGINAL forms are the activity itself; the others point at it.
CREATE TABLE activity_report (
    id                  UUID PRIMARY KEY,
    report_no           VARCHAR(32) NOT NULL UNIQUE,
    subject_id          UUID NOT NULL REFERENCES reporting_subject (id),
    owner_key           VARCHAR(200) NOT NULL,
    activity            VARCHAR(16) NOT NULL CHECK (activity IN ('CARGO', 'PASSENGER')),
    form                VARCHAR(16) NOT NULL CHECK (form IN ('ORIGINAL', 'CORRECTION', 'WITHDRAWAL', 'SUPPLEMENT')),
    original_id         UUID REFERENCES activity_report (id),
    airport             VARCHAR(64) NOT NULL,
    aircraft_reg        VARCHAR(32) NOT NULL,
    flight_date         DATE NOT NULL,
    content             TEXT NOT NULL,              -- the form's parts as JSON (goods, shipper, documents, certificate / persons, articles)
    status              VARCHAR(24) NOT NULL,
    logic_check_passed  BOOLEAN,
    logic_check_errors  TEXT,
    review_result       VARCHAR(16),
    review_opinion      VARCHAR(1000),
    reviewed_by         VARCHAR(200),
    receipt_sent_count  INT NOT NULL DEFAULT 0,
    receipt_applied_at  TIMESTAMPTZ,
    effective           BOOLEAN NOT NULL DEFAULT TRUE,
    created_at          TIMESTAMPTZ NOT NULL,
    declared_at         TIMESTAMPTZ,
    updated_at          TIMESTAMPTZ NOT NULL,
    version             INT NOT NULL DEFAULT 0
);
CREATE INDEX activity_report_owner ON activity_report (owner_key, created_at DESC);
CREATE INDEX activity_report_status ON activity_report (status);
CREATE SEQUENCE activity_report_no;

-- 信用记录: credit events of a subject (a returned report, a withdrawal…), kept for the credit archive.
CREATE TABLE subject_credit_record (
    id          UUID PRIMARY KEY,
    subject_id  UUID NOT NULL REFERENCES reporting_subject (id),
    kind        VARCHAR(32) NOT NULL,
    report_id   UUID,
    detail      VARCHAR(1000) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX subject_credit_record_subject ON subject_credit_record (subject_id, created_at);
