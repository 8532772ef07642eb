-- 平均故障响应时间 is the time from a fault to the first response to it (an officer acknowledging the incident's alert),
-- not the time to repair. The two camera and software indicators of V13 counted the repair: they become the mean time
-- to repair (平均故障修复时间), and the response-time function points move to new indicators over the response.
UPDATE kpi_indicator SET name_zh = '视频监控设备平均故障修复时间', fps = ARRAY[]::int[]
WHERE key = 'FAC_CAMERA_REPAIR_MINUTES';
UPDATE kpi_indicator SET name_zh = '应用软件平均故障修复时间', fps = ARRAY[]::int[]
WHERE key = 'FAC_SOFTWARE_REPAIR_MINUTES';

INSERT INTO kpi_indicator (key, module, name_zh, name_en, flow, unit_zh, unit_en, source, subject, filter, aggregation,
                           measure, denominator, breakdowns, fps, sort_order) VALUES
('FAC_CAMERA_RESPONSE_MINUTES', 'FACILITY', '视频监控设备平均故障响应时间', 'Camera mean fault response time', NULL, '分钟', 'minutes', 'INCIDENT', 'CAMERA', '{}'::jsonb, 'AVG', 'respondMinutes', NULL, ARRAY[]::text[], ARRAY[158,159,164]::int[], 125),
('FAC_SOFTWARE_RESPONSE_MINUTES', 'FACILITY', '应用软件平均故障响应时间', 'Software mean fault response time', NULL, '分钟', 'minutes', 'INCIDENT', 'SOFTWARE', '{}'::jsonb, 'AVG', 'respondMinutes', NULL, ARRAY[]::text[], ARRAY[167,168]::int[], 126);
