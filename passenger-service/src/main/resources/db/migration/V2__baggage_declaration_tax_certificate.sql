-- 旅客通关服务系统 (FP 1-107): baggage declarations, customs receipts, online tax, payment, certificates, guides.

CREATE TABLE baggage_declaration (
    id               uuid PRIMARY KEY,
    declaration_no   varchar(32)  NOT NULL UNIQUE,
    traveler_id      varchar(64)  NOT NULL,
    conversation_id  uuid         NOT NULL UNIQUE,
    port             varchar(32)  NOT NULL,
    departure_date   date         NOT NULL,
    transport_mode   varchar(16)  NOT NULL,
    ticket_no        varchar(32),
    traveler_name    varchar(50),
    document_no      varchar(30),
    items            jsonb        NOT NULL,
    status           varchar(32)  NOT NULL,
    pending_action   varchar(16),
    revision         integer      NOT NULL,
    decision_reason  varchar(500),
    deletion_reason  varchar(200),
    tax_due          numeric(14, 2),
    dispatch_attempts integer     NOT NULL DEFAULT 0,
    dispatch_error   varchar(500),
    dispatch_blocked boolean      NOT NULL DEFAULT false,
    claimed_until    timestamptz,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL
);
CREATE INDEX baggage_declaration_traveler ON baggage_declaration (traveler_id, created_at DESC);
CREATE INDEX baggage_declaration_pending ON baggage_declaration (updated_at) WHERE pending_action IS NOT NULL;

-- The clearance timeline of a declaration and the pipeline's log (申报 / 修改 / 删除 / 回执 / 缴税 …).
CREATE TABLE declaration_event (
    id             bigserial PRIMARY KEY,
    declaration_id uuid        NOT NULL REFERENCES baggage_declaration (id),
    occurred_at    timestamptz NOT NULL,
    kind           varchar(40) NOT NULL,
    status         varchar(32) NOT NULL,
    actor          varchar(64),
    detail_zh      varchar(500),
    detail_en      varchar(500)
);
CREATE INDEX declaration_event_declaration ON declaration_event (declaration_id, id);

-- 校验设置, 三方协议文本, 明细显示设置: settings officers edit, one JSON document per key, every version kept.
CREATE TABLE passenger_setting (
    key         varchar(40) NOT NULL,
    version     integer     NOT NULL,
    content     jsonb       NOT NULL,
    updated_by  varchar(64) NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (key, version)
);

-- Every sealed message to or from a partner, with its outcome (报文日志 / 错误信息处理).
CREATE TABLE partner_message (
    id            bigserial PRIMARY KEY,
    partner_id    varchar(64) NOT NULL,
    direction     varchar(8)  NOT NULL,
    message_type  varchar(40) NOT NULL,
    business_id   varchar(64),
    message_id    varchar(64),
    outcome       varchar(24) NOT NULL,
    error_code    varchar(64),
    error_detail  varchar(500),
    occurred_at   timestamptz NOT NULL
);
CREATE INDEX partner_message_business ON partner_message (business_id, id);

-- 海关审批回执: every verified receipt, applied or not.
CREATE TABLE customs_receipt (
    id               uuid PRIMARY KEY,
    message_id       varchar(64) NOT NULL UNIQUE,
    receipt_no       varchar(64) NOT NULL UNIQUE,
    conversation_id  uuid        NOT NULL,
    declaration_id   uuid,
    revision         integer     NOT NULL,
    action           varchar(16) NOT NULL,
    decision         varchar(32) NOT NULL,
    payload          jsonb       NOT NULL,
    received_at      timestamptz NOT NULL,
    state            varchar(24) NOT NULL,
    failure_code     varchar(64),
    failure_detail   varchar(500),
    attempts         integer     NOT NULL DEFAULT 1,
    resolved_at      timestamptz
);
CREATE INDEX customs_receipt_conversation ON customs_receipt (conversation_id, received_at);
CREATE INDEX customs_receipt_failed ON customs_receipt (received_at) WHERE state = 'FAILED';

-- 线上缴税: the duty customs assessed on a declaration, its lines and the traveler's tax entry.
CREATE TABLE tax_payment (
    id              uuid PRIMARY KEY,
    tax_no          varchar(32)    NOT NULL UNIQUE,
    declaration_id  uuid           NOT NULL UNIQUE REFERENCES baggage_declaration (id),
    traveler_id     varchar(64)    NOT NULL,
    port            varchar(32)    NOT NULL,
    lines           jsonb          NOT NULL,
    total           numeric(14, 2) NOT NULL,
    status          varchar(24)    NOT NULL,
    assessed_at     timestamptz    NOT NULL,
    entered_at      timestamptz,
    paid_at         timestamptz,
    paid_channel    varchar(16)
);
CREATE INDEX tax_payment_traveler ON tax_payment (traveler_id, assessed_at DESC);

-- 三方协议: traveler-customs-bank consent, with the text version shown and the receipts sent back.
CREATE TABLE tripartite_agreement (
    id               uuid PRIMARY KEY,
    tax_payment_id   uuid        NOT NULL UNIQUE REFERENCES tax_payment (id),
    traveler_id      varchar(64) NOT NULL,
    channel          varchar(16) NOT NULL,
    text_version     integer     NOT NULL,
    text_digest      varchar(64) NOT NULL,
    signed_at        timestamptz NOT NULL,
    customs_receipt  varchar(24) NOT NULL,
    bank_receipt     varchar(24) NOT NULL
);

-- 支付订单 and the notifications channels send back; (channel, notification_id) makes every callback count once.
CREATE TABLE payment_order (
    id               uuid PRIMARY KEY,
    order_no         varchar(40)    NOT NULL UNIQUE,
    tax_payment_id   uuid           NOT NULL REFERENCES tax_payment (id),
    channel          varchar(16)    NOT NULL,
    amount           numeric(14, 2) NOT NULL,
    status           varchar(16)    NOT NULL,
    channel_trade_no varchar(64),
    created_at       timestamptz    NOT NULL,
    expires_at       timestamptz    NOT NULL,
    paid_at          timestamptz
);
CREATE UNIQUE INDEX payment_order_one_paid ON payment_order (tax_payment_id) WHERE status = 'PAID';

CREATE TABLE payment_notification (
    channel          varchar(16) NOT NULL,
    notification_id  varchar(64) NOT NULL,
    order_no         varchar(40) NOT NULL,
    outcome          varchar(24) NOT NULL,
    received_at      timestamptz NOT NULL,
    PRIMARY KEY (channel, notification_id)
);

-- 完税证明
CREATE TABLE tax_paid_certificate (
    id                 uuid PRIMARY KEY,
    certificate_no     varchar(32)    NOT NULL UNIQUE,
    verification_code  varchar(40)    NOT NULL UNIQUE,
    tax_payment_id     uuid           NOT NULL UNIQUE REFERENCES tax_payment (id),
    declaration_id     uuid           NOT NULL REFERENCES baggage_declaration (id),
    traveler_id        varchar(64)    NOT NULL,
    port               varchar(32)    NOT NULL,
    amount             numeric(14, 2) NOT NULL,
    issued_at          timestamptz    NOT NULL,
    pdf_object_key     varchar(200),
    confirmed_at       timestamptz
);
CREATE INDEX tax_paid_certificate_traveler ON tax_paid_certificate (traveler_id, issued_at DESC);

-- 相关指引
CREATE TABLE guide (
    id          uuid PRIMARY KEY,
    title_zh    varchar(200) NOT NULL,
    title_en    varchar(200) NOT NULL,
    body_zh     text         NOT NULL,
    body_en     text         NOT NULL,
    categories  jsonb        NOT NULL,
    published   boolean      NOT NULL,
    created_by  varchar(64)  NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL
);

CREATE TABLE guide_attachment (
    id            uuid PRIMARY KEY,
    guide_id      uuid         NOT NULL REFERENCES guide (id) ON DELETE CASCADE,
    file_name     varchar(200) NOT NULL,
    content_type  varchar(100) NOT NULL,
    size_bytes    bigint       NOT NULL,
    object_key    varchar(300) NOT NULL,
    uploaded_at   timestamptz  NOT NULL
);
