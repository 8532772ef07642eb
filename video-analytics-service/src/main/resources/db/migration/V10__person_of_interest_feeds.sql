-- 重点人员信息库管理: a face data feed may import persons of interest. Each record it stores (or finds already
-- stored) is also bound as a person of interest of the feed's category, once.
ALTER TABLE face_data_feed ADD COLUMN poi_category varchar(64);
