-- 高点/低点摄像机 (FP 530–549, 601–604): the cameras of the ports as base data. A high-point camera overlooks an area;
-- a low-point camera watches a lane or a gate and is paired with the high-point camera above it. Entered or imported
-- as DRAFT; an operator confirms (确认) them before the screens rely on them.
CREATE TABLE camera (
    id                 uuid PRIMARY KEY,
    code               text NOT NULL UNIQUE,
    name_zh            text NOT NULL,
    name_en            text,
    kind               text NOT NULL CHECK (kind IN ('HIGH', 'LOW')),
    port_code          text NOT NULL REFERENCES port (code),
    latitude           double precision NOT NULL,
    longitude          double precision NOT NULL,
    high_camera_code   text REFERENCES camera (code),
    stream_url         text,
    status             text NOT NULL CHECK (status IN ('DRAFT', 'CONFIRMED')),
    confirmed_by       text,
    confirmed_at       timestamptz,
    updated_by         text NOT NULL,
    updated_at         timestamptz NOT NULL,
    CHECK ((kind = 'HIGH' AND high_camera_code IS NULL) OR (kind = 'LOW' AND high_camera_code IS NOT NULL))
);
CREATE INDEX camera_port ON camera (port_code, kind);
