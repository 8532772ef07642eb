-- 随机布控: a random-control task has no targets; it selects a share of the faces captured on its cameras for a check.
ALTER TABLE watchlist_task ADD COLUMN sampling_rate double precision
    CHECK (sampling_rate IS NULL OR (sampling_rate > 0 AND sampling_rate <= 1));
ALTER TABLE watchlist_hit ALTER COLUMN target_id DROP NOT NULL;
