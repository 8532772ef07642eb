-- 对接企业ERP系统—二线报关单回执下发服务 (FP 563–568): every receipt of a declaration whose enterprise has enabled the
-- second-line subscription service with a callback address is pushed there as a signed webhook, retried with backoff;
-- each row is one receipt's delivery, its attempts and outcome (status monitoring and log), re-drivable when failed.
CREATE TABLE erp_receipt_delivery (
    id              uuid         PRIMARY KEY,
    enterprise_uscc varchar(18)  NOT NULL,
    declaration_id  uuid         NOT NULL,
    pre_entry_no    varchar(18),
    receipt_kind    varchar(20)  NOT NULL,
    receipt_status  varchar(40),
    callback_url    varchar(300) NOT NULL,
    payload         text         NOT NULL,
    status          varchar(12)  NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'REFUSED')),
    attempts        int          NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_http_status int,
    last_error      varchar(600),
    created_at      timestamptz  NOT NULL,
    delivered_at    timestamptz,
    updated_at      timestamptz  NOT NULL
);
CREATE INDEX erp_receipt_delivery_due ON erp_receipt_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX erp_receipt_delivery_enterprise ON erp_receipt_delivery (enterprise_uscc, created_at DESC);
