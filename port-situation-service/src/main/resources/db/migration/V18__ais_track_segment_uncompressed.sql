-- AIS track segments (航迹段) are written many times a second and read seldom. PostgreSQL compressed each segment's
-- arrays with pglz on the way in: a profile of the AIS bench (perf on the PostgreSQL backends) put pglz_compress at a
-- third of PostgreSQL's CPU per position report, the largest single cost of persistence (docs/port-bench.md). The
-- arrays are now stored out of line without compression (STORAGE EXTERNAL): more disk per point (about 60 bytes
-- instead of 30 to 40), much less CPU per point. Rows already written keep their form; reads see no difference.
ALTER TABLE ais_track_segment
    ALTER COLUMN received_at SET STORAGE EXTERNAL,
    ALTER COLUMN latitude SET STORAGE EXTERNAL,
    ALTER COLUMN longitude SET STORAGE EXTERNAL,
    ALTER COLUMN sog_knots SET STORAGE EXTERNAL,
    ALTER COLUMN cog_degrees SET STORAGE EXTERNAL,
    ALTER COLUMN heading SET STORAGE EXTERNAL,
    ALTER COLUMN nav_status SET STORAGE EXTERNAL,
    ALTER COLUMN feeder SET STORAGE EXTERNAL;
