-- 合作方模拟器: the service's own schema starts here. Shared tables (outbox, handled events, audit logs, replay guard)
-- come from common-lib's migrations under db/common, tracked in their own history table.
COMMENT ON SCHEMA public IS 'simulators: simulators of partner systems (customs, banks, gates, ticketing, AIS, cameras); never on the production path';
