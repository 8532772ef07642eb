-- 智能设备对接 (FP 934–958): face data conversion and cleansing rules as data, collected batches with their rejected
-- records, and cascade links to subordinate face-capture platforms pulled over sealed messages.
CREATE TABLE face_intake_rule (
    id          uuid PRIMARY KEY,
    stage       varchar(16)  NOT NULL CHECK (stage IN ('CONVERT', 'CLEANSE')),
    name        varchar(128) NOT NULL,
    source_code varchar(64),
    operation   varchar(32)  NOT NULL,
    field       varchar(32)  NOT NULL,
    parameter   varchar(256),
    ordinal     integer      NOT NULL DEFAULT 0,
    enabled     boolean      NOT NULL DEFAULT true,
    created_by  varchar(64)  NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_by  varchar(64),
    updated_at  timestamptz
);

CREATE TABLE face_intake_batch (
    id          uuid PRIMARY KEY,
    channel     varchar(16)  NOT NULL CHECK (channel IN ('COLLECTION', 'CASCADE')),
    source_code varchar(64)  NOT NULL,
    received    integer      NOT NULL,
    accepted    integer      NOT NULL,
    rejected    integer      NOT NULL,
    faces       integer      NOT NULL,
    created_by  varchar(64)  NOT NULL,
    created_at  timestamptz  NOT NULL
);
CREATE INDEX face_intake_batch_source ON face_intake_batch (source_code, created_at DESC);

CREATE TABLE face_intake_rejection (
    id          uuid PRIMARY KEY,
    batch_id    uuid         NOT NULL REFERENCES face_intake_batch (id) ON DELETE CASCADE,
    position    integer      NOT NULL,
    record_ref  varchar(128),
    rejected_by varchar(128) NOT NULL,
    reason      text         NOT NULL
);
CREATE INDEX face_intake_rejection_batch ON face_intake_rejection (batch_id, position);

CREATE TABLE face_cascade_link (
    id            uuid PRIMARY KEY,
    code          varchar(64)  NOT NULL UNIQUE,
    name          varchar(128) NOT NULL,
    partner_id    varchar(64)  NOT NULL,
    page_size     integer      NOT NULL,
    last_seq      bigint       NOT NULL DEFAULT 0,
    enabled       boolean      NOT NULL DEFAULT true,
    last_pulled_at timestamptz,
    created_by    varchar(64)  NOT NULL,
    created_at    timestamptz  NOT NULL
);
