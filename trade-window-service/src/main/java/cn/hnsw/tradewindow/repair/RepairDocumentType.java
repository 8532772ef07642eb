package cn.hnsw.tradewindow.repair;

import java.util.Arrays;
import java.util.List;

/** The document sets of S3 (R20): five for airlines, eight for shipping enterprises. */
public enum RepairDocumentType {
    BUSINESS_LICENCE("营业执照", "Business licence", true, true),
    AIR_OPERATOR_CERTIFICATE("运行合格证", "Air operator certificate", true, false),
    OPERATIONS_SPECIFICATION("运行规范", "Operations specification", true, false),
    WATERWAY_PERMIT("水路运输经营许可或备案手续", "Waterway transport operating permit or filing", false, true),
    SHIP_OWNERSHIP("船舶所有权登记证书或光船租赁登记证书", "Ship ownership or bareboat-charter registration certificate", false, true),
    REPAIR_LEDGER("货物维修及使用台账", "Goods repair and use ledger", true, true),
    IT_MANAGEMENT("信息化管理制度等相关材料", "IT management system and related materials", true, true),
    POLLUTION_CERTIFICATE("船舶防污染证书", "Ship pollution-prevention certificate", false, true),
    POLLUTION_DOCUMENTS("船舶防污染文书", "Ship pollution-prevention documents", false, true),
    OTHER("其他补充附件", "Other supplementary attachments", false, true);

    private final String nameZh;
    private final String nameEn;
    private final boolean aviation;
    private final boolean shipping;

    RepairDocumentType(String nameZh, String nameEn, boolean aviation, boolean shipping) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.aviation = aviation;
        this.shipping = shipping;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public boolean appliesTo(String kind) {
        return "AVIATION".equals(kind) ? aviation : shipping;
    }

    /** Required before submission: all of the kind's set, except the optional "other attachments". */
    public static List<RepairDocumentType> required(String kind) {
        return Arrays.stream(values()).filter(t -> t.appliesTo(kind) && t != OTHER).toList();
    }
}
