-- Issue 5: the declarable-document engine, ledgers, ledger stock and postings (核增/核减), receipts, attachments,
-- delegations, HS code table and the value-added rule kept as data.

-- HS code table (税则号列) kept as data: the customs logic check and the HS-code auto-fetch read it.
CREATE TABLE hs_code (
    code        VARCHAR(10)  PRIMARY KEY CHECK (code ~ '^[0-9]{10}$'),
    name_zh     VARCHAR(200) NOT NULL,
    name_en     VARCHAR(200) NOT NULL,
    unit        VARCHAR(20)  NOT NULL,
    chapter     VARCHAR(2)   GENERATED ALWAYS AS (substr(code, 1, 2)) STORED
);

-- A ledger (账册): created when its set-up document is approved, active once customs' formal 核注 data arrives.
CREATE TABLE ledger (
    id                  BIGSERIAL    PRIMARY KEY,
    ledger_no           VARCHAR(32)  NOT NULL UNIQUE,
    enterprise          VARCHAR(18)  NOT NULL,
    enterprise_name     VARCHAR(200),
    ledger_type         VARCHAR(20)  NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    setup_document_id   BIGINT       NOT NULL,
    formal_data_ref     VARCHAR(64),
    created_at          TIMESTAMPTZ  NOT NULL,
    activated_at        TIMESTAMPTZ,
    cancelled_at        TIMESTAMPTZ
);
CREATE INDEX ledger_enterprise_idx ON ledger (enterprise);

-- Ledger stock per item (库存商品 / 库存料件 / 成品). Never negative: the CHECK is the last line of defence behind the
-- conditional UPDATE of the posting service.
CREATE TABLE ledger_stock (
    id          BIGSERIAL      PRIMARY KEY,
    ledger_id   BIGINT         NOT NULL REFERENCES ledger (id),
    item_no     VARCHAR(40)    NOT NULL,
    item_kind   VARCHAR(20)    NOT NULL,
    hs_code     VARCHAR(10)    NOT NULL,
    name_zh     VARCHAR(200)   NOT NULL,
    unit        VARCHAR(20)    NOT NULL,
    quantity    NUMERIC(20, 4) NOT NULL DEFAULT 0 CHECK (quantity >= 0),
    UNIQUE (ledger_id, item_no)
);

-- 核增/核减 postings: every change of a stock row, with the balance after it. Sum of signed quantities = stock.
CREATE TABLE ledger_posting (
    id              BIGSERIAL      PRIMARY KEY,
    -- no foreign key to ledger: every posting would take a KEY SHARE lock on the one ledger row (a hot multixact);
    -- the stock row, locked by the posting anyway, already belongs to the ledger
    ledger_id       BIGINT         NOT NULL,
    stock_id        BIGINT         NOT NULL REFERENCES ledger_stock (id),
    direction       VARCHAR(10)    NOT NULL CHECK (direction IN ('INCREASE', 'DECREASE')),
    quantity        NUMERIC(20, 4) NOT NULL CHECK (quantity > 0),
    balance_after   NUMERIC(20, 4) NOT NULL CHECK (balance_after >= 0),
    document_id     BIGINT         NOT NULL,
    document_no     VARCHAR(40)    NOT NULL,
    document_type   VARCHAR(60)    NOT NULL,
    line_id         BIGINT         NOT NULL,
    receipt_id      VARCHAR(64)    NOT NULL,
    posted_at       TIMESTAMPTZ    NOT NULL,
    -- a line of a document books at most once, whatever receipts arrive
    UNIQUE (document_id, line_id)
);
CREATE INDEX ledger_posting_stock_idx ON ledger_posting (stock_id, id);

-- Declarable documents of every type (filings, set-ups, entry/exit lists, out-of-warehouse applications, release notes,
-- adjustment lists, verification reports, cancellations, cumulative/confirmation codes).
CREATE TABLE declarable_document (
    id                  BIGSERIAL    PRIMARY KEY,
    document_no         VARCHAR(40)  NOT NULL UNIQUE,
    document_type       VARCHAR(60)  NOT NULL,
    enterprise          VARCHAR(18)  NOT NULL,
    enterprise_name     VARCHAR(200),
    ledger_id           BIGINT       REFERENCES ledger (id),
    source_document_id  BIGINT       REFERENCES declarable_document (id),
    status              VARCHAR(20)  NOT NULL,
    version             INT          NOT NULL DEFAULT 0,
    change_round        INT          NOT NULL DEFAULT 0,
    title               VARCHAR(200),
    header              JSONB        NOT NULL DEFAULT '{}'::jsonb,
    vehicle             JSONB,
    customs_draft       JSONB,
    return_reason       VARCHAR(500),
    created_by          VARCHAR(100) NOT NULL,
    acting_delegate     VARCHAR(18),
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    declared_at         TIMESTAMPTZ,
    approved_at         TIMESTAMPTZ,
    last_message_id     VARCHAR(64),
    consolidated_into   BIGINT       REFERENCES declarable_document (id)
);
CREATE INDEX declarable_document_enterprise_idx ON declarable_document (enterprise, document_type, status);

CREATE TABLE document_line (
    id              BIGSERIAL      PRIMARY KEY,
    document_id     BIGINT         NOT NULL REFERENCES declarable_document (id) ON DELETE CASCADE,
    line_no         INT            NOT NULL,
    line_kind       VARCHAR(30)    NOT NULL,
    item_no         VARCHAR(40),
    hs_code         VARCHAR(10),
    name_zh         VARCHAR(200),
    spec            VARCHAR(200),
    unit            VARCHAR(20),
    quantity        NUMERIC(20, 4),
    unit_price      NUMERIC(20, 4),
    amount          NUMERIC(20, 2),
    currency        VARCHAR(3),
    direction       VARCHAR(10),
    link_target     VARCHAR(30),
    link_ref        BIGINT,
    extra           JSONB          NOT NULL DEFAULT '{}'::jsonb,
    UNIQUE (document_id, line_kind, line_no)
);
CREATE INDEX document_line_link_idx ON document_line (link_target, link_ref);

CREATE TABLE document_attachment (
    id              BIGSERIAL    PRIMARY KEY,
    document_id     BIGINT       NOT NULL REFERENCES declarable_document (id) ON DELETE CASCADE,
    file_name       VARCHAR(255) NOT NULL,
    content_type    VARCHAR(100) NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    bucket          VARCHAR(63)  NOT NULL,
    object_key      VARCHAR(300) NOT NULL,
    sm3_digest      VARCHAR(64)  NOT NULL,
    uploaded_by     VARCHAR(100) NOT NULL,
    uploaded_at     TIMESTAMPTZ  NOT NULL
);

-- Every receipt (回执 / 回执更新 / 核注 data) customs sent, verified and applied once.
CREATE TABLE document_receipt (
    id              BIGSERIAL    PRIMARY KEY,
    receipt_id      VARCHAR(64)  NOT NULL UNIQUE,
    document_id     BIGINT       NOT NULL REFERENCES declarable_document (id),
    receipt_kind    VARCHAR(20)  NOT NULL,
    status_after    VARCHAR(20)  NOT NULL,
    reason          VARCHAR(500),
    message_id      VARCHAR(64)  NOT NULL,
    sender_key_id   VARCHAR(64)  NOT NULL,
    issued_at       TIMESTAMPTZ  NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX document_receipt_document_idx ON document_receipt (document_id, id);

-- Sealed declarations sent to customs (申报), one row per send.
CREATE TABLE document_declaration (
    id              BIGSERIAL    PRIMARY KEY,
    document_id     BIGINT       NOT NULL REFERENCES declarable_document (id),
    message_id      VARCHAR(64)  NOT NULL UNIQUE,
    change_round    INT          NOT NULL,
    technical_status VARCHAR(20) NOT NULL,
    sent_at         TIMESTAMPTZ  NOT NULL
);

-- Commodity library (商品库): the enterprise's approved filings of materials, finished products and scraps.
CREATE TABLE commodity (
    id                  BIGSERIAL    PRIMARY KEY,
    enterprise          VARCHAR(18)  NOT NULL,
    item_no             VARCHAR(40)  NOT NULL,
    item_kind           VARCHAR(20)  NOT NULL,
    hs_code             VARCHAR(10)  NOT NULL REFERENCES hs_code (code),
    name_zh             VARCHAR(200) NOT NULL,
    spec                VARCHAR(200),
    unit                VARCHAR(20)  NOT NULL,
    filing_document_id  BIGINT       NOT NULL REFERENCES declarable_document (id),
    UNIQUE (enterprise, item_no)
);

-- 委托备案: a principal enterprise lets a delegate enterprise act for it on one ledger type within business scopes.
CREATE TABLE delegation (
    id                  BIGSERIAL    PRIMARY KEY,
    principal           VARCHAR(18)  NOT NULL,
    principal_name      VARCHAR(200),
    delegate            VARCHAR(18)  NOT NULL,
    delegate_name       VARCHAR(200),
    ledger_type         VARCHAR(20)  NOT NULL,
    scopes              VARCHAR(40)[] NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    valid_until         DATE,
    created_at          TIMESTAMPTZ  NOT NULL,
    reviewed_at         TIMESTAMPTZ,
    review_comment      VARCHAR(500)
);
CREATE INDEX delegation_delegate_idx ON delegation (delegate, principal, ledger_type);

-- The value-added rule in force, as data (GACC 2025 interim measures, art. 3-4): threshold and source.
CREATE TABLE value_added_rule (
    id              BIGSERIAL     PRIMARY KEY,
    rule_code       VARCHAR(40)   NOT NULL,
    threshold_pct   NUMERIC(6, 2) NOT NULL CHECK (threshold_pct > 0),
    effective_from  DATE          NOT NULL,
    source_zh       VARCHAR(500)  NOT NULL,
    source_en       VARCHAR(500)  NOT NULL,
    UNIQUE (rule_code, effective_from)
);

INSERT INTO value_added_rule (rule_code, threshold_pct, effective_from, source_zh, source_en) VALUES
('HAINAN_PROCESSING_VA', 30.00, DATE '2025-01-01',
 '《中华人民共和国海关对海南自由贸易港加工增值免关税货物税收征管暂行办法》（海关总署 2025 年）第三条、第四条',
 'Interim Measures of the PRC Customs for the Tax Administration of Processing Value-Added Duty-Free Goods of the Hainan Free Trade Port (GACC, 2025), articles 3 and 4');

-- Numbering per document type and day (自主编号): HNZT + type code + yyyymmdd + sequence.
CREATE TABLE document_number_sequence (
    prefix      VARCHAR(30) PRIMARY KEY,
    last_value  BIGINT      NOT NULL
);

INSERT INTO hs_code (code, name_zh, name_en, unit) VALUES
('8471300000', '便携式自动数据处理设备', 'Portable automatic data-processing machines', '台'),
('8473302000', '自动数据处理设备的零件', 'Parts of automatic data-processing machines', '千克'),
('8542319000', '其他处理器及控制器集成电路', 'Other processors and controllers, integrated circuits', '个'),
('8517620000', '接收、转换并发送数据的设备', 'Machines for reception, conversion and transmission of data', '台'),
('8507600090', '其他锂离子蓄电池', 'Other lithium-ion accumulators', '个'),
('3901100001', '线性低密度聚乙烯', 'Linear low-density polyethylene', '千克'),
('3902100090', '其他初级形状的聚丙烯', 'Other polypropylene in primary forms', '千克'),
('7601100000', '未锻轧非合金铝', 'Unwrought aluminium, not alloyed', '千克'),
('7606122000', '铝合金矩形板、片及带', 'Aluminium alloy plates, sheets and strip, rectangular', '千克'),
('1511100000', '初榨棕榈油', 'Crude palm oil', '千克'),
('1517909000', '其他食用油脂混合制品', 'Other edible mixtures of fats and oils', '千克'),
('2204210000', '小包装葡萄酒', 'Wine in containers of 2 l or less', '升'),
('3304990099', '其他美容品或化妆品', 'Other beauty or make-up preparations', '千克'),
('3004909099', '其他已配剂量药品', 'Other medicaments, put up in measured doses', '千克'),
('9018190000', '其他电气诊断装置', 'Other electro-diagnostic apparatus', '台'),
('8703800010', '纯电动小轿车', 'Battery electric passenger cars', '辆'),
('8901909000', '其他货运船舶', 'Other vessels for the transport of goods', '艘'),
('8802402000', '空载重量超过 15000 千克的飞机', 'Aeroplanes of an unladen weight exceeding 15,000 kg', '架'),
('0303890099', '其他冻鱼', 'Other frozen fish', '千克'),
('0801320000', '去壳腰果', 'Cashew nuts, shelled', '千克'),
('4407119000', '其他松木', 'Other pine wood, sawn', '立方米'),
('5208120000', '未漂白平纹棉布', 'Unbleached plain-weave cotton fabric', '米'),
('6204430000', '合成纤维制女式连衣裙', 'Women''s dresses of synthetic fibres', '件'),
('7108120000', '非货币用金', 'Non-monetary gold, unwrought', '克'),
('9306900000', '其他炸弹、手榴弹及类似军需品', 'Other bombs, grenades and similar munitions', '个');
