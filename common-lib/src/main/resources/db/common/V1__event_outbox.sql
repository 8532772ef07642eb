-- 事件发件箱 — the transactional outbox. A service writes its events here in the same transaction as the business
-- change; the relay (cn.hnsw.common.events.OutboxRelay) publishes them to Kafka in order per aggregate.

-- The last sequence number given to each aggregate. Taking the next number updates this row, which locks it until the
-- writing transaction ends: two transactions writing events of one aggregate queue up here, so sequence order is
-- commit order and a committed event n+1 always has a committed event n before it. It also outlives the outbox rows,
-- which are deleted some days after they are published.
CREATE TABLE event_outbox_sequence (
    aggregate_type  VARCHAR(100) NOT NULL,
    aggregate_id    VARCHAR(200) NOT NULL,
    last_sequence   BIGINT       NOT NULL,
    CONSTRAINT pk_event_outbox_sequence PRIMARY KEY (aggregate_type, aggregate_id)
);

CREATE TABLE event_outbox (
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    event_id         UUID         NOT NULL,
    topic            VARCHAR(249) NOT NULL,
    message_key      VARCHAR(200) NOT NULL,          -- the Kafka key: the aggregate id, so one partition keeps its order
    aggregate_type   VARCHAR(100) NOT NULL,
    aggregate_id     VARCHAR(200) NOT NULL,
    sequence         BIGINT       NOT NULL,
    event_type       VARCHAR(200) NOT NULL,
    envelope         JSON         NOT NULL,          -- JSON, not JSONB: the relay sends exactly the text that was written
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at     TIMESTAMPTZ,                    -- set only after the broker acknowledged the record
    attempts         INTEGER      NOT NULL DEFAULT 0,
    last_error       TEXT,
    next_attempt_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT pk_event_outbox PRIMARY KEY (id),
    CONSTRAINT uq_event_outbox_event_id UNIQUE (event_id),
    CONSTRAINT uq_event_outbox_aggregate_sequence UNIQUE (aggregate_type, aggregate_id, sequence),
    CONSTRAINT ck_event_outbox_sequence CHECK (sequence >= 1),
    CONSTRAINT ck_event_outbox_attempts CHECK (attempts >= 0)
);

-- The relay's work list: unpublished rows in insertion order, and the head of each aggregate.
CREATE INDEX ix_event_outbox_pending ON event_outbox (id) WHERE published_at IS NULL;
CREATE INDEX ix_event_outbox_pending_aggregate
    ON event_outbox (aggregate_type, aggregate_id, sequence) WHERE published_at IS NULL;
-- Deleting published rows after the retention period.
CREATE INDEX ix_event_outbox_published_at ON event_outbox (published_at) WHERE published_at IS NOT NULL;

COMMENT ON TABLE event_outbox IS '事件发件箱 — events written with the business change, published to Kafka by the relay';
