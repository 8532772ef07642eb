-- 预警订阅: enterprises and partner systems subscribe to alerts and their status changes, delivered by webhook (signed
-- with the platform's SM2 key) or SMS (the provincial SMS platform, a sealed partner). docs/port-situation.md §Subscriptions.
CREATE TABLE alert_subscription (
    id               uuid PRIMARY KEY,
    subscriber_kind  text NOT NULL CHECK (subscriber_kind IN ('ENTERPRISE', 'PARTNER')),
    subscriber_id    text NOT NULL,          -- the enterprise's USCC, or the partner system's id
    name             text NOT NULL,
    channel          text NOT NULL CHECK (channel IN ('WEBHOOK', 'SMS')),
    target           text NOT NULL,          -- https URL, or mobile number
    events           text[] NOT NULL,        -- RAISED and/or the statuses whose change is told (ACKNOWLEDGED...)
    alert_types      text[] NOT NULL,        -- empty: every type
    min_level        text NOT NULL,
    port_codes       text[] NOT NULL,        -- empty: every port
    status           text NOT NULL CHECK (status IN ('ACTIVE', 'CANCELLED')),
    created_by       text NOT NULL,
    created_at       timestamptz NOT NULL,
    cancelled_at     timestamptz
);
CREATE INDEX alert_subscription_subscriber ON alert_subscription (subscriber_kind, subscriber_id);

-- 推送记录 (delivery log): one row per subscription, alert and event, queued in the transaction of the change.
CREATE TABLE alert_delivery (
    id               uuid PRIMARY KEY,
    subscription_id  uuid NOT NULL REFERENCES alert_subscription (id),
    alert_id         text NOT NULL,
    event            text NOT NULL,
    payload          jsonb NOT NULL,
    status           text NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'REFUSED', 'FAILED')),
    attempts         int NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
    UNIQUE (subscription_id, alert_id, event)
);
CREATE INDEX alert_delivery_due ON alert_delivery (next_attempt_at) WHERE status = 'PENDING';

CREATE TABLE alert_delivery_attempt (
    delivery_id  uuid NOT NULL REFERENCES alert_delivery (id),
    attempt      int NOT NULL,
    at           timestamptz NOT NULL,
    outcome      text NOT NULL,              -- DELIVERED, RETRY, REFUSED
    status_code  int,
    detail       text,
    PRIMARY KEY (delivery_id, attempt)
);
