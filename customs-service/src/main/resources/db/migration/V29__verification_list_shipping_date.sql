-- 发货日期 (FP 450): the shipping date H2018 gives with a verification list; the second-line statistics count by it.
ALTER TABLE verification_list ADD COLUMN shipping_date date;
