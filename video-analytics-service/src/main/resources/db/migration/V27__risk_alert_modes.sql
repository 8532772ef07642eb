-- 风险预警模式 (FP 1081–1085): how an alert of a level is brought to the officers — which channels (screen, sound,
-- SMS, app push) and after how many unhandled minutes it is escalated. Administrators keep them; officers read them.
CREATE TABLE risk_alert_mode (
    id                uuid PRIMARY KEY,
    code              varchar(64)  NOT NULL UNIQUE,
    name_zh           varchar(128) NOT NULL,
    name_en           varchar(128),
    alert_level       varchar(16)  NOT NULL,
    channels          varchar(16)[] NOT NULL CHECK (cardinality(channels) > 0),
    escalate_minutes  integer CHECK (escalate_minutes BETWEEN 1 AND 1440),
    enabled           boolean      NOT NULL DEFAULT true,
    created_by        varchar(128) NOT NULL,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_by        varchar(128),
    updated_at        timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX risk_alert_mode_level ON risk_alert_mode (alert_level);
