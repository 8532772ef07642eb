-- Issue 5, session 6: 首页-企业备案资质公示 浏览统计 (FP 1478): how often the public register of beneficiary
-- enterprises was viewed, per day (Asia/Shanghai).
CREATE TABLE qualification_publication_view (
    day    DATE    PRIMARY KEY,
    views  BIGINT  NOT NULL
);
