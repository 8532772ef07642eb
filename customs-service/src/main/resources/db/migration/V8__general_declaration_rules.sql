-- The first-line and second-line general declarations' own rules (一线一般报关 FP 858–897, 二线一般报关 FP 1143–1182),
-- on the same engine and the same nine families as direct release. Sources: 《中华人民共和国海关进出口货物报关单填制规范》
-- (GACC announcement 2019 No. 18) for 监管方式, 征免性质, 启运国（地区）and 最终目的国（地区）; the Hainan FTP's
-- 一线放开、二线管住 regime for which side of the line each declaration belongs to (docs/customs-declaration.md §General
-- declarations). Officers change them through /v1/validation-rules like every other rule.
INSERT INTO validation_rule (code, family, kind, declaration_types, severity, message_zh, message_en, parameter) VALUES
 -- 一线一般报关单运输信息检查 / 基本信息检查 (FP 858–860, 870–872): goods arriving from abroad carry their entry, departure and packing data.
 ('FIRST-LINE-TRANSPORT-INFO', 'BASIC_DATA', 'REQUIRED_HEADER_FIELDS', 'FIRST_LINE_GENERAL', 'ERROR',
  '一线一般报关单运输信息“{0}”未填写', 'First-line general declaration: transport field "{0}" is required',
  'entryExitCustoms,departureCountry,portCode,overseasTraderName,packages,grossWeight,netWeight'),
 -- 监管信息检查 (FP 861, 873): the domestic-sale and after-the-fact modes belong to other declarations.
 ('FIRST-LINE-SUPERVISION-MODE', 'GENERAL_BUSINESS', 'HEADER_CODE_NOT_IN_SET', 'FIRST_LINE_GENERAL', 'ERROR',
  '监管方式“{1}”不适用于一线一般报关（内销、区内物流、后续补税须另行申报）',
  'Supervision mode "{1}" does not apply to a first-line general declaration (domestic sale, in-zone logistics and subsequent duty are declared otherwise)',
  'supervisionMode=0245,0644,5034,9700'),
 -- 通用业务检查—运输信息 (FP 890–892): first-line goods come from outside the customs territory.
 ('FIRST-LINE-DEPARTURE-ABROAD', 'GENERAL_BUSINESS', 'HEADER_CODE_NOT_IN_SET', 'FIRST_LINE_GENERAL', 'ERROR',
  '一线进境货物的启运国（地区）不能为中国（“{1}”）', 'First-line goods cannot depart from China ("{1}")',
  'departureCountry=CHN'),
 -- 二线一般报关单监管信息检查 (FP 1146, 1158): the second line is where bonded goods leave for the mainland, so only
 -- the domestic-sale, general-trade and in-zone logistics modes apply.
 ('SECOND-LINE-SUPERVISION-MODE', 'GENERAL_BUSINESS', 'HEADER_CODE_IN_SET', 'SECOND_LINE_GENERAL', 'ERROR',
  '监管方式“{1}”不适用于二线一般报关', 'Supervision mode "{1}" does not apply to a second-line general declaration',
  'supervisionMode=0110,0245,0644,1233,5034,9739'),
 -- 二线一般报关单货物信息检查 (FP 1144): the goods' final destination is the mainland.
 ('SECOND-LINE-DESTINATION', 'GENERAL_BUSINESS', 'ITEM_CODE_IN_SET', 'SECOND_LINE_GENERAL', 'ERROR',
  '第{1}项商品最终目的国（地区）“{0}”须为中国（二线出区进入内地）',
  'Item {1}: final destination "{0}" must be China (second-line goods go to the mainland)', 'destinationCountry=CHN'),
 -- 二线一般报关单特定业务: written off against the ledger the list belongs to.
 ('SECOND-LINE-GENERAL-LEDGER', 'SPECIFIC_BUSINESS', 'LEDGER_REFERENCED', 'SECOND_LINE_GENERAL', 'ERROR',
  '二线一般报关单须填写备案号（账册号）', 'A second-line general declaration needs the ledger number', NULL),
 -- 商品涉税检查 / 单证一致性 (FP 894–895, 1179–1180): processing-trade modes carry the levy nature of their manual.
 ('GENERAL-LEVY-FOR-MODE', 'TAX', 'HEADER_CODE_IMPLIES', 'FIRST_LINE_GENERAL,SECOND_LINE_GENERAL', 'ERROR',
  '监管方式“{0}”须使用征免性质{1}（填写为“{2}”）', 'Supervision mode "{0}" needs levy nature {1} (given "{2}")',
  'supervisionMode=0214>levyNature=502;supervisionMode=0615|0715>levyNature=503;supervisionMode=0245|0644>levyNature=101');
