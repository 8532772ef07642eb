-- 特征库管理 公安网接入地址: the address through which the public-security network (公安网) reaches a feature
-- library, kept by administrators; one enabled address per library and address.
CREATE TABLE feature_library_access (
    id          uuid PRIMARY KEY,
    library     varchar(32)  NOT NULL,
    name        varchar(128) NOT NULL,
    address     varchar(512) NOT NULL,
    enabled     boolean      NOT NULL DEFAULT true,
    created_by  varchar(128) NOT NULL,
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (library, address)
);
