-- 系统管理 — the shared system administration of a service (cn.hnsw.common.admin): its menu (which console entries
-- each role sees, edited as data) and the sign-in events pulled from the identity provider (登录日志).

CREATE TABLE admin_menu (
    id          UUID PRIMARY KEY,
    parent_id   UUID REFERENCES admin_menu (id),
    code        TEXT NOT NULL UNIQUE,
    name_zh     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    path        TEXT,
    icon        TEXT,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    roles       TEXT[] NOT NULL DEFAULT '{}',
    enabled     BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by  TEXT
);
CREATE INDEX admin_menu_parent ON admin_menu (parent_id, sort_order);

CREATE TABLE admin_login_event (
    event_id     TEXT PRIMARY KEY,
    occurred_at  TIMESTAMPTZ NOT NULL,
    type         TEXT NOT NULL,
    user_id      TEXT,
    username     TEXT,
    client_id    TEXT,
    session_id   TEXT,
    ip_address   TEXT,
    error        TEXT,
    pulled_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX admin_login_event_time ON admin_login_event (occurred_at);
CREATE INDEX admin_login_event_user ON admin_login_event (username, occurred_at);
