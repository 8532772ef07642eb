-- Issue 5: customs' withdrawal of a declaration rolls back the ledger posting it caused (冲正), and the zero-tariff
-- qualifications and whitelist that customs' declaration system reads.

-- A withdrawal (撤销) or deletion (删单) of a customs declaration, as customs announced it (one row per event).
CREATE TABLE customs_withdrawal (
    id                  BIGSERIAL    PRIMARY KEY,
    event_id            UUID         NOT NULL UNIQUE,
    declaration_id      UUID         NOT NULL,
    pre_entry_no        VARCHAR(40),
    enterprise          VARCHAR(18)  NOT NULL,
    ledger_no           VARCHAR(32),
    ledger_id           BIGINT       REFERENCES ledger (id),
    reason              VARCHAR(20)  NOT NULL,
    rollback_requested  BOOLEAN      NOT NULL,
    -- REVERSED (every item rolled back), PARTLY_REVERSED, UNMATCHED (nothing found to roll back), NOT_REQUESTED
    outcome             VARCHAR(20)  NOT NULL,
    note                VARCHAR(400),
    withdrawn_at        TIMESTAMPTZ  NOT NULL,
    received_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX customs_withdrawal_ledger_idx ON customs_withdrawal (ledger_id, id);

-- Each item of the withdrawn declaration: the posting it rolled back and the reversing posting, or why none.
-- The reversing posting carries document_id = -(withdrawal id) (postings of documents have positive ids, so the two
-- never meet in the UNIQUE (document_id, line_id) key), line_id = the id of the posting it reverses,
-- document_type CUSTOMS_WITHDRAWAL and document_no = customs' pre-entry number: the stock chain shows it as such.
CREATE TABLE customs_withdrawal_item (
    withdrawal_id           BIGINT         NOT NULL REFERENCES customs_withdrawal (id),
    seq                     INT            NOT NULL,
    hs_code                 VARCHAR(10)    NOT NULL,
    name_zh                 VARCHAR(200),
    quantity                NUMERIC(20, 4) NOT NULL,
    unit                    VARCHAR(20),
    -- a posting is rolled back at most once, whatever events arrive
    reversed_posting_id     BIGINT         UNIQUE REFERENCES ledger_posting (id),
    reversing_posting_id    BIGINT         REFERENCES ledger_posting (id),
    note                    VARCHAR(200),
    PRIMARY KEY (withdrawal_id, seq)
);

-- 企业资质: zero-tariff beneficiary entity (零关税享惠主体) and processing value-added (加工增值), fed by the
-- qualification application system's "application succeeded" data (FP 1876, 1880) and revoked the same way.
CREATE TABLE enterprise_qualification (
    id                  BIGSERIAL    PRIMARY KEY,
    enterprise          VARCHAR(18)  NOT NULL,
    enterprise_name     VARCHAR(200) NOT NULL,
    qualification_type  VARCHAR(30)  NOT NULL CHECK (qualification_type IN ('ZERO_TARIFF_BENEFICIARY', 'PROCESSING_VALUE_ADDED')),
    certificate_no      VARCHAR(40)  NOT NULL UNIQUE,
    status              VARCHAR(10)  NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
    valid_from          DATE         NOT NULL,
    valid_to            DATE,
    granted_by          VARCHAR(100) NOT NULL,
    granted_at          TIMESTAMPTZ  NOT NULL,
    revoked_at          TIMESTAMPTZ,
    revoke_reason       VARCHAR(200)
);
CREATE INDEX enterprise_qualification_enterprise_idx ON enterprise_qualification (enterprise, qualification_type);

-- 白名单: the goods (by HS code) an enterprise may bring in duty-free under its qualification.
CREATE TABLE enterprise_whitelist (
    enterprise  VARCHAR(18)  NOT NULL,
    hs_code     VARCHAR(10)  NOT NULL REFERENCES hs_code (code),
    name_zh     VARCHAR(200) NOT NULL,
    added_by    VARCHAR(100) NOT NULL,
    added_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (enterprise, hs_code)
);

-- 预警 (warnings) with a tolerance kept as data, per ledger (and optionally per item):
--   LOW_STOCK        a stock row at or below threshold × (1 + tolerance_pct / 100) (库存预警);
--   RECEIPT_OVERDUE  a document declared to customs longer than tolerance_hours ago without a receipt (回执超时).
CREATE TABLE ledger_warning_rule (
    id              BIGSERIAL      PRIMARY KEY,
    ledger_id       BIGINT         NOT NULL REFERENCES ledger (id),
    kind            VARCHAR(20)    NOT NULL CHECK (kind IN ('LOW_STOCK', 'RECEIPT_OVERDUE')),
    item_no         VARCHAR(40),
    threshold       NUMERIC(20, 4) CHECK (threshold >= 0),
    tolerance_pct   NUMERIC(6, 2)  NOT NULL DEFAULT 0 CHECK (tolerance_pct >= 0 AND tolerance_pct <= 1000),
    tolerance_hours INT            CHECK (tolerance_hours > 0),
    notify          BOOLEAN        NOT NULL DEFAULT TRUE,
    updated_by      VARCHAR(100)   NOT NULL,
    updated_at      TIMESTAMPTZ    NOT NULL,
    CHECK ((kind = 'LOW_STOCK' AND threshold IS NOT NULL) OR (kind = 'RECEIPT_OVERDUE' AND tolerance_hours IS NOT NULL))
);
CREATE UNIQUE INDEX ledger_warning_rule_key ON ledger_warning_rule (ledger_id, kind, coalesce(item_no, ''));

-- A raised warning stays open while its condition holds and closes by itself when it clears.
CREATE TABLE ledger_warning (
    id          BIGSERIAL     PRIMARY KEY,
    rule_id     BIGINT        NOT NULL REFERENCES ledger_warning_rule (id),
    ledger_id   BIGINT        NOT NULL REFERENCES ledger (id),
    enterprise  VARCHAR(18)   NOT NULL,
    subject     VARCHAR(60)   NOT NULL,
    message_zh  VARCHAR(300)  NOT NULL,
    message_en  VARCHAR(300)  NOT NULL,
    raised_at   TIMESTAMPTZ   NOT NULL,
    closed_at   TIMESTAMPTZ
);
CREATE UNIQUE INDEX ledger_warning_open ON ledger_warning (rule_id, subject) WHERE closed_at IS NULL;
CREATE INDEX ledger_warning_enterprise_idx ON ledger_warning (enterprise, closed_at);

-- 我的菜单定制: each user's order of the ledger service's menu entries on the home page.
CREATE TABLE home_menu_order (
    username    VARCHAR(100) PRIMARY KEY,
    items       JSONB        NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

-- 自主编号规则: each enterprise's own rule for the item numbers (料号) of its filings, per item kind, kept as data:
-- prefix + the date in the given pattern (Asia/Shanghai) + a zero-padded sequence of seq_width digits.
CREATE TABLE item_numbering_rule (
    enterprise      VARCHAR(18)  NOT NULL,
    item_kind       VARCHAR(20)  NOT NULL CHECK (item_kind IN ('MATERIAL', 'FINISHED_PRODUCT', 'SCRAP', 'GOODS')),
    prefix          VARCHAR(20)  NOT NULL CHECK (prefix ~ '^[A-Z0-9-]{1,20}$'),
    date_pattern    VARCHAR(10)  NOT NULL CHECK (date_pattern IN ('', 'yyyy', 'yyyyMM', 'yyyyMMdd')),
    seq_width       INT          NOT NULL CHECK (seq_width BETWEEN 3 AND 8),
    next_value      BIGINT       NOT NULL DEFAULT 1 CHECK (next_value >= 1),
    updated_by      VARCHAR(100) NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (enterprise, item_kind)
);
