-- 1:1 人脸验证 / 1:N 身份核查 / N:M 交叉检索 接入数据源: a configured profile an operator picks instead of typing the
-- library and threshold each time. A 1:1 source carries the model and threshold; a 1:N source the feature library,
-- threshold and number of candidates; an N:M source the library it brings to a cross retrieval.
CREATE TABLE recognition_source (
    id          uuid PRIMARY KEY,
    kind        varchar(32)  NOT NULL CHECK (kind IN ('VERIFICATION', 'IDENTIFICATION', 'CROSS_RETRIEVAL')),
    name        varchar(128) NOT NULL,
    library     varchar(32),
    model       varchar(16)  NOT NULL DEFAULT 'FACE_API' CHECK (model IN ('FACE_API', 'OPERATOR')),
    threshold   double precision NOT NULL,
    top_k       integer      NOT NULL DEFAULT 5 CHECK (top_k BETWEEN 1 AND 100),
    enabled     boolean      NOT NULL DEFAULT true,
    created_by  varchar(128) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (kind, name),
    CHECK (kind = 'VERIFICATION' OR library IS NOT NULL)
);

-- One 1:1 verification or 1:N identification run through a source, kept with its result: the requesting officer
-- later records the conclusion (修改) or removes a run made in error (删除); lists page and export.
CREATE TABLE recognition_check (
    id            uuid PRIMARY KEY,
    kind          varchar(32)  NOT NULL CHECK (kind IN ('VERIFICATION', 'IDENTIFICATION')),
    source_id     uuid REFERENCES recognition_source (id) ON DELETE SET NULL,
    source_name   varchar(128) NOT NULL,
    subject       varchar(256),
    matched       boolean      NOT NULL,
    best_distance double precision,
    best_label    varchar(256),
    result        jsonb        NOT NULL,
    conclusion    varchar(16)  NOT NULL DEFAULT 'PENDING' CHECK (conclusion IN ('PENDING', 'CONFIRMED', 'REJECTED')),
    note          varchar(512),
    requested_by  varchar(128) NOT NULL,
    organization  varchar(256),
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX recognition_check_by_kind ON recognition_check (kind, created_at DESC);
CREATE INDEX recognition_check_by_requester ON recognition_check (requested_by, created_at DESC);
