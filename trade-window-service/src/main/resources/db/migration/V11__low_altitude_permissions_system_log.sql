-- S2 权限管理 (FP 430–441): the government end's menu resources (data), permission groups, the menus each group
-- grants and the users or organisations in each group (权限组关系).
CREATE TABLE la_menu_resource (
    code            VARCHAR(40) PRIMARY KEY,
    parent_code     VARCHAR(40) REFERENCES la_menu_resource (code),
    name_zh         VARCHAR(100) NOT NULL,
    name_en         VARCHAR(200) NOT NULL,
    -- the API path (under /api/trade-window/v1/low-altitude) its screens call; null for a folder
    api_prefix      VARCHAR(100),
    sort_order      INT NOT NULL
);

CREATE TABLE la_permission_group (
    code            VARCHAR(40) PRIMARY KEY,
    name_zh         VARCHAR(100) NOT NULL,
    name_en         VARCHAR(200) NOT NULL,
    description     VARCHAR(500),
    source_menu     VARCHAR(40) REFERENCES la_menu_resource (code),
    updated_by      VARCHAR(200) NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE la_permission_group_menu (
    group_code      VARCHAR(40) NOT NULL REFERENCES la_permission_group (code) ON DELETE CASCADE,
    menu_code       VARCHAR(40) NOT NULL REFERENCES la_menu_resource (code),
    PRIMARY KEY (group_code, menu_code)
);

CREATE TABLE la_permission_group_member (
    group_code      VARCHAR(40) NOT NULL REFERENCES la_permission_group (code) ON DELETE CASCADE,
    member_type     VARCHAR(16) NOT NULL CHECK (member_type IN ('USER', 'ORGANIZATION')),
    member          VARCHAR(200) NOT NULL,
    PRIMARY KEY (group_code, member_type, member)
);
CREATE INDEX la_permission_group_member_member ON la_permission_group_member (member_type, member);

INSERT INTO la_menu_resource (code, parent_code, name_zh, name_en, api_prefix, sort_order) VALUES
 ('LA_REPORTS', NULL, '报送信息管理', 'Activity reports', '/reports', 10),
 ('LA_SUBJECTS', NULL, '报送主体登记信息管理', 'Reporting subjects', '/subjects', 20),
 ('LA_WARNINGS', NULL, '预警信息管理', 'Warnings', '/warning', 30),
 ('LA_STATISTICS', NULL, '报送信息统计分析', 'Statistics', '/statistics', 40),
 ('LA_CREDIT', NULL, '报送主体信用管理', 'Subject credit', NULL, 50),
 ('LA_CREDIT_REPORTS', 'LA_CREDIT', '信用报告', 'Credit reports', '/credit-reports', 51),
 ('LA_NEGATIVE_LIST', 'LA_CREDIT', '负面清单', 'Negative list', '/negative-list', 52),
 ('LA_CREDIT_CORRECTIONS', 'LA_CREDIT', '数据纠偏', 'Credit-data corrections', '/credit-corrections', 53),
 ('LA_CONFIG', NULL, '系统配置管理', 'System configuration', NULL, 60),
 ('LA_TEMPLATES', 'LA_CONFIG', '通知模版配置', 'Notice templates', '/notice-template', 61),
 ('LA_NOTICES', 'LA_CONFIG', '政策与公告推送', 'Policies and announcements', '/notices', 62),
 ('LA_OPERATION_LOG', 'LA_CONFIG', '操作日志', 'Operation log', '/operation-logs', 63),
 ('LA_SYSTEM_LOG', 'LA_CONFIG', '系统日志', 'System log', '/system-logs', 64),
 ('LA_PERMISSIONS', 'LA_CONFIG', '权限管理', 'Permissions', '/permissions', 65);

-- S2 系统日志 (FP 411–419): what the system itself did or refused, as opposed to the users' changes (操作日志, from
-- the audit chain): warning scans, failed logic checks, requests refused by a permission group.
CREATE TABLE la_system_log (
    seq             BIGSERIAL PRIMARY KEY,
    occurred_at     TIMESTAMPTZ NOT NULL,
    level           VARCHAR(8) NOT NULL CHECK (level IN ('INFO', 'WARN', 'ERROR')),
    category        VARCHAR(20) NOT NULL,
    event           VARCHAR(60) NOT NULL,
    actor_name      VARCHAR(200),
    business_id     VARCHAR(100),
    detail          VARCHAR(2000) NOT NULL
);
CREATE INDEX la_system_log_time ON la_system_log (occurred_at DESC);
