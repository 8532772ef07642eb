-- 二线报关单调取核注清单规则设置 / 核注清单校验规则设置 as operators' settings (FP 263–287, 1004–1028): rules officers
-- add beside the seeded ones (only added ones are deleted; a seeded one is switched off), a check added as another
-- instance of a checked kind with its own parameter and messages, and the log of every addition, change and deletion
-- with the rule as it was afterwards.
ALTER TABLE verification_list_fill_rule ADD COLUMN origin varchar(10) NOT NULL DEFAULT 'SEEDED'
    CHECK (origin IN ('SEEDED', 'ADDED'));
ALTER TABLE verification_list_check ADD COLUMN origin varchar(10) NOT NULL DEFAULT 'SEEDED'
    CHECK (origin IN ('SEEDED', 'ADDED'));
ALTER TABLE verification_list_check ADD COLUMN kind varchar(60);
UPDATE verification_list_check SET kind = code;
ALTER TABLE verification_list_check ALTER COLUMN kind SET NOT NULL;

CREATE TABLE second_line_rule_log (
    id          bigserial    PRIMARY KEY,
    rule_family varchar(10)  NOT NULL CHECK (rule_family IN ('FILL', 'CHECK', 'WRITE_OFF')),
    rule_key    varchar(60)  NOT NULL,
    action      varchar(10)  NOT NULL CHECK (action IN ('ADDED', 'CHANGED', 'ENABLED', 'DISABLED', 'DELETED')),
    version     int          NOT NULL,
    snapshot    text         NOT NULL,
    changed_by  varchar(100) NOT NULL,
    changed_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX second_line_rule_log_key ON second_line_rule_log (rule_family, rule_key, id DESC);
