-- 税费 (FP 454): the duty and import VAT H2018 levied on each goods item of a second-line declaration, in yuan, as its
-- business receipt carries them (税单). A later business receipt for the same declaration replaces them.
CREATE TABLE declaration_item_tax (
    declaration_id uuid          NOT NULL REFERENCES customs_declaration (id) ON DELETE CASCADE,
    seq            int           NOT NULL,
    duty           numeric(18,2) NOT NULL CHECK (duty >= 0),
    vat            numeric(18,2) NOT NULL CHECK (vat >= 0),
    total          numeric(18,2) NOT NULL CHECK (total >= 0),
    receipt_id     varchar(64)   NOT NULL,
    PRIMARY KEY (declaration_id, seq)
);
