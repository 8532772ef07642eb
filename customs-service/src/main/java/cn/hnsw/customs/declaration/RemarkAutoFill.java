package cn.hnsw.customs.declaration;

/**
 * 报关单数据自动赋值生成备注信息 (FP 219–225, R6): a direct-release declaration's remark starts with the direct-release
 * marker, and names the linked goods attribute's marker when that attribute is chosen. The declarant's own text
 * follows. Which markers and which attribute are an operator's setting ({@link RemarkFillSettings}, seeded with
 * 一线径予放行 and HN01 = 放宽贸易管制货物). When the filled text would not fit the remark field, the fill is reset to the
 * markers alone (FP 221, 224: reset on failure).
 */
public final class RemarkAutoFill {

    public static final String DIRECT_RELEASE_MARKER = "一线径予放行";
    public static final String RELAXED_MARKER = "放宽贸易管制货物";
    public static final int MAX_REMARK = 500;

    /**
     * The fill's setting: the marker every direct-release remark starts with, and the goods attribute whose choice
     * adds {@code linkedMarker} (none when {@code linkedAttribute} is null).
     */
    public record Setting(String marker, String linkedAttribute, String linkedMarker) {
    }

    /** The seeded setting, used where no operator setting is read (a declaration held by the sub-centre, a test). */
    public static final Setting DEFAULT = new Setting(DIRECT_RELEASE_MARKER, DeclarationHeader.RELAXED_TRADE_CONTROL,
            RELAXED_MARKER);

    private RemarkAutoFill() {
    }

    public static DeclarationHeader apply(DeclarationType type, DeclarationHeader header) {
        return apply(type, header, DEFAULT);
    }

    public static DeclarationHeader apply(DeclarationType type, DeclarationHeader header, Setting setting) {
        if (type != DeclarationType.DIRECT_RELEASE) {
            return header;
        }
        String own = strip(header.remark(), setting);
        StringBuilder markers = new StringBuilder(setting.marker());
        if (setting.linkedAttribute() != null && header.hasGoodsAttribute(setting.linkedAttribute())) {
            markers.append("；").append(setting.linkedMarker());
        }
        String filled = own.isEmpty() ? markers.toString() : markers + "；" + own;
        return header.withRemark(filled.length() <= MAX_REMARK ? filled : markers.toString());
    }

    /** The declarant's text without the markers a previous fill added, so a re-save does not repeat them. */
    private static String strip(String remark, Setting setting) {
        if (remark == null) {
            return "";
        }
        String rest = remark.trim();
        for (String marker : new String[]{setting.marker(), setting.linkedMarker()}) {
            if (marker != null && !marker.isEmpty() && rest.startsWith(marker)) {
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
