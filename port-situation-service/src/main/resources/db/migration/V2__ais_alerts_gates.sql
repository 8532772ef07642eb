-- 口岸 / port: the ten second-line ports and the centralized inspection site (GLOSSARY §9.1 codes), placed on the map.
CREATE TABLE port (
    code        text PRIMARY KEY,
    name_zh     text NOT NULL,
    name_en     text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('SEAPORT', 'AIRPORT', 'SITE')),
    latitude    double precision NOT NULL,
    longitude   double precision NOT NULL,
    sort_order  int NOT NULL
);

-- Approximate public coordinates (WGS-84) of each port.
INSERT INTO port (code, name_zh, name_en, kind, latitude, longitude, sort_order) VALUES
 ('MEILAN_AIRPORT',  '美兰机场', 'Haikou Meilan International Airport', 'AIRPORT', 19.9349, 110.4590, 1),
 ('BOAO_AIRPORT',    '博鳌机场', 'Qionghai Bo''ao International Airport', 'AIRPORT', 19.1382, 110.4547, 2),
 ('PHOENIX_AIRPORT', '凤凰机场', 'Sanya Phoenix International Airport', 'AIRPORT', 18.3029, 109.4122, 3),
 ('NANSHAN_PORT',    '南山港',   'Nanshan Port', 'SEAPORT', 18.3030, 109.1740, 4),
 ('XINHAI_PORT',     '新海港',   'Xinhai Port', 'SEAPORT', 20.0550, 110.1550, 5),
 ('XIUYING_PORT',    '秀英港',   'Xiuying Port', 'SEAPORT', 20.0280, 110.2800, 6),
 ('MACUN_PORT',      '马村港',   'Macun Port', 'SEAPORT', 19.9800, 109.9900, 7),
 ('YANGPU_PORT',     '洋浦港',   'Yangpu Port', 'SEAPORT', 19.7270, 109.1900, 8),
 ('QINGLAN_PORT',    '清澜港',   'Qinglan Port', 'SEAPORT', 19.5550, 110.8200, 9),
 ('BASUO_PORT',      '八所港',   'Basuo Port', 'SEAPORT', 19.1000, 108.6250, 10),
 ('CENTRAL_INSPECTION_SITE', '集中查验场地', 'Centralized inspection site', 'SITE', 19.9900, 110.3300, 11);

-- AIS 静态数据 + latest 动态数据 per MMSI (AisStatic, latest AisPosition).
CREATE TABLE ais_vessel (
    mmsi            int PRIMARY KEY,
    ship_name       text,
    callsign        text,
    imo             int,
    ship_type       text,
    length_m        int,
    beam_m          int,
    destination     text,
    draught_m       real,
    latitude        double precision,
    longitude       double precision,
    sog_knots       real,
    cog_degrees     real,
    heading         int,
    nav_status      text,
    position_at     timestamptz,
    static_at       timestamptz
);

-- AIS 历史轨迹点 (AisPosition history), the source of track playback.
CREATE TABLE ais_position (
    id          bigserial PRIMARY KEY,
    mmsi        int NOT NULL,
    received_at timestamptz NOT NULL,
    latitude    double precision NOT NULL,
    longitude   double precision NOT NULL,
    sog_knots   real,
    cog_degrees real,
    heading     int,
    nav_status  text,
    feeder      text NOT NULL
);
CREATE INDEX ais_position_track ON ais_position (mmsi, received_at);
CREATE INDEX ais_position_time ON ais_position (received_at);

-- 监控水域: restricted areas, channels with a speed limit, anchorages (where loitering is normal). Polygons are data.
CREATE TABLE watch_area (
    id                uuid PRIMARY KEY,
    code              text NOT NULL UNIQUE,
    name_zh           text NOT NULL,
    name_en           text NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('RESTRICTED', 'CHANNEL', 'ANCHORAGE')),
    port_code         text REFERENCES port (code),
    polygon           jsonb NOT NULL,
    speed_limit_knots real,
    level             text NOT NULL,
    active            boolean NOT NULL DEFAULT true,
    updated_at        timestamptz NOT NULL
);

-- 数据接收日志 (ReceiveLog): what each AIS feeder sent per minute, and what was dropped and why.
CREATE TABLE data_receive_log (
    id              bigserial PRIMARY KEY,
    channel         text NOT NULL,
    source          text NOT NULL,
    period_start    timestamptz NOT NULL,
    received        bigint NOT NULL,
    accepted        bigint NOT NULL,
    dropped         bigint NOT NULL,
    drop_reasons    jsonb NOT NULL
);
CREATE INDEX data_receive_log_time ON data_receive_log (period_start);

-- 预警 (Alert) as received from the shared alerts topic, with its lifecycle and handling record (AlertHandling).
CREATE TABLE alert (
    alert_id         text PRIMARY KEY,
    source_service   text NOT NULL,
    type             text NOT NULL,
    level            text NOT NULL,
    port_code        text,
    organization     text,
    recipients       jsonb NOT NULL,
    title_zh         text NOT NULL,
    title_en         text NOT NULL,
    occurred_at      timestamptz NOT NULL,
    latitude         double precision,
    longitude        double precision,
    attributes       jsonb NOT NULL,
    status           text NOT NULL,
    raised_at        timestamptz NOT NULL,
    notified_at      timestamptz,
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    handled_at       timestamptz,
    handled_by       text,
    handling_action  text,
    handling_record  text,
    closed_at        timestamptz,
    closed_by        text,
    closing_remark   text,
    version          int NOT NULL DEFAULT 0
);
CREATE INDEX alert_occurred ON alert (occurred_at DESC);
CREATE INDEX alert_status ON alert (status);

-- 预警规则: rules as data; the condition is a SpEL expression over the facts of its scope, refused on save if it
-- does not parse or does not evaluate to a boolean against sample facts.
CREATE TABLE alert_rule (
    id              uuid PRIMARY KEY,
    code            text NOT NULL UNIQUE,
    name_zh         text NOT NULL,
    name_en         text NOT NULL,
    scope           text NOT NULL CHECK (scope IN ('AIS_POSITION', 'PORT_METRIC', 'GATE_PASS')),
    condition       text NOT NULL,
    alert_type      text NOT NULL,
    level           text NOT NULL,
    cooldown_s      int NOT NULL,
    enabled         boolean NOT NULL,
    updated_at      timestamptz NOT NULL,
    updated_by      text NOT NULL
);
