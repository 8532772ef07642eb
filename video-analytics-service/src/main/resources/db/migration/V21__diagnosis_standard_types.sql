-- 诊断标准类型 (FP 922–929): a standard type is a named set of thresholds over the eleven measured faults. A type
-- overrides some thresholds of the base standard (diagnosis_standard) and takes the base value for the others, so
-- no new detector is needed. Built-in types cannot be deleted; a type an analysis task names cannot be deleted.
CREATE TABLE diagnosis_standard_type (
    code        varchar(64)  PRIMARY KEY,
    name_zh     varchar(128) NOT NULL,
    name_en     varchar(128) NOT NULL,
    builtin     boolean      NOT NULL DEFAULT false,
    created_by  varchar(64)  NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_by  varchar(64),
    updated_at  timestamptz
);

CREATE TABLE diagnosis_standard_type_threshold (
    type_code   varchar(64) NOT NULL REFERENCES diagnosis_standard_type (code) ON DELETE CASCADE,
    fault       varchar(32) NOT NULL REFERENCES diagnosis_standard (fault),
    threshold   double precision NOT NULL,
    PRIMARY KEY (type_code, fault)
);

INSERT INTO diagnosis_standard_type (code, name_zh, name_en, builtin, created_by) VALUES
    ('GENERAL', '通用诊断标准', 'General standard', true, 'system'),
    ('NIGHT', '夜间诊断标准', 'Night standard', true, 'system'),
    ('OUTDOOR', '室外诊断标准', 'Outdoor standard', true, 'system');

-- at night a darker, flatter and noisier picture is normal; outdoors light changes and wind shake the picture
INSERT INTO diagnosis_standard_type_threshold (type_code, fault, threshold) VALUES
    ('NIGHT', 'BRIGHTNESS_LOW', 12),
    ('NIGHT', 'LOW_CONTRAST', 8),
    ('NIGHT', 'SNOW', 0.12),
    ('OUTDOOR', 'BRIGHTNESS_HIGH', 235),
    ('OUTDOOR', 'JITTER', 4);
