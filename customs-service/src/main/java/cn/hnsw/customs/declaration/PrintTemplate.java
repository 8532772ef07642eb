package cn.hnsw.customs.declaration;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * 打印模版 (FP 95, 162) with its print check rule (FP 98, 164): for one declaration type, the printed form's title and
 * footer, the goods-item columns in their order, and the states in which a declaration may be printed.
 */
public record PrintTemplate(DeclarationType declarationType, String title, String footer, List<Column> itemColumns,
                            Set<DeclarationStatus> printableStatuses, String updatedBy, Instant updatedAt, int version) {

    /** A goods-item column of the printed form. */
    public enum Column {
        SEQ("项号"), HS_CODE("商品编号"), NAME_SPEC("商品名称及规格型号"), QUANTITY_UNIT("数量及单位"),
        PRICE("单价/总价/币制"), ORIGIN("原产国（地区）"), DESTINATION("最终目的国（地区）"), LEVY("征免");

        private final String titleZh;

        Column(String titleZh) {
            this.titleZh = titleZh;
        }

        public String titleZh() {
            return titleZh;
        }
    }

    /** The standard form: the paper form's title, every column, any state but deleted. */
    public static PrintTemplate standard(DeclarationType type) {
        return new PrintTemplate(type, null, null, List.of(Column.values()),
                EnumSet.complementOf(EnumSet.of(DeclarationStatus.DELETED)), "standard", null, 0);
    }

    /** What an operator sends; {@code version} is the one changed (0 while the standard form is in force). */
    public record Change(String title, String footer, List<Column> itemColumns, Set<DeclarationStatus> printableStatuses,
                         Integer version) {
    }
}
