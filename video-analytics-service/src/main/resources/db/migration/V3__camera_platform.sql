-- 视频联网平台接入: media distribution points (分发点), cameras synchronised from the platform's catalogue, and the
-- health changes the platform reports (device health anomaly alerts).

CREATE TABLE distribution_point (
    code            varchar(64)  PRIMARY KEY,
    name_zh         varchar(128) NOT NULL,
    name_en         varchar(128),
    port_code       varchar(32),
    capacity        integer,
    status          varchar(16)  NOT NULL DEFAULT 'UNKNOWN',
    fault_reason    varchar(256),
    status_since    timestamptz,
    last_checked_at timestamptz,
    synced_at       timestamptz  NOT NULL DEFAULT now()
);

ALTER TABLE camera ADD COLUMN distribution_point_code varchar(64) REFERENCES distribution_point (code);
ALTER TABLE camera ADD COLUMN fault_reason varchar(256);
ALTER TABLE camera ADD COLUMN status_since timestamptz;
ALTER TABLE camera ADD COLUMN platform_synced_at timestamptz;

-- One row per reported change of a device's or point's health; a change into OFFLINE or FAULT raised alert_id.
CREATE TABLE device_health_event (
    id            uuid PRIMARY KEY,
    device_code   varchar(64)  NOT NULL,
    device_kind   varchar(32)  NOT NULL,
    old_status    varchar(16)  NOT NULL,
    new_status    varchar(16)  NOT NULL,
    fault_reason  varchar(256),
    alert_id      varchar(64),
    occurred_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX device_health_event_device ON device_health_event (device_code, occurred_at DESC);
