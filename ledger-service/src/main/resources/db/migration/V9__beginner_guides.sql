-- Issue 5, session 6: 首页指南-新手指南 (FP 1480–1506), the beginner's detailed explanation of each business line, kept
-- as guides of three more topics (created, modified, queried, deleted, imported from the template, exported, printed).
INSERT INTO ledger_guide_topic (code, name_zh, name_en, sort) VALUES
    ('BEGINNER_ZT_LOGISTICS', '新手指南：零关税物流业务详细说明', 'Beginner guide: zero-tariff logistics in detail', 101),
    ('BEGINNER_ZT_PROCESSING', '新手指南：零关税加工业务详细说明', 'Beginner guide: zero-tariff processing in detail', 102),
    ('BEGINNER_OZ_PROCESSING', '新手指南：区外保税加工业务详细说明', 'Beginner guide: out-of-zone bonded processing in detail', 103);
