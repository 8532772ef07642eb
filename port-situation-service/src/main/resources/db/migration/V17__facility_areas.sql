-- 不同卡口区域 / 查验区 / 堆存区视频监控设备在线率: a facility may say which area of its port it stands in (the gate
-- area, the inspection area or the storage area), and the camera online rate is computed per area.
ALTER TABLE facility ADD COLUMN area text CHECK (area IN ('GATE_AREA', 'INSPECTION_AREA', 'STORAGE_AREA'));

INSERT INTO kpi_indicator (key, module, name_zh, name_en, flow, unit_zh, unit_en, source, subject, filter, aggregation,
                           measure, denominator, breakdowns, fps, sort_order) VALUES
('FAC_CAMERA_ONLINE_RATE_GATE_AREA', 'FACILITY', '不同口岸卡口区域视频监控设备在线率', 'Camera online rate in the gate areas', NULL, '%', '%', 'FACILITY', 'CAMERA', '{"area":"GATE_AREA"}'::jsonb, 'RATIO', 'online', 'count', ARRAY[]::text[], ARRAY[160]::int[], 127),
('FAC_CAMERA_ONLINE_RATE_INSPECTION_AREA', 'FACILITY', '不同查验区视频监控设备在线率', 'Camera online rate in the inspection areas', NULL, '%', '%', 'FACILITY', 'CAMERA', '{"area":"INSPECTION_AREA"}'::jsonb, 'RATIO', 'online', 'count', ARRAY[]::text[], ARRAY[161]::int[], 128),
('FAC_CAMERA_ONLINE_RATE_STORAGE_AREA', 'FACILITY', '不同堆存区视频监控设备在线率', 'Camera online rate in the storage areas', NULL, '%', '%', 'FACILITY', 'CAMERA', '{"area":"STORAGE_AREA"}'::jsonb, 'RATIO', 'online', 'count', ARRAY[]::text[], ARRAY[162]::int[], 129);
