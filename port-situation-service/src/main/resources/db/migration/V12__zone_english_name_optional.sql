-- A zone saved without an English name keeps none (it used to store the Chinese name there, since the column of the
-- old watch_area table was NOT NULL); English texts fall back to the code.
ALTER TABLE zone ALTER COLUMN name_en DROP NOT NULL;
UPDATE zone SET name_en = NULL WHERE name_en = name_zh AND name_zh ~ '[^\x01-\x7F]';
