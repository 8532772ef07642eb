package cn.hnsw.customs.declaration;

/** 报关单类型 — the tender's four declaration modules plus the consolidated declaration (GLOSSARY §2). */
public enum DeclarationType {
    /** 径予放行 — first-line direct release on a simplified declaration (FP 73–248). */
    DIRECT_RELEASE("径予放行", "Direct release", ImportExport.IMPORT, "01"),
    /** 二线内销 — goods sold from the FTP into the mainland, usually from a verification list (FP 249–743). */
    SECOND_LINE_DOMESTIC_SALE("二线内销", "Second-line domestic sale", ImportExport.IMPORT, "02"),
    /** 一线一般报关 (FP 744–989). */
    FIRST_LINE_GENERAL("一线一般报关", "First-line general declaration", ImportExport.IMPORT, "03"),
    /** 二线一般报关 (FP 990–1274). */
    SECOND_LINE_GENERAL("二线一般报关", "Second-line general declaration", ImportExport.IMPORT, "04"),
    /** 集中申报 — one declaration for a month of batch exits. */
    CONSOLIDATED("集中申报", "Consolidated declaration", ImportExport.IMPORT, "05");

    private final String nameZh;
    private final String nameEn;
    private final ImportExport defaultDirection;
    private final String numberPrefix;

    DeclarationType(String nameZh, String nameEn, ImportExport defaultDirection, String numberPrefix) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.defaultDirection = defaultDirection;
        this.numberPrefix = numberPrefix;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public ImportExport defaultDirection() {
        return defaultDirection;
    }

    /** Two digits in the pre-entry number that tell the declaration module. */
    public String numberPrefix() {
        return numberPrefix;
    }

    /**
     * Whether the Haikou data sub-centre keeps declarations of this type: direct release (FP 231–248, R7) and the
     * first- and second-line general declarations, whose sub-centre sides are FP 898–989 and 1183–1274. Second-line
     * domestic sales and consolidated declarations have no sub-centre side.
     */
    public boolean keptAtSubCentre() {
        return this == DIRECT_RELEASE || this == FIRST_LINE_GENERAL || this == SECOND_LINE_GENERAL;
    }

    /** 进出口标志. */
    public enum ImportExport { IMPORT, EXPORT }
}
