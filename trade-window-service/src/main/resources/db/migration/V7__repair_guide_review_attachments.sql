-- S3 维修复运享惠: the service guide per kind (办事指南), and attachments the reviewers add to their opinions.
CREATE TABLE repair_guide (
    kind        VARCHAR(16) PRIMARY KEY CHECK (kind IN ('AVIATION', 'SHIPPING')),
    title_zh    VARCHAR(200) NOT NULL,
    title_en    VARCHAR(300) NOT NULL,
    body_zh     TEXT NOT NULL,
    body_en     TEXT NOT NULL,
    updated_by  VARCHAR(200),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO repair_guide (kind, title_zh, title_en, body_zh, body_en) VALUES
 ('AVIATION', '航空公司维修复运享惠申请指南', 'Guide: repair re-entry preference for airlines',
  E'一、申请对象：在海南自由贸易港注册并实质运营的航空公司。\n二、办理流程：在线填报申请 → 上传申报材料 → 业务校核 → 提交（获取海易办办件编号）→ 主管部门（省交通运输厅）与海关会审（3 个工作日内）→ 结果反馈。\n三、注意：材料须为 PDF、JPG、PNG 或 OFD 格式，单个文件不超过 10 MB；享惠后情况变化须提出变更申请。',
  E'1. Who: airlines registered and operating in the Hainan Free Trade Port.\n2. Steps: fill in online → upload the documents → business check → submit (Haiyiban case number) → joint review by the competent department (Provincial Department of Transport) and customs within 3 working days → result.\n3. Note: PDF, JPG, PNG or OFD files of at most 10 MB each; file a change application whenever anything changes after approval.'),
 ('SHIPPING', '航运企业维修复运享惠申请指南', 'Guide: repair re-entry preference for shipping enterprises',
  E'一、申请对象：在海南自由贸易港注册并实质运营的航运企业。\n二、办理流程：在线填报申请 → 上传申报材料（含船舶所有权及防污染证书）→ 业务校核（IMO 编号校验）→ 提交 → 主管部门（海南海事局）与海关会审（3 个工作日内）→ 结果反馈。\n三、注意：材料须为 PDF、JPG、PNG 或 OFD 格式，单个文件不超过 10 MB。',
  E'1. Who: shipping enterprises registered and operating in the Hainan Free Trade Port.\n2. Steps: fill in online → upload the documents (ship ownership and pollution-prevention certificates included) → business check (IMO number) → submit → joint review by the competent department (Hainan MSA) and customs within 3 working days → result.\n3. Note: PDF, JPG, PNG or OFD files of at most 10 MB each.');

CREATE TABLE repair_review_attachment (
    id              UUID PRIMARY KEY,
    application_id  UUID NOT NULL REFERENCES repair_application (id),
    reviewer_side   VARCHAR(16) NOT NULL CHECK (reviewer_side IN ('COMPETENT', 'RELATED')),
    file_name       VARCHAR(255) NOT NULL,
    content_type    VARCHAR(100) NOT NULL,
    size_bytes      BIGINT NOT NULL,
    sm3             CHAR(64) NOT NULL,
    object_key      VARCHAR(300) NOT NULL,
    note            VARCHAR(1000),
    uploaded_by     VARCHAR(200) NOT NULL,
    uploaded_at     TIMESTAMPTZ NOT NULL,
    revoked_at      TIMESTAMPTZ                -- 撤销: kept on record, no longer part of the opinion
);
CREATE INDEX repair_review_attachment_application ON repair_review_attachment (application_id);
