-- The to-do notice channel (统一代办) is stored as PENDING_TASK. V2's CHECK allowed only SMS, PC, MOBILE and the
-- earlier spelling of the to-do channel, so every row outside the first three is a to-do notice: rename it, then
-- replace the CHECK (PostgreSQL named V2's inline constraint notification_record_channel_check).
ALTER TABLE notification_record DROP CONSTRAINT notification_record_channel_check;
UPDATE notification_record SET channel = 'PENDING_TASK' WHERE channel NOT IN ('SMS', 'PC', 'MOBILE');
ALTER TABLE notification_record ADD CONSTRAINT notification_record_channel_check
    CHECK (channel IN ('SMS', 'PENDING_TASK', 'PC', 'MOBILE'));
