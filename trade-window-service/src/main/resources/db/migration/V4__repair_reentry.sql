-- 航空器、船舶暂时出境修理后复运入岛 — preference (享惠) applications of airlines and shipping enterprises (S3).

CREATE TABLE repair_application (
    id                  UUID PRIMARY KEY,
    enterprise_uscc     VARCHAR(18) NOT NULL,
    enterprise_name     VARCHAR(200) NOT NULL,
    kind                VARCHAR(16) NOT NULL CHECK (kind IN ('AVIATION', 'SHIPPING')),
    application_type    VARCHAR(16) NOT NULL CHECK (application_type IN ('NEW', 'CHANGE')),
    original_id         UUID REFERENCES repair_application (id),
    region_code         VARCHAR(64) NOT NULL,
    conveyance          VARCHAR(200) NOT NULL,      -- aircraft registration mark, or ship name and IMO number
    imo_number          VARCHAR(7),
    change_summary      VARCHAR(1000),
    status              VARCHAR(16) NOT NULL,
    case_number         VARCHAR(64),
    competent_org       VARCHAR(200) NOT NULL,
    competent_result    VARCHAR(16),
    competent_opinion   VARCHAR(2000),
    competent_by        VARCHAR(200),
    competent_at        TIMESTAMPTZ,
    related_org         VARCHAR(200) NOT NULL,
    related_result      VARCHAR(16),
    related_opinion     VARCHAR(2000),
    related_by          VARCHAR(200),
    related_at          TIMESTAMPTZ,
    superseded_by       UUID,
    created_at          TIMESTAMPTZ NOT NULL,
    submitted_at        TIMESTAMPTZ,
    due_at              TIMESTAMPTZ,
    decided_at          TIMESTAMPTZ
);
CREATE INDEX repair_application_enterprise ON repair_application (enterprise_uscc, created_at DESC);

CREATE TABLE repair_document (
    id              UUID PRIMARY KEY,
    application_id  UUID NOT NULL REFERENCES repair_application (id),
    doc_type        VARCHAR(40) NOT NULL,
    file_name       VARCHAR(255) NOT NULL,
    content_type    VARCHAR(100) NOT NULL,
    size_bytes      BIGINT NOT NULL,
    sm3             CHAR(64) NOT NULL,
    object_key      VARCHAR(300) NOT NULL,
    uploaded_by     VARCHAR(200) NOT NULL,
    uploaded_at     TIMESTAMPTZ NOT NULL,
    revoked_at      TIMESTAMPTZ
);
CREATE INDEX repair_document_application ON repair_document (application_id);

-- 享惠监管: customs assistance requests, self-use of repaired aircraft/ship goods, enterprise changes, tax information.
CREATE TABLE repair_supervision_record (
    id              UUID PRIMARY KEY,
    application_id  UUID NOT NULL REFERENCES repair_application (id),
    kind            VARCHAR(32) NOT NULL CHECK (kind IN ('CUSTOMS_ASSISTANCE', 'AIRCRAFT_SELF_USE', 'SHIP_SELF_USE',
                                                         'ENTERPRISE_CHANGE', 'TAX_INFO')),
    content         VARCHAR(2000) NOT NULL,
    created_by      VARCHAR(200) NOT NULL,
    organization    VARCHAR(200),
    created_at      TIMESTAMPTZ NOT NULL,
    revoked_at      TIMESTAMPTZ
);
CREATE INDEX repair_supervision_application ON repair_supervision_record (application_id);
