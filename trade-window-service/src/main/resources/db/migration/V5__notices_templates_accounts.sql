-- S1 消息配置管理 (FP 398–412) and 部门账号管理 (FP 393–397).
-- Message templates (消息内容模板): the text of each notice, in Chinese and English, with {placeholders}.
CREATE TABLE message_template (
    code        VARCHAR(40) PRIMARY KEY,
    name_zh     VARCHAR(100) NOT NULL,
    name_en     VARCHAR(200) NOT NULL,
    content_zh  VARCHAR(500) NOT NULL,
    content_en  VARCHAR(500) NOT NULL,
    updated_by  VARCHAR(100),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Notification configuration (消息通知配置): per event, which template and which channels: the unified to-do of
-- 海易办/海政通 to the organisation (to_unit), and SMS to the department accounts of that organisation (sms); for
-- the enterprise's status message, SMS goes to the enterprise.
CREATE TABLE notification_config (
    event          VARCHAR(40) PRIMARY KEY,
    name_zh        VARCHAR(100) NOT NULL,
    name_en        VARCHAR(200) NOT NULL,
    template_code  VARCHAR(40) NOT NULL REFERENCES message_template (code),
    to_unit        BOOLEAN NOT NULL,
    sms            BOOLEAN NOT NULL,
    enabled        BOOLEAN NOT NULL DEFAULT TRUE,
    updated_by     VARCHAR(100),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Department accounts (部门账号): who in each approving organisation receives SMS notices, and at which step role.
CREATE TABLE department_account (
    id            UUID PRIMARY KEY,
    username      VARCHAR(100) NOT NULL UNIQUE,
    display_name  VARCHAR(100) NOT NULL,
    org_path      VARCHAR(300) NOT NULL,
    role          VARCHAR(40) NOT NULL CHECK (role IN ('gov-county-unit', 'gov-county', 'gov-provincial-dept', 'gov-province')),
    mobile        VARCHAR(20),
    enabled       BOOLEAN NOT NULL DEFAULT TRUE,
    updated_by    VARCHAR(100),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX department_account_org ON department_account (org_path);

-- Notices are written PENDING in the decision's transaction and sent by NoticeDispatcher afterwards.
ALTER TABLE notification_record ADD COLUMN attempts INT NOT NULL DEFAULT 0;
ALTER TABLE notification_record ADD COLUMN sent_at TIMESTAMPTZ;
CREATE INDEX notification_record_pending ON notification_record (created_at) WHERE status = 'PENDING';

-- 已办 lists read the decisions of one user.
CREATE INDEX approval_opinion_actor ON approval_opinion (actor_name, created_at DESC);

INSERT INTO message_template (code, name_zh, name_en, content_zh, content_en) VALUES
 ('TASK', '待办通知', 'Task notice',
  '【待办】{enterprise} 加工增值试点申请（{caseNumber}）待{step}，请于 {due} 前办理',
  'Pending your approval: {stepEn} of the pilot application of {enterprise} ({caseNumber}), by {due}'),
 ('STATUS', '办件状态短信', 'Status SMS',
  '【海南国际贸易单一窗口】您的加工增值试点申请（{caseNumber}）状态：{status}',
  'Your pilot application ({caseNumber}) is now {status}'),
 ('COPY', '抄送通知', 'Copy notice',
  '【抄送】{from} 抄送 {enterprise} 加工增值试点申请（{caseNumber}）',
  'Copied to you for information by {from}: pilot application of {enterprise} ({caseNumber})'),
 ('WARN_DUE_SOON', '审批即将到期提醒', 'Approval due soon',
  '【审批即将到期】{enterprise} 加工增值试点申请（{caseNumber}）{step}，剩余 {daysLeft} 个工作日',
  'Approval due soon: {stepEn} of case {caseNumber}, {daysLeft} working days left'),
 ('WARN_OVERDUE', '审批超期提醒', 'Approval overdue',
  '【审批超期】{enterprise} 加工增值试点申请（{caseNumber}）{step}，剩余 {daysLeft} 个工作日',
  'Approval overdue: {stepEn} of case {caseNumber}, {daysLeft} working days left');

INSERT INTO notification_config (event, name_zh, name_en, template_code, to_unit, sms) VALUES
 ('TASK', '审批待办', 'Approval task', 'TASK', TRUE, FALSE),
 ('STATUS', '办件状态变更', 'Application status change', 'STATUS', FALSE, TRUE),
 ('COPY', '抄送', 'Copy-to', 'COPY', TRUE, FALSE),
 ('WARN_DUE_SOON', '审批即将到期', 'Approval due soon', 'WARN_DUE_SOON', TRUE, FALSE),
 ('WARN_OVERDUE', '审批超期', 'Approval overdue', 'WARN_OVERDUE', TRUE, FALSE);
