-- Issue 5, session 7: 账册服务待办提醒 (FP 1465). Each user's last acknowledgement of its to-do reminder: the to-dos
-- that came (or changed) after it are the ones the reminder names.
CREATE TABLE pending_reminder_seen (
    username    VARCHAR(100) PRIMARY KEY,
    enterprise  VARCHAR(18)  NOT NULL,
    seen_at     TIMESTAMPTZ  NOT NULL
);
