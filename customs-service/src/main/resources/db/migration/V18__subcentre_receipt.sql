-- 海口数据分中心 技术回执接收 / 业务回执接收 (FP 903–914, 1188–1199): the receipts that come with each distribution,
-- parsed and kept once per receipt (a supplementary distribution repeats them and adds nothing twice).
CREATE TABLE subcentre_receipt (
    pre_entry_no   varchar(18)  NOT NULL REFERENCES subcentre_declaration (pre_entry_no),
    receipt_id     uuid         NOT NULL,
    kind           varchar(20)  NOT NULL CHECK (kind IN ('TECHNICAL', 'BUSINESS')),
    status         varchar(40)  NOT NULL,
    customs_no     varchar(18),
    note           varchar(500),
    sender_key_id  varchar(100),
    issued_at      timestamptz  NOT NULL,
    received_at    timestamptz  NOT NULL,
    PRIMARY KEY (pre_entry_no, receipt_id)
);
CREATE INDEX subcentre_receipt_kind ON subcentre_receipt (kind, issued_at DESC);
