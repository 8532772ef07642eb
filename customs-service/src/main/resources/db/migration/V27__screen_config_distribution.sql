-- 报关单数据项定制 (FP 226): the DISTRIBUTION screen's name is longer than the first screens' names.
ALTER TABLE screen_config_field DROP CONSTRAINT screen_config_field_declaration_type_screen_fkey;
ALTER TABLE screen_config ALTER COLUMN screen TYPE varchar(20);
ALTER TABLE screen_config_field ALTER COLUMN screen TYPE varchar(20);
ALTER TABLE screen_config_history ALTER COLUMN screen TYPE varchar(20);
ALTER TABLE screen_config_field ADD CONSTRAINT screen_config_field_declaration_type_screen_fkey
    FOREIGN KEY (declaration_type, screen) REFERENCES screen_config (declaration_type, screen) ON DELETE CASCADE;
