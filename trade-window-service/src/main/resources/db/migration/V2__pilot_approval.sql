-- 加工增值试点企业（产品）审批 — value-added pilot approval (S1). Flowable keeps its own ACT_* tables; these are the
-- business records, the routing configuration (data, resolved at run time) and the working-day calendar.

-- 审批市县地区 + 市县牵头单位 + 市县政府设置: one row per approving city/county region.
CREATE TABLE pilot_region (
    code            VARCHAR(64) PRIMARY KEY,
    name_zh         VARCHAR(100) NOT NULL,
    name_en         VARCHAR(200) NOT NULL,
    county_gov_org  VARCHAR(200) NOT NULL,
    lead_unit_org   VARCHAR(200) NOT NULL,
    enabled         BOOLEAN NOT NULL DEFAULT TRUE
);

-- 市县其他单位加签 (CITY_EXTRA, per region) / 省级牵头单位会签 (PROVINCIAL_COUNTERSIGN) / 省级其他单位加签 (PROVINCIAL_EXTRA).
CREATE TABLE pilot_routing_unit (
    id          BIGSERIAL PRIMARY KEY,
    kind        VARCHAR(32) NOT NULL CHECK (kind IN ('CITY_EXTRA', 'PROVINCIAL_COUNTERSIGN', 'PROVINCIAL_EXTRA')),
    region_code VARCHAR(64) REFERENCES pilot_region (code),
    unit_org    VARCHAR(200) NOT NULL,
    name_zh     VARCHAR(100) NOT NULL,
    name_en     VARCHAR(200) NOT NULL,
    CHECK ((kind = 'CITY_EXTRA') = (region_code IS NOT NULL)),
    UNIQUE (kind, region_code, unit_org)
);

-- 节假日管理配置: HOLIDAY = a weekday off, WORKDAY = a weekend day worked (调休). Weekends are off otherwise.
CREATE TABLE holiday_calendar (
    day     DATE PRIMARY KEY,
    kind    VARCHAR(16) NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name_zh VARCHAR(100) NOT NULL,
    name_en VARCHAR(200) NOT NULL
);

-- 审批预警配置: per approval step, the time limit and when to warn, in working days.
CREATE TABLE approval_warning_config (
    step                VARCHAR(64) PRIMARY KEY,
    limit_working_days  INT NOT NULL CHECK (limit_working_days BETWEEN 1 AND 60),
    warn_before_days    INT NOT NULL CHECK (warn_before_days BETWEEN 0 AND 30),
    enabled             BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE pilot_application (
    id                  UUID PRIMARY KEY,
    enterprise_uscc     VARCHAR(18) NOT NULL,
    enterprise_name     VARCHAR(200) NOT NULL,
    region_code         VARCHAR(64) NOT NULL REFERENCES pilot_region (code),
    product_summary     VARCHAR(1000) NOT NULL,
    status              VARCHAR(32) NOT NULL,
    case_number         VARCHAR(64) UNIQUE,
    process_instance_id VARCHAR(64),
    current_step        VARCHAR(64),
    created_by          VARCHAR(200) NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    submitted_at        TIMESTAMPTZ,
    decided_at          TIMESTAMPTZ,
    version             INT NOT NULL DEFAULT 0
);
CREATE INDEX pilot_application_enterprise ON pilot_application (enterprise_uscc, created_at DESC);
CREATE INDEX pilot_application_status ON pilot_application (status);

-- 企业申报材料: the six document types; a revoked document stays for the record, a deleted one is gone (drafts only).
CREATE TABLE pilot_document (
    id              UUID PRIMARY KEY,
    application_id  UUID NOT NULL REFERENCES pilot_application (id),
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
CREATE INDEX pilot_document_application ON pilot_document (application_id);

-- 审核意见 / 终止退出意见: every opinion, kept; record_hash is the SM3 of the canonical record, anchored in the audit chain.
CREATE TABLE approval_opinion (
    id              UUID PRIMARY KEY,
    case_kind       VARCHAR(16) NOT NULL CHECK (case_kind IN ('APPLICATION', 'TERMINATION')),
    case_id         UUID NOT NULL,
    application_id  UUID NOT NULL REFERENCES pilot_application (id),
    step            VARCHAR(64) NOT NULL,
    task_id         VARCHAR(64),
    unit_org        VARCHAR(200),
    actor_id        VARCHAR(200) NOT NULL,
    actor_name      VARCHAR(200) NOT NULL,
    decision        VARCHAR(16) NOT NULL,
    opinion         VARCHAR(2000) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    record_hash     CHAR(64) NOT NULL,
    audit_seq       BIGINT NOT NULL
);
CREATE INDEX approval_opinion_case ON approval_opinion (case_id, created_at);

-- 终止退出: started by a city/county unit (市县单位发现记录) or by local customs (属地海关发现记录).
CREATE TABLE termination_case (
    id                  UUID PRIMARY KEY,
    application_id      UUID NOT NULL REFERENCES pilot_application (id),
    enterprise_uscc     VARCHAR(18) NOT NULL,
    initiator_kind      VARCHAR(16) NOT NULL CHECK (initiator_kind IN ('COUNTY_UNIT', 'LOCAL_CUSTOMS')),
    initiator_org       VARCHAR(200) NOT NULL,
    initiated_by        VARCHAR(200) NOT NULL,
    discovery_record    VARCHAR(2000) NOT NULL,
    blacklist_reason    VARCHAR(1000) NOT NULL,
    status              VARCHAR(32) NOT NULL,
    process_instance_id VARCHAR(64),
    created_at          TIMESTAMPTZ NOT NULL,
    decided_at          TIMESTAMPTZ
);

-- 黑名单企业 + 黑名单原因.
CREATE TABLE blacklist_entry (
    id                  UUID PRIMARY KEY,
    enterprise_uscc     VARCHAR(18) NOT NULL,
    enterprise_name     VARCHAR(200) NOT NULL,
    reason              VARCHAR(1000) NOT NULL,
    termination_case_id UUID REFERENCES termination_case (id),
    created_at          TIMESTAMPTZ NOT NULL,
    created_by          VARCHAR(200) NOT NULL,
    removed_at          TIMESTAMPTZ
);
CREATE UNIQUE INDEX blacklist_active ON blacklist_entry (enterprise_uscc) WHERE removed_at IS NULL;

-- 抄送: an approver copies a case to another unit for information.
CREATE TABLE case_copy (
    id              UUID PRIMARY KEY,
    application_id  UUID NOT NULL REFERENCES pilot_application (id),
    to_org          VARCHAR(200) NOT NULL,
    from_actor      VARCHAR(200) NOT NULL,
    note            VARCHAR(500),
    created_at      TIMESTAMPTZ NOT NULL,
    read_at         TIMESTAMPTZ
);
CREATE INDEX case_copy_to ON case_copy (to_org, created_at DESC);

-- 通知消息记录: to-do notices, status notices and warnings, with the channel they went through.
CREATE TABLE notification_record (
    id              UUID PRIMARY KEY,
    channel         VARCHAR(16) NOT NULL CHECK (channel IN ('SMS', 'TODO', 'PC', 'MOBILE')),
    recipient       VARCHAR(200) NOT NULL,
    business_id     VARCHAR(64) NOT NULL,
    kind            VARCHAR(40) NOT NULL,
    content         VARCHAR(1000) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX notification_record_business ON notification_record (business_id);

-- Demo routing for the local stack's organisations (Keycloak groups); operators change it through the config API.
INSERT INTO pilot_region (code, name_zh, name_en, county_gov_org, lead_unit_org) VALUES
 ('haikou-longhua', '海口市龙华区', 'Longhua District, Haikou', '/government/county/haikou-longhua', '/government/county/haikou-longhua/commerce-bureau'),
 ('danzhou', '儋州市', 'Danzhou', '/government/county/danzhou', '/government/county/danzhou/commerce-bureau'),
 ('chengmai', '澄迈县', 'Chengmai County', '/government/county/chengmai', '/government/county/chengmai/commerce-bureau'),
 ('sanya', '三亚市', 'Sanya', '/government/county/sanya', '/government/county/sanya/commerce-bureau');
INSERT INTO pilot_routing_unit (kind, region_code, unit_org, name_zh, name_en) VALUES
 ('PROVINCIAL_COUNTERSIGN', NULL, '/government/provincial/commerce', '海南省商务厅', 'Department of Commerce of Hainan Province');
INSERT INTO approval_warning_config (step, limit_working_days, warn_before_days) VALUES
 ('cityUnitReview', 5, 1), ('countyGovForward', 3, 1), ('provincialDeptReview', 5, 1), ('provinceApproval', 5, 1),
 ('enterpriseCorrection', 10, 2), ('terminationCountyGov', 3, 1), ('terminationProvincialDept', 5, 1),
 ('terminationProvince', 5, 1);
-- 2027 public holidays and adjusted working days as published by the State Council are loaded by operators; these
-- rows are the New Year and Spring Festival of early 2027 as an example of the data.
INSERT INTO holiday_calendar (day, kind, name_zh, name_en) VALUES
 ('2027-01-01', 'HOLIDAY', '元旦', 'New Year''s Day');
