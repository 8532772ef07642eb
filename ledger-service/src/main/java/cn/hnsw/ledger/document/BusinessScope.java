package cn.hnsw.ledger.document;

import java.util.Set;

/**
 * 委托业务范围 — the businesses a delegation can open per ledger type (FP 1847–1874). BOM loss and value-added rate
 * accounting exist only for processing and out-of-zone ledgers (rule R14).
 */
public enum BusinessScope {
    LEDGER_SETUP("账册设立", "ledger set-up"),
    IMPORT_ENTRY("进口入账", "import ledger entry"),
    EXPORT_EXIT("出口出账", "export ledger exit"),
    DOMESTIC_SALE_EXIT("内销出账", "domestic-sale ledger exit"),
    DOMESTIC_SALE_ENTRY("内销入账", "domestic-sale ledger entry"),
    DOMESTIC_SALE_OUT_OF_WAREHOUSE("内销出库", "domestic-sale out-of-warehouse"),
    RELEASE_NOTE("出岛核放单", "leave-island release note"),
    BOM_LOSS("成品物料单损耗", "finished-product BOM loss"),
    VALUE_ADDED_ACCOUNTING("加工增值率核算", "value-added rate accounting");

    private final String nameZh;
    private final String nameEn;

    BusinessScope(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public boolean appliesTo(LedgerType ledgerType) {
        return ledgerType != LedgerType.LOGISTICS || !Set.of(BOM_LOSS, VALUE_ADDED_ACCOUNTING).contains(this);
    }
}
