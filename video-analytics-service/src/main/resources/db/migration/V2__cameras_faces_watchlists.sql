-- 视频分析: cameras, face libraries, captures, watch-list tasks, hits and alerts, behaviour rules, diagnosis standards.

CREATE TABLE camera (
    id             uuid PRIMARY KEY,
    device_code    varchar(64)  NOT NULL UNIQUE,
    name           varchar(128) NOT NULL,
    camera_type    varchar(32)  NOT NULL,
    protocol       varchar(32)  NOT NULL,
    source_url     varchar(1024) NOT NULL,
    port_code      varchar(32),
    location       varchar(256),
    latitude       double precision,
    longitude      double precision,
    sample_fps     double precision NOT NULL DEFAULT 5,
    status         varchar(16)  NOT NULL DEFAULT 'UNKNOWN',
    last_seen_at   timestamptz,
    last_snapshot_key varchar(256),
    created_at     timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE face_base_record (
    id           uuid PRIMARY KEY,
    person_code  varchar(64)  NOT NULL UNIQUE,
    name         varchar(128) NOT NULL,
    id_no        varchar(64),
    source       varchar(64)  NOT NULL,
    photo_key    varchar(256) NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE person_of_interest (
    id                   uuid PRIMARY KEY,
    face_base_record_id  uuid NOT NULL REFERENCES face_base_record (id),
    category             varchar(64)  NOT NULL,
    reason               varchar(512),
    created_by           varchar(128) NOT NULL,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (face_base_record_id, category)
);

-- One row per stored face descriptor, in one of the six feature libraries (FeatureLibraryType).
CREATE TABLE face_feature (
    id                   uuid PRIMARY KEY,
    library              varchar(32)  NOT NULL,
    face_base_record_id  uuid REFERENCES face_base_record (id),
    capture_id           uuid,
    label                varchar(256),
    descriptor           real[]       NOT NULL CHECK (cardinality(descriptor) = 128),
    created_at           timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX face_feature_library ON face_feature (library);

-- 人脸抓拍: a face seen by a camera (device code and capture time required, FP 944–945).
CREATE TABLE face_capture (
    id             uuid PRIMARY KEY,
    camera_id      uuid REFERENCES camera (id),
    device_code    varchar(64)  NOT NULL,
    captured_at    timestamptz  NOT NULL,
    box            real[]       NOT NULL,
    detector_score real         NOT NULL,
    snapshot_key   varchar(256) NOT NULL,
    attributes     jsonb        NOT NULL DEFAULT '{}'::jsonb,
    source         varchar(64)  NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX face_capture_camera_time ON face_capture (camera_id, captured_at);

CREATE TABLE watchlist_task (
    id              uuid PRIMARY KEY,
    name            varchar(128) NOT NULL,
    kind            varchar(32)  NOT NULL,
    status          varchar(32)  NOT NULL,
    max_distance    double precision NOT NULL,
    camera_ids      uuid[]       NOT NULL,
    officers        text[]       NOT NULL,
    organization    varchar(256),
    instruction     varchar(1024),
    alert_level     varchar(16)  NOT NULL,
    created_by      varchar(128) NOT NULL,
    reviewed_by     varchar(128),
    review_comment  varchar(512),
    pending_action  varchar(32),
    requested_by    varchar(128),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    version         int          NOT NULL DEFAULT 0
);

CREATE TABLE watchlist_task_history (
    id          bigserial PRIMARY KEY,
    task_id     uuid NOT NULL REFERENCES watchlist_task (id),
    action      varchar(32)  NOT NULL,
    actor       varchar(128) NOT NULL,
    comment     varchar(512),
    from_status varchar(32)  NOT NULL,
    to_status   varchar(32)  NOT NULL,
    at          timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE watchlist_target (
    id                   uuid PRIMARY KEY,
    task_id              uuid NOT NULL REFERENCES watchlist_task (id),
    face_base_record_id  uuid REFERENCES face_base_record (id),
    label                varchar(256) NOT NULL,
    descriptor           real[]       NOT NULL CHECK (cardinality(descriptor) = 128),
    photo_key            varchar(256)
);

CREATE TABLE watchlist_hit (
    id              uuid PRIMARY KEY,
    alert_id        varchar(64)  NOT NULL UNIQUE,
    task_id         uuid NOT NULL REFERENCES watchlist_task (id),
    target_id       uuid NOT NULL REFERENCES watchlist_target (id),
    capture_id      uuid NOT NULL REFERENCES face_capture (id),
    camera_id       uuid REFERENCES camera (id),
    distance        double precision NOT NULL,
    occurred_at     timestamptz  NOT NULL,
    snapshot_key    varchar(256) NOT NULL,
    recipients      text[]       NOT NULL,
    status          varchar(16)  NOT NULL,
    handled_by      varchar(128),
    handling_result varchar(32),
    handling_note   varchar(1024),
    handled_at      timestamptz,
    UNIQUE (task_id, target_id, capture_id)
);

-- Behaviour analysis and image-quality diagnosis: thresholds are data.
CREATE TABLE behavior_rule (
    id          uuid PRIMARY KEY,
    camera_id   uuid REFERENCES camera (id),
    behavior    varchar(32)  NOT NULL,
    region      real[]       NOT NULL,
    params      jsonb        NOT NULL,
    enabled     boolean      NOT NULL DEFAULT true,
    created_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE diagnosis_standard (
    fault       varchar(32) PRIMARY KEY,
    threshold   double precision NOT NULL,
    description varchar(256) NOT NULL
);

CREATE TABLE analysis_event (
    id          uuid PRIMARY KEY,
    alert_id    varchar(64) NOT NULL UNIQUE,
    camera_id   uuid REFERENCES camera (id),
    source      varchar(256) NOT NULL,
    kind        varchar(32)  NOT NULL,
    code        varchar(32)  NOT NULL,
    started_at_ms bigint     NOT NULL,
    ended_at_ms   bigint     NOT NULL,
    detail      jsonb        NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);

INSERT INTO diagnosis_standard (fault, threshold, description) VALUES
    ('BLUR', 400, 'Laplacian variance of the luma (256-px-wide analysis picture) below this: picture blurred'),
    ('COLOR_CAST', 1.5, 'equivalent-circle cast factor (distance of the mean chroma from neutral / chroma spread) above this: colour cast'),
    ('LOW_CONTRAST', 18, 'luma standard deviation below this: low contrast'),
    ('BRIGHTNESS_LOW', 40, 'mean luma below this: too dark'),
    ('BRIGHTNESS_HIGH', 215, 'mean luma above this: too bright'),
    ('STRIPES', 11, 'peak over mean magnitude of the fine row/column-mean spectrum above this: stripe interference'),
    ('FREEZE', 0.3, 'mean absolute frame difference below this over the window: frozen picture'),
    ('JITTER', 2.5, 'mean global shift between consecutive frames (px of the 256-px-wide analysis picture) above this, without steady drift: jitter'),
    ('OCCLUSION', 0.35, 'share of low-variance dark blocks above this: lens occluded'),
    ('SNOW', 0.05, 'share of isolated impulse pixels above this: snow noise'),
    ('PTZ_FAILURE', 1.5, 'steady drift (px per frame of the 256-px-wide analysis picture) above this with no command: PTZ out of control'),
    ('SIGNAL_LOSS', 0.97, 'share of uniform pixels above this: signal lost');
