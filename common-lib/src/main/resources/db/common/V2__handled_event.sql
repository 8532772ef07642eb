-- 已处理事件 — the events each consumer has handled, so that a redelivered event is recognised and skipped.
-- The marker is inserted in the same transaction as the consumer's own changes (cn.hnsw.common.events.HandledEvents).
CREATE TABLE handled_event (
    consumer     VARCHAR(200) NOT NULL,
    event_id     UUID         NOT NULL,
    event_type   VARCHAR(200),
    handled_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT pk_handled_event PRIMARY KEY (consumer, event_id)
);

-- Forgetting markers older than any possible redelivery.
CREATE INDEX ix_handled_event_handled_at ON handled_event (handled_at);

COMMENT ON TABLE handled_event IS '已处理事件 — event ids each consumer has handled, for idempotent consumption';
