-- 经济效益: the economic-benefit dimension of the port indicator system (一个库: 设施、通行能力、通关便利、智慧智能、业务协同、
-- 经济效益). The tender measures a port's contribution to the free-trade port by trade value, trade volume, foreign-trade
-- enterprises and customs duty (贸易额、贸易货量、外贸企业、关税统计); all four come from the cargo declarations the
-- service receives as port facts, of every trade (first-line foreign trade and second-line off-island goods).
ALTER TABLE kpi_indicator DROP CONSTRAINT kpi_indicator_module_check;
ALTER TABLE kpi_indicator ADD CONSTRAINT kpi_indicator_module_check CHECK (module IN ('PASSENGER_VEHICLE', 'PASSENGER',
    'FREIGHT', 'FACILITY', 'EFFICIENCY', 'COLLABORATION', 'TRADE', 'LOGISTICS', 'MONITORING', 'ECONOMY'));

INSERT INTO kpi_indicator (key, module, name_zh, name_en, flow, unit_zh, unit_en, source, subject, filter, aggregation,
                           measure, denominator, breakdowns, fps, sort_order) VALUES
('EC_TRADE_VALUE', 'ECONOMY', '口岸贸易额贡献', 'Trade value through the port', NULL, '元', 'CNY', 'FACT',
    'CARGO_DECLARATION', '{}'::jsonb, 'SUM', 'valueCny', NULL, ARRAY['trade', 'direction', 'goodsType']::text[],
    ARRAY[259, 260]::int[], 111),
('EC_TRADE_VOLUME', 'ECONOMY', '口岸贸易货量贡献', 'Trade volume through the port', NULL, '吨', 'tonnes', 'FACT',
    'CARGO_DECLARATION', '{}'::jsonb, 'SUM', 'tonnes', NULL, ARRAY['trade', 'direction', 'goodsType']::text[],
    ARRAY[243, 244]::int[], 112),
('EC_FOREIGN_TRADE_ENTERPRISES', 'ECONOMY', '外贸企业数量', 'Foreign-trade enterprises', NULL, '家', 'enterprises',
    'FACT', 'CARGO_DECLARATION', '{"trade":"FOREIGN"}'::jsonb, 'DISTINCT', 'enterprise', NULL,
    ARRAY['direction', 'region']::text[], ARRAY[278]::int[], 113),
('EC_TARIFF', 'ECONOMY', '关税贡献', 'Customs duty collected', NULL, '元', 'CNY', 'FACT', 'CARGO_DECLARATION',
    '{}'::jsonb, 'SUM', 'tariffCny', NULL, ARRAY['trade', 'goodsType']::text[], ARRAY[307, 308]::int[], 114),
('EC_TARIFF_RATE', 'ECONOMY', '关税贡献率（关税/贸易额）', 'Duty per trade value', NULL, '%', '%', 'FACT',
    'CARGO_DECLARATION', '{}'::jsonb, 'RATIO', 'tariffCny', 'valueCny', ARRAY['trade', 'goodsType']::text[],
    ARRAY[309]::int[], 115);
