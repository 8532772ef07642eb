-- S2 通知模版配置 (FP 387–402): the low-altitude system's own notice templates, with the reminder channels (PC,
-- mobile, SMS), whether reporters may subscribe to them, and whether they are in use; and the parameters a
-- template may name ({name}), each enabled or disabled.
CREATE TABLE la_template_param (
    name            VARCHAR(40) PRIMARY KEY,
    description_zh  VARCHAR(100) NOT NULL,
    description_en  VARCHAR(200) NOT NULL,
    enabled         BOOLEAN NOT NULL DEFAULT TRUE,
    updated_by      VARCHAR(100),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE la_notice_template (
    code            VARCHAR(40) PRIMARY KEY,
    name_zh         VARCHAR(100) NOT NULL,
    name_en         VARCHAR(200) NOT NULL,
    content_zh      VARCHAR(500) NOT NULL,
    content_en      VARCHAR(500) NOT NULL,
    channel_pc      BOOLEAN NOT NULL,
    channel_mobile  BOOLEAN NOT NULL,
    channel_sms     BOOLEAN NOT NULL,
    subscribable    BOOLEAN NOT NULL,
    enabled         BOOLEAN NOT NULL DEFAULT TRUE,
    updated_by      VARCHAR(100),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (channel_pc OR channel_mobile OR channel_sms)
);

INSERT INTO la_template_param (name, description_zh, description_en) VALUES
 ('subjectName', '报送主体名称', 'Reporting subject name'),
 ('reportNo', '报送单编号', 'Report number'),
 ('activity', '活动类型（货运/载客）', 'Activity (cargo/passenger)'),
 ('status', '报送单状态', 'Report status'),
 ('reason', '退回或预警原因', 'Reason of the return or warning'),
 ('deadline', '办理期限', 'Deadline');

INSERT INTO la_notice_template (code, name_zh, name_en, content_zh, content_en, channel_pc, channel_mobile, channel_sms,
                                subscribable) VALUES
 ('REPORT_RETURNED', '报送单退回通知', 'Report returned',
  '【低慢小报送】{subjectName} 的报送单 {reportNo} 已退回：{reason}，请于 {deadline} 前更正后重新申报',
  'Report {reportNo} of {subjectName} was returned: {reason}; correct and declare again by {deadline}',
  TRUE, TRUE, TRUE, FALSE),
 ('REPORT_RESULT', '报送审核结果通知', 'Report review result',
  '【低慢小报送】报送单 {reportNo}（{activity}）审核结果：{status}',
  'Review result of report {reportNo} ({activity}): {status}', TRUE, TRUE, FALSE, TRUE),
 ('WARNING_RAISED', '报送预警通知', 'Reporting warning',
  '【低慢小报送预警】{subjectName}：{reason}', 'Low-altitude reporting warning for {subjectName}: {reason}',
  TRUE, FALSE, FALSE, TRUE);
