-- 风险预警模式 applied: an alert records the enabled mode of its level when raised (its channels: SCREEN and SOUND
-- flags the console reads; SMS and APP_PUSH kept as requested channels), and an alert still unhandled after the
-- mode's escalation minutes is escalated once (risk_alert_escalation, one row per alert).
ALTER TABLE watchlist_hit ADD COLUMN raised_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE watchlist_hit ADD COLUMN alert_level varchar(16);
ALTER TABLE watchlist_hit ADD COLUMN alert_mode_id uuid REFERENCES risk_alert_mode (id) ON DELETE SET NULL;
ALTER TABLE watchlist_hit ADD COLUMN channels varchar(16)[] NOT NULL DEFAULT '{}';
ALTER TABLE watchlist_hit ADD COLUMN escalate_minutes integer;
ALTER TABLE watchlist_hit ADD COLUMN escalated_at timestamptz;
CREATE INDEX watchlist_hit_escalation_due ON watchlist_hit (raised_at)
    WHERE status = 'RAISED' AND escalated_at IS NULL AND escalate_minutes IS NOT NULL;

CREATE TABLE risk_alert_escalation (
    id                uuid PRIMARY KEY,
    alert_id          varchar(64)  NOT NULL UNIQUE REFERENCES watchlist_hit (alert_id),
    alert_mode_id     uuid,
    alert_level       varchar(16),
    escalate_minutes  integer      NOT NULL,
    raised_at         timestamptz  NOT NULL,
    escalated_at      timestamptz  NOT NULL DEFAULT now()
);
