-- 企业接入服务控制台 (FP 575–610): which enterprise-facing services an enterprise has enabled (开通), disabled (关闭) or
-- changed (修改); a deleted (删除) record means never enabled. The open interfaces under /v1/open answer only while
-- the enterprise's service is ENABLED.
CREATE TABLE enterprise_service_access (
    enterprise_uscc varchar(18)  NOT NULL,
    service         varchar(40)  NOT NULL,
    status          varchar(10)  NOT NULL CHECK (status IN ('ENABLED', 'DISABLED')),
    contact         varchar(100),
    callback_url    varchar(300),
    note            varchar(300),
    enabled_at       timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    updated_by      varchar(100) NOT NULL,
    calls           bigint       NOT NULL DEFAULT 0,
    last_called_at  timestamptz,
    version         int          NOT NULL DEFAULT 1,
    PRIMARY KEY (enterprise_uscc, service)
);
