-- 黑名单变更记录: every addition to the pilot blacklist, every edit of its reason and every removal, with who, when
-- and why, and the audit-chain sequence under which the change's SM3 hash is anchored. Rows are only ever inserted.
CREATE TABLE blacklist_change (
    id            UUID PRIMARY KEY,
    entry_id      UUID NOT NULL REFERENCES blacklist_entry (id),
    action        VARCHAR(16) NOT NULL CHECK (action IN ('ADD', 'EDIT', 'REMOVE')),
    reason_before VARCHAR(1000),
    reason_after  VARCHAR(1000),
    change_reason VARCHAR(1000) NOT NULL,
    actor_name    VARCHAR(200) NOT NULL,
    changed_at    TIMESTAMPTZ NOT NULL,
    sm3           VARCHAR(64) NOT NULL,
    audit_seq     BIGINT NOT NULL
);
CREATE INDEX blacklist_change_entry ON blacklist_change (entry_id, changed_at);
ALTER TABLE blacklist_entry ADD COLUMN updated_at TIMESTAMPTZ;
ALTER TABLE blacklist_entry ADD COLUMN updated_by VARCHAR(200);
