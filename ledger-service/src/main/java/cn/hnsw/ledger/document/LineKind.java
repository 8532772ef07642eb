package cn.hnsw.ledger.document;

/** 表体类型 — what a document line is. Item kinds are also the kinds of ledger stock and commodity-library rows. */
public enum LineKind {
    /** 商品 (logistics ledgers) */
    GOODS("商品", "goods"),
    /** 料件 */
    MATERIAL("料件", "material"),
    /** 成品 */
    FINISHED_PRODUCT("成品", "finished product"),
    /** 边角料 */
    SCRAP("边角料", "scrap"),
    /** 进口料件成本 (cumulative/confirmation code) */
    IMPORTED_MATERIAL_COST("进口料件成本", "imported-material cost"),
    /** 国内采购料件成本 */
    DOMESTIC_MATERIAL_COST("国内料件成本", "domestic-material cost"),
    /** 累计码料件成本 */
    CUMULATIVE_CODE_COST("累计码料件成本", "cumulative-code material cost"),
    /** 岛内自产料件成本 */
    ISLAND_MATERIAL_COST("岛内自产料件成本", "island self-produced material cost"),
    /**
     * 增值率核算单耗清单: a filed material consumed per unit of the code's finished product; the quantity is the net
     * consumption (净耗), {@code extra.lossRate} the loss rate in percent, the unit consumption (单耗) is derived.
     */
    UNIT_CONSUMPTION("增值率核算单耗", "value-added-rate unit consumption");

    private final String nameZh;
    private final String nameEn;

    LineKind(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public boolean isCost() {
        return name().endsWith("_COST");
    }
}
