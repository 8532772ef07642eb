-- 二线口岸基础统计信息 and 年设计通过能力 (S1 FP 57, 58, 96, 97, 154, 155, 206): base data per port, kept by
-- administrators; each change is kept with the values before and after (besides the operation log).
CREATE TABLE port_site_info (
    port_code                        text PRIMARY KEY REFERENCES port (code),
    vehicle_inspection_area_m2       numeric(12, 2) CHECK (vehicle_inspection_area_m2 >= 0),
    vehicle_departure_area_m2        numeric(12, 2) CHECK (vehicle_departure_area_m2 >= 0),
    truck_inspection_area_m2         numeric(12, 2) CHECK (truck_inspection_area_m2 >= 0),
    truck_departure_area_m2          numeric(12, 2) CHECK (truck_departure_area_m2 >= 0),
    design_vehicles_per_year         bigint CHECK (design_vehicles_per_year >= 0),
    design_passengers_per_year       bigint CHECK (design_passengers_per_year >= 0),
    design_cargo_tonnes_per_year     bigint CHECK (design_cargo_tonnes_per_year >= 0),
    remark                           text,
    version                          int NOT NULL DEFAULT 1,
    updated_by                       text NOT NULL,
    updated_at                       timestamptz NOT NULL
);

CREATE TABLE port_site_info_change (
    id          bigserial PRIMARY KEY,
    port_code   text NOT NULL REFERENCES port (code),
    version     int NOT NULL,
    before      jsonb,
    after       jsonb NOT NULL,
    changed_by  text NOT NULL,
    changed_at  timestamptz NOT NULL
);
CREATE INDEX port_site_info_change_port ON port_site_info_change (port_code, id DESC);

-- 口岸动线图片底图 (S1 FP 52, 91, 149): one base image per port and flow, the bytes in object storage.
CREATE TABLE port_flow_image (
    port_code     text NOT NULL REFERENCES port (code),
    flow          text NOT NULL CHECK (flow IN ('PASSENGER_VEHICLE', 'PASSENGER', 'TRUCK')),
    bucket        text NOT NULL,
    object_key    text NOT NULL,
    content_type  text NOT NULL,
    size_bytes    bigint NOT NULL CHECK (size_bytes > 0),
    width         int NOT NULL CHECK (width > 0),
    height        int NOT NULL CHECK (height > 0),
    sm3_digest    text NOT NULL,
    uploaded_by   text NOT NULL,
    uploaded_at   timestamptz NOT NULL,
    PRIMARY KEY (port_code, flow)
);
