-- 防重放 — message ids of sealed partner messages already accepted, per sender, until their time window closes.
-- Shared by every instance of a service, so a replay to another instance is refused too.
CREATE TABLE seal_replay_guard (
    sender_key_id  TEXT        NOT NULL,
    message_id     TEXT        NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (sender_key_id, message_id)
);
CREATE INDEX seal_replay_guard_expiry ON seal_replay_guard (expires_at);
