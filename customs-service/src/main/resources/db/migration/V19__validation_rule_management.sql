-- 校验规则管理 (FP 675–681): rules officers add beside the seeded ones (only those are deleted; a seeded rule is
-- switched off instead), and the log of every addition, change and deletion with the rule as it was afterwards.
ALTER TABLE validation_rule ADD COLUMN origin varchar(10) NOT NULL DEFAULT 'SEEDED' CHECK (origin IN ('SEEDED', 'ADDED'));

CREATE TABLE validation_rule_log (
    id          bigserial    PRIMARY KEY,
    code        varchar(60)  NOT NULL,
    action      varchar(10)  NOT NULL CHECK (action IN ('ADDED', 'CHANGED', 'DELETED')),
    version     int          NOT NULL,
    snapshot    text         NOT NULL,
    changed_by  varchar(100) NOT NULL,
    changed_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX validation_rule_log_code ON validation_rule_log (code, id DESC);
