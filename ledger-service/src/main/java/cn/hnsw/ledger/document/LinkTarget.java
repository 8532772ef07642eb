package cn.hnsw.ledger.document;

/** 关联对象 — what a document line must be linked to when it is added. */
public enum LinkTarget {
    /** no link: typed in or imported */
    NONE("无", "nothing"),
    /** 商品库: an approved filing of the own enterprise */
    COMMODITY_LIBRARY("商品库", "the commodity library"),
    /** 账册库存: a stock row of the document's own ledger */
    LEDGER_STOCK("账册库存", "the ledger stock"),
    /** 另一单证的表体: a line of an approved document of the own enterprise (e.g. out-of-warehouse application goods) */
    DOCUMENT_LINE("关联单证表体", "a line of another document");

    private final String nameZh;
    private final String nameEn;

    LinkTarget(String nameZh, String nameEn) {
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
