-- AIS track segments (航迹段) store their points as ONE packed bytea a segment instead of eight arrays (two of text).
-- A profile of the AIS bench put PostgreSQL's per-element array input (a length, a receive function call and, for
-- text, a UTF-8 check per element of every array) at the top of its CPU a position report (docs/port-bench.md,
-- session 8); a bytea is copied in as it comes. The record of a point (35 bytes, network byte order as int4send and
-- float8send write it) is documented in cn.hnsw.portsituation.ais.TrackSegmentCodec, which the service reads it with;
-- the feeders' names are a small per-segment dictionary (feeders text[], usually one name) the points index.
-- Existing rows are converted here, point by point, so every report stays in the history; then the arrays go.
ALTER TABLE ais_track_segment
    ADD COLUMN packed bytea,
    ADD COLUMN feeders text[];

-- the segment's feeders in order of first appearance
UPDATE ais_track_segment s
SET feeders = (SELECT array_agg(d.f ORDER BY d.first_n)
               FROM (SELECT u.f, min(u.n) AS first_n
                     FROM unnest(s.feeder) WITH ORDINALITY AS u(f, n)
                     GROUP BY u.f) d);

UPDATE ais_track_segment s
SET packed = (SELECT string_agg(
                         int4send((extract(epoch FROM p.at - s.first_at) * 1000000)::bigint::int)
                             || float8send(p.latitude)
                             || float8send(p.longitude)
                             || float4send(coalesce(p.sog, 0))
                             || float4send(coalesce(p.cog, 0))
                             || int2send(coalesce(p.heading, 0)::smallint)
                             || int2send(coalesce(p.nav::smallint, 0::smallint))
                             || int2send((array_position(s.feeders, p.feeder) - 1)::smallint)
                             || set_byte('\x00'::bytea, 0,
                                         (CASE WHEN p.sog IS NULL THEN 1 ELSE 0 END)
                                             | (CASE WHEN p.cog IS NULL THEN 2 ELSE 0 END)
                                             | (CASE WHEN p.heading IS NULL THEN 4 ELSE 0 END)
                                             | (CASE WHEN p.nav IS NULL THEN 8 ELSE 0 END)),
                         ''::bytea ORDER BY p.n)
              FROM unnest(s.received_at, s.latitude, s.longitude, s.sog_knots, s.cog_degrees, s.heading,
                          s.nav_status, s.feeder)
                       WITH ORDINALITY AS p(at, latitude, longitude, sog, cog, heading, nav, feeder, n));

ALTER TABLE ais_track_segment
    ALTER COLUMN packed SET NOT NULL,
    ALTER COLUMN feeders SET NOT NULL,
    -- stored out of line without compression, as the arrays were since V18 (pglz cost a third of PostgreSQL's CPU)
    ALTER COLUMN packed SET STORAGE EXTERNAL,
    ADD CONSTRAINT ais_track_segment_packed_points CHECK (octet_length(packed) = points * 35),
    DROP COLUMN received_at,
    DROP COLUMN latitude,
    DROP COLUMN longitude,
    DROP COLUMN sog_knots,
    DROP COLUMN cog_degrees,
    DROP COLUMN heading,
    DROP COLUMN nav_status,
    DROP COLUMN feeder;
