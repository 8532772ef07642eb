-- 旅客通关服务: the service's own schema starts here. Shared tables (outbox, handled events, audit logs, replay guard)
-- come from common-lib's migrations under db/common, tracked in their own history table.
COMMENT ON SCHEMA public IS 'passenger-service: passenger clearance, online tax, certificates, inspection channels';
