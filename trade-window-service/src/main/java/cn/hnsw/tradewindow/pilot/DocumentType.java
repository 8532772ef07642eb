package cn.hnsw.tradewindow.pilot;

/** 企业申报材料 — the six document types of a pilot application (S1 FP 37–78, 115–156). */
public enum DocumentType {
    APPLICATION("企业申报文件", "Application and declaration"),
    PROFILE("企业简况", "Enterprise profile"),
    VALUE_ADDED_CALCULATION("加工增值产品、料件及测算等情况", "Value-added products, materials and calculation"),
    TOTAL_REVENUE("收入总额情况", "Total revenue"),
    COMMITMENT_LETTER("企业承诺书", "Commitment letter"),
    EVIDENCE("相关佐证材料", "Supporting evidence");

    private final String nameZh;
    private final String nameEn;

    DocumentType(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public static DocumentType parse(String value) {
        for (DocumentType t : values()) {
            if (t.name().equalsIgnoreCase(value)) {
                return t;
            }
        }
        throw new cn.hnsw.common.web.HnswException(PilotErrorCode.DOCUMENT_TYPE_UNKNOWN, value);
    }
}
