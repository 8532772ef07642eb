-- Issue 5, session 6: 简化申报 (FP 1969–2005, 2038–2075). Customs docks the simplified-declaration data of a ledger
-- (数据对接) and later the ledger's simplified-declaration receipt (回执对接); a declaration waits for booking (待入账)
-- until the enterprise books it into its ledger with an entry list linked to it (入账, rule R20); one that waits
-- beyond the tolerance of the ledger's BOOKING_OVERDUE rule raises a booking warning (入账预警, rule R18).
CREATE TABLE simplified_declaration (
    id                BIGSERIAL     PRIMARY KEY,
    declaration_no    VARCHAR(40)   NOT NULL UNIQUE,
    enterprise        VARCHAR(18)   NOT NULL,
    ledger_id         BIGINT        NOT NULL REFERENCES ledger (id),
    ledger_type       VARCHAR(20)   NOT NULL,
    port              VARCHAR(100),
    declared_at       TIMESTAMPTZ   NOT NULL,
    -- [{"seq","itemNo","hsCode","nameZh","quantity","unit","unitPrice","currency"}]
    lines             JSONB         NOT NULL,
    receipt_status    VARCHAR(40),
    receipt_note      VARCHAR(500),
    receipt_at        TIMESTAMPTZ,
    message_id        VARCHAR(80)   NOT NULL,
    docked_at         TIMESTAMPTZ   NOT NULL
);
CREATE INDEX simplified_declaration_enterprise ON simplified_declaration (enterprise, ledger_id, id DESC);

ALTER TABLE ledger_warning_rule DROP CONSTRAINT IF EXISTS ledger_warning_rule_kind_check;
ALTER TABLE ledger_warning_rule ADD CONSTRAINT ledger_warning_rule_kind_check
    CHECK (kind IN ('LOW_STOCK', 'RECEIPT_OVERDUE', 'BOOKING_OVERDUE'));
ALTER TABLE ledger_warning_rule DROP CONSTRAINT IF EXISTS ledger_warning_rule_check;
ALTER TABLE ledger_warning_rule ADD CONSTRAINT ledger_warning_rule_check
    CHECK ((kind = 'LOW_STOCK' AND threshold IS NOT NULL) OR (kind IN ('RECEIPT_OVERDUE', 'BOOKING_OVERDUE') AND tolerance_hours IS NOT NULL));
