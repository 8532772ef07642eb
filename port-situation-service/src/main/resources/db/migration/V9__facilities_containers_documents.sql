-- 设施监测 (S1/S2): cameras, sensors, software, inspection sites, gates and yards report heartbeats and faults; each
-- fault or silence is an incident, closed when the facility is repaired (time to repair = repaired_at - started_at).
CREATE TABLE facility (
    code                 text PRIMARY KEY,
    kind                 text NOT NULL CHECK (kind IN ('CAMERA', 'SENSOR', 'SOFTWARE', 'INSPECTION_SITE', 'GATE', 'YARD')),
    port_code            text NOT NULL REFERENCES port (code),
    name_zh              text NOT NULL,
    status               text NOT NULL CHECK (status IN ('ONLINE', 'FAULT', 'OFFLINE')),
    status_since         timestamptz NOT NULL,
    last_heartbeat_at    timestamptz NOT NULL,
    heartbeat_timeout_s  int NOT NULL CHECK (heartbeat_timeout_s BETWEEN 10 AND 86400),
    fault_reason         text
);
CREATE INDEX facility_port ON facility (port_code, kind);

CREATE TABLE facility_incident (
    id             uuid PRIMARY KEY,
    facility_code  text NOT NULL REFERENCES facility (code),
    kind           text NOT NULL CHECK (kind IN ('FAULT', 'OFFLINE')),
    reason         text,
    started_at     timestamptz NOT NULL,
    repaired_at    timestamptz,
    alert_id       text NOT NULL
);
CREATE INDEX facility_incident_open ON facility_incident (facility_code) WHERE repaired_at IS NULL;
CREATE INDEX facility_incident_time ON facility_incident (started_at);

-- 集装箱位置追踪: each reported position of a container (yard, quay, gate, on the road to the port), for the live
-- position and the trajectory playback.
CREATE TABLE container_position (
    event_id      text PRIMARY KEY,
    container_no  text NOT NULL,
    port_code     text NOT NULL REFERENCES port (code),
    latitude      double precision NOT NULL,
    longitude     double precision NOT NULL,
    place         text,
    stage         text NOT NULL CHECK (stage IN ('ON_ROAD', 'ARRIVED', 'IN_YARD', 'ON_QUAY', 'LOADED', 'GATE_OUT')),
    trade         text NOT NULL CHECK (trade IN ('DOMESTIC', 'FOREIGN')),
    laden         boolean NOT NULL,
    occurred_at   timestamptz NOT NULL
);
CREATE INDEX container_position_track ON container_position (container_no, occurred_at);
CREATE INDEX container_position_port ON container_position (port_code, occurred_at);

-- 单证流: the documents (manifests, declarations, releases) that name a container at a port; matched against the
-- logistics flow (the container positions) for the match degree.
CREATE TABLE document_flow (
    event_id      text PRIMARY KEY,
    document_no   text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('MANIFEST', 'DECLARATION', 'RELEASE')),
    port_code     text NOT NULL REFERENCES port (code),
    container_no  text NOT NULL,
    occurred_at   timestamptz NOT NULL
);
CREATE INDEX document_flow_port ON document_flow (port_code, occurred_at);
