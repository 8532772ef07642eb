-- 风险车辆布控: a watch-list target is a face descriptor or a licence-plate number; a hit on a plate has no face capture.
ALTER TABLE watchlist_target ALTER COLUMN descriptor DROP NOT NULL;
ALTER TABLE watchlist_target ADD COLUMN plate_number varchar(16);
ALTER TABLE watchlist_target ADD CONSTRAINT watchlist_target_face_or_plate
    CHECK ((descriptor IS NOT NULL) <> (plate_number IS NOT NULL));
CREATE INDEX watchlist_target_plate ON watchlist_target (plate_number) WHERE plate_number IS NOT NULL;

ALTER TABLE watchlist_hit ALTER COLUMN capture_id DROP NOT NULL;
ALTER TABLE watchlist_hit ADD COLUMN plate_number varchar(16);
ALTER TABLE watchlist_hit ADD CONSTRAINT watchlist_hit_capture_or_plate
    CHECK (capture_id IS NOT NULL OR plate_number IS NOT NULL);
