-- 监管证件检查 (FP 437, 893, 1178): a declaration carries its attached supervision documents (type of the
-- ATTACHED_DOCUMENT code table and number); operators keep each commodity's licence condition (监管条件: one document
-- type code per character); declaring a commodity whose condition names a type not attached is refused.
CREATE TABLE declaration_attached_document (
    declaration_id uuid         NOT NULL REFERENCES customs_declaration (id),
    doc_type       varchar(2)   NOT NULL,
    doc_no         varchar(40)  NOT NULL,
    PRIMARY KEY (declaration_id, doc_type, doc_no)
);

CREATE TABLE commodity_supervision_condition (
    hs_code         varchar(10)  PRIMARY KEY,
    condition_codes varchar(20)  NOT NULL,
    updated_by      varchar(100) NOT NULL,
    updated_at      timestamptz  NOT NULL DEFAULT now()
);
