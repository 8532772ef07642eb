-- 查验场所运行监测 and 智能卡口运行监测 name devices beyond the first kinds: H986 scanners, X-ray and CT machines,
-- unpacking tables, and the parts of a smart gate (barrier, door control, plate recognition, e-tag reader, toll
-- system). Facility snapshots keep each port's counts per kind every few minutes, for the online-rate trends.
ALTER TABLE facility DROP CONSTRAINT facility_kind_check;
ALTER TABLE facility ADD CONSTRAINT facility_kind_check CHECK (kind IN ('CAMERA', 'SENSOR', 'SOFTWARE',
    'INSPECTION_SITE', 'GATE', 'YARD', 'H986', 'XRAY', 'CT', 'UNPACKING_TABLE', 'BARRIER', 'DOOR_CONTROL',
    'PLATE_RECOGNITION', 'RFID_READER', 'TOLL_SYSTEM'));

CREATE TABLE facility_snapshot (
    port_code  text NOT NULL REFERENCES port (code),
    kind       text NOT NULL,
    taken_at   timestamptz NOT NULL,
    total      int NOT NULL CHECK (total >= 0),
    online     int NOT NULL CHECK (online >= 0),
    fault      int NOT NULL CHECK (fault >= 0),
    PRIMARY KEY (port_code, kind, taken_at)
);
CREATE INDEX facility_snapshot_time ON facility_snapshot (taken_at);

ALTER TABLE kpi_indicator DROP CONSTRAINT kpi_indicator_source_check;
ALTER TABLE kpi_indicator ADD CONSTRAINT kpi_indicator_source_check CHECK (source IN ('FACT', 'FLOW', 'GATE_PASS',
    'FACILITY', 'INCIDENT', 'GATE', 'ALERT', 'FACILITY_HISTORY'));

INSERT INTO kpi_indicator (key, module, name_zh, name_en, flow, unit_zh, unit_en, source, subject, filter, aggregation,
                           measure, denominator, breakdowns, fps, sort_order) VALUES
('FAC_CAMERA_ONLINE_TREND', 'FACILITY', '视频监控设备在线率随时间变化趋势', 'Camera online rate over time', NULL, '%', '%', 'FACILITY_HISTORY', 'CAMERA', '{}'::jsonb, 'RATIO', 'online', 'total', ARRAY[]::text[], ARRAY[157]::int[], 105),
('FAC_SOFTWARE_ONLINE_TREND', 'FACILITY', '应用软件在线率随时间变化趋势', 'Software online rate over time', NULL, '%', '%', 'FACILITY_HISTORY', 'SOFTWARE', '{}'::jsonb, 'RATIO', 'online', 'total', ARRAY[]::text[], ARRAY[166]::int[], 106),
('FAC_H986', 'FACILITY', 'H986查验设备数量', 'H986 scanners', NULL, '台', 'devices', 'FACILITY', 'H986', '{}'::jsonb, 'SUM', 'count', NULL, ARRAY[]::text[], ARRAY[176]::int[], 107),
('FAC_H986_ONLINE', 'FACILITY', 'H986查验设备在线数量', 'H986 scanners online', NULL, '台', 'devices', 'FACILITY', 'H986', '{}'::jsonb, 'SUM', 'online', NULL, ARRAY[]::text[], ARRAY[177]::int[], 108),
('FAC_H986_OFFLINE', 'FACILITY', 'H986查验设备离线数量', 'H986 scanners offline', NULL, '台', 'devices', 'FACILITY', 'H986', '{}'::jsonb, 'SUM', 'offline', NULL, ARRAY[]::text[], ARRAY[178]::int[], 109),
('FAC_XRAY', 'FACILITY', 'X光机设备数量', 'X-ray machines', NULL, '台', 'devices', 'FACILITY', 'XRAY', '{}'::jsonb, 'SUM', 'count', NULL, ARRAY[]::text[], ARRAY[179]::int[], 110),
('FAC_XRAY_ONLINE', 'FACILITY', 'X光机设备在线数量', 'X-ray machines online', NULL, '台', 'devices', 'FACILITY', 'XRAY', '{}'::jsonb, 'SUM', 'online', NULL, ARRAY[]::text[], ARRAY[180]::int[], 111),
('FAC_XRAY_OFFLINE', 'FACILITY', 'X光机设备离线数量', 'X-ray machines offline', NULL, '台', 'devices', 'FACILITY', 'XRAY', '{}'::jsonb, 'SUM', 'offline', NULL, ARRAY[]::text[], ARRAY[181]::int[], 112),
('FAC_CT', 'FACILITY', 'CT机设备数量', 'CT machines', NULL, '台', 'devices', 'FACILITY', 'CT', '{}'::jsonb, 'SUM', 'count', NULL, ARRAY[]::text[], ARRAY[182]::int[], 113),
('FAC_CT_ONLINE', 'FACILITY', 'CT机设备在线数量', 'CT machines online', NULL, '台', 'devices', 'FACILITY', 'CT', '{}'::jsonb, 'SUM', 'online', NULL, ARRAY[]::text[], ARRAY[183]::int[], 114),
('FAC_CT_OFFLINE', 'FACILITY', 'CT机设备离线数量', 'CT machines offline', NULL, '台', 'devices', 'FACILITY', 'CT', '{}'::jsonb, 'SUM', 'offline', NULL, ARRAY[]::text[], ARRAY[184]::int[], 115),
('FAC_UNPACKING_TABLE', 'FACILITY', '开包台设备数量', 'Unpacking tables', NULL, '台', 'devices', 'FACILITY', 'UNPACKING_TABLE', '{}'::jsonb, 'SUM', 'count', NULL, ARRAY[]::text[], ARRAY[185]::int[], 116),
('FAC_UNPACKING_TABLE_ONLINE', 'FACILITY', '开包台设备在线数量', 'Unpacking tables online', NULL, '台', 'devices', 'FACILITY', 'UNPACKING_TABLE', '{}'::jsonb, 'SUM', 'online', NULL, ARRAY[]::text[], ARRAY[186]::int[], 117),
('FAC_UNPACKING_TABLE_OFFLINE', 'FACILITY', '开包台设备离线数量', 'Unpacking tables offline', NULL, '台', 'devices', 'FACILITY', 'UNPACKING_TABLE', '{}'::jsonb, 'SUM', 'offline', NULL, ARRAY[]::text[], ARRAY[187]::int[], 118),
('FAC_BARRIER_FAULT_RATE', 'FACILITY', '自动栏杆故障率', 'Automatic barrier fault rate', NULL, '%', '%', 'FACILITY', 'BARRIER', '{}'::jsonb, 'RATIO', 'fault', 'count', ARRAY[]::text[], ARRAY[191]::int[], 119),
('FAC_DOOR_CONTROL_FAULT_RATE', 'FACILITY', '门控系统故障率', 'Door control fault rate', NULL, '%', '%', 'FACILITY', 'DOOR_CONTROL', '{}'::jsonb, 'RATIO', 'fault', 'count', ARRAY[]::text[], ARRAY[192]::int[], 120),
('FAC_SENSOR_FAULT_RATE', 'FACILITY', '传感器或探测器故障率', 'Sensor or detector fault rate', NULL, '%', '%', 'FACILITY', 'SENSOR', '{}'::jsonb, 'RATIO', 'fault', 'count', ARRAY[]::text[], ARRAY[193]::int[], 121),
('FAC_PLATE_RECOGNITION_FAULT_RATE', 'FACILITY', '车牌识别系统故障率', 'Plate recognition fault rate', NULL, '%', '%', 'FACILITY', 'PLATE_RECOGNITION', '{}'::jsonb, 'RATIO', 'fault', 'count', ARRAY[]::text[], ARRAY[194]::int[], 122),
('FAC_RFID_READER_FAULT_RATE', 'FACILITY', '电子标签读取设备故障率', 'E-tag reader fault rate', NULL, '%', '%', 'FACILITY', 'RFID_READER', '{}'::jsonb, 'RATIO', 'fault', 'count', ARRAY[]::text[], ARRAY[195]::int[], 123),
('FAC_TOLL_SYSTEM_FAULT_RATE', 'FACILITY', '收费系统故障率', 'Toll system fault rate', NULL, '%', '%', 'FACILITY', 'TOLL_SYSTEM', '{}'::jsonb, 'RATIO', 'fault', 'count', ARRAY[]::text[], ARRAY[196]::int[], 124);
