package cn.hnsw.customs.screen;

import cn.hnsw.customs.declaration.DeclarationHeader;
import cn.hnsw.customs.declaration.DeclarationItem;
import cn.hnsw.customs.declaration.DeclarationSummary;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields a screen may show, per section, taken from the declaration model itself: the entry screen's header and
 * goods-item fields are the components of {@link DeclarationHeader} and {@link DeclarationItem}, the result columns those
 * of {@link DeclarationSummary}, the conditions the ones the declaration list really filters by.
 */
public final class FieldCatalog {

    /** A field of a section with its labels. */
    public record Entry(String field, String labelZh, String labelEn) {
    }

    /** Fields the entry screen never shows as their own input: set by the system or by a confirmation dialog. */
    private static final Set<String> NOT_ENTERED = Set.of("levyNatureConfirmed", "seq", "id");

    private static final Map<String, String[]> LABELS = new LinkedHashMap<>();

    static {
        label("declareCustoms", "申报地海关", "Declaring customs");
        label("entryExitCustoms", "进/出境关别", "Entry/exit customs");
        label("ledgerNo", "备案号", "Ledger no.");
        label("supervisionMode", "监管方式", "Supervision mode");
        label("levyNature", "征免性质", "Levy nature");
        label("transportMode", "运输方式", "Transport mode");
        label("vesselName", "运输工具名称", "Vessel name");
        label("voyageNo", "航次号", "Voyage no.");
        label("billOfLadingNo", "提运单号", "Bill of lading no.");
        label("domesticTraderUscc", "境内收发货人代码", "Domestic trader USCC");
        label("domesticTraderName", "境内收发货人名称", "Domestic trader name");
        label("overseasTraderName", "境外收发货人", "Overseas trader");
        label("declarantUscc", "申报单位代码", "Declarant USCC");
        label("declarantName", "申报单位名称", "Declarant name");
        label("tradingCountry", "贸易国（地区）", "Trading country");
        label("departureCountry", "启运国（地区）", "Departure country");
        label("portCode", "经停港/启运港", "Port");
        label("transactionMode", "成交方式", "Transaction mode");
        label("packageType", "包装种类", "Package type");
        label("packages", "件数", "Packages");
        label("grossWeight", "毛重（千克）", "Gross weight (kg)");
        label("netWeight", "净重（千克）", "Net weight (kg)");
        label("contractNo", "合同协议号", "Contract no.");
        label("remark", "备注", "Remark");
        label("goodsAttributes", "货物属性", "Goods attributes");
        label("verificationListNo", "核注清单编号", "Verification list no.");
        label("hsCode", "商品编号", "HS code");
        label("name", "商品名称", "Goods name");
        label("specification", "规格型号", "Specification");
        label("quantity", "成交数量", "Quantity");
        label("unit", "成交计量单位", "Unit");
        label("legalQuantity", "法定数量", "Legal quantity");
        label("legalUnit", "法定计量单位", "Legal unit");
        label("secondQuantity", "第二法定数量", "Second quantity");
        label("secondUnit", "第二法定计量单位", "Second unit");
        label("unitPrice", "单价", "Unit price");
        label("totalPrice", "总价", "Total price");
        label("currency", "币制", "Currency");
        label("originCountry", "原产国（地区）", "Origin country");
        label("destinationCountry", "最终目的国（地区）", "Destination country");
        label("levyMode", "征免方式", "Levy mode");
        label("preEntryNo", "预录入编号", "Pre-entry no.");
        label("declarationType", "报关单类型", "Declaration type");
        label("status", "状态", "Status");
        label("enterpriseUscc", "企业代码", "Enterprise USCC");
        label("enterprise", "企业代码", "Enterprise USCC");
        label("customsNo", "海关编号", "Customs no.");
        label("distributionStatus", "分发状态", "Distribution status");
        label("createdAt", "创建时间", "Created at");
        label("submittedAt", "申报时间", "Declared at");
        label("from", "创建时间起", "Created from");
        label("to", "创建时间止", "Created to");
    }

    private static final Map<Screen.Section, Map<String, Entry>> SECTIONS = new EnumMap<>(Screen.Section.class);

    static {
        SECTIONS.put(Screen.Section.HEADER, of(components(DeclarationHeader.class)));
        SECTIONS.put(Screen.Section.ITEM, of(components(DeclarationItem.class)));
        // The conditions GET /v1/declarations filters by (the type is the screen's own).
        SECTIONS.put(Screen.Section.HEADER_CONDITION,
                of(List.of("preEntryNo", "status", "billOfLadingNo", "enterprise", "from", "to")));
        SECTIONS.put(Screen.Section.ITEM_CONDITION, of(List.of("hsCode")));
        SECTIONS.put(Screen.Section.RESULT, of(components(DeclarationSummary.class)));
    }

    private FieldCatalog() {
    }

    public static Map<String, Entry> section(Screen.Section section) {
        return SECTIONS.get(section);
    }

    public static Map<Screen.Section, List<Entry>> all() {
        Map<Screen.Section, List<Entry>> all = new EnumMap<>(Screen.Section.class);
        SECTIONS.forEach((s, m) -> all.put(s, List.copyOf(m.values())));
        return all;
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .filter(n -> !NOT_ENTERED.contains(n)).toList();
    }

    private static Map<String, Entry> of(List<String> names) {
        Map<String, Entry> map = new LinkedHashMap<>();
        for (String n : names) {
            String[] l = LABELS.get(n);
            if (l == null) {
                throw new IllegalStateException("no label for declaration field " + n);
            }
            map.put(n, new Entry(n, l[0], l[1]));
        }
        return Collections.unmodifiableMap(map);
    }

    private static void label(String field, String zh, String en) {
        LABELS.put(field, new String[] {zh, en});
    }
}
