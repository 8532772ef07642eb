package cn.hnsw.ledger.document;

/** 账册类型 — the kinds of special ledger a document belongs to. */
public enum LedgerType {
    /** 零关税物流账册 */
    LOGISTICS("零关税物流", "zero-tariff logistics"),
    /** 零关税加工账册 */
    PROCESSING("零关税加工", "zero-tariff processing"),
    /** 区外保税加工增值账册 (delegation scope only in this issue) */
    OUT_OF_ZONE_BONDED("区外保税加工增值", "out-of-zone bonded processing value-added");

    private final String nameZh;
    private final String nameEn;

    LedgerType(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
