-- AIS history is append-only and written by binary COPY at tens of thousands of rows a second (docs/port-bench.md).
-- Each row used to cost a sequence value and three B-tree insertions; the id was never read. Track playback keeps
-- its (mmsi, received_at) B-tree; the time-range reads (positions at a moment, reports per hour) use a BRIN index,
-- which fits rows that arrive in time order and costs next to nothing to maintain.
ALTER TABLE ais_position DROP COLUMN id;
DROP INDEX ais_position_time;
CREATE INDEX ais_position_time_brin ON ais_position USING brin (received_at) WITH (pages_per_range = 32);
