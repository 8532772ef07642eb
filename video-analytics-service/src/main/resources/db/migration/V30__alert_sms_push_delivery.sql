-- 预警短信与 App 推送: where an officer receives alerts (the identity directory keeps no phone or device, so the
-- service keeps them), and one delivery row per alert, bound officer and channel (SMS or APP_PUSH), written in the
-- alert's own transaction (so nothing is lost: the rows are the delivery outbox) and sent by the dispatcher through
-- the SMS platform and the app-push service, sealed. Outcome SENT, RETRYING (a failed attempt with a next one due),
-- FAILED (attempts spent) or NO_CONTACT (the officer has no phone or device for the channel).
CREATE TABLE officer_contact (
    username        varchar(128) PRIMARY KEY,
    phone           varchar(32),
    push_device_id  varchar(128),
    updated_by      varchar(128) NOT NULL,
    updated_at      timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE alert_notification (
    id              uuid PRIMARY KEY,
    alert_id        varchar(64)  NOT NULL REFERENCES watchlist_hit (alert_id),
    username        varchar(128) NOT NULL,
    channel         varchar(16)  NOT NULL CHECK (channel IN ('SMS', 'APP_PUSH')),
    address         varchar(128),
    title           varchar(512) NOT NULL,
    status          varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'SENT', 'RETRYING', 'FAILED', 'NO_CONTACT')),
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    partner_message_id varchar(128),
    last_error      varchar(512),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    UNIQUE (alert_id, username, channel)
);
CREATE INDEX alert_notification_due ON alert_notification (next_attempt_at) WHERE status IN ('PENDING', 'RETRYING');
