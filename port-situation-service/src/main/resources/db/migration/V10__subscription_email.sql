-- 预警订阅 by e-mail too: sent sealed through the provincial government mail gateway (partner mail-gateway).
ALTER TABLE alert_subscription DROP CONSTRAINT alert_subscription_channel_check;
ALTER TABLE alert_subscription ADD CONSTRAINT alert_subscription_channel_check
    CHECK (channel IN ('WEBHOOK', 'SMS', 'EMAIL'));
