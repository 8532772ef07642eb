-- 自主编号规则生效: a rule draws numbers only while it is in effect; the enterprise switches it off and on without
-- losing its sequence.
ALTER TABLE item_numbering_rule ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT TRUE;
