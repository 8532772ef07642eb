package cn.hnsw.ledger.posting;

/** 账册状态: set up and approved (waiting for customs' formal 核注 data), active, cancelled. */
public enum LedgerStatus {
    PENDING_FORMAL_DATA("待正式核注数据", "waiting for formal posting data"),
    ACTIVE("已生效", "active"),
    CANCELLED("已注销", "cancelled");

    private final String nameZh;
    private final String nameEn;

    LedgerStatus(String nameZh, String nameEn) {
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
