-- The 48 clearance parameter tables V3 left empty (FP 473–534), each seeded as version 1 from the source its
-- clearance_parameter_table.source names (docs/customs-parameters.md §3). PUBLIC: a public standard or GACC list,
-- subset; PUBLIC_NAMES: public names, codes assigned by this platform; PLATFORM: no public code list known, the
-- minimum the screens and rules need, codes assigned by this platform. Operators publish later versions as usual.

UPDATE clearance_parameter_table SET source = 'PLATFORM: The GACC 5-digit 境内地区 table is not published in machine-readable form; minimum: Hainan and its areas keyed by their GB/T 2260 code, which the 2018 declaration carries beside the customs region code', current_version = 1 WHERE code = 'DOMESTIC_REGION' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('DOMESTIC_REGION', 1, 'migration', 'seed: PLATFORM: The GACC 5-digit 境内地区 table is not published in machine-readable form; minimum: Hainan and its areas keyed by their GB/T 2260 code, which the 2018 declaration carries beside the customs region code');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('DOMESTIC_REGION', 1, '460000', '海南省', 'Hainan Province'),
  ('DOMESTIC_REGION', 1, '460100', '海口市', 'Haikou'),
  ('DOMESTIC_REGION', 1, '460105', '秀英区', 'Xiuying District'),
  ('DOMESTIC_REGION', 1, '460106', '龙华区', 'Longhua District'),
  ('DOMESTIC_REGION', 1, '460107', '琼山区', 'Qiongshan District'),
  ('DOMESTIC_REGION', 1, '460108', '美兰区', 'Meilan District'),
  ('DOMESTIC_REGION', 1, '460200', '三亚市', 'Sanya'),
  ('DOMESTIC_REGION', 1, '460300', '三沙市', 'Sansha'),
  ('DOMESTIC_REGION', 1, '460400', '儋州市', 'Danzhou'),
  ('DOMESTIC_REGION', 1, '469001', '五指山市', 'Wuzhishan'),
  ('DOMESTIC_REGION', 1, '469002', '琼海市', 'Qionghai'),
  ('DOMESTIC_REGION', 1, '469005', '文昌市', 'Wenchang'),
  ('DOMESTIC_REGION', 1, '469006', '万宁市', 'Wanning'),
  ('DOMESTIC_REGION', 1, '469007', '东方市', 'Dongfang'),
  ('DOMESTIC_REGION', 1, '469021', '定安县', 'Ding''an County'),
  ('DOMESTIC_REGION', 1, '469022', '屯昌县', 'Tunchang County'),
  ('DOMESTIC_REGION', 1, '469023', '澄迈县', 'Chengmai County'),
  ('DOMESTIC_REGION', 1, '469024', '临高县', 'Lingao County');

UPDATE clearance_parameter_table SET source = 'PUBLIC: GACC 报关单位注册登记 企业经济类型 (enterprise economic type of customs registration), one-digit codes', current_version = 1 WHERE code = 'ENTERPRISE_NATURE' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('ENTERPRISE_NATURE', 1, 'migration', 'seed: PUBLIC: GACC 报关单位注册登记 企业经济类型 (enterprise economic type of customs registration), one-digit codes');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('ENTERPRISE_NATURE', 1, '1', '国有企业', 'State-owned enterprise'),
  ('ENTERPRISE_NATURE', 1, '2', '中外合作企业', 'Sino-foreign cooperative joint venture'),
  ('ENTERPRISE_NATURE', 1, '3', '中外合资企业', 'Sino-foreign equity joint venture'),
  ('ENTERPRISE_NATURE', 1, '4', '外商独资企业', 'Wholly foreign-owned enterprise'),
  ('ENTERPRISE_NATURE', 1, '5', '集体企业', 'Collective enterprise'),
  ('ENTERPRISE_NATURE', 1, '6', '私营企业', 'Private enterprise'),
  ('ENTERPRISE_NATURE', 1, '7', '个体工商户', 'Individual business'),
  ('ENTERPRISE_NATURE', 1, '8', '报关企业', 'Customs broker'),
  ('ENTERPRISE_NATURE', 1, '9', '其他', 'Other');

UPDATE clearance_parameter_table SET source = 'PUBLIC: GACC 用途代码表 (inspection declaration, 2018 integrated declaration), subset', current_version = 1 WHERE code = 'USE_PURPOSE' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('USE_PURPOSE', 1, 'migration', 'seed: PUBLIC: GACC 用途代码表 (inspection declaration, 2018 integrated declaration), subset');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('USE_PURPOSE', 1, '11', '种用或繁殖', 'Planting or breeding'),
  ('USE_PURPOSE', 1, '12', '食用', 'Human consumption'),
  ('USE_PURPOSE', 1, '13', '奶用', 'Dairy'),
  ('USE_PURPOSE', 1, '14', '观赏或演艺', 'Ornamental or performance'),
  ('USE_PURPOSE', 1, '15', '伴侣动物', 'Companion animal'),
  ('USE_PURPOSE', 1, '16', '试验', 'Testing'),
  ('USE_PURPOSE', 1, '17', '药用', 'Medicinal'),
  ('USE_PURPOSE', 1, '18', '饲用', 'Feed'),
  ('USE_PURPOSE', 1, '99', '其他', 'Other');

UPDATE clearance_parameter_table SET source = 'PUBLIC: GACC 征减免税方式代码表 (征免方式 on the declaration item; the codes TAX-LEVY-MODE accepts)', current_version = 1 WHERE code = 'DUTY_REDUCTION_METHOD' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('DUTY_REDUCTION_METHOD', 1, 'migration', 'seed: PUBLIC: GACC 征减免税方式代码表 (征免方式 on the declaration item; the codes TAX-LEVY-MODE accepts)');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('DUTY_REDUCTION_METHOD', 1, '1', '照章征税', 'Taxed as the tariff says'),
  ('DUTY_REDUCTION_METHOD', 1, '2', '折半征税', 'Half tax'),
  ('DUTY_REDUCTION_METHOD', 1, '3', '全免', 'Full exemption'),
  ('DUTY_REDUCTION_METHOD', 1, '4', '特案', 'Special case'),
  ('DUTY_REDUCTION_METHOD', 1, '5', '随征免性质', 'As the levy nature says'),
  ('DUTY_REDUCTION_METHOD', 1, '6', '保证金', 'Deposit'),
  ('DUTY_REDUCTION_METHOD', 1, '7', '保函', 'Guarantee'),
  ('DUTY_REDUCTION_METHOD', 1, '8', '折半补税', 'Half tax paid later'),
  ('DUTY_REDUCTION_METHOD', 1, '9', '全额退税', 'Full refund');

UPDATE clearance_parameter_table SET source = 'PUBLIC: GACC 监管证件代码表 (the documents attached to a declaration under the supervision conditions), subset', current_version = 1 WHERE code = 'ATTACHED_DOCUMENT' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('ATTACHED_DOCUMENT', 1, 'migration', 'seed: PUBLIC: GACC 监管证件代码表 (the documents attached to a declaration under the supervision conditions), subset');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('ATTACHED_DOCUMENT', 1, '1', '进口许可证', 'Import licence'),
  ('ATTACHED_DOCUMENT', 1, '4', '出口许可证', 'Export licence'),
  ('ATTACHED_DOCUMENT', 1, '7', '自动进口许可证', 'Automatic import licence'),
  ('ATTACHED_DOCUMENT', 1, 'A', '检验检疫（入境）', 'Inspection and quarantine (entry)'),
  ('ATTACHED_DOCUMENT', 1, 'B', '检验检疫（出境）', 'Inspection and quarantine (exit)'),
  ('ATTACHED_DOCUMENT', 1, 'E', '濒危物种允许出口证明书', 'Endangered species export permit'),
  ('ATTACHED_DOCUMENT', 1, 'F', '濒危物种允许进口证明书', 'Endangered species import permit'),
  ('ATTACHED_DOCUMENT', 1, 'L', '药品进出口准许证', 'Drug import/export permit'),
  ('ATTACHED_DOCUMENT', 1, 'O', '自动进口许可证（新旧机电产品）', 'Automatic import licence (electromechanical)'),
  ('ATTACHED_DOCUMENT', 1, 'Q', '进口药品通关单', 'Imported drug clearance form'),
  ('ATTACHED_DOCUMENT', 1, 'S', '进出口农药登记证明', 'Pesticide registration certificate'),
  ('ATTACHED_DOCUMENT', 1, 'Y', '原产地证明', 'Certificate of origin');

UPDATE clearance_parameter_table SET source = 'PLATFORM: No machine-readable public code list found; names of licence categories the import entry screen offers, codes assigned by this platform (prefix HNI)', current_version = 1 WHERE code = 'PRODUCT_LICENCE_IMPORT' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('PRODUCT_LICENCE_IMPORT', 1, 'migration', 'seed: PLATFORM: No machine-readable public code list found; names of licence categories the import entry screen offers, codes assigned by this platform (prefix HNI)');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('PRODUCT_LICENCE_IMPORT', 1, 'HNI01', '医疗器械注册证', 'Medical device registration certificate'),
  ('PRODUCT_LICENCE_IMPORT', 1, 'HNI02', '进口特殊用途化妆品卫生许可批件', 'Special-use cosmetics hygiene permit'),
  ('PRODUCT_LICENCE_IMPORT', 1, 'HNI03', '进口药品注册证', 'Imported drug registration certificate'),
  ('PRODUCT_LICENCE_IMPORT', 1, 'HNI04', '食品生产许可证', 'Food production licence');

UPDATE clearance_parameter_table SET source = 'PLATFORM: No machine-readable public code list found; names of licence categories the export entry screen offers, codes assigned by this platform (prefix HNE)', current_version = 1 WHERE code = 'PRODUCT_LICENCE_EXPORT' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('PRODUCT_LICENCE_EXPORT', 1, 'migration', 'seed: PLATFORM: No machine-readable public code list found; names of licence categories the export entry screen offers, codes assigned by this platform (prefix HNE)');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('PRODUCT_LICENCE_EXPORT', 1, 'HNE01', '出口食品生产企业备案证明', 'Export food producer filing'),
  ('PRODUCT_LICENCE_EXPORT', 1, 'HNE02', '出口危险货物包装容器性能检验结果单', 'Dangerous-goods packaging performance result'),
  ('PRODUCT_LICENCE_EXPORT', 1, 'HNE03', '医疗器械生产许可证', 'Medical device production licence');

UPDATE clearance_parameter_table SET source = 'PUBLIC: GACC 集装箱规格代码表 (2018 integrated declaration)', current_version = 1 WHERE code = 'CONTAINER_SPEC' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('CONTAINER_SPEC', 1, 'migration', 'seed: PUBLIC: GACC 集装箱规格代码表 (2018 integrated declaration)');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('CONTAINER_SPEC', 1, '11', '普通2*标准箱（L）', 'General 40-foot (L)'),
  ('CONTAINER_SPEC', 1, '12', '冷藏2*标准箱（L）', 'Reefer 40-foot (L)'),
  ('CONTAINER_SPEC', 1, '13', '罐式2*标准箱（L）', 'Tank 40-foot (L)'),
  ('CONTAINER_SPEC', 1, '21', '普通标准箱（S）', 'General 20-foot (S)'),
  ('CONTAINER_SPEC', 1, '22', '冷藏标准箱（S）', 'Reefer 20-foot (S)'),
  ('CONTAINER_SPEC', 1, '23', '罐式标准箱（S）', 'Tank 20-foot (S)'),
  ('CONTAINER_SPEC', 1, '31', '其他标准箱（S）', 'Other 20-foot (S)'),
  ('CONTAINER_SPEC', 1, '32', '其他2*标准箱（L）', 'Other 40-foot (L)');

UPDATE clearance_parameter_table SET source = 'PLATFORM: Since the 2018 merger inspection and quarantine is done by the customs office; no public list of the new authority codes found, so the customs district code stands for its inspection authority (minimum for Hainan)', current_version = 1 WHERE code = 'INSPECTION_AUTHORITY' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('INSPECTION_AUTHORITY', 1, 'migration', 'seed: PLATFORM: Since the 2018 merger inspection and quarantine is done by the customs office; no public list of the new authority codes found, so the customs district code stands for its inspection authority (minimum for Hainan)');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('INSPECTION_AUTHORITY', 1, '6400', '海口海关', 'Haikou Customs');

UPDATE clearance_parameter_table SET source = 'PLATFORM: No public code list found; the reasons the declaration''s 关联报关单 field is used for, codes assigned by this platform', current_version = 1 WHERE code = 'ASSOCIATION_REASON' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('ASSOCIATION_REASON', 1, 'migration', 'seed: PLATFORM: No public code list found; the reasons the declaration''s 关联报关单 field is used for, codes assigned by this platform');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('ASSOCIATION_REASON', 1, 'HN1', '加工贸易结转', 'Processing-trade carry-over'),
  ('ASSOCIATION_REASON', 1, 'HN2', '二线核注清单对应报关单', 'Declaration of a second-line verification list'),
  ('ASSOCIATION_REASON', 1, 'HN3', '集中申报对应分送清单', 'Distribution lists of a consolidated declaration'),
  ('ASSOCIATION_REASON', 1, 'HN4', '退运对应原报关单', 'Return of goods to the original declaration');

UPDATE clearance_parameter_table SET source = 'PLATFORM: The GACC 原产地区代码表 is not published in machine-readable form; minimum: the Hainan FTP value-added origin rule uses only the region as a whole (code assigned by this platform)', current_version = 1 WHERE code = 'ORIGIN_REGION' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('ORIGIN_REGION', 1, 'migration', 'seed: PLATFORM: The GACC 原产地区代码表 is not published in machine-readable form; minimum: the Hainan FTP value-added origin rule uses only the region as a whole (code assigned by this platform)');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('ORIGIN_REGION', 1, 'HN000', '海南自由贸易港（加工增值）', 'Hainan FTP (value added by processing)');

UPDATE clearance_parameter_table SET source = 'PUBLIC: UN Recommendations on the Transport of Dangerous Goods, packaging codes (6.1.2), subset — the declaration''s 危包规格', current_version = 1 WHERE code = 'DANGEROUS_PACKAGING_SPEC' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('DANGEROUS_PACKAGING_SPEC', 1, 'migration', 'seed: PUBLIC: UN Recommendations on the Transport of Dangerous Goods, packaging codes (6.1.2), subset — the declaration''s 危包规格');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('DANGEROUS_PACKAGING_SPEC', 1, '1A1', '钢桶（闭口）', 'Steel drum, non-removable head'),
  ('DANGEROUS_PACKAGING_SPEC', 1, '1A2', '钢桶（开口）', 'Steel drum, removable head'),
  ('DANGEROUS_PACKAGING_SPEC', 1, '1H1', '塑料桶（闭口）', 'Plastic drum, non-removable head'),
  ('DANGEROUS_PACKAGING_SPEC', 1, '1H2', '塑料桶（开口）', 'Plastic drum, removable head'),
  ('DANGEROUS_PACKAGING_SPEC', 1, '3H1', '塑料罐（闭口）', 'Plastic jerrican, non-removable head'),
  ('DANGEROUS_PACKAGING_SPEC', 1, '4G', '纤维板箱', 'Fibreboard box'),
  ('DANGEROUS_PACKAGING_SPEC', 1, '4C1', '普通木箱', 'Natural wood box'),
  ('DANGEROUS_PACKAGING_SPEC', 1, '5H1', '塑料编织袋', 'Woven plastic bag'),
  ('DANGEROUS_PACKAGING_SPEC', 1, '31H1', '硬质塑料中型散装容器', 'Rigid plastic IBC');

UPDATE clearance_parameter_table SET source = 'PUBLIC: GACC 检验检疫类别 / 海关监管条件 letters of the customs tariff (商品综合分类表)', current_version = 1 WHERE code = 'SUPERVISION_CATEGORY' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('SUPERVISION_CATEGORY', 1, 'migration', 'seed: PUBLIC: GACC 检验检疫类别 / 海关监管条件 letters of the customs tariff (商品综合分类表)');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('SUPERVISION_CATEGORY', 1, 'A', '实施进境检验检疫', 'Entry inspection and quarantine'),
  ('SUPERVISION_CATEGORY', 1, 'B', '实施出境检验检疫', 'Exit inspection and quarantine'),
  ('SUPERVISION_CATEGORY', 1, 'M', '进口商品检验', 'Import commodity inspection'),
  ('SUPERVISION_CATEGORY', 1, 'N', '出口商品检验', 'Export commodity inspection'),
  ('SUPERVISION_CATEGORY', 1, 'P', '进境动植物、动植物产品检疫', 'Entry animal and plant quarantine'),
  ('SUPERVISION_CATEGORY', 1, 'Q', '出境动植物、动植物产品检疫', 'Exit animal and plant quarantine'),
  ('SUPERVISION_CATEGORY', 1, 'R', '进口食品卫生监督检验', 'Imported food hygiene inspection'),
  ('SUPERVISION_CATEGORY', 1, 'S', '出口食品卫生监督检验', 'Exported food hygiene inspection'),
  ('SUPERVISION_CATEGORY', 1, 'L', '民用商品入境验证', 'Entry verification of civil goods'),
  ('SUPERVISION_CATEGORY', 1, 'V', '进境卫生检疫', 'Entry health quarantine'),
  ('SUPERVISION_CATEGORY', 1, 'W', '出境卫生检疫', 'Exit health quarantine');

UPDATE clearance_parameter_table SET source = 'PUBLIC: GACC 运输方式代码表 before the 2018 integration (报关单 运输方式)', current_version = 1 WHERE code = 'TRANSPORT_MODE_LEGACY' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('TRANSPORT_MODE_LEGACY', 1, 'migration', 'seed: PUBLIC: GACC 运输方式代码表 before the 2018 integration (报关单 运输方式)');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('TRANSPORT_MODE_LEGACY', 1, '0', '非保税区', 'Non-bonded area'),
  ('TRANSPORT_MODE_LEGACY', 1, '1', '监管仓库', 'Supervised warehouse'),
  ('TRANSPORT_MODE_LEGACY', 1, '2', '水路运输', 'Waterway'),
  ('TRANSPORT_MODE_LEGACY', 1, '3', '铁路运输', 'Railway'),
  ('TRANSPORT_MODE_LEGACY', 1, '4', '公路运输', 'Road'),
  ('TRANSPORT_MODE_LEGACY', 1, '5', '航空运输', 'Air'),
  ('TRANSPORT_MODE_LEGACY', 1, '6', '邮件运输', 'Post'),
  ('TRANSPORT_MODE_LEGACY', 1, '7', '保税区', 'Bonded zone'),
  ('TRANSPORT_MODE_LEGACY', 1, '8', '保税仓库', 'Bonded warehouse'),
  ('TRANSPORT_MODE_LEGACY', 1, '9', '其他运输', 'Other'),
  ('TRANSPORT_MODE_LEGACY', 1, 'Y', '保税港区', 'Bonded port area'),
  ('TRANSPORT_MODE_LEGACY', 1, 'Z', '出口加工区', 'Export processing zone');

UPDATE clearance_parameter_table SET source = 'PUBLIC: The former inspection declaration''s 贸易方式 codes (报检单, before 2018), subset', current_version = 1 WHERE code = 'SUPERVISION_MODE_LEGACY' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('SUPERVISION_MODE_LEGACY', 1, 'migration', 'seed: PUBLIC: The former inspection declaration''s 贸易方式 codes (报检单, before 2018), subset');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('SUPERVISION_MODE_LEGACY', 1, '11', '一般贸易', 'General trade'),
  ('SUPERVISION_MODE_LEGACY', 1, '12', '三来一补', 'Processing and compensation trade'),
  ('SUPERVISION_MODE_LEGACY', 1, '13', '边境贸易', 'Border trade'),
  ('SUPERVISION_MODE_LEGACY', 1, '14', '进料加工', 'Processing with imported materials'),
  ('SUPERVISION_MODE_LEGACY', 1, '15', '其他贸易', 'Other trade');

UPDATE clearance_parameter_table SET source = 'PUBLIC: GACC 国别（地区）代码表 before 2018 (three-digit numeric), subset', current_version = 1 WHERE code = 'COUNTRY_LEGACY' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('COUNTRY_LEGACY', 1, 'migration', 'seed: PUBLIC: GACC 国别（地区）代码表 before 2018 (three-digit numeric), subset');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('COUNTRY_LEGACY', 1, '110', '香港', 'Hong Kong, China'),
  ('COUNTRY_LEGACY', 1, '116', '日本', 'Japan'),
  ('COUNTRY_LEGACY', 1, '121', '澳门', 'Macao, China'),
  ('COUNTRY_LEGACY', 1, '122', '马来西亚', 'Malaysia'),
  ('COUNTRY_LEGACY', 1, '132', '新加坡', 'Singapore'),
  ('COUNTRY_LEGACY', 1, '133', '韩国', 'Republic of Korea'),
  ('COUNTRY_LEGACY', 1, '136', '泰国', 'Thailand'),
  ('COUNTRY_LEGACY', 1, '141', '越南', 'Viet Nam'),
  ('COUNTRY_LEGACY', 1, '142', '中国', 'China'),
  ('COUNTRY_LEGACY', 1, '143', '台澎金马关税区', 'Taiwan, China'),
  ('COUNTRY_LEGACY', 1, '303', '英国', 'United Kingdom'),
  ('COUNTRY_LEGACY', 1, '304', '德国', 'Germany'),
  ('COUNTRY_LEGACY', 1, '305', '法国', 'France'),
  ('COUNTRY_LEGACY', 1, '502', '美国', 'United States'),
  ('COUNTRY_LEGACY', 1, '601', '澳大利亚', 'Australia'),
  ('COUNTRY_LEGACY', 1, '609', '新西兰', 'New Zealand');

UPDATE clearance_parameter_table SET source = 'PLATFORM: The pre-2018 customs port table is not published in machine-readable form; minimum: the Hainan ports, keyed by their UN/LOCODE', current_version = 1 WHERE code = 'PORT_LEGACY' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('PORT_LEGACY', 1, 'migration', 'seed: PLATFORM: The pre-2018 customs port table is not published in machine-readable form; minimum: the Hainan ports, keyed by their UN/LOCODE');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('PORT_LEGACY', 1, 'CNHAK', '海口', 'Haikou'),
  ('PORT_LEGACY', 1, 'CNSYX', '三亚', 'Sanya'),
  ('PORT_LEGACY', 1, 'CNYPG', '洋浦', 'Yangpu');

UPDATE clearance_parameter_table SET source = 'PUBLIC: ISO 4217 numeric currency codes, which the former inspection declaration used, subset', current_version = 1 WHERE code = 'CURRENCY_INSPECTION_LEGACY' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('CURRENCY_INSPECTION_LEGACY', 1, 'migration', 'seed: PUBLIC: ISO 4217 numeric currency codes, which the former inspection declaration used, subset');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('CURRENCY_INSPECTION_LEGACY', 1, '156', '人民币', 'Renminbi'),
  ('CURRENCY_INSPECTION_LEGACY', 1, '344', '港币', 'Hong Kong dollar'),
  ('CURRENCY_INSPECTION_LEGACY', 1, '392', '日元', 'Yen'),
  ('CURRENCY_INSPECTION_LEGACY', 1, '410', '韩元', 'Won'),
  ('CURRENCY_INSPECTION_LEGACY', 1, '702', '新加坡元', 'Singapore dollar'),
  ('CURRENCY_INSPECTION_LEGACY', 1, '826', '英镑', 'Pound sterling'),
  ('CURRENCY_INSPECTION_LEGACY', 1, '840', '美元', 'US dollar'),
  ('CURRENCY_INSPECTION_LEGACY', 1, '978', '欧元', 'Euro');

UPDATE clearance_parameter_table SET source = 'PUBLIC: ISO 6346 container size-type codes, subset', current_version = 1 WHERE code = 'CONTAINER_SPEC_LEGACY' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('CONTAINER_SPEC_LEGACY', 1, 'migration', 'seed: PUBLIC: ISO 6346 container size-type codes, subset');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('CONTAINER_SPEC_LEGACY', 1, '22G1', '20英尺通用集装箱', '20 ft general purpose'),
  ('CONTAINER_SPEC_LEGACY', 1, '42G1', '40英尺通用集装箱', '40 ft general purpose'),
  ('CONTAINER_SPEC_LEGACY', 1, '45G1', '40英尺高箱', '40 ft high cube'),
  ('CONTAINER_SPEC_LEGACY', 1, '22R1', '20英尺冷藏集装箱', '20 ft reefer'),
  ('CONTAINER_SPEC_LEGACY', 1, '45R1', '40英尺高冷藏集装箱', '40 ft high-cube reefer'),
  ('CONTAINER_SPEC_LEGACY', 1, '22T1', '20英尺罐式集装箱', '20 ft tank'),
  ('CONTAINER_SPEC_LEGACY', 1, '22U1', '20英尺开顶集装箱', '20 ft open top'),
  ('CONTAINER_SPEC_LEGACY', 1, '42P1', '40英尺框架集装箱', '40 ft flat rack');

UPDATE clearance_parameter_table SET source = 'PUBLIC: GACC 包装种类代码表 before 2018', current_version = 1 WHERE code = 'PACKAGE_TYPE_LEGACY' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('PACKAGE_TYPE_LEGACY', 1, 'migration', 'seed: PUBLIC: GACC 包装种类代码表 before 2018');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('PACKAGE_TYPE_LEGACY', 1, '1', '木箱', 'Wooden case'),
  ('PACKAGE_TYPE_LEGACY', 1, '2', '纸箱', 'Carton'),
  ('PACKAGE_TYPE_LEGACY', 1, '3', '桶装', 'Drum'),
  ('PACKAGE_TYPE_LEGACY', 1, '4', '散装', 'Bulk'),
  ('PACKAGE_TYPE_LEGACY', 1, '5', '托盘', 'Pallet'),
  ('PACKAGE_TYPE_LEGACY', 1, '6', '包', 'Bale'),
  ('PACKAGE_TYPE_LEGACY', 1, '7', '其它', 'Other');

UPDATE clearance_parameter_table SET source = 'PLATFORM: No public code list found; the article kinds of passenger and postal clearance, codes assigned by this platform', current_version = 1 WHERE code = 'ARTICLE_TYPE' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('ARTICLE_TYPE', 1, 'migration', 'seed: PLATFORM: No public code list found; the article kinds of passenger and postal clearance, codes assigned by this platform');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('ARTICLE_TYPE', 1, 'HN1', '旅客行李物品', 'Passenger baggage'),
  ('ARTICLE_TYPE', 1, 'HN2', '邮递物品', 'Postal articles'),
  ('ARTICLE_TYPE', 1, 'HN3', '快件物品', 'Express articles'),
  ('ARTICLE_TYPE', 1, 'HN4', '离岛免税商品', 'Offshore duty-free goods');

UPDATE clearance_parameter_table SET source = 'PLATFORM: No public code list found; the supervision types of vessels in Hainan ports, codes assigned by this platform', current_version = 1 WHERE code = 'SHIP_SUPERVISION_TYPE' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('SHIP_SUPERVISION_TYPE', 1, 'migration', 'seed: PLATFORM: No public code list found; the supervision types of vessels in Hainan ports, codes assigned by this platform');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('SHIP_SUPERVISION_TYPE', 1, 'HN1', '国际航行船舶', 'International voyage vessel'),
  ('SHIP_SUPERVISION_TYPE', 1, 'HN2', '国内航行船舶', 'Domestic voyage vessel'),
  ('SHIP_SUPERVISION_TYPE', 1, 'HN3', '港澳航线船舶', 'Hong Kong/Macao route vessel'),
  ('SHIP_SUPERVISION_TYPE', 1, 'HN4', '游艇', 'Yacht');

UPDATE clearance_parameter_table SET source = 'PUBLIC: UN/ECE Recommendation 19 modes of transport, which GB/T 6512 follows', current_version = 1 WHERE code = 'TRANSPORT_MODE_GB' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('TRANSPORT_MODE_GB', 1, 'migration', 'seed: PUBLIC: UN/ECE Recommendation 19 modes of transport, which GB/T 6512 follows');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('TRANSPORT_MODE_GB', 1, '0', '未说明', 'Not specified'),
  ('TRANSPORT_MODE_GB', 1, '1', '海运', 'Maritime'),
  ('TRANSPORT_MODE_GB', 1, '2', '铁路运输', 'Rail'),
  ('TRANSPORT_MODE_GB', 1, '3', '公路运输', 'Road'),
  ('TRANSPORT_MODE_GB', 1, '4', '航空运输', 'Air'),
  ('TRANSPORT_MODE_GB', 1, '5', '邮递', 'Mail'),
  ('TRANSPORT_MODE_GB', 1, '6', '多式联运', 'Multimodal'),
  ('TRANSPORT_MODE_GB', 1, '7', '固定设施运输', 'Fixed installation'),
  ('TRANSPORT_MODE_GB', 1, '8', '内河运输', 'Inland water'),
  ('TRANSPORT_MODE_GB', 1, '9', '不适用', 'Not applicable');

UPDATE clearance_parameter_table SET source = 'PLATFORM: No public code list found; codes assigned by this platform', current_version = 1 WHERE code = 'MAIN_ENGINE_TYPE' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('MAIN_ENGINE_TYPE', 1, 'migration', 'seed: PLATFORM: No public code list found; codes assigned by this platform');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('MAIN_ENGINE_TYPE', 1, 'HN1', '柴油机', 'Diesel engine'),
  ('MAIN_ENGINE_TYPE', 1, 'HN2', '汽轮机', 'Steam turbine'),
  ('MAIN_ENGINE_TYPE', 1, 'HN3', '燃气轮机', 'Gas turbine'),
  ('MAIN_ENGINE_TYPE', 1, 'HN4', '电力推进', 'Electric propulsion'),
  ('MAIN_ENGINE_TYPE', 1, 'HN5', '双燃料发动机', 'Dual-fuel engine');

UPDATE clearance_parameter_table SET source = 'PUBLIC_NAMES: Navigation areas of the MSA statutory survey rules for domestic sea-going ships (无限/近海/沿海/遮蔽航区); codes assigned by this platform', current_version = 1 WHERE code = 'NAVIGATION_AREA' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('NAVIGATION_AREA', 1, 'migration', 'seed: PUBLIC_NAMES: Navigation areas of the MSA statutory survey rules for domestic sea-going ships (无限/近海/沿海/遮蔽航区); codes assigned by this platform');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('NAVIGATION_AREA', 1, 'HN1', '无限航区', 'Unrestricted'),
  ('NAVIGATION_AREA', 1, 'HN2', '近海航区', 'Near-coastal'),
  ('NAVIGATION_AREA', 1, 'HN3', '沿海航区', 'Coastal'),
  ('NAVIGATION_AREA', 1, 'HN4', '遮蔽航区', 'Sheltered waters');

UPDATE clearance_parameter_table SET source = 'PLATFORM: No public code list found; codes assigned by this platform', current_version = 1 WHERE code = 'HULL_MATERIAL' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('HULL_MATERIAL', 1, 'migration', 'seed: PLATFORM: No public code list found; codes assigned by this platform');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('HULL_MATERIAL', 1, 'HN1', '钢质', 'Steel'),
  ('HULL_MATERIAL', 1, 'HN2', '铝合金', 'Aluminium alloy'),
  ('HULL_MATERIAL', 1, 'HN3', '玻璃钢', 'Glass-reinforced plastic'),
  ('HULL_MATERIAL', 1, 'HN4', '木质', 'Wood');

UPDATE clearance_parameter_table SET source = 'PLATFORM: No public code list found; codes assigned by this platform', current_version = 1 WHERE code = 'PROPELLER_TYPE' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('PROPELLER_TYPE', 1, 'migration', 'seed: PLATFORM: No public code list found; codes assigned by this platform');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('PROPELLER_TYPE', 1, 'HN1', '定距桨', 'Fixed-pitch propeller'),
  ('PROPELLER_TYPE', 1, 'HN2', '可调距桨', 'Controllable-pitch propeller'),
  ('PROPELLER_TYPE', 1, 'HN3', '喷水推进', 'Water jet'),
  ('PROPELLER_TYPE', 1, 'HN4', '全回转推进器', 'Azimuth thruster');

UPDATE clearance_parameter_table SET source = 'PUBLIC: ISPS Code (SOLAS XI-2) security levels', current_version = 1 WHERE code = 'SHIP_SECURITY_LEVEL' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('SHIP_SECURITY_LEVEL', 1, 'migration', 'seed: PUBLIC: ISPS Code (SOLAS XI-2) security levels');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('SHIP_SECURITY_LEVEL', 1, '1', '保安等级1', 'Security level 1'),
  ('SHIP_SECURITY_LEVEL', 1, '2', '保安等级2', 'Security level 2'),
  ('SHIP_SECURITY_LEVEL', 1, '3', '保安等级3', 'Security level 3');

UPDATE clearance_parameter_table SET source = 'PUBLIC_NAMES: Maritime safety administrations in Hainan (names public on msa.gov.cn); codes assigned by this platform', current_version = 1 WHERE code = 'MARITIME_BUREAU' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('MARITIME_BUREAU', 1, 'migration', 'seed: PUBLIC_NAMES: Maritime safety administrations in Hainan (names public on msa.gov.cn); codes assigned by this platform');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('MARITIME_BUREAU', 1, 'HN00', '海南海事局', 'Hainan MSA'),
  ('MARITIME_BUREAU', 1, 'HN01', '海口海事局', 'Haikou MSA'),
  ('MARITIME_BUREAU', 1, 'HN02', '三亚海事局', 'Sanya MSA'),
  ('MARITIME_BUREAU', 1, 'HN03', '洋浦海事局', 'Yangpu MSA'),
  ('MARITIME_BUREAU', 1, 'HN04', '八所海事局', 'Basuo MSA');

UPDATE clearance_parameter_table SET source = 'PLATFORM: No public code list found; codes assigned by this platform', current_version = 1 WHERE code = 'SHIP_FLAG_KIND' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('SHIP_FLAG_KIND', 1, 'migration', 'seed: PLATFORM: No public code list found; codes assigned by this platform');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('SHIP_FLAG_KIND', 1, '1', '海船', 'Sea-going ship'),
  ('SHIP_FLAG_KIND', 1, '2', '内河船', 'Inland waterway ship');

UPDATE clearance_parameter_table SET source = 'PUBLIC_NAMES: Statutory certificates under SOLAS, Load Lines, MARPOL, ISM and ISPS (names public); codes assigned by this platform', current_version = 1 WHERE code = 'SHIP_CERTIFICATE_TYPE' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('SHIP_CERTIFICATE_TYPE', 1, 'migration', 'seed: PUBLIC_NAMES: Statutory certificates under SOLAS, Load Lines, MARPOL, ISM and ISPS (names public); codes assigned by this platform');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('SHIP_CERTIFICATE_TYPE', 1, 'HN01', '船舶国籍证书', 'Certificate of registry'),
  ('SHIP_CERTIFICATE_TYPE', 1, 'HN02', '国际吨位证书', 'International Tonnage Certificate'),
  ('SHIP_CERTIFICATE_TYPE', 1, 'HN03', '国际载重线证书', 'International Load Line Certificate'),
  ('SHIP_CERTIFICATE_TYPE', 1, 'HN04', '国际防止油污证书', 'IOPP Certificate'),
  ('SHIP_CERTIFICATE_TYPE', 1, 'HN05', '安全管理证书', 'Safety Management Certificate'),
  ('SHIP_CERTIFICATE_TYPE', 1, 'HN06', '国际船舶保安证书', 'International Ship Security Certificate');

UPDATE clearance_parameter_table SET source = 'PUBLIC: UN Recommendations on the Transport of Dangerous Goods / IMDG Code classes', current_version = 1 WHERE code = 'DANGEROUS_GOODS_CLASS' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('DANGEROUS_GOODS_CLASS', 1, 'migration', 'seed: PUBLIC: UN Recommendations on the Transport of Dangerous Goods / IMDG Code classes');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('DANGEROUS_GOODS_CLASS', 1, '1', '爆炸品', 'Explosives'),
  ('DANGEROUS_GOODS_CLASS', 1, '2', '气体', 'Gases'),
  ('DANGEROUS_GOODS_CLASS', 1, '3', '易燃液体', 'Flammable liquids'),
  ('DANGEROUS_GOODS_CLASS', 1, '4', '易燃固体、易于自燃的物质、遇水放出易燃气体的物质', 'Flammable solids'),
  ('DANGEROUS_GOODS_CLASS', 1, '5', '氧化性物质和有机过氧化物', 'Oxidizing substances and organic peroxides'),
  ('DANGEROUS_GOODS_CLASS', 1, '6', '毒性物质和感染性物质', 'Toxic and infectious substances'),
  ('DANGEROUS_GOODS_CLASS', 1, '7', '放射性物质', 'Radioactive material'),
  ('DANGEROUS_GOODS_CLASS', 1, '8', '腐蚀性物质', 'Corrosive substances'),
  ('DANGEROUS_GOODS_CLASS', 1, '9', '杂项危险物质和物品', 'Miscellaneous dangerous substances and articles');

UPDATE clearance_parameter_table SET source = 'PUBLIC: UN numbers of the UN Model Regulations dangerous goods list, subset', current_version = 1 WHERE code = 'UN_DANGEROUS_GOODS' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('UN_DANGEROUS_GOODS', 1, 'migration', 'seed: PUBLIC: UN numbers of the UN Model Regulations dangerous goods list, subset');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('UN_DANGEROUS_GOODS', 1, 'UN1005', '无水氨', 'Ammonia, anhydrous'),
  ('UN_DANGEROUS_GOODS', 1, 'UN1017', '氯', 'Chlorine'),
  ('UN_DANGEROUS_GOODS', 1, 'UN1075', '液化石油气', 'Petroleum gases, liquefied'),
  ('UN_DANGEROUS_GOODS', 1, 'UN1090', '丙酮', 'Acetone'),
  ('UN_DANGEROUS_GOODS', 1, 'UN1170', '乙醇', 'Ethanol'),
  ('UN_DANGEROUS_GOODS', 1, 'UN1202', '柴油', 'Diesel fuel'),
  ('UN_DANGEROUS_GOODS', 1, 'UN1203', '车用汽油', 'Motor spirit (gasoline)'),
  ('UN_DANGEROUS_GOODS', 1, 'UN1230', '甲醇', 'Methanol'),
  ('UN_DANGEROUS_GOODS', 1, 'UN1263', '涂料', 'Paint'),
  ('UN_DANGEROUS_GOODS', 1, 'UN1993', '易燃液体，未另作规定的', 'Flammable liquid, n.o.s.'),
  ('UN_DANGEROUS_GOODS', 1, 'UN2794', '蓄电池，湿的，装有酸液', 'Batteries, wet, filled with acid'),
  ('UN_DANGEROUS_GOODS', 1, 'UN3480', '锂离子电池组', 'Lithium ion batteries');

UPDATE clearance_parameter_table SET source = 'PUBLIC_NAMES: Port areas of Hainan''s open ports (names public); codes assigned by this platform', current_version = 1 WHERE code = 'BORDER_BERTHING_WHARF' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('BORDER_BERTHING_WHARF', 1, 'migration', 'seed: PUBLIC_NAMES: Port areas of Hainan''s open ports (names public); codes assigned by this platform');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('BORDER_BERTHING_WHARF', 1, 'HNXY', '海口港秀英港区', 'Haikou Port, Xiuying'),
  ('BORDER_BERTHING_WHARF', 1, 'HNXH', '海口港新海港区', 'Haikou Port, Xinhai'),
  ('BORDER_BERTHING_WHARF', 1, 'HNMC', '海口港马村港区', 'Haikou Port, Macun'),
  ('BORDER_BERTHING_WHARF', 1, 'HNYP', '洋浦港', 'Yangpu Port'),
  ('BORDER_BERTHING_WHARF', 1, 'HNFH', '三亚凤凰岛国际邮轮港', 'Sanya Phoenix Island cruise port'),
  ('BORDER_BERTHING_WHARF', 1, 'HNBS', '八所港', 'Basuo Port'),
  ('BORDER_BERTHING_WHARF', 1, 'HNQL', '清澜港', 'Qinglan Port');

UPDATE clearance_parameter_table SET source = 'PUBLIC_NAMES: Hainan''s open entry/exit ports (国家一类口岸, names public); codes assigned by this platform', current_version = 1 WHERE code = 'BORDER_PORT' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('BORDER_PORT', 1, 'migration', 'seed: PUBLIC_NAMES: Hainan''s open entry/exit ports (国家一类口岸, names public); codes assigned by this platform');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('BORDER_PORT', 1, 'HNP01', '海口港口岸', 'Haikou seaport'),
  ('BORDER_PORT', 1, 'HNP02', '三亚港口岸', 'Sanya seaport'),
  ('BORDER_PORT', 1, 'HNP03', '洋浦港口岸', 'Yangpu seaport'),
  ('BORDER_PORT', 1, 'HNP04', '八所港口岸', 'Basuo seaport'),
  ('BORDER_PORT', 1, 'HNP05', '清澜港口岸', 'Qinglan seaport'),
  ('BORDER_PORT', 1, 'HNA01', '海口美兰国际机场口岸', 'Haikou Meilan airport'),
  ('BORDER_PORT', 1, 'HNA02', '三亚凤凰国际机场口岸', 'Sanya Phoenix airport'),
  ('BORDER_PORT', 1, 'HNA03', '琼海博鳌国际机场口岸', 'Qionghai Bo''ao airport');

UPDATE clearance_parameter_table SET source = 'PLATFORM: Berth numbers are kept by each port operator and not published as a code list; minimum: the berths the local demonstration uses, codes assigned by this platform', current_version = 1 WHERE code = 'BORDER_BERTH' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('BORDER_BERTH', 1, 'migration', 'seed: PLATFORM: Berth numbers are kept by each port operator and not published as a code list; minimum: the berths the local demonstration uses, codes assigned by this platform');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('BORDER_BERTH', 1, 'HNXY01', '秀英港区1号泊位', 'Xiuying berth 1'),
  ('BORDER_BERTH', 1, 'HNXH01', '新海港区1号泊位', 'Xinhai berth 1'),
  ('BORDER_BERTH', 1, 'HNYP01', '洋浦港区1号泊位', 'Yangpu berth 1');

UPDATE clearance_parameter_table SET source = 'PUBLIC_NAMES: Identity documents accepted at Chinese ports (names public); codes assigned by this platform', current_version = 1 WHERE code = 'ID_DOCUMENT_TYPE' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('ID_DOCUMENT_TYPE', 1, 'migration', 'seed: PUBLIC_NAMES: Identity documents accepted at Chinese ports (names public); codes assigned by this platform');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('ID_DOCUMENT_TYPE', 1, 'HN01', '居民身份证', 'Resident identity card'),
  ('ID_DOCUMENT_TYPE', 1, 'HN02', '护照', 'Passport'),
  ('ID_DOCUMENT_TYPE', 1, 'HN03', '港澳居民来往内地通行证', 'Mainland travel permit for HK and Macao residents'),
  ('ID_DOCUMENT_TYPE', 1, 'HN04', '台湾居民来往大陆通行证', 'Mainland travel permit for Taiwan residents'),
  ('ID_DOCUMENT_TYPE', 1, 'HN05', '海员证', 'Seafarer''s passport'),
  ('ID_DOCUMENT_TYPE', 1, 'HN06', '外国人永久居留身份证', 'Foreign permanent resident ID card');

UPDATE clearance_parameter_table SET source = 'PUBLIC_NAMES: ISPS Code certificate kinds (names public); codes assigned by this platform', current_version = 1 WHERE code = 'SECURITY_CERTIFICATE_CATEGORY' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('SECURITY_CERTIFICATE_CATEGORY', 1, 'migration', 'seed: PUBLIC_NAMES: ISPS Code certificate kinds (names public); codes assigned by this platform');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('SECURITY_CERTIFICATE_CATEGORY', 1, 'HN1', '国际船舶保安证书（正式）', 'International Ship Security Certificate (full term)'),
  ('SECURITY_CERTIFICATE_CATEGORY', 1, 'HN2', '国际船舶保安证书（临时）', 'Interim International Ship Security Certificate'),
  ('SECURITY_CERTIFICATE_CATEGORY', 1, 'HN3', '港口设施保安符合证书', 'Statement of compliance of a port facility');

UPDATE clearance_parameter_table SET source = 'PUBLIC: ISO 3166-1 alpha-2 (GB/T 2659), subset', current_version = 1 WHERE code = 'COUNTRY_REGION_CODE' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('COUNTRY_REGION_CODE', 1, 'migration', 'seed: PUBLIC: ISO 3166-1 alpha-2 (GB/T 2659), subset');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('COUNTRY_REGION_CODE', 1, 'CN', '中国', 'China'),
  ('COUNTRY_REGION_CODE', 1, 'HK', '中国香港', 'Hong Kong, China'),
  ('COUNTRY_REGION_CODE', 1, 'MO', '中国澳门', 'Macao, China'),
  ('COUNTRY_REGION_CODE', 1, 'TW', '中国台湾', 'Taiwan, China'),
  ('COUNTRY_REGION_CODE', 1, 'JP', '日本', 'Japan'),
  ('COUNTRY_REGION_CODE', 1, 'KR', '韩国', 'Republic of Korea'),
  ('COUNTRY_REGION_CODE', 1, 'SG', '新加坡', 'Singapore'),
  ('COUNTRY_REGION_CODE', 1, 'MY', '马来西亚', 'Malaysia'),
  ('COUNTRY_REGION_CODE', 1, 'VN', '越南', 'Viet Nam'),
  ('COUNTRY_REGION_CODE', 1, 'TH', '泰国', 'Thailand'),
  ('COUNTRY_REGION_CODE', 1, 'US', '美国', 'United States'),
  ('COUNTRY_REGION_CODE', 1, 'GB', '英国', 'United Kingdom'),
  ('COUNTRY_REGION_CODE', 1, 'DE', '德国', 'Germany'),
  ('COUNTRY_REGION_CODE', 1, 'FR', '法国', 'France'),
  ('COUNTRY_REGION_CODE', 1, 'AU', '澳大利亚', 'Australia'),
  ('COUNTRY_REGION_CODE', 1, 'PA', '巴拿马', 'Panama'),
  ('COUNTRY_REGION_CODE', 1, 'LR', '利比里亚', 'Liberia'),
  ('COUNTRY_REGION_CODE', 1, 'MH', '马绍尔群岛', 'Marshall Islands');

UPDATE clearance_parameter_table SET source = 'PUBLIC: UN/LOCODE of common ports of registry, subset', current_version = 1 WHERE code = 'PORT_OF_REGISTRY' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('PORT_OF_REGISTRY', 1, 'migration', 'seed: PUBLIC: UN/LOCODE of common ports of registry, subset');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('PORT_OF_REGISTRY', 1, 'CNHAK', '海口', 'Haikou'),
  ('PORT_OF_REGISTRY', 1, 'CNSHA', '上海', 'Shanghai'),
  ('PORT_OF_REGISTRY', 1, 'CNCAN', '广州', 'Guangzhou'),
  ('PORT_OF_REGISTRY', 1, 'CNTAO', '青岛', 'Qingdao'),
  ('PORT_OF_REGISTRY', 1, 'CNDLC', '大连', 'Dalian'),
  ('PORT_OF_REGISTRY', 1, 'HKHKG', '香港', 'Hong Kong'),
  ('PORT_OF_REGISTRY', 1, 'SGSIN', '新加坡', 'Singapore'),
  ('PORT_OF_REGISTRY', 1, 'PAPTY', '巴拿马城', 'Panama City'),
  ('PORT_OF_REGISTRY', 1, 'LRMLW', '蒙罗维亚', 'Monrovia'),
  ('PORT_OF_REGISTRY', 1, 'MHMAJ', '马朱罗', 'Majuro');

UPDATE clearance_parameter_table SET source = 'PLATFORM: No public code list found for the maritime/customs ship kinds; codes assigned by this platform', current_version = 1 WHERE code = 'SHIP_TYPE' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('SHIP_TYPE', 1, 'migration', 'seed: PLATFORM: No public code list found for the maritime/customs ship kinds; codes assigned by this platform');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('SHIP_TYPE', 1, 'HN01', '散货船', 'Bulk carrier'),
  ('SHIP_TYPE', 1, 'HN02', '集装箱船', 'Container ship'),
  ('SHIP_TYPE', 1, 'HN03', '油船', 'Oil tanker'),
  ('SHIP_TYPE', 1, 'HN04', '化学品船', 'Chemical tanker'),
  ('SHIP_TYPE', 1, 'HN05', '液化气船', 'Gas carrier'),
  ('SHIP_TYPE', 1, 'HN06', '杂货船', 'General cargo ship'),
  ('SHIP_TYPE', 1, 'HN07', '客船', 'Passenger ship'),
  ('SHIP_TYPE', 1, 'HN08', '滚装船', 'Ro-ro ship'),
  ('SHIP_TYPE', 1, 'HN09', '拖船', 'Tug');

UPDATE clearance_parameter_table SET source = 'PUBLIC: UN/LOCODE, subset: the ports of the manifest and transport-means declarations around Hainan', current_version = 1 WHERE code = 'PORT_TRANSPORT_MEANS' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('PORT_TRANSPORT_MEANS', 1, 'migration', 'seed: PUBLIC: UN/LOCODE, subset: the ports of the manifest and transport-means declarations around Hainan');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('PORT_TRANSPORT_MEANS', 1, 'CNHAK', '海口', 'Haikou'),
  ('PORT_TRANSPORT_MEANS', 1, 'CNSYX', '三亚', 'Sanya'),
  ('PORT_TRANSPORT_MEANS', 1, 'CNZHA', '湛江', 'Zhanjiang'),
  ('PORT_TRANSPORT_MEANS', 1, 'CNBHY', '北海', 'Beihai'),
  ('PORT_TRANSPORT_MEANS', 1, 'CNCAN', '广州', 'Guangzhou'),
  ('PORT_TRANSPORT_MEANS', 1, 'CNSZX', '深圳', 'Shenzhen'),
  ('PORT_TRANSPORT_MEANS', 1, 'HKHKG', '香港', 'Hong Kong'),
  ('PORT_TRANSPORT_MEANS', 1, 'SGSIN', '新加坡', 'Singapore'),
  ('PORT_TRANSPORT_MEANS', 1, 'VNHPH', '海防', 'Haiphong'),
  ('PORT_TRANSPORT_MEANS', 1, 'MYPKG', '巴生港', 'Port Klang');

UPDATE clearance_parameter_table SET source = 'PLATFORM: No public code list found; the purposes of a ship''s call, codes assigned by this platform', current_version = 1 WHERE code = 'PURPOSE_OF_ARRIVAL' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('PURPOSE_OF_ARRIVAL', 1, 'migration', 'seed: PLATFORM: No public code list found; the purposes of a ship''s call, codes assigned by this platform');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('PURPOSE_OF_ARRIVAL', 1, 'HN1', '装货', 'Loading'),
  ('PURPOSE_OF_ARRIVAL', 1, 'HN2', '卸货', 'Discharging'),
  ('PURPOSE_OF_ARRIVAL', 1, 'HN3', '装卸货', 'Loading and discharging'),
  ('PURPOSE_OF_ARRIVAL', 1, 'HN4', '上下旅客', 'Passengers'),
  ('PURPOSE_OF_ARRIVAL', 1, 'HN5', '避风', 'Shelter'),
  ('PURPOSE_OF_ARRIVAL', 1, 'HN6', '加油补给', 'Bunkering and supplies'),
  ('PURPOSE_OF_ARRIVAL', 1, 'HN7', '修理', 'Repair'),
  ('PURPOSE_OF_ARRIVAL', 1, 'HN8', '船员换班', 'Crew change');

UPDATE clearance_parameter_table SET source = 'PLATFORM: No public code list found; codes assigned by this platform', current_version = 1 WHERE code = 'CARGO_TYPE' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('CARGO_TYPE', 1, 'migration', 'seed: PLATFORM: No public code list found; codes assigned by this platform');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('CARGO_TYPE', 1, 'HN1', '集装箱', 'Containers'),
  ('CARGO_TYPE', 1, 'HN2', '干散货', 'Dry bulk'),
  ('CARGO_TYPE', 1, 'HN3', '液体散货', 'Liquid bulk'),
  ('CARGO_TYPE', 1, 'HN4', '件杂货', 'Break bulk'),
  ('CARGO_TYPE', 1, 'HN5', '滚装车辆', 'Ro-ro vehicles'),
  ('CARGO_TYPE', 1, 'HN6', '空载', 'In ballast');

UPDATE clearance_parameter_table SET source = 'PUBLIC: ISO 6346 container size-type codes, subset (maritime and customs)', current_version = 1 WHERE code = 'CONTAINER_MODEL' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('CONTAINER_MODEL', 1, 'migration', 'seed: PUBLIC: ISO 6346 container size-type codes, subset (maritime and customs)');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('CONTAINER_MODEL', 1, '22G1', '20英尺通用集装箱', '20 ft general purpose'),
  ('CONTAINER_MODEL', 1, '42G1', '40英尺通用集装箱', '40 ft general purpose'),
  ('CONTAINER_MODEL', 1, '45G1', '40英尺高箱', '40 ft high cube'),
  ('CONTAINER_MODEL', 1, '22R1', '20英尺冷藏集装箱', '20 ft reefer'),
  ('CONTAINER_MODEL', 1, '45R1', '40英尺高冷藏集装箱', '40 ft high-cube reefer'),
  ('CONTAINER_MODEL', 1, '22T1', '20英尺罐式集装箱', '20 ft tank');

UPDATE clearance_parameter_table SET source = 'PUBLIC_NAMES: Crew ranks of the STCW Convention / Chinese seafarer certificates (names public); codes assigned by this platform', current_version = 1 WHERE code = 'JOB_TITLE' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('JOB_TITLE', 1, 'migration', 'seed: PUBLIC_NAMES: Crew ranks of the STCW Convention / Chinese seafarer certificates (names public); codes assigned by this platform');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('JOB_TITLE', 1, 'HN01', '船长', 'Master'),
  ('JOB_TITLE', 1, 'HN02', '大副', 'Chief mate'),
  ('JOB_TITLE', 1, 'HN03', '二副', 'Second mate'),
  ('JOB_TITLE', 1, 'HN04', '三副', 'Third mate'),
  ('JOB_TITLE', 1, 'HN05', '轮机长', 'Chief engineer'),
  ('JOB_TITLE', 1, 'HN06', '大管轮', 'Second engineer'),
  ('JOB_TITLE', 1, 'HN07', '二管轮', 'Third engineer'),
  ('JOB_TITLE', 1, 'HN08', '三管轮', 'Fourth engineer'),
  ('JOB_TITLE', 1, 'HN09', '电子电气员', 'Electro-technical officer'),
  ('JOB_TITLE', 1, 'HN10', '水手长', 'Boatswain'),
  ('JOB_TITLE', 1, 'HN11', '水手', 'Able seafarer'),
  ('JOB_TITLE', 1, 'HN12', '厨师', 'Cook');

UPDATE clearance_parameter_table SET source = 'PUBLIC: UN/ECE Recommendation 21 package type codes, subset', current_version = 1 WHERE code = 'PACKAGE_TYPE_MARITIME' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('PACKAGE_TYPE_MARITIME', 1, 'migration', 'seed: PUBLIC: UN/ECE Recommendation 21 package type codes, subset');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('PACKAGE_TYPE_MARITIME', 1, 'BA', '桶（木）', 'Barrel'),
  ('PACKAGE_TYPE_MARITIME', 1, 'BG', '袋', 'Bag'),
  ('PACKAGE_TYPE_MARITIME', 1, 'BL', '包（压缩）', 'Bale, compressed'),
  ('PACKAGE_TYPE_MARITIME', 1, 'BX', '箱', 'Box'),
  ('PACKAGE_TYPE_MARITIME', 1, 'CR', '板条箱', 'Crate'),
  ('PACKAGE_TYPE_MARITIME', 1, 'CS', '箱（case）', 'Case'),
  ('PACKAGE_TYPE_MARITIME', 1, 'CT', '纸箱', 'Carton'),
  ('PACKAGE_TYPE_MARITIME', 1, 'DR', '圆桶', 'Drum'),
  ('PACKAGE_TYPE_MARITIME', 1, 'PK', '包裹', 'Package'),
  ('PACKAGE_TYPE_MARITIME', 1, 'PX', '托盘', 'Pallet'),
  ('PACKAGE_TYPE_MARITIME', 1, 'SA', '麻袋', 'Sack'),
  ('PACKAGE_TYPE_MARITIME', 1, 'VL', '液体散装', 'Bulk, liquid'),
  ('PACKAGE_TYPE_MARITIME', 1, 'VR', '颗粒散装', 'Bulk, solid, granular');

UPDATE clearance_parameter_table SET source = 'PUBLIC: GACC 计量单位代码表 as used before 2018 (the same three-digit codes), subset', current_version = 1 WHERE code = 'QUANTITY_UNIT_LEGACY' AND current_version = 0;
INSERT INTO clearance_parameter_version (table_code, version, published_by, note) VALUES ('QUANTITY_UNIT_LEGACY', 1, 'migration', 'seed: PUBLIC: GACC 计量单位代码表 as used before 2018 (the same three-digit codes), subset');
INSERT INTO clearance_parameter_entry (table_code, version, code, name_zh, name_en) VALUES
  ('QUANTITY_UNIT_LEGACY', 1, '001', '台', 'set (machine)'),
  ('QUANTITY_UNIT_LEGACY', 1, '006', '套', 'set'),
  ('QUANTITY_UNIT_LEGACY', 1, '007', '个', 'piece'),
  ('QUANTITY_UNIT_LEGACY', 1, '011', '件', 'article'),
  ('QUANTITY_UNIT_LEGACY', 1, '035', '千克', 'kilogram'),
  ('QUANTITY_UNIT_LEGACY', 1, '036', '克', 'gram'),
  ('QUANTITY_UNIT_LEGACY', 1, '070', '吨', 'tonne'),
  ('QUANTITY_UNIT_LEGACY', 1, '095', '升', 'litre'),
  ('QUANTITY_UNIT_LEGACY', 1, '120', '箱', 'case'),
  ('QUANTITY_UNIT_LEGACY', 1, '142', '瓶', 'bottle');
