-- 单一窗口应用: the service's own schema starts here. Shared tables (outbox, handled events, audit logs, replay guard)
-- come from common-lib's migrations under db/common, tracked in their own history table.
COMMENT ON SCHEMA public IS 'trade-window-service: VA pilot approval, low-altitude flights, repair re-entry, declaration conversion, trade zone';
