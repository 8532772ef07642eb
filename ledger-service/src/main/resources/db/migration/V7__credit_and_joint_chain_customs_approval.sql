-- Issue 5: the enterprise's credit profile on the home page (首页-我的信用, FP 1327–1329) and the social-credit
-- information of the other enterprises of a joint value-added chain (FP 1613–1614), both fetched sealed from customs
-- (金关二期, which answers from the customs enterprise-credit records) and kept with the time they were fetched; the
-- customs approval leg of a joint chain (FP 1618–1619, 1626–1627).

CREATE TABLE enterprise_credit (
    enterprise             VARCHAR(18)   PRIMARY KEY,
    enterprise_name        VARCHAR(200),
    -- AEO_ADVANCED (高级认证企业), GENERAL (一般信用企业), DISHONEST (失信企业)
    credit_grade           VARCHAR(24)   NOT NULL,
    -- 征信信用信息, 二线口岸通关评价结果, 综合信用评价结果 as customs sent them (JSON objects)
    credit_report          JSONB         NOT NULL,
    clearance_rating JSONB         NOT NULL,
    comprehensive_evaluation JSONB       NOT NULL,
    -- 存续 / 注销 … (registration standing) and the source customs named
    registration_status    VARCHAR(40),
    source                 VARCHAR(200)  NOT NULL,
    message_id             VARCHAR(80)   NOT NULL,
    fetched_at             TIMESTAMPTZ   NOT NULL
);

ALTER TABLE joint_chain_member ADD COLUMN credit_grade VARCHAR(24);
ALTER TABLE joint_chain_member ADD COLUMN registration_status VARCHAR(40);
ALTER TABLE joint_chain_member ADD COLUMN credit_fetched_at TIMESTAMPTZ;

-- Customs approval of a confirmed chain: NOT_SENT → PENDING_APPROVAL → APPROVED | ANOMALY (with the reason customs
-- gave); a change after approval sends it again.
ALTER TABLE joint_chain ADD COLUMN customs_status VARCHAR(20) NOT NULL DEFAULT 'NOT_SENT';
ALTER TABLE joint_chain ADD COLUMN anomaly_reason VARCHAR(1000);
ALTER TABLE joint_chain ADD COLUMN approval_round INT NOT NULL DEFAULT 0;
ALTER TABLE joint_chain ADD COLUMN copied_from VARCHAR(40);

-- Every receipt applied once (a receipt sent twice is refused and changes nothing).
CREATE TABLE joint_chain_receipt (
    receipt_id        VARCHAR(80)   PRIMARY KEY,
    chain_id          BIGINT        NOT NULL REFERENCES joint_chain (id),
    kind              VARCHAR(20)   NOT NULL,
    reason            VARCHAR(1000),
    message_id        VARCHAR(80),
    received_at       TIMESTAMPTZ   NOT NULL
);
CREATE INDEX joint_chain_receipt_chain_idx ON joint_chain_receipt (chain_id, received_at);
