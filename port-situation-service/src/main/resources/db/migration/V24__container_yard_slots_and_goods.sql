-- 堆场立体化展示 (S2 FP 413–416, 434–436): where a container stands in the yard (block 箱区, bay 贝位, row 排, tier 层),
-- whether it moves in (import, 进) or out (export, 出), and the goods its documents declare (货物信息). All optional:
-- reports without a slot still count for the tracking and the match degree, they are only absent from the yard view.
ALTER TABLE container_position ADD COLUMN yard_block text;
ALTER TABLE container_position ADD COLUMN yard_bay int CHECK (yard_bay BETWEEN 1 AND 99);
ALTER TABLE container_position ADD COLUMN yard_row int CHECK (yard_row BETWEEN 1 AND 20);
ALTER TABLE container_position ADD COLUMN yard_tier int CHECK (yard_tier BETWEEN 1 AND 9);
ALTER TABLE container_position ADD COLUMN direction text CHECK (direction IN ('IMPORT', 'EXPORT'));

ALTER TABLE document_flow ADD COLUMN goods_name_zh text;
ALTER TABLE document_flow ADD COLUMN goods_name_en text;
ALTER TABLE document_flow ADD COLUMN hs_code text;
ALTER TABLE document_flow ADD COLUMN packages int CHECK (packages >= 0);
ALTER TABLE document_flow ADD COLUMN gross_kg numeric(12, 2) CHECK (gross_kg >= 0);
