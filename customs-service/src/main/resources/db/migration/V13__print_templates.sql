-- 打印模版设置 and 打印校验规则 (FP 95, 98, 162, 164): per declaration type, the printed form's title and footer, which
-- goods-item columns it shows, and in which states a declaration may be printed. No row: the standard form, any state.
CREATE TABLE print_template (
    declaration_type   varchar(30)  PRIMARY KEY,
    title              varchar(100),
    footer             varchar(300),
    item_columns       varchar(200) NOT NULL,
    printable_statuses varchar(200) NOT NULL,
    updated_by         varchar(100) NOT NULL,
    updated_at         timestamptz  NOT NULL,
    version            int          NOT NULL DEFAULT 1
);
