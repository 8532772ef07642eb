-- 监管场景配置管理 and 扩展性配置管理: where the cameras work. A venue (运行场所: an airport terminal, a port hall)
-- holds supervision scenes (监管场景: a departure channel, a vehicle inspection area); a scene binds cameras and
-- names the analysis kinds that suit it.

CREATE TABLE venue (
    id          uuid PRIMARY KEY,
    code        varchar(64)  NOT NULL UNIQUE,
    name        varchar(128) NOT NULL,
    port_code   varchar(32),
    address     varchar(256),
    created_by  varchar(128) NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE supervision_scene (
    id              uuid PRIMARY KEY,
    code            varchar(64)  NOT NULL UNIQUE,
    name            varchar(128) NOT NULL,
    scene_type      varchar(32)  NOT NULL,
    analysis_kinds  varchar(32)[] NOT NULL DEFAULT '{}',
    venue_id        uuid REFERENCES venue (id),
    created_by      varchar(128) NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE scene_camera (
    scene_id   uuid NOT NULL REFERENCES supervision_scene (id) ON DELETE CASCADE,
    camera_id  uuid NOT NULL REFERENCES camera (id) ON DELETE CASCADE,
    PRIMARY KEY (scene_id, camera_id)
);
