-- AIS history as track segments (航迹段): instead of one row per position report, one row per vessel and flush of the
-- writer (about a second under load, at most 60 s and 500 points), the points as parallel arrays. Every report is kept;
-- what shrinks is the per-row cost (heap tuple, WAL record, index entries), which made PostgreSQL the slowest stage of
-- the pipeline (docs/port-bench.md). Reads unnest the arrays; a segment's first_at bounds its points from below and
-- first_at + 60 s from above, which is how the reads find segments by time.
CREATE TABLE ais_track_segment (
    mmsi        int NOT NULL,
    first_at    timestamptz NOT NULL,
    last_at     timestamptz NOT NULL,
    points      int NOT NULL CHECK (points > 0),
    received_at timestamptz[] NOT NULL,
    latitude    double precision[] NOT NULL,
    longitude   double precision[] NOT NULL,
    sog_knots   real[] NOT NULL,
    cog_degrees real[] NOT NULL,
    heading     int[] NOT NULL,
    nav_status  text[] NOT NULL,
    feeder      text[] NOT NULL
);
CREATE INDEX ais_track_segment_track ON ais_track_segment (mmsi, first_at);
CREATE INDEX ais_track_segment_time ON ais_track_segment (first_at);

-- What was written one row per report moves over, a segment per vessel and minute.
INSERT INTO ais_track_segment (mmsi, first_at, last_at, points, received_at, latitude, longitude, sog_knots,
                               cog_degrees, heading, nav_status, feeder)
SELECT mmsi, min(received_at), max(received_at), count(*),
       array_agg(received_at ORDER BY received_at), array_agg(latitude ORDER BY received_at),
       array_agg(longitude ORDER BY received_at), array_agg(sog_knots ORDER BY received_at),
       array_agg(cog_degrees ORDER BY received_at), array_agg(heading ORDER BY received_at),
       array_agg(nav_status ORDER BY received_at), array_agg(feeder ORDER BY received_at)
FROM ais_position
GROUP BY mmsi, date_trunc('minute', received_at);

DROP TABLE ais_position;
