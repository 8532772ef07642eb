-- 开放服务管理 (FP 688–705): the platform's catalogue of open services (服务清单), the enterprises registered as their
-- users (服务用户) and the grants of a service to a user (服务授权). A service off the catalogue cannot be enabled or
-- called; a suspended user calls none; a service that requires a grant answers only users with a grant still valid.
CREATE TABLE open_service (
    service        varchar(40)  PRIMARY KEY,
    name_zh        varchar(100) NOT NULL,
    name_en        varchar(120) NOT NULL,
    description_zh varchar(500),
    grant_required boolean      NOT NULL DEFAULT false,
    version        int          NOT NULL DEFAULT 1,
    updated_by     varchar(100) NOT NULL,
    updated_at     timestamptz  NOT NULL
);
INSERT INTO open_service (service, name_zh, name_en, description_zh, updated_by, updated_at) VALUES
  ('PARAMETER_QUERY', '通关参数查询服务', 'Clearance parameter query', '查询62张通关参数表的现行版本', 'migration', now()),
  ('PRE_VALIDATION', '申报预校验服务', 'Declaration pre-validation', '按九类校验规则返回校验结果（不保存）', 'migration', now()),
  ('PRE_CLASSIFICATION', '商品预归类服务', 'Commodity pre-classification', '按商品名称智能归类，按商品编码查询税则品目', 'migration', now()),
  ('DECLARATION_IMPORT', '二线报关单导入服务', 'Second-line declaration import', '企业ERP以Excel导入二线报关单', 'migration', now()),
  ('SUBSCRIPTION', '二线报关单订阅服务', 'Second-line declaration subscription', '订阅二线报关单回执、核注清单及运抵回执', 'migration', now());

CREATE TABLE open_service_user (
    enterprise_uscc varchar(18)  PRIMARY KEY,
    name            varchar(200) NOT NULL,
    contact         varchar(100),
    status          varchar(10)  NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    note            varchar(300),
    version         int          NOT NULL DEFAULT 1,
    updated_by      varchar(100) NOT NULL,
    updated_at      timestamptz  NOT NULL
);

CREATE TABLE open_service_grant (
    enterprise_uscc varchar(18)  NOT NULL REFERENCES open_service_user (enterprise_uscc) ON DELETE CASCADE,
    service         varchar(40)  NOT NULL REFERENCES open_service (service) ON DELETE CASCADE,
    valid_until     date         NOT NULL,
    note            varchar(300),
    version         int          NOT NULL DEFAULT 1,
    updated_by      varchar(100) NOT NULL,
    updated_at      timestamptz  NOT NULL,
    PRIMARY KEY (enterprise_uscc, service)
);
