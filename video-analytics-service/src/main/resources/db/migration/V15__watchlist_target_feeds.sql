-- 布控对象接入: a face data feed may feed a face-base watch-list task. Each record it stores (or finds already
-- stored) also becomes a target of that task, once.
ALTER TABLE face_data_feed ADD COLUMN watchlist_task_id uuid REFERENCES watchlist_task (id);
