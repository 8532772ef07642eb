-- The zero-tariff qualification and whitelist as the ledger service publishes them
-- (hnsw.ledger.zero-tariff-eligibility-changed). For an enterprise with a row here the ledger answers; for any other
-- the reference tables of V2 answer (seed and fallback). occurred_at orders the ledger's facts: an older or repeated
-- event changes nothing.
CREATE TABLE ledger_zero_tariff_eligibility (
    enterprise_uscc varchar(18)  PRIMARY KEY,
    qualified       boolean      NOT NULL,
    occurred_at     timestamptz  NOT NULL,
    received_at     timestamptz  NOT NULL,
    event_id        varchar(100)
);

CREATE TABLE ledger_zero_tariff_whitelist (
    enterprise_uscc varchar(18)  NOT NULL REFERENCES ledger_zero_tariff_eligibility (enterprise_uscc) ON DELETE CASCADE,
    hs_code         varchar(10)  NOT NULL,
    name            varchar(200),
    PRIMARY KEY (enterprise_uscc, hs_code)
);
