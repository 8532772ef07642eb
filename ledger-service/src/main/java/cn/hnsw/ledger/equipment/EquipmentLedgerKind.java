package cn.hnsw.ledger.equipment;

/** The zero-tariff ledgers customs keeps and the platform only reads (FP 1890–1897). */
public enum EquipmentLedgerKind {
    /** 零关税交通工具及游艇账册 */
    VEHICLE_YACHT("零关税交通工具及游艇账册", "zero-tariff vehicles and yachts ledger"),
    /** 零关税自用生产设备账册 */
    SELF_USE_EQUIPMENT("零关税自用生产设备账册", "zero-tariff self-use production equipment ledger");

    private final String nameZh;
    private final String nameEn;

    EquipmentLedgerKind(String nameZh, String nameEn) {
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
