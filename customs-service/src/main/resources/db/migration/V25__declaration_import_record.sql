-- 报关单Excel表格导入记录 (FP 332, 788, 1073 and the direct release's): every import of a workbook, on the screen or by
-- an ERP, with who, which type, how many rows and declarations, and the row report as it was answered.
CREATE TABLE declaration_import (
    id               uuid          PRIMARY KEY,
    enterprise_uscc  varchar(18),
    declaration_type varchar(30)   NOT NULL,
    filename         varchar(200),
    rows             int           NOT NULL,
    created          int           NOT NULL,
    refused          int           NOT NULL,
    report           text          NOT NULL,
    imported_by      varchar(100)  NOT NULL,
    imported_at      timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX declaration_import_enterprise ON declaration_import (enterprise_uscc, imported_at DESC);
