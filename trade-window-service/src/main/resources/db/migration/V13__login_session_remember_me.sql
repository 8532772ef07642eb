-- S2 login controls (FP 103/104, H5 229/230): a login session whose token says the user ticked remember me (记住我)
-- is kept across idle periods; it is recorded as such and is never ended for idleness (logout still ends it).
ALTER TABLE la_login_session ADD COLUMN remember_me BOOLEAN NOT NULL DEFAULT FALSE;
