package cn.hnsw.passenger.declaration;

/** 行李物品类别 — the article categories a traveler leaving the island must declare. */
public enum ArticleCategory {
    TOBACCO_ALCOHOL("烟酒", "Tobacco and alcohol"),
    VALUABLES("贵重物品", "Valuables"),
    FOOD("食品", "Food"),
    MEDICINE("药品", "Medicines"),
    OTHER_SPECIAL("其他特殊物品", "Other special items");

    private final String nameZh;
    private final String nameEn;

    ArticleCategory(String nameZh, String nameEn) {
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
