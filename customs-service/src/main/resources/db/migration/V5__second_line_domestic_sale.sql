-- 二线内销 (FP 249–743): verification lists pulled from H2018/金关二期, their fill, write-off and check rules, the
-- consolidated declaration, arrival reports of supervised sites, data subscriptions.

-- The outbound queue also carries messages about consolidated lists and arrival reports (subject_id).
ALTER TABLE outbound_message ALTER COLUMN declaration_id DROP NOT NULL;
ALTER TABLE outbound_message ADD COLUMN subject_id uuid;
ALTER TABLE outbound_message ADD CONSTRAINT outbound_message_subject
    CHECK (declaration_id IS NOT NULL OR subject_id IS NOT NULL);

-- 调取记录 (FP 250): every pull, successful or not.
CREATE TABLE verification_list_pull (
    id              uuid         PRIMARY KEY,
    enterprise_uscc varchar(18)  NOT NULL,
    requested_by    varchar(100) NOT NULL,
    list_no         varchar(30),
    period_from     date,
    period_to       date,
    partner         varchar(40)  NOT NULL,
    outcome         varchar(20)  NOT NULL,
    list_count      int          NOT NULL DEFAULT 0,
    error           varchar(500),
    pulled_at       timestamptz  NOT NULL
);
CREATE INDEX verification_list_pull_enterprise ON verification_list_pull (enterprise_uscc, pulled_at DESC);

-- 核注清单 as read from the source (FP 256–258); status follows §3.5: LOADED → VALID | INVALID → DECLARED.
CREATE TABLE verification_list (
    id                 uuid          PRIMARY KEY,
    list_no            varchar(30)   NOT NULL UNIQUE,
    list_type          varchar(20)   NOT NULL,
    enterprise_uscc    varchar(18)   NOT NULL,
    enterprise_name    varchar(200),
    ledger_no          varchar(20),
    import_export      varchar(6)    NOT NULL,
    supervision_mode   varchar(4),
    transport_mode     varchar(2),
    declare_customs    varchar(4),
    entry_exit_customs varchar(4),
    trading_country    varchar(3),
    gross_weight       numeric(19, 5),
    net_weight         numeric(19, 5),
    packages           int,
    declared_date      date          NOT NULL,
    status             varchar(20)   NOT NULL,
    findings           text,
    pull_id            uuid          NOT NULL REFERENCES verification_list_pull (id),
    pulled_at          timestamptz   NOT NULL,
    checked_at         timestamptz,
    consolidated_id    uuid,
    version            int           NOT NULL DEFAULT 0
);
CREATE INDEX verification_list_enterprise ON verification_list (enterprise_uscc, declared_date DESC);

CREATE TABLE verification_list_item (
    list_id            uuid          NOT NULL REFERENCES verification_list (id) ON DELETE CASCADE,
    seq                int           NOT NULL,
    ledger_item_no     int,
    hs_code            varchar(10)   NOT NULL,
    name               varchar(200)  NOT NULL,
    specification      varchar(500),
    quantity           numeric(19, 5) NOT NULL,
    unit               varchar(3),
    legal_quantity     numeric(19, 5),
    legal_unit         varchar(3),
    unit_price         numeric(18, 4),
    total_price        numeric(16, 2),
    currency           varchar(3),
    origin_country     varchar(3),
    written_off        numeric(19, 5) NOT NULL DEFAULT 0,
    PRIMARY KEY (list_id, seq),
    CHECK (written_off >= 0)
);

-- Which declaration consumed how much of which list line (核扣), so withdrawal gives it back exactly.
CREATE TABLE verification_list_write_off (
    declaration_id uuid           NOT NULL REFERENCES customs_declaration (id),
    list_id        uuid           NOT NULL REFERENCES verification_list (id),
    list_seq       int            NOT NULL,
    quantity       numeric(19, 5) NOT NULL,
    written_at     timestamptz    NOT NULL,
    reversed_at    timestamptz,
    PRIMARY KEY (declaration_id, list_id, list_seq)
);

-- 调取规则 (FP 263–269): how a list fills a declaration. scope HEADER|BODY; source a list field, or a constant.
CREATE TABLE verification_list_fill_rule (
    id            varchar(60)   PRIMARY KEY,
    scope         varchar(6)    NOT NULL CHECK (scope IN ('HEADER', 'BODY')),
    target_field  varchar(40)   NOT NULL,
    source_field  varchar(40),
    constant      varchar(200),
    only_if_blank boolean       NOT NULL DEFAULT false,
    enabled       boolean       NOT NULL DEFAULT true,
    sort          int           NOT NULL DEFAULT 0,
    description_zh varchar(200) NOT NULL,
    description_en varchar(200) NOT NULL,
    version       int           NOT NULL DEFAULT 1,
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    updated_by    varchar(100)  NOT NULL DEFAULT 'migration',
    CHECK (source_field IS NOT NULL OR constant IS NOT NULL)
);

-- 核扣规则 (FP 267, 285): per list type, which quantity is written off and when.
CREATE TABLE verification_list_write_off_rule (
    list_type     varchar(20)   PRIMARY KEY,
    basis         varchar(20)   NOT NULL CHECK (basis IN ('QUANTITY', 'LEGAL_QUANTITY')),
    moment        varchar(10)   NOT NULL CHECK (moment IN ('DECLARE', 'RELEASE')),
    allow_partial boolean       NOT NULL DEFAULT true,
    enabled       boolean       NOT NULL DEFAULT true,
    description_zh varchar(200) NOT NULL,
    description_en varchar(200) NOT NULL,
    version       int           NOT NULL DEFAULT 1,
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    updated_by    varchar(100)  NOT NULL DEFAULT 'migration'
);

-- 核注清单校验规则 (FP 270–287): the nine families, switchable, with their messages.
CREATE TABLE verification_list_check (
    code          varchar(60)   PRIMARY KEY,
    family        varchar(30)   NOT NULL,
    enabled       boolean       NOT NULL DEFAULT true,
    message_zh    varchar(300)  NOT NULL,
    message_en    varchar(300)  NOT NULL,
    parameter     varchar(500),
    version       int           NOT NULL DEFAULT 1,
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    updated_by    varchar(100)  NOT NULL DEFAULT 'migration'
);

-- 集中申报: last month's distribution lists summed into one consolidated list, approved, then declared.
CREATE TABLE consolidated_list (
    id               uuid          PRIMARY KEY,
    consolidated_no  varchar(30)   NOT NULL UNIQUE,
    enterprise_uscc  varchar(18)   NOT NULL,
    ledger_no        varchar(20),
    period           varchar(7)    NOT NULL,
    status           varchar(20)   NOT NULL,
    conversation_id  uuid          NOT NULL UNIQUE,
    approval_no      varchar(40),
    note             varchar(500),
    declaration_id   uuid REFERENCES customs_declaration (id),
    created_at       timestamptz   NOT NULL,
    submitted_at     timestamptz,
    decided_at       timestamptz,
    UNIQUE (enterprise_uscc, ledger_no, period)
);

CREATE TABLE consolidated_list_item (
    consolidated_id  uuid          NOT NULL REFERENCES consolidated_list (id) ON DELETE CASCADE,
    seq              int           NOT NULL,
    hs_code          varchar(10)   NOT NULL,
    name             varchar(200)  NOT NULL,
    unit             varchar(3),
    quantity         numeric(19, 5) NOT NULL,
    legal_quantity   numeric(19, 5),
    legal_unit       varchar(3),
    total_price      numeric(16, 2),
    currency         varchar(3),
    origin_country   varchar(3),
    source_lists     int           NOT NULL,
    PRIMARY KEY (consolidated_id, seq)
);

-- 运抵申报 by the supervised-site operator; its declaration triggers control and inspection (布控查验).
CREATE TABLE arrival_report (
    id                 uuid          PRIMARY KEY,
    report_no          varchar(30)   NOT NULL UNIQUE,
    site_code          varchar(20)   NOT NULL,
    operator_org       varchar(200)  NOT NULL,
    created_by         varchar(100)  NOT NULL,
    enterprise_uscc    varchar(18)   NOT NULL,
    declaration_id     uuid REFERENCES customs_declaration (id),
    verification_list_no varchar(30),
    vehicle_plate      varchar(20)   NOT NULL,
    container_no       varchar(20),
    gate_code          varchar(20),
    arrived_at         timestamptz   NOT NULL,
    status             varchar(20)   NOT NULL,
    conversation_id    uuid          NOT NULL UNIQUE,
    control_decision   varchar(20),
    inspection_result  varchar(20),
    vehicle_status     varchar(20),
    gate_pass_no       varchar(40),
    created_at         timestamptz   NOT NULL,
    declared_at        timestamptz,
    updated_at         timestamptz   NOT NULL,
    version            int           NOT NULL DEFAULT 0,
    CHECK (declaration_id IS NOT NULL OR verification_list_no IS NOT NULL)
);
CREATE INDEX arrival_report_site ON arrival_report (site_code, created_at DESC);

-- The receipts that come back for second-line messages: approval, control, inspection, vehicle, gate pass.
CREATE TABLE second_line_receipt (
    id                uuid          PRIMARY KEY,
    source_receipt_id varchar(64)   NOT NULL,
    kind              varchar(30)   NOT NULL,
    subject_type      varchar(20)   NOT NULL,
    subject_id        uuid          NOT NULL,
    conversation_id   uuid          NOT NULL,
    enterprise_uscc   varchar(18)   NOT NULL,
    status            varchar(30)   NOT NULL,
    reference_no      varchar(40),
    note              varchar(500),
    sender_key_id     varchar(64)   NOT NULL,
    received_at       timestamptz   NOT NULL,
    UNIQUE (kind, source_receipt_id)
);
CREATE INDEX second_line_receipt_subject ON second_line_receipt (subject_id, received_at);

-- 数据订阅 (FP 459–472): content, validity, extension, cancellation; what was pushed under it.
CREATE TABLE data_subscription (
    id               uuid          PRIMARY KEY,
    enterprise_uscc  varchar(18)   NOT NULL,
    content          varchar(40)   NOT NULL,
    valid_from       date          NOT NULL,
    valid_to         date          NOT NULL,
    status           varchar(20)   NOT NULL,
    extensions       int           NOT NULL DEFAULT 0,
    created_by       varchar(100)  NOT NULL,
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    CHECK (valid_to >= valid_from)
);
CREATE INDEX data_subscription_enterprise ON data_subscription (enterprise_uscc, content);

CREATE TABLE data_subscription_delivery (
    id               uuid          PRIMARY KEY,
    subscription_id  uuid          NOT NULL REFERENCES data_subscription (id),
    source_key       varchar(120)  NOT NULL,
    content          varchar(40)   NOT NULL,
    payload          text          NOT NULL,
    delivered_at     timestamptz   NOT NULL,
    UNIQUE (subscription_id, source_key)
);

CREATE SEQUENCE second_line_serial;

-- Seed: the fill rules of a second-line domestic-sale declaration from a verification list.
INSERT INTO verification_list_fill_rule (id, scope, target_field, source_field, constant, only_if_blank, sort, description_zh, description_en) VALUES
 ('H-LIST-NO',        'HEADER', 'verificationListNo', 'listNo',          NULL, false, 10, '关联核注清单编号取清单编号', 'The list number becomes the declaration''s verification list no.'),
 ('H-LEDGER',         'HEADER', 'ledgerNo',           'ledgerNo',        NULL, false, 20, '备案号取清单账册号', 'The ledger number comes from the list'),
 ('H-SUPERVISION',    'HEADER', 'supervisionMode',    'supervisionMode', NULL, false, 30, '监管方式取清单监管方式', 'The trade mode comes from the list'),
 ('H-TRANSPORT',      'HEADER', 'transportMode',      'transportMode',   NULL, false, 40, '运输方式取清单运输方式', 'The transport mode comes from the list'),
 ('H-CUSTOMS',        'HEADER', 'declareCustoms',     'declareCustoms',  NULL, false, 50, '申报地海关取清单主管海关', 'The declaring customs office comes from the list'),
 ('H-ENTRY-CUSTOMS',  'HEADER', 'entryExitCustoms',   'entryExitCustoms',NULL, false, 60, '进出境关别取清单进出境关别', 'The entry/exit customs office comes from the list'),
 ('H-TRADER',         'HEADER', 'domesticTraderUscc', 'enterpriseUscc',  NULL, false, 70, '境内收发货人取清单经营企业', 'The domestic trader is the list''s enterprise'),
 ('H-TRADER-NAME',    'HEADER', 'domesticTraderName', 'enterpriseName',  NULL, false, 80, '境内收发货人名称取清单经营企业名称', 'The domestic trader''s name comes from the list'),
 ('H-COUNTRY',        'HEADER', 'tradingCountry',     'tradingCountry',  NULL, false, 90, '贸易国别取清单', 'The trading country comes from the list'),
 ('H-GROSS',          'HEADER', 'grossWeight',        'grossWeight',     NULL, false, 100, '毛重取清单毛重', 'The gross weight comes from the list'),
 ('H-NET',            'HEADER', 'netWeight',          'netWeight',       NULL, false, 110, '净重取清单净重', 'The net weight comes from the list'),
 ('H-PACKAGES',       'HEADER', 'packages',           'packages',        NULL, false, 120, '件数取清单件数', 'The packages come from the list'),
 ('H-LEVY',           'HEADER', 'levyNature',         NULL,              '101', true, 130, '征免性质默认一般征税（101）', 'The levy nature defaults to general taxation (101)'),
 ('H-REMARK',         'HEADER', 'remark',             NULL,              '二线内销', true, 140, '备注默认“二线内销”', 'The remark defaults to 二线内销'),
 ('B-HS',             'BODY',   'hsCode',             'hsCode',          NULL, false, 10, '商品编号取清单表体', 'The HS code comes from the list line'),
 ('B-NAME',           'BODY',   'name',               'name',            NULL, false, 20, '商品名称取清单表体', 'The name comes from the list line'),
 ('B-SPEC',           'BODY',   'specification',      'specification',   NULL, false, 30, '规格型号取清单表体', 'The specification comes from the list line'),
 ('B-QTY',            'BODY',   'quantity',           'remainingQuantity', NULL, false, 40, '成交数量取清单未核扣数量', 'The quantity is the list line''s quantity not yet written off'),
 ('B-UNIT',           'BODY',   'unit',               'unit',            NULL, false, 50, '成交计量单位取清单表体', 'The unit comes from the list line'),
 ('B-LEGAL-QTY',      'BODY',   'legalQuantity',      'remainingLegalQuantity', NULL, false, 60, '法定数量按未核扣比例取清单表体', 'The legal quantity in proportion to what is not yet written off'),
 ('B-LEGAL-UNIT',     'BODY',   'legalUnit',          'legalUnit',       NULL, false, 70, '法定计量单位取清单表体', 'The legal unit comes from the list line'),
 ('B-PRICE',          'BODY',   'unitPrice',          'unitPrice',       NULL, false, 80, '单价取清单表体', 'The unit price comes from the list line'),
 ('B-TOTAL',          'BODY',   'totalPrice',         'remainingTotalPrice', NULL, false, 90, '总价按未核扣数量计算', 'The total price of the quantity not yet written off'),
 ('B-CURRENCY',       'BODY',   'currency',           'currency',        NULL, false, 100, '币制取清单表体', 'The currency comes from the list line'),
 ('B-ORIGIN',         'BODY',   'originCountry',      'originCountry',   NULL, false, 110, '原产国取清单表体', 'The origin comes from the list line'),
 ('B-LEVY-MODE',      'BODY',   'levyMode',           NULL,              '1',  true, 120, '征免方式默认照章征税（1）', 'The levy mode defaults to 1 (taxed as the tariff says)');

INSERT INTO verification_list_write_off_rule (list_type, basis, moment, allow_partial, description_zh, description_en) VALUES
 ('DOMESTIC_SALE', 'QUANTITY', 'DECLARE', true,  '二线内销清单：申报时按成交数量核扣，可分批', 'Domestic-sale lists: written off by quantity on declaration, in parts allowed'),
 ('DISTRIBUTION',  'QUANTITY', 'RELEASE', false, '分送集报清单：放行时按成交数量整单核扣', 'Distribution lists: written off whole by quantity on release');

INSERT INTO verification_list_check (code, family, message_zh, message_en, parameter) VALUES
 ('LIST-BASIC-NUMBER',        'BASIC_DATA',        '核注清单编号格式不正确', 'The verification list number is not well-formed', NULL),
 ('LIST-BASIC-HS',            'BASIC_DATA',        '商品编号须为10位数字', 'The HS code must be 10 digits', NULL),
 ('LIST-PERMISSION-OWNER',    'DECLARATION_PERMISSION','核注清单不属于本企业', 'The verification list belongs to another enterprise', NULL),
 ('LIST-GENERAL-ITEMS',       'GENERAL_BUSINESS',  '核注清单无表体或数量不为正', 'The list has no lines or a line without a positive quantity', NULL),
 ('LIST-TAX-CURRENCY',        'TAX',               '币制代码不在通关参数表中', 'The currency is not in the clearance parameter table', NULL),
 ('LIST-INSPECTION-ORIGIN',   'INSPECTION',        '原产国（地区）代码不在通关参数表中', 'The origin country is not in the clearance parameter table', NULL),
 ('LIST-LICENCE-MODE',        'LICENSE',           '监管方式不适用于二线内销', 'The trade mode does not apply to a second-line domestic sale', '0110,0245,0644,0444,0544,1233,5034,9739'),
 ('LIST-COMMODITY-WEIGHT',    'SPECIFIC_COMMODITY','清单毛重须大于净重', 'The list''s gross weight must exceed its net weight', NULL),
 ('LIST-DOCUMENTS-LEDGER',    'RELATED_DOCUMENTS', '核注清单未关联账册', 'The verification list names no ledger', NULL),
 ('LIST-BUSINESS-EXHAUSTED',  'SPECIFIC_BUSINESS', '核注清单已全部核扣', 'The verification list has been written off completely', NULL);

-- 海关监管作业场所 and the enterprise that runs each (监管场所经营人), who alone files its arrival reports.
CREATE TABLE supervised_site (
    site_code     varchar(20)   PRIMARY KEY,
    name_zh       varchar(200)  NOT NULL,
    name_en       varchar(200)  NOT NULL,
    customs_code  varchar(4)    NOT NULL,
    operator_uscc varchar(18)   NOT NULL,
    operator_name varchar(200)  NOT NULL,
    enabled       boolean       NOT NULL DEFAULT true,
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    updated_by    varchar(100)  NOT NULL DEFAULT 'migration'
);
