-- 布控反馈服务: where a face-image or face-base watch-list hit is fed back besides the task's own officers
-- (a duty desk, a command centre seat). Enabled services of the hit task's kind add their recipients to its alert.
CREATE TABLE watchlist_feedback_service (
    id          uuid PRIMARY KEY,
    kind        varchar(32)  NOT NULL CHECK (kind IN ('FACE_IMAGE', 'FACE_BASE')),
    name        varchar(128) NOT NULL,
    recipients  varchar(128)[] NOT NULL,
    enabled     boolean      NOT NULL DEFAULT true,
    created_by  varchar(128) NOT NULL,
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX watchlist_feedback_service_kind ON watchlist_feedback_service (kind, enabled);
