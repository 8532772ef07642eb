package cn.hnsw.customs.validation;

/** The nine pre-validation families (FP 130–138; GLOSSARY {@code CheckFamily}). */
public enum CheckFamily {
    BASIC_DATA("基础数据校验", "Basic data"),
    DECLARATION_PERMISSION("申报权限校验", "Declaration permission"),
    GENERAL_BUSINESS("通用业务校验", "General business"),
    TAX("商品涉税校验", "Commodity tax"),
    INSPECTION("涉检校验", "Inspection"),
    LICENSE("涉证校验", "Licence"),
    SPECIFIC_COMMODITY("特定商品校验", "Specific commodity"),
    RELATED_DOCUMENTS("关联单证校验", "Related documents"),
    SPECIFIC_BUSINESS("特定业务校验", "Specific business");

    private final String nameZh;
    private final String nameEn;

    CheckFamily(String nameZh, String nameEn) {
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
