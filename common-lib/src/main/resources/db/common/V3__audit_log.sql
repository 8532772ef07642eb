-- 日志审计 — audit logs (passenger FP 97-98 and the log audit of every system). Each log is a hash chain: every row
-- carries the SM3 digest of its content and of the previous row, and audit_chain_head holds the last link, so that
-- editing, deleting or inserting any row is detected by verify().

CREATE TABLE audit_chain_head (
    chain      TEXT PRIMARY KEY,
    last_seq   BIGINT   NOT NULL,
    last_hash  CHAR(64) NOT NULL
);

CREATE TABLE audit_operation_log (
    seq            BIGINT PRIMARY KEY,
    occurred_at    TIMESTAMPTZ NOT NULL,
    actor_id       TEXT,
    actor_name     TEXT,
    roles          TEXT,
    organization   TEXT,
    enterprise     TEXT,
    action         TEXT NOT NULL,
    business_type  TEXT,
    business_id    TEXT,
    result         TEXT NOT NULL CHECK (result IN ('SUCCESS', 'FAILURE')),
    detail         TEXT,
    client_ip      TEXT,
    request_id     TEXT,
    prev_hash      CHAR(64) NOT NULL,
    hash           CHAR(64) NOT NULL
);
CREATE INDEX audit_operation_log_time ON audit_operation_log (occurred_at);
CREATE INDEX audit_operation_log_actor ON audit_operation_log (actor_name, occurred_at);
CREATE INDEX audit_operation_log_enterprise ON audit_operation_log (enterprise, occurred_at);
CREATE INDEX audit_operation_log_business ON audit_operation_log (business_id);

CREATE TABLE audit_login_log (
    seq            BIGINT PRIMARY KEY,
    occurred_at    TIMESTAMPTZ NOT NULL,
    event          TEXT NOT NULL CHECK (event IN ('LOGIN', 'LOGOUT', 'TOKEN_REJECTED')),
    actor_id       TEXT,
    actor_name     TEXT,
    roles          TEXT,
    organization   TEXT,
    enterprise     TEXT,
    result         TEXT NOT NULL CHECK (result IN ('SUCCESS', 'FAILURE')),
    reason         TEXT,
    session_id     TEXT,
    client_ip      TEXT,
    user_agent     TEXT,
    request_id     TEXT,
    prev_hash      CHAR(64) NOT NULL,
    hash           CHAR(64) NOT NULL
);
CREATE INDEX audit_login_log_time ON audit_login_log (occurred_at);
CREATE INDEX audit_login_log_actor ON audit_login_log (actor_name, occurred_at);
CREATE INDEX audit_login_log_session ON audit_login_log (session_id);
