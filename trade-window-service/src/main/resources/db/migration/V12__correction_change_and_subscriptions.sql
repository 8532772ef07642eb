-- S2 数据纠偏申请单变更申请 (FP 383): a declared correction's reporter asks to change its reason and evidence; the
-- reviewer accepts (the correction takes them and is declared again) or refuses (it stays as declared). The asked-for
-- text is kept beside the declared one until then, and every request in la_credit_correction_change.
ALTER TABLE la_credit_correction DROP CONSTRAINT la_credit_correction_status_check;
ALTER TABLE la_credit_correction ADD CONSTRAINT la_credit_correction_status_check
    CHECK (status IN ('DRAFT', 'DECLARED', 'CHANGE_REQUESTED', 'LOGIC_REJECTED', 'REVOKED', 'APPROVED', 'REJECTED'));

CREATE TABLE la_credit_correction_change (
    id              UUID PRIMARY KEY,
    correction_id   UUID NOT NULL REFERENCES la_credit_correction (id) ON DELETE CASCADE,
    old_reason      VARCHAR(2000) NOT NULL,
    old_evidence    VARCHAR(2000),
    reason          VARCHAR(2000) NOT NULL,
    evidence        VARCHAR(2000),
    why             VARCHAR(1000) NOT NULL,
    requested_by    VARCHAR(200) NOT NULL,
    requested_at    TIMESTAMPTZ NOT NULL,
    status          VARCHAR(16) NOT NULL CHECK (status IN ('REQUESTED', 'ACCEPTED', 'REFUSED')),
    decided_by      VARCHAR(200),
    decided_at      TIMESTAMPTZ,
    opinion         VARCHAR(1000)
);
CREATE INDEX la_credit_correction_change_correction ON la_credit_correction_change (correction_id);
-- at most one open change request per correction
CREATE UNIQUE INDEX la_credit_correction_change_open ON la_credit_correction_change (correction_id)
    WHERE status = 'REQUESTED';

-- Subscriptions of reporters (by owner: enterprise USCC or individual) to subscribable notice templates: a
-- subscribable template reaches only its subscribers; one that is not subscribable reaches every subject concerned.
CREATE TABLE la_template_subscription (
    owner_key       VARCHAR(200) NOT NULL,
    template_code   VARCHAR(40) NOT NULL REFERENCES la_notice_template (code) ON DELETE CASCADE,
    subscribed_by   VARCHAR(200) NOT NULL,
    subscribed_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (owner_key, template_code)
);

-- S2 报送主体登录管理 (FP 101–106): the reporting end's login timeout as data (minutes without a request to the
-- low-altitude API after which the login session is over), and the login sessions seen (keyed by the token's sid:
-- one Keycloak session across token renewals), with their last request and why they ended.
CREATE TABLE la_login_setting (
    id                    SMALLINT PRIMARY KEY CHECK (id = 1),
    idle_timeout_minutes  INT NOT NULL CHECK (idle_timeout_minutes BETWEEN 5 AND 1440),
    updated_by            VARCHAR(200),
    updated_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO la_login_setting (id, idle_timeout_minutes) VALUES (1, 30);

CREATE TABLE la_login_session (
    session_id   VARCHAR(100) PRIMARY KEY,
    owner_key    VARCHAR(200) NOT NULL,
    username     VARCHAR(200) NOT NULL,
    first_seen   TIMESTAMPTZ NOT NULL,
    last_seen    TIMESTAMPTZ NOT NULL,
    requests     BIGINT NOT NULL DEFAULT 1,
    ended_at     TIMESTAMPTZ,
    end_reason   VARCHAR(16) CHECK (end_reason IN ('IDLE_TIMEOUT', 'LOGOUT'))
);
CREATE INDEX la_login_session_owner ON la_login_session (owner_key, last_seen DESC);
