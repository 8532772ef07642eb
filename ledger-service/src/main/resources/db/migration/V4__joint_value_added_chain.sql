-- Issue 5: joint processing value-added industry chain (联合加工增值产业链备案, FP 1611–1640). An enterprise declares a
-- chain of enterprises in chain order (产业链次序); every other enterprise on it confirms or refuses in its own view.
-- Only a chain that every member confirmed can be named by a cumulative-code filing.

CREATE SEQUENCE joint_chain_no_seq;

CREATE TABLE joint_chain (
    id                BIGSERIAL     PRIMARY KEY,
    chain_no          VARCHAR(40)   NOT NULL UNIQUE,
    initiator         VARCHAR(18)   NOT NULL,
    name              VARCHAR(200)  NOT NULL,
    product_hs_code   VARCHAR(10),
    product_name      VARCHAR(200),
    -- AWAITING_CONFIRMATION, CONFIRMED (every member confirmed), REFUSED (a member refused), VOIDED
    status            VARCHAR(24)   NOT NULL,
    created_by        VARCHAR(100)  NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL
);
CREATE INDEX joint_chain_initiator_idx ON joint_chain (initiator, id);

-- The enterprises of a chain in chain order; the initiator is one of them and is CONFIRMED from the start.
CREATE TABLE joint_chain_member (
    chain_id          BIGINT        NOT NULL REFERENCES joint_chain (id),
    seq               INT           NOT NULL CHECK (seq >= 1),
    enterprise        VARCHAR(18)   NOT NULL,
    enterprise_name   VARCHAR(200),
    step              VARCHAR(200),
    initiator         BOOLEAN       NOT NULL,
    -- PENDING, CONFIRMED, REFUSED
    status            VARCHAR(12)   NOT NULL,
    reason            VARCHAR(400),
    decided_by        VARCHAR(100),
    decided_at        TIMESTAMPTZ,
    PRIMARY KEY (chain_id, enterprise),
    UNIQUE (chain_id, seq)
);
CREATE INDEX joint_chain_member_enterprise_idx ON joint_chain_member (enterprise, status);
