-- 风险分析业务模型: a model weighs what the analysis tasks found (per analysis kind and finding code) over a time
-- window into a score and a level; external services (对外服务) let another system ask a model for a camera's risk.

CREATE TABLE risk_model (
    id              uuid PRIMARY KEY,
    code            varchar(64)  NOT NULL UNIQUE,
    name            varchar(128) NOT NULL,
    description     varchar(512),
    window_minutes  integer      NOT NULL CHECK (window_minutes BETWEEN 1 AND 10080),
    medium_score    double precision NOT NULL CHECK (medium_score > 0),
    high_score      double precision NOT NULL,
    enabled         boolean      NOT NULL DEFAULT true,
    created_by      varchar(128) NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    CHECK (high_score >= medium_score)
);

CREATE TABLE risk_model_feed (
    id          uuid PRIMARY KEY,
    model_id    uuid NOT NULL REFERENCES risk_model (id) ON DELETE CASCADE,
    kind        varchar(32) NOT NULL,
    code        varchar(32),
    weight      double precision NOT NULL CHECK (weight > 0 AND weight <= 100),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX risk_model_feed_model ON risk_model_feed (model_id);

CREATE TABLE risk_model_service (
    id          uuid PRIMARY KEY,
    model_id    uuid NOT NULL REFERENCES risk_model (id),
    name        varchar(128) NOT NULL,
    consumer    varchar(64)  NOT NULL,
    enabled     boolean      NOT NULL DEFAULT true,
    created_by  varchar(128) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE risk_evaluation (
    id             uuid PRIMARY KEY,
    service_id     uuid NOT NULL REFERENCES risk_model_service (id) ON DELETE CASCADE,
    model_id       uuid NOT NULL REFERENCES risk_model (id) ON DELETE CASCADE,
    camera_id      uuid,
    window_from    timestamptz NOT NULL,
    window_to      timestamptz NOT NULL,
    score          double precision NOT NULL,
    level          varchar(8)  NOT NULL,
    contributions  jsonb       NOT NULL,
    evaluated_by   varchar(128) NOT NULL,
    evaluated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX risk_evaluation_service ON risk_evaluation (service_id, evaluated_at DESC);
