-- 权限管理、菜单管理、运行维护 (FP 606–648): the port organisations, users, roles and permissions (RBAC), the menus the
-- permissions open, and the system run log. The operation log is common-lib's audit table.

-- 权限信息: the catalogue of permissions; a MENU permission opens one menu, a DATA permission a port's data.
CREATE TABLE port_permission (
    code        text PRIMARY KEY,
    name_zh     text NOT NULL,
    name_en     text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('MENU', 'DATA', 'ACTION')),
    sort_order  int  NOT NULL DEFAULT 0
);

INSERT INTO port_permission (code, name_zh, name_en, kind, sort_order) VALUES
 ('PORT_BIG_SCREEN',   '一张图大屏',     'One-map big screen',          'MENU', 1),
 ('PORT_MONITORING',   '实时监测',       'Real-time monitoring',        'MENU', 2),
 ('PORT_ALERTS',       '预警管理',       'Alerts',                      'MENU', 3),
 ('PORT_GATES',        '卡口管理',       'Gates',                       'MENU', 4),
 ('PORT_BASE_DATA',    '基础信息维护',   'Base data',                   'MENU', 5),
 ('PORT_CAMERAS',      '高低点摄像机',   'High and low cameras',        'MENU', 6),
 ('PORT_SUBSCRIPTIONS','订阅管理',       'Subscriptions',               'MENU', 7),
 ('PORT_ADMIN',        '系统管理',       'System administration',       'MENU', 8),
 ('ALERT_HANDLE',      '预警处置',       'Handle alerts',               'ACTION', 20),
 ('DATA_ALL_PORTS',    '全部口岸数据',   'Data of all ports',           'DATA', 30);

-- 口岸机构: the port organisations (units of the supervising bodies and the port operators), a tree.
CREATE TABLE port_org (
    id          uuid PRIMARY KEY,
    code        text NOT NULL UNIQUE,
    name_zh     text NOT NULL,
    name_en     text,
    parent_code text REFERENCES port_org (code),
    port_code   text REFERENCES port (code),
    description text,
    updated_by  text NOT NULL,
    updated_at  timestamptz NOT NULL
);

INSERT INTO port_org (id, code, name_zh, name_en, parent_code, port_code, updated_by, updated_at) VALUES
 ('6a1f0b52-0001-4c36-9d1e-000000000001', 'HN_COMMAND',  '海南口岸指挥中心', 'Hainan port command centre', NULL, NULL, 'system', now()),
 ('6a1f0b52-0001-4c36-9d1e-000000000002', 'HAIKOU_CUSTOMS_PORT', '海口港海关', 'Haikou Port Customs', 'HN_COMMAND', 'XIUYING_PORT', 'system', now()),
 ('6a1f0b52-0001-4c36-9d1e-000000000003', 'XINHAI_DUTY', '新海港值班室', 'Xinhai duty office', 'HN_COMMAND', 'XINHAI_PORT', 'system', now()),
 ('6a1f0b52-0001-4c36-9d1e-000000000004', 'YANGPU_DUTY', '洋浦港值班室', 'Yangpu duty office', 'HN_COMMAND', 'YANGPU_PORT', 'system', now());

-- 口岸角色.
CREATE TABLE port_role (
    id          uuid PRIMARY KEY,
    code        text NOT NULL UNIQUE,
    name_zh     text NOT NULL,
    name_en     text,
    description text,
    updated_by  text NOT NULL,
    updated_at  timestamptz NOT NULL
);

INSERT INTO port_role (id, code, name_zh, name_en, description, updated_by, updated_at) VALUES
 ('6a1f0b52-0002-4c36-9d1e-000000000001', 'COMMANDER', '指挥长', 'Commander', '全部菜单与全部口岸数据', 'system', now()),
 ('6a1f0b52-0002-4c36-9d1e-000000000002', 'DUTY_OFFICER', '值班员', 'Duty officer', '大屏、监测与预警处置', 'system', now());

CREATE TABLE port_role_permission (
    role_code       text NOT NULL REFERENCES port_role (code) ON DELETE CASCADE ON UPDATE CASCADE,
    permission_code text NOT NULL REFERENCES port_permission (code),
    PRIMARY KEY (role_code, permission_code)
);

INSERT INTO port_role_permission (role_code, permission_code)
SELECT 'COMMANDER', code FROM port_permission;
INSERT INTO port_role_permission (role_code, permission_code) VALUES
 ('DUTY_OFFICER', 'PORT_BIG_SCREEN'), ('DUTY_OFFICER', 'PORT_MONITORING'), ('DUTY_OFFICER', 'PORT_ALERTS'),
 ('DUTY_OFFICER', 'ALERT_HANDLE');

-- 口岸用户: a login (the user name of the identity provider) registered with an organisation.
CREATE TABLE port_user (
    id           uuid PRIMARY KEY,
    code         text NOT NULL UNIQUE,
    name_zh      text NOT NULL,
    name_en      text,
    org_code     text NOT NULL REFERENCES port_org (code),
    phone        text,
    enabled      boolean NOT NULL DEFAULT true,
    updated_by   text NOT NULL,
    updated_at   timestamptz NOT NULL
);

CREATE TABLE port_user_role (
    user_code text NOT NULL REFERENCES port_user (code) ON DELETE CASCADE,
    role_code text NOT NULL REFERENCES port_role (code) ON DELETE CASCADE ON UPDATE CASCADE,
    PRIMARY KEY (user_code, role_code)
);

CREATE TABLE port_user_permission (
    user_code       text NOT NULL REFERENCES port_user (code) ON DELETE CASCADE,
    permission_code text NOT NULL REFERENCES port_permission (code),
    PRIMARY KEY (user_code, permission_code)
);

-- 菜单: the port situation menus, each opened by one permission; a disabled menu is shown to nobody.
CREATE TABLE port_menu (
    id              uuid PRIMARY KEY,
    code            text NOT NULL UNIQUE,
    name_zh         text NOT NULL,
    name_en         text,
    parent_code     text REFERENCES port_menu (code),
    path            text NOT NULL,
    permission_code text NOT NULL REFERENCES port_permission (code),
    sort_order      int  NOT NULL DEFAULT 0,
    enabled         boolean NOT NULL DEFAULT true,
    updated_by      text NOT NULL,
    updated_at      timestamptz NOT NULL
);

INSERT INTO port_menu (id, code, name_zh, name_en, path, permission_code, sort_order, updated_by, updated_at) VALUES
 ('6a1f0b52-0003-4c36-9d1e-000000000001', 'BIG_SCREEN', '一张图', 'One map', '/big-screen/situation', 'PORT_BIG_SCREEN', 1, 'system', now()),
 ('6a1f0b52-0003-4c36-9d1e-000000000002', 'MONITORING', '实时监测', 'Monitoring', '/officer/port-monitoring', 'PORT_MONITORING', 2, 'system', now()),
 ('6a1f0b52-0003-4c36-9d1e-000000000003', 'ALERTS', '预警管理', 'Alerts', '/officer/alerts', 'PORT_ALERTS', 3, 'system', now()),
 ('6a1f0b52-0003-4c36-9d1e-000000000004', 'BASE_DATA', '基础信息维护', 'Base data', '/operator/base-data', 'PORT_BASE_DATA', 4, 'system', now()),
 ('6a1f0b52-0003-4c36-9d1e-000000000005', 'CAMERAS', '高低点摄像机', 'Cameras', '/operator/cameras', 'PORT_CAMERAS', 5, 'system', now()),
 ('6a1f0b52-0003-4c36-9d1e-000000000006', 'SUBSCRIPTIONS', '订阅管理', 'Subscriptions', '/operator/alert-subscriptions', 'PORT_SUBSCRIPTIONS', 6, 'system', now()),
 ('6a1f0b52-0003-4c36-9d1e-000000000007', 'ADMIN', '系统管理', 'Administration', '/operator/port-admin', 'PORT_ADMIN', 7, 'system', now());

-- 系统运行日志: what the service itself reported (its warnings and errors, and its event lines), kept 90 days.
CREATE TABLE run_log (
    id         bigserial PRIMARY KEY,
    logged_at  timestamptz NOT NULL,
    level      text NOT NULL,
    logger     text NOT NULL,
    thread     text,
    message    text NOT NULL
);
CREATE INDEX run_log_time ON run_log (logged_at);
