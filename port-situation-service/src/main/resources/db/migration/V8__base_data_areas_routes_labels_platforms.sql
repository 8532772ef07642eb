-- 基础信息维护 (FP 502–529, 550–600): port areas, zones and their points, logistics routes, site labels linked to business
-- data, and the networked video (transcoding) platforms. Entered or imported as DRAFT where the spec asks for a
-- confirmation (确认); an operator confirms them before the screens and the AIS warnings rely on them.

-- 港区: a port is made of port areas (洋浦港 → 洋浦港区, 神头港区).
CREATE TABLE port_area (
    id            uuid PRIMARY KEY,
    code          text NOT NULL UNIQUE,
    name_zh       text NOT NULL,
    name_en       text,
    port_code     text NOT NULL REFERENCES port (code),
    latitude      double precision NOT NULL,
    longitude     double precision NOT NULL,
    description   text,
    status        text NOT NULL CHECK (status IN ('DRAFT', 'CONFIRMED')),
    confirmed_by  text,
    confirmed_at  timestamptz,
    updated_by    text NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX port_area_port ON port_area (port_code);

INSERT INTO port_area (id, code, name_zh, name_en, port_code, latitude, longitude, status, confirmed_by, confirmed_at,
                       updated_by, updated_at) VALUES
 ('6c1d2a40-0000-4000-8000-000000000001', 'YANGPU-YANGPU',  '洋浦港区', 'Yangpu port area',  'YANGPU_PORT', 19.7270, 109.1900, 'CONFIRMED', 'system', now(), 'system', now()),
 ('6c1d2a40-0000-4000-8000-000000000002', 'YANGPU-SHENTOU', '神头港区', 'Shentou port area', 'YANGPU_PORT', 19.7460, 109.1560, 'CONFIRMED', 'system', now(), 'system', now()),
 ('6c1d2a40-0000-4000-8000-000000000003', 'XINHAI',         '新海港区', 'Xinhai port area',  'XINHAI_PORT', 20.0550, 110.1550, 'CONFIRMED', 'system', now(), 'system', now()),
 ('6c1d2a40-0000-4000-8000-000000000004', 'XIUYING',        '秀英港区', 'Xiuying port area', 'XIUYING_PORT', 20.0280, 110.2800, 'CONFIRMED', 'system', now(), 'system', now()),
 ('6c1d2a40-0000-4000-8000-000000000005', 'MACUN',          '马村港区', 'Macun port area',   'MACUN_PORT', 19.9800, 109.9900, 'CONFIRMED', 'system', now(), 'system', now());

-- 区域: the watch areas on the water (restricted areas, channels, anchorages: the AIS warnings use the confirmed, active
-- ones) and the key areas on land (first-line and second-line business areas, yards, inspection areas), one table.
ALTER TABLE watch_area RENAME TO zone;
ALTER TABLE zone DROP CONSTRAINT watch_area_kind_check;
ALTER TABLE zone ADD CONSTRAINT zone_kind_check CHECK (kind IN ('RESTRICTED', 'CHANNEL', 'ANCHORAGE', 'KEY_AREA',
    'FIRST_LINE', 'SECOND_LINE', 'YARD', 'INSPECTION'));
ALTER TABLE zone ADD COLUMN port_area_code text REFERENCES port_area (code);
ALTER TABLE zone ADD COLUMN status text NOT NULL DEFAULT 'CONFIRMED' CHECK (status IN ('DRAFT', 'CONFIRMED'));
ALTER TABLE zone ADD COLUMN confirmed_by text;
ALTER TABLE zone ADD COLUMN confirmed_at timestamptz;
ALTER TABLE zone ADD COLUMN updated_by text NOT NULL DEFAULT 'system';

-- 区域点位: points of a zone (gates, berths, sensors, camera poles, check points).
CREATE TABLE zone_point (
    id            uuid PRIMARY KEY,
    code          text NOT NULL UNIQUE,
    name_zh       text NOT NULL,
    name_en       text,
    zone_code     text NOT NULL REFERENCES zone (code) ON UPDATE CASCADE,
    kind          text NOT NULL CHECK (kind IN ('GATE', 'BERTH', 'SENSOR', 'CAMERA_POLE', 'CHECKPOINT', 'OTHER')),
    latitude      double precision NOT NULL,
    longitude     double precision NOT NULL,
    status        text NOT NULL CHECK (status IN ('DRAFT', 'CONFIRMED')),
    confirmed_by  text,
    confirmed_at  timestamptz,
    updated_by    text NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX zone_point_zone ON zone_point (zone_code);

-- 物流线路: domestic and foreign trade routes of the seaports and airports, enabled or disabled.
CREATE TABLE logistics_route (
    id            uuid PRIMARY KEY,
    code          text NOT NULL UNIQUE,
    name_zh       text NOT NULL,
    name_en       text,
    trade         text NOT NULL CHECK (trade IN ('DOMESTIC', 'FOREIGN')),
    mode          text NOT NULL CHECK (mode IN ('SEA', 'AIR')),
    port_code     text NOT NULL REFERENCES port (code),
    origin        text NOT NULL,
    destination   text NOT NULL,
    description   text,
    enabled       boolean NOT NULL,
    updated_by    text NOT NULL,
    updated_at    timestamptz NOT NULL
);

-- 场所标签: labels (e.g. 重点监管, 查验场所) put on business data: ports, port areas, zones, points, cameras, gates.
CREATE TABLE site_label (
    id            uuid PRIMARY KEY,
    code          text NOT NULL UNIQUE,
    name_zh       text NOT NULL,
    name_en       text,
    color         text NOT NULL,
    description   text,
    updated_by    text NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE TABLE site_label_link (
    label_id      uuid NOT NULL REFERENCES site_label (id) ON DELETE CASCADE,
    target_type   text NOT NULL CHECK (target_type IN ('PORT', 'PORT_AREA', 'ZONE', 'POINT', 'CAMERA', 'GATE')),
    target_code   text NOT NULL,
    PRIMARY KEY (label_id, target_type, target_code)
);
CREATE INDEX site_label_link_target ON site_label_link (target_type, target_code);

-- 联网平台 (视频转码管理): the networked video platforms the cameras are reached through.
CREATE TABLE video_platform (
    id            uuid PRIMARY KEY,
    code          text NOT NULL UNIQUE,
    name_zh       text NOT NULL,
    name_en       text,
    protocol      text NOT NULL CHECK (protocol IN ('GB28181', 'RTSP', 'ONVIF', 'HLS')),
    host          text NOT NULL,
    port          int NOT NULL CHECK (port BETWEEN 1 AND 65535),
    gb_device_id  text,
    port_code     text REFERENCES port (code),
    enabled       boolean NOT NULL,
    updated_by    text NOT NULL,
    updated_at    timestamptz NOT NULL
);
