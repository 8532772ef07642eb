-- 视频分析: the service's own schema starts here. Shared tables (outbox, handled events, audit logs, replay guard)
-- come from common-lib's migrations under db/common, tracked in their own history table.
COMMENT ON SCHEMA public IS 'video-analytics-service: cameras, face library and search, watch-lists, behaviour detection';
