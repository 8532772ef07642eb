package cn.hnsw.customs.importing;

import java.util.List;

/**
 * The Excel layout of declarations (导入模版 / 导出, FP 123–129, 174–187): one row per goods item; rows with the same
 * 报关单序号 form one declaration, whose header columns are read from its first row.
 */
public final class DeclarationSheet {

    public static final String SHEET = "报关单 Declarations";
    public static final String GROUP = "group";

    /** A column: API field, where it goes, its Chinese and English title. */
    public record Column(String field, boolean item, String titleZh, String titleEn) {
        public String title() {
            return titleZh + " " + titleEn;
        }
    }

    public static final List<Column> COLUMNS = List.of(
            new Column(GROUP, false, "报关单序号", "Declaration group"),
            new Column("declareCustoms", false, "申报地海关", "Declaring customs"),
            new Column("entryExitCustoms", false, "进境关别", "Entry customs"),
            new Column("ledgerNo", false, "备案号", "Ledger no."),
            new Column("supervisionMode", false, "监管方式", "Supervision mode"),
            new Column("levyNature", false, "征免性质", "Levy nature"),
            new Column("transportMode", false, "运输方式", "Transport mode"),
            new Column("vesselName", false, "运输工具名称", "Vessel"),
            new Column("voyageNo", false, "航次号", "Voyage"),
            new Column("billOfLadingNo", false, "提运单号", "Bill of lading"),
            new Column("domesticTraderUscc", false, "境内收发货人代码", "Domestic trader USCC"),
            new Column("domesticTraderName", false, "境内收发货人名称", "Domestic trader"),
            new Column("overseasTraderName", false, "境外收发货人", "Overseas trader"),
            new Column("declarantUscc", false, "申报单位代码", "Declarant USCC"),
            new Column("declarantName", false, "申报单位名称", "Declarant"),
            new Column("tradingCountry", false, "贸易国（地区）", "Trading country"),
            new Column("departureCountry", false, "启运国（地区）", "Departure country"),
            new Column("portCode", false, "启运港", "Port"),
            new Column("transactionMode", false, "成交方式", "Transaction mode"),
            new Column("packageType", false, "包装种类", "Package type"),
            new Column("packages", false, "件数", "Packages"),
            new Column("grossWeight", false, "毛重（千克）", "Gross weight (kg)"),
            new Column("netWeight", false, "净重（千克）", "Net weight (kg)"),
            new Column("contractNo", false, "合同协议号", "Contract no."),
            new Column("goodsAttributes", false, "货物属性", "Goods attributes"),
            new Column("remark", false, "备注", "Remark"),
            new Column("verificationListNo", false, "核注清单编号", "Verification list no."),
            new Column("hsCode", true, "商品编号", "HS code"),
            new Column("name", true, "商品名称", "Goods name"),
            new Column("specification", true, "规格型号", "Specification"),
            new Column("quantity", true, "成交数量", "Quantity"),
            new Column("unit", true, "成交计量单位", "Unit"),
            new Column("legalQuantity", true, "法定数量", "Legal quantity"),
            new Column("legalUnit", true, "法定计量单位", "Legal unit"),
            new Column("unitPrice", true, "单价", "Unit price"),
            new Column("totalPrice", true, "总价", "Total"),
            new Column("currency", true, "币制", "Currency"),
            new Column("originCountry", true, "原产国（地区）", "Origin"),
            new Column("destinationCountry", true, "最终目的国（地区）", "Destination"),
            new Column("levyMode", true, "征免方式", "Levy mode"),
            new Column("itemGrossWeight", true, "商品毛重", "Item gross weight"),
            new Column("itemNetWeight", true, "商品净重", "Item net weight"));

    private DeclarationSheet() {
    }
}
