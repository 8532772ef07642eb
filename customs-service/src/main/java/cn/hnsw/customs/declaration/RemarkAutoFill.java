package cn.hnsw.customs.declaration;

/**
 * 报关单数据自动赋值生成备注信息 (FP 219–225, R6): a direct-release declaration's remark starts with 一线径予放行, and
 * names 放宽贸易管制货物 when that goods attribute is chosen. The declarant's own text follows. When the filled text
 * would not fit the remark field, the fill is reset to the markers alone (FP 221: reset on failure).
 */
public final class RemarkAutoFill {

    public static final String DIRECT_RELEASE_MARKER = "一线径予放行";
    public static final String RELAXED_MARKER = "放宽贸易管制货物";
    public static final int MAX_REMARK = 500;

    private RemarkAutoFill() {
    }

    public static DeclarationHeader apply(DeclarationType type, DeclarationHeader header) {
        if (type != DeclarationType.DIRECT_RELEASE) {
            return header;
        }
        String own = strip(header.remark());
        StringBuilder markers = new StringBuilder(DIRECT_RELEASE_MARKER);
        if (header.hasGoodsAttribute(DeclarationHeader.RELAXED_TRADE_CONTROL)) {
            markers.append("；").append(RELAXED_MARKER);
        }
        String filled = own.isEmpty() ? markers.toString() : markers + "；" + own;
        return header.withRemark(filled.length() <= MAX_REMARK ? filled : markers.toString());
    }

    /** The declarant's text without the markers a previous fill added, so a re-save does not repeat them. */
    private static String strip(String remark) {
        if (remark == null) {
            return "";
        }
        String rest = remark.trim();
        for (String marker : new String[]{DIRECT_RELEASE_MARKER, RELAXED_MARKER}) {
            if (rest.startsWith(marker)) {
                rest = rest.substring(marker.length());
                while (rest.startsWith("；") || rest.startsWith(";")) {
                    rest = rest.substring(1);
                }
                rest = rest.trim();
            }
        }
        return rest;
    }
}
