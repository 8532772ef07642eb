-- 移动单兵应用: what an officer's handheld (or AR glasses) receives, as the officer's own feeds per channel, each
-- optionally narrowed to some cameras.
CREATE TABLE mobile_feed (
    id          uuid PRIMARY KEY,
    officer     varchar(128) NOT NULL,
    channel     varchar(32)  NOT NULL,
    name        varchar(128) NOT NULL,
    camera_ids  uuid[]       NOT NULL DEFAULT '{}',
    enabled     boolean      NOT NULL DEFAULT true,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX mobile_feed_officer ON mobile_feed (officer, channel);
