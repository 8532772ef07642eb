-- 专用账册: the service's own schema starts here. Shared tables (outbox, handled events, audit logs, replay guard)
-- come from common-lib's migrations under db/common, tracked in their own history table.
COMMENT ON SCHEMA public IS 'ledger-service: zero-tariff, value-added, relaxed-restriction ledgers';
