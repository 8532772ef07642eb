-- 实时监测: observations of supervised flows at the ports (entries, inspections, releases, queues), from the gate loop
-- and from other systems over Kafka; the windowed metrics per port and flow are computed from here.
CREATE TABLE flow_observation (
    id           bigserial PRIMARY KEY,
    event_id     text NOT NULL UNIQUE,
    port_code    text NOT NULL REFERENCES port (code),
    flow         text NOT NULL,
    stage        text NOT NULL CHECK (stage IN ('ENTRY', 'INSPECTION', 'RELEASE', 'QUEUE')),
    quantity     int NOT NULL CHECK (quantity >= 0),
    area         text,
    occurred_at  timestamptz NOT NULL,
    source       text NOT NULL
);
CREATE INDEX flow_observation_window ON flow_observation (port_code, flow, occurred_at);
CREATE INDEX flow_observation_time ON flow_observation (occurred_at);
