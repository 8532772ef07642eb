-- 实时视频 (S1 FP 39–42, 81–84, 133–136, 220–224; S2 FP 407, 408, 454, 455): a camera of the base data is reached
-- through the networked video (transcoding) platform it is registered on, under that platform's device code; the
-- camera watches (监控) gates and areas, each watch putting it on a video wall: a gate's wall (entry, diversion, release,
-- inspection lane, pre-judgement, release control), the clearance-efficiency page's walls (boarding gate, inspection
-- area, manual security check, fence, departure lane) and the key-area walls of the panoramic maps.
ALTER TABLE camera ADD COLUMN platform_code text REFERENCES video_platform (code) ON UPDATE CASCADE ON DELETE SET NULL;
ALTER TABLE camera ADD COLUMN platform_device_code text;

CREATE TABLE camera_watch (
    camera_code  text NOT NULL REFERENCES camera (code) ON UPDATE CASCADE ON DELETE CASCADE,
    wall         text NOT NULL CHECK (wall IN ('GATE', 'EFFICIENCY', 'KEY_AREA')),
    role         text NOT NULL CHECK (role IN ('ENTRY', 'DIVERSION', 'RELEASE', 'INSPECTION_LANE', 'PRE_JUDGEMENT',
                                               'RELEASE_CONTROL', 'BOARDING_GATE', 'INSPECTION_AREA',
                                               'MANUAL_SECURITY', 'FENCE', 'DEPARTURE_LANE', 'KEY_AREA')),
    -- the gate (wall GATE) or the zone (other walls; empty: the port as a whole) the camera watches
    target_code  text NOT NULL DEFAULT '',
    sort_order   int NOT NULL DEFAULT 0,
    PRIMARY KEY (camera_code, wall, role, target_code)
);
CREATE INDEX camera_watch_target ON camera_watch (wall, target_code);
