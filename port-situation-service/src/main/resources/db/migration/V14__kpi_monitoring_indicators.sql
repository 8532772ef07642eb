-- S2 口岸实时监测 through the same indicator engine: vehicle flow by import/export direction (进出口车流量,
-- FP 458–465) and risk warnings counted by time and type (风险预警统计, FP 497–501), the latter read from the alerts.
ALTER TABLE kpi_indicator DROP CONSTRAINT kpi_indicator_module_check;
ALTER TABLE kpi_indicator ADD CONSTRAINT kpi_indicator_module_check CHECK (module IN ('PASSENGER_VEHICLE', 'PASSENGER',
    'FREIGHT', 'FACILITY', 'EFFICIENCY', 'COLLABORATION', 'TRADE', 'LOGISTICS', 'MONITORING'));
ALTER TABLE kpi_indicator DROP CONSTRAINT kpi_indicator_source_check;
ALTER TABLE kpi_indicator ADD CONSTRAINT kpi_indicator_source_check CHECK (source IN ('FACT', 'FLOW', 'GATE_PASS',
    'FACILITY', 'INCIDENT', 'GATE', 'ALERT'));

INSERT INTO kpi_indicator (key, module, name_zh, name_en, flow, unit_zh, unit_en, source, subject, filter, aggregation,
                           measure, denominator, breakdowns, fps, sort_order) VALUES
('MON_TRUCK_FLOW', 'MONITORING', '进出口车流量', 'Vehicle flow in and out', 'FREIGHT', '辆次', 'vehicles', 'FACT',
    'TRUCK_TRIP', '{}'::jsonb, 'SUM', 'trucks', NULL, ARRAY['direction', 'truckClass']::text[],
    ARRAY[458, 459, 460, 465]::int[], 101),
('MON_TRUCK_IN', 'MONITORING', '进口类型车流量', 'Inbound vehicle flow', 'FREIGHT', '辆次', 'vehicles', 'FACT',
    'TRUCK_TRIP', '{"direction":"IN"}'::jsonb, 'SUM', 'trucks', NULL, ARRAY['truckClass']::text[],
    ARRAY[461, 462]::int[], 102),
('MON_TRUCK_OUT', 'MONITORING', '出口类型车流量', 'Outbound vehicle flow', 'FREIGHT', '辆次', 'vehicles', 'FACT',
    'TRUCK_TRIP', '{"direction":"OUT"}'::jsonb, 'SUM', 'trucks', NULL, ARRAY['truckClass']::text[],
    ARRAY[463, 464]::int[], 103),
('MON_ALERTS', 'MONITORING', '风险预警数量', 'Risk warnings', NULL, '条', 'alerts', 'ALERT', NULL, '{}'::jsonb, 'SUM',
    'alerts', NULL, ARRAY['type']::text[], ARRAY[497, 499, 500, 501]::int[], 104);
