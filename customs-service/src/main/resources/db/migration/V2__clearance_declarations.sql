-- 自贸港通关申报系统 (issue 9): declarations, clearance parameters, validation rules, zero-tariff reference data,
-- the outbound message queue with its permanently-failed state, receipts and the Haikou data sub-centre store.

-- 通关参数 — the 62 clearance parameter tables (FP 473–534), versioned: an entry belongs to one version of its table,
-- and a table's current_version says which one the query service answers with unless a version is asked for.
CREATE TABLE clearance_parameter_table (
    code            varchar(40)  PRIMARY KEY,
    seq             int          NOT NULL UNIQUE CHECK (seq BETWEEN 1 AND 62),
    fp              int          NOT NULL UNIQUE CHECK (fp BETWEEN 473 AND 534),
    name_zh         varchar(100) NOT NULL,
    name_en         varchar(120) NOT NULL,
    source          text,
    current_version int          NOT NULL DEFAULT 0
);

CREATE TABLE clearance_parameter_version (
    table_code   varchar(40) NOT NULL REFERENCES clearance_parameter_table (code),
    version      int         NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    published_by varchar(100) NOT NULL,
    note         text,
    PRIMARY KEY (table_code, version)
);

CREATE TABLE clearance_parameter_entry (
    table_code varchar(40)  NOT NULL,
    version    int          NOT NULL,
    code       varchar(20)  NOT NULL,
    name_zh    varchar(200) NOT NULL,
    name_en    varchar(200),
    PRIMARY KEY (table_code, version, code),
    FOREIGN KEY (table_code, version) REFERENCES clearance_parameter_version (table_code, version)
);
CREATE INDEX clearance_parameter_entry_name ON clearance_parameter_entry (table_code, version, name_zh);

-- 零关税享惠企业资质 / 零关税商品白名单 / 径予放行征免性质: reference data behind the ZeroTariffEligibility adapter
-- until the ledger service answers these questions.
CREATE TABLE preferential_enterprise_qualification (
    enterprise_uscc varchar(18)  PRIMARY KEY,
    enterprise_name varchar(200) NOT NULL,
    valid_from      date         NOT NULL,
    valid_to        date,
    revoked         boolean      NOT NULL DEFAULT false,
    updated_at      timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE zero_tariff_whitelist_item (
    hs_code    varchar(10)  PRIMARY KEY,
    name_zh    varchar(200) NOT NULL,
    category   varchar(40)  NOT NULL,
    updated_at timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE direct_release_levy_nature (
    code varchar(3) PRIMARY KEY
);

-- 报关单 — header; items in customs_declaration_item.
CREATE TABLE customs_declaration (
    id                     uuid         PRIMARY KEY,
    pre_entry_no           varchar(18)  NOT NULL UNIQUE,
    declaration_type       varchar(30)  NOT NULL,
    import_export          varchar(6)   NOT NULL,
    status                 varchar(20)  NOT NULL,
    enterprise_uscc        varchar(18)  NOT NULL,
    enterprise_name        varchar(200),
    customs_no             varchar(18),
    declare_customs        varchar(4),
    entry_exit_customs     varchar(4),
    ledger_no              varchar(20),
    supervision_mode       varchar(4),
    levy_nature            varchar(3),
    levy_nature_confirmed  boolean      NOT NULL DEFAULT false,
    transport_mode         varchar(2),
    vessel_name            varchar(100),
    voyage_no              varchar(40),
    bill_of_lading_no      varchar(50),
    domestic_trader_uscc   varchar(18),
    domestic_trader_name   varchar(200),
    overseas_trader_name   varchar(200),
    declarant_uscc         varchar(18),
    declarant_name         varchar(200),
    trading_country        varchar(3),
    departure_country      varchar(3),
    port_code              varchar(10),
    transaction_mode       varchar(1),
    package_type           varchar(2),
    packages               int,
    gross_weight           numeric(19, 5),
    net_weight             numeric(19, 5),
    contract_no            varchar(50),
    remark                 varchar(500),
    goods_attributes       varchar(200),
    verification_list_no   varchar(30),
    copied_from            uuid,
    conversation_id        uuid,
    distribution_status    varchar(20)  NOT NULL DEFAULT 'NONE',
    distribution_count     int          NOT NULL DEFAULT 0,
    ledger_posted          boolean      NOT NULL DEFAULT false,
    created_at             timestamptz  NOT NULL,
    updated_at             timestamptz  NOT NULL,
    submitted_at           timestamptz,
    version                int          NOT NULL DEFAULT 0
);
CREATE INDEX customs_declaration_enterprise ON customs_declaration (enterprise_uscc, declaration_type, created_at DESC);
CREATE INDEX customs_declaration_conversation ON customs_declaration (conversation_id);

CREATE TABLE customs_declaration_item (
    declaration_id     uuid           NOT NULL REFERENCES customs_declaration (id) ON DELETE CASCADE,
    seq                int            NOT NULL,
    hs_code            varchar(10),
    name_zh            varchar(200),
    specification      varchar(500),
    quantity           numeric(19, 5),
    unit               varchar(3),
    legal_quantity     numeric(19, 5),
    legal_unit         varchar(3),
    second_quantity    numeric(19, 5),
    second_unit        varchar(3),
    unit_price         numeric(19, 4),
    total_price        numeric(19, 2),
    currency           varchar(3),
    origin_country     varchar(3),
    destination_country varchar(3),
    levy_mode          varchar(1),
    gross_weight       numeric(19, 5),
    net_weight         numeric(19, 5),
    goods_attributes   varchar(200),
    PRIMARY KEY (declaration_id, seq)
);

-- 预校验规则 — the nine check families as data (FP 130–141, 675–681).
CREATE TABLE validation_rule (
    code              varchar(60)  PRIMARY KEY,
    family            varchar(30)  NOT NULL,
    kind              varchar(40)  NOT NULL,
    declaration_types varchar(200) NOT NULL,
    severity          varchar(10)  NOT NULL CHECK (severity IN ('ERROR', 'WARNING')),
    enabled           boolean      NOT NULL DEFAULT true,
    message_zh        varchar(300) NOT NULL,
    message_en        varchar(300) NOT NULL,
    parameter         varchar(500),
    version           int          NOT NULL DEFAULT 1,
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    updated_by        varchar(100) NOT NULL DEFAULT 'migration'
);

-- 发送队列 — messages to partners with retries, backoff and a permanently-failed state an operator re-drives.
CREATE TABLE outbound_message (
    id              uuid         PRIMARY KEY,
    conversation_id uuid         NOT NULL,
    declaration_id  uuid         NOT NULL REFERENCES customs_declaration (id),
    enterprise_uscc varchar(18)  NOT NULL,
    partner         varchar(40)  NOT NULL,
    message_type    varchar(40)  NOT NULL,
    payload         bytea        NOT NULL,
    status          varchar(20)  NOT NULL,
    attempts        int          NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_error      varchar(500),
    created_at      timestamptz  NOT NULL,
    sent_at         timestamptz,
    sealed_message_id varchar(64)
);
CREATE INDEX outbound_message_due ON outbound_message (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX outbound_message_failed ON outbound_message (created_at) WHERE status = 'PERMANENTLY_FAILED';

-- 回执 — technical, business and reception receipts, each applied once.
CREATE TABLE customs_receipt (
    id                uuid         PRIMARY KEY,
    source_receipt_id varchar(64)  NOT NULL,
    kind              varchar(20)  NOT NULL,
    conversation_id   uuid         NOT NULL,
    declaration_id    uuid         NOT NULL REFERENCES customs_declaration (id),
    enterprise_uscc   varchar(18)  NOT NULL,
    status            varchar(20)  NOT NULL,
    customs_no        varchar(18),
    note              varchar(500),
    sender_key_id     varchar(64)  NOT NULL,
    received_at       timestamptz  NOT NULL,
    UNIQUE (kind, source_receipt_id)
);
CREATE INDEX customs_receipt_declaration ON customs_receipt (declaration_id, received_at);

-- 海口数据分中心 — what the sub-centre received (FP 231–248): the declaration as distributed, cleansing results.
CREATE TABLE subcentre_declaration (
    pre_entry_no       varchar(18)  PRIMARY KEY,
    customs_no         varchar(18),
    declaration_type   varchar(30)  NOT NULL,
    enterprise_uscc    varchar(18)  NOT NULL,
    enterprise_name    varchar(200),
    declare_customs    varchar(4),
    status             varchar(20)  NOT NULL,
    trading_country    varchar(3),
    total_value        numeric(19, 2),
    item_count         int          NOT NULL,
    hs_codes           varchar(2000),
    submitted_at       timestamptz  NOT NULL,
    received_at        timestamptz  NOT NULL,
    receptions         int          NOT NULL DEFAULT 1,
    cleansing_issues   varchar(2000),
    document           text         NOT NULL
);
CREATE INDEX subcentre_declaration_submitted ON subcentre_declaration (submitted_at DESC);
CREATE INDEX subcentre_declaration_enterprise ON subcentre_declaration (enterprise_uscc);

CREATE SEQUENCE pre_entry_serial;
