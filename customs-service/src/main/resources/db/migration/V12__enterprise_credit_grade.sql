-- 客户信用等级 (FP 447): the customs credit grade of each declaring enterprise, as the Single Window answers an
-- ENTERPRISE_CREDIT_QUERY (海关企业信用等级: ADVANCED_CERTIFIED 高级认证企业, GENERAL 其他注册登记和备案企业,
-- DISHONEST 失信企业). Kept here so the second-line statistics group by it; refreshed when older than a day.
CREATE TABLE enterprise_credit_grade (
    enterprise_uscc varchar(18) PRIMARY KEY,
    grade           varchar(20) NOT NULL CHECK (grade IN ('ADVANCED_CERTIFIED', 'GENERAL', 'DISHONEST')),
    source          varchar(40) NOT NULL,
    fetched_at      timestamptz NOT NULL
);
