-- 对接企业ERP系统—二线报关单订阅数据下发服务 异常处理 / 日志处理 (FP 573, 574): the subscribed data (verification
-- lists, second-line and arrival receipts) goes to the enterprise's callback on the same signed, retried delivery as the
-- receipts; a delivery of subscribed data names its subscription and source record instead of a declaration; and every
-- attempt of every delivery is kept (when, the answer, the error), so a failed one can be looked into and re-driven.
ALTER TABLE erp_receipt_delivery ALTER COLUMN declaration_id DROP NOT NULL;
ALTER TABLE erp_receipt_delivery ADD COLUMN subscription_id uuid;
ALTER TABLE erp_receipt_delivery ADD COLUMN source_key varchar(100);
CREATE INDEX erp_receipt_delivery_status ON erp_receipt_delivery (status, created_at DESC);

CREATE TABLE erp_delivery_attempt (
    id           bigserial    PRIMARY KEY,
    delivery_id  uuid         NOT NULL REFERENCES erp_receipt_delivery (id) ON DELETE CASCADE,
    attempt      int          NOT NULL,
    outcome      varchar(12)  NOT NULL,
    http_status  int,
    error        varchar(600),
    attempted_at timestamptz  NOT NULL
);
CREATE INDEX erp_delivery_attempt_delivery ON erp_delivery_attempt (delivery_id, id);
