-- 海关应用: the service's own schema starts here. Shared tables (outbox, handled events, audit logs, replay guard)
-- come from common-lib's migrations under db/common, tracked in their own history table.
COMMENT ON SCHEMA public IS 'customs-service: identity binding, clearance declarations, deposits, inspection booking, zero-tariff drugs';
