-- 卡口 (Gate) of the port-group gate integration (S4, FP 823–940): every physical gate of Xinhai, Xiuying and Yangpu,
-- with the loop steps the tender gives it. reports = it reports to the Single Window supervision system and relays the
-- decision back; guides = it also publishes the result and guides the vehicle (公示 / 引导).
CREATE TABLE gate (
    code          text PRIMARY KEY,
    port_code     text NOT NULL REFERENCES port (code),
    group_zh      text NOT NULL,
    name_zh       text NOT NULL,
    name_en       text NOT NULL,
    gate_type     text NOT NULL,
    flow          text NOT NULL,
    capture_kind  text NOT NULL,
    reports       boolean NOT NULL,
    guides        boolean NOT NULL,
    sequence      int NOT NULL,
    first_fp      int NOT NULL,
    lanes         int NOT NULL DEFAULT 4,
    status        text NOT NULL DEFAULT 'ONLINE'
);

INSERT INTO gate (code, port_code, group_zh, name_zh, name_en, gate_type, flow, capture_kind, reports, guides, sequence, first_fp) VALUES
 ('XINHAI-VEHICLE-ENTRY',      'XINHAI_PORT', '新海港车辆卡口', '车辆入场卡口', 'Vehicle entry gate', 'ENTRY', 'VEHICLE', 'VEHICLE_TICKET', false, false, 1, 823),
 ('XINHAI-VEHICLE-BOARDING',   'XINHAI_PORT', '新海港车辆卡口', '车辆登船卡口', 'Vehicle boarding gate', 'BOARDING', 'VEHICLE', 'VEHICLE_BOARDING', false, false, 2, 825),
 ('XINHAI-PERSON-ENTRY',       'XINHAI_PORT', '新海港过海人员卡口', '人员入场卡口', 'Person entry gate', 'ENTRY', 'PERSON', 'PERSON_TICKET', false, false, 1, 827),
 ('XINHAI-PERSON-BOARDING',    'XINHAI_PORT', '新海港过海人员卡口', '人员登船卡口', 'Person boarding gate', 'BOARDING', 'PERSON', 'PERSON_BOARDING', false, false, 2, 829),
 ('XINHAI-FREIGHT-ENTRY',      'XINHAI_PORT', '新海港货运卡口', '货运入场卡口', 'Freight entry gate', 'ENTRY', 'FREIGHT', 'VEHICLE_TICKET', true, true, 1, 831),
 ('XINHAI-FREIGHT-CARGO_INSPECTION', 'XINHAI_PORT', '新海港货运卡口', '货物检查卡口', 'Cargo inspection gate', 'CARGO_INSPECTION', 'FREIGHT', 'CARGO_INSPECTION', true, true, 2, 836),
 ('XINHAI-FREIGHT-BOARDING',   'XINHAI_PORT', '新海港货运卡口', '货运登船卡口', 'Freight boarding gate', 'BOARDING', 'FREIGHT', 'VEHICLE_BOARDING', true, true, 3, 841),
 ('XIUYING-VEHICLE-ENTRY',     'XIUYING_PORT', '秀英港车辆卡口', '车辆入场卡口', 'Vehicle entry gate', 'ENTRY', 'VEHICLE', 'VEHICLE_TICKET', true, false, 1, 846),
 ('XIUYING-VEHICLE-SECURITY_CHECK', 'XIUYING_PORT', '秀英港车辆卡口', '车辆安检卡口', 'Vehicle security-check gate', 'SECURITY_CHECK', 'VEHICLE', 'CARGO_INSPECTION', true, true, 2, 851),
 ('XIUYING-VEHICLE-INSPECTION', 'XIUYING_PORT', '秀英港车辆卡口', '车辆查检卡口', 'Vehicle inspection gate', 'INSPECTION', 'VEHICLE', 'CARGO_INSPECTION', true, true, 3, 856),
 ('XIUYING-VEHICLE-BOARDING',  'XIUYING_PORT', '秀英港车辆卡口', '车辆登船卡口', 'Vehicle boarding gate', 'BOARDING', 'VEHICLE', 'VEHICLE_BOARDING', true, true, 4, 861),
 ('XIUYING-PERSON-ENTRY',      'XIUYING_PORT', '秀英港人员卡口', '人员入场卡口', 'Person entry gate', 'ENTRY', 'PERSON', 'PERSON_TICKET', true, true, 1, 866),
 ('XIUYING-PERSON-INSPECTION', 'XIUYING_PORT', '秀英港人员卡口', '人员查验卡口', 'Person inspection gate', 'INSPECTION', 'PERSON', 'PERSON_INSPECTION', true, false, 2, 871),
 ('XIUYING-PERSON-BOARDING',   'XIUYING_PORT', '秀英港人员卡口', '人员登船卡口', 'Person boarding gate', 'BOARDING', 'PERSON', 'PERSON_BOARDING', true, false, 3, 876),
 ('XIUYING-FREIGHT-ENTRY',     'XIUYING_PORT', '秀英港货运卡口', '货运入场卡口', 'Freight entry gate', 'ENTRY', 'FREIGHT', 'VEHICLE_TICKET', true, true, 1, 881),
 ('XIUYING-FREIGHT-CARGO_INSPECTION', 'XIUYING_PORT', '秀英港货运卡口', '货物检查卡口', 'Cargo inspection gate', 'CARGO_INSPECTION', 'FREIGHT', 'CARGO_INSPECTION', true, true, 2, 886),
 ('XIUYING-FREIGHT-BOARDING',  'XIUYING_PORT', '秀英港货运卡口', '货运登船卡口', 'Freight boarding gate', 'BOARDING', 'FREIGHT', 'VEHICLE_BOARDING', true, true, 3, 891),
 ('XIUYING-CONTAINER-ENTRY',   'XIUYING_PORT', '秀英港集装箱卡口', '集装箱入场卡口', 'Container entry gate', 'ENTRY', 'CONTAINER', 'CONTAINER_APPOINTMENT', true, true, 1, 896),
 ('XIUYING-CONTAINER-CARGO_INSPECTION', 'XIUYING_PORT', '秀英港集装箱卡口', '集装箱货物检查卡口', 'Container cargo inspection gate', 'CARGO_INSPECTION', 'CONTAINER', 'CARGO_INSPECTION', true, true, 2, 901),
 ('XIUYING-CONTAINER-YARD',    'XIUYING_PORT', '秀英港集装箱卡口', '集装箱车场卡口', 'Container yard gate', 'YARD', 'CONTAINER', 'CONTAINER_YARD', true, false, 3, 906),
 ('YANGPU-CONTAINER-ENTRY',    'YANGPU_PORT', '洋浦港集装箱卡口', '集装箱入场卡口', 'Container entry gate', 'ENTRY', 'CONTAINER', 'CONTAINER_APPOINTMENT', true, true, 1, 911),
 ('YANGPU-CONTAINER-CARGO_INSPECTION', 'YANGPU_PORT', '洋浦港集装箱卡口', '集装箱货物检查卡口', 'Container cargo inspection gate', 'CARGO_INSPECTION', 'CONTAINER', 'CARGO_INSPECTION', true, true, 2, 916),
 ('YANGPU-CONTAINER-YARD',     'YANGPU_PORT', '洋浦港集装箱卡口', '集装箱车场卡口', 'Container yard gate', 'YARD', 'CONTAINER', 'CONTAINER_YARD', true, false, 3, 921),
 ('XIUYING-BULK-ENTRY',        'XIUYING_PORT', '秀英港散件杂货卡口', '散货入场卡口', 'Bulk entry gate', 'ENTRY', 'BULK', 'VEHICLE_TICKET', true, true, 1, 926),
 ('XIUYING-BULK-CARGO_INSPECTION', 'XIUYING_PORT', '秀英港散件杂货卡口', '散货货物检查卡口', 'Bulk cargo inspection gate', 'CARGO_INSPECTION', 'BULK', 'CARGO_INSPECTION', true, true, 2, 931),
 ('XIUYING-BULK-BOARDING',     'XIUYING_PORT', '秀英港散件杂货卡口', '散货货物登船卡口', 'Bulk boarding gate', 'BOARDING', 'BULK', 'VEHICLE_BOARDING', true, false, 3, 936);

-- 过卡 (GatePass): one vehicle or person at a gate, through the collection-and-release loop.
CREATE TABLE gate_pass (
    id               uuid PRIMARY KEY,
    gate_code        text NOT NULL REFERENCES gate (code),
    port_code        text NOT NULL,
    flow             text NOT NULL,
    lane             int,
    state            text NOT NULL,
    partner_message  text NOT NULL UNIQUE,
    plate_number     text,
    container_number text,
    person_count     int NOT NULL DEFAULT 0,
    gross_kg         int,
    tare_kg          int,
    capture          jsonb NOT NULL,
    captured_at      timestamptz NOT NULL,
    recorded_at      timestamptz NOT NULL,
    reported_at      timestamptz,
    decided_at       timestamptz,
    decision         text,
    decision_reason  text,
    guidance_zh      text,
    guidance_en      text,
    decided_by       text,
    relay_attempts   int NOT NULL DEFAULT 0,
    relay_error      text,
    relayed_at       timestamptz,
    guided_at        timestamptz,
    displayed_at     timestamptz,
    version          int NOT NULL DEFAULT 0
);
CREATE INDEX gate_pass_time ON gate_pass (recorded_at DESC);
CREATE INDEX gate_pass_port ON gate_pass (port_code, flow, recorded_at);
CREATE INDEX gate_pass_relay ON gate_pass (state) WHERE state = 'DECIDED';
