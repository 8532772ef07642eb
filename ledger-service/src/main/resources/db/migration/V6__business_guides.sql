-- Issue 5: business guides on the ledger home page (业务指引, FP 1330–1459): per business topic, guides with their
-- process steps (流程信息) and attached files in object storage, kept by the single-window operator and read by
-- enterprises. The topics are data (one row each, in the home page's order).

CREATE TABLE ledger_guide_topic (
    code      VARCHAR(40)   PRIMARY KEY,
    name_zh   VARCHAR(100)  NOT NULL,
    name_en   VARCHAR(160)  NOT NULL,
    sort      INT           NOT NULL
);

INSERT INTO ledger_guide_topic (code, name_zh, name_en, sort) VALUES
    ('ZT_LOGISTICS_FILING', '零关税物流业务备案', 'Zero-tariff logistics filing', 1),
    ('ZT_LOGISTICS_LEDGER', '零关税物流业务账册服务', 'Zero-tariff logistics ledger services', 2),
    ('ZT_LOGISTICS_IMPORT', '零关税物流业务进口服务', 'Zero-tariff logistics import services', 3),
    ('ZT_LOGISTICS_EXPORT', '零关税物流业务出口服务', 'Zero-tariff logistics export services', 4),
    ('ZT_LOGISTICS_CARRY_OVER', '零关税物流业务享惠主体结转服务', 'Zero-tariff logistics beneficiary carry-over', 5),
    ('ZT_LOGISTICS_NON_BENEFICIARY', '零关税物流业务非享惠主体结转服务', 'Zero-tariff logistics sale to non-beneficiaries', 6),
    ('ZT_LOGISTICS_DOMESTIC_SALE', '零关税物流业务内销一般报关服务', 'Zero-tariff logistics domestic sale, general declaration', 7),
    ('ZT_LOGISTICS_BATCH_EXIT', '零关税物流业务内销分批出岛集中报关服务', 'Zero-tariff logistics domestic sale, batch exit with consolidated declaration', 8),
    ('ZT_PROCESSING_FILING', '零关税加工业务备案', 'Zero-tariff processing filing', 9),
    ('ZT_PROCESSING_LEDGER', '零关税加工业务账册服务', 'Zero-tariff processing ledger services', 10),
    ('ZT_PROCESSING_IMPORT', '零关税加工业务进口服务', 'Zero-tariff processing import services', 11),
    ('ZT_PROCESSING_EXPORT', '零关税加工业务出口服务', 'Zero-tariff processing export services', 12),
    ('ZT_PROCESSING_VALUE_ADDED', '零关税加工增值服务', 'Zero-tariff processing value-added duty exemption', 13),
    ('ZT_PROCESSING_CARRY_OVER', '零关税加工业务享惠主体结转服务', 'Zero-tariff processing beneficiary carry-over', 14),
    ('ZT_PROCESSING_NON_BENEFICIARY', '零关税加工业务非享惠主体结转服务', 'Zero-tariff processing sale to non-beneficiaries', 15),
    ('ZT_PROCESSING_DOMESTIC_SALE', '零关税加工业务内销一般报关服务', 'Zero-tariff processing domestic sale, general declaration', 16),
    ('ZT_PROCESSING_BATCH_EXIT', '零关税加工业务内销分批出岛集中报关服务', 'Zero-tariff processing domestic sale, batch exit with consolidated declaration', 17),
    ('OZ_FILING', '区外保税加工增值业务备案', 'Out-of-zone bonded value-added filing', 18),
    ('OZ_LEDGER', '区外保税加工增值业务账册服务', 'Out-of-zone bonded value-added ledger services', 19),
    ('OZ_IMPORT', '区外保税加工增值业务进口服务', 'Out-of-zone bonded value-added import services', 20),
    ('OZ_EXPORT', '区外保税加工增值业务出口服务', 'Out-of-zone bonded value-added export services', 21),
    ('OZ_VALUE_ADDED', '区外保税加工增值增值服务', 'Out-of-zone bonded value-added duty exemption', 22),
    ('OZ_CARRY_OVER', '区外保税加工增值业务享惠主体结转服务', 'Out-of-zone bonded value-added beneficiary carry-over', 23),
    ('OZ_NON_BENEFICIARY', '区外保税加工增值业务非享惠主体结转服务', 'Out-of-zone bonded value-added sale to non-beneficiaries', 24),
    ('OZ_DOMESTIC_SALE', '区外保税加工增值业务内销一般报关服务', 'Out-of-zone bonded value-added domestic sale, general declaration', 25),
    ('OZ_BATCH_EXIT', '区外保税加工增值业务内销分批出岛集中报关服务', 'Out-of-zone bonded value-added domestic sale, batch exit with consolidated declaration', 26);

CREATE TABLE ledger_guide (
    id          BIGSERIAL     PRIMARY KEY,
    topic       VARCHAR(40)   NOT NULL REFERENCES ledger_guide_topic (code),
    title       VARCHAR(200)  NOT NULL,
    summary     VARCHAR(4000),
    -- the process, in order: [{"title": …, "description": …}]
    steps       JSONB         NOT NULL DEFAULT '[]',
    version     INT           NOT NULL DEFAULT 0,
    created_by  VARCHAR(100)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    updated_by  VARCHAR(100)  NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL
);
CREATE INDEX ledger_guide_topic_idx ON ledger_guide (topic, id);

CREATE TABLE ledger_guide_attachment (
    id            BIGSERIAL     PRIMARY KEY,
    guide_id      BIGINT        NOT NULL REFERENCES ledger_guide (id),
    file_name     VARCHAR(200)  NOT NULL,
    content_type  VARCHAR(120)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    bucket        VARCHAR(63)   NOT NULL,
    object_key    VARCHAR(400)  NOT NULL,
    sm3_digest    CHAR(64)      NOT NULL,
    uploaded_by   VARCHAR(100)  NOT NULL,
    uploaded_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX ledger_guide_attachment_guide_idx ON ledger_guide_attachment (guide_id, id);
