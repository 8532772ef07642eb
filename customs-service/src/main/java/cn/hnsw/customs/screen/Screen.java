package cn.hnsw.customs.screen;

import java.util.EnumSet;
import java.util.Set;

/** The two configurable screens of a declaration type and the field sections each holds. */
public enum Screen {
    /** 录入界面 — the entry screen's header and goods-item fields. */
    ENTRY(EnumSet.of(Section.HEADER, Section.ITEM)),
    /** 查询界面 — the query screen's conditions (header and goods item) and its result columns. */
    QUERY(EnumSet.of(Section.HEADER_CONDITION, Section.ITEM_CONDITION, Section.RESULT)),
    /** 查询详情设置 — the fields the detail screen shows of the header and of each goods item, in order. */
    DETAIL(EnumSet.of(Section.HEADER, Section.ITEM)),
    /** 表格导出设置 — the columns of the list export, in order. */
    EXPORT(EnumSet.of(Section.RESULT)),
    /** 报关单数据项定制 — the header and goods-item fields distributed to the Haikou sub-centre. */
    DISTRIBUTION(EnumSet.of(Section.HEADER, Section.ITEM));

    private final Set<Section> sections;

    Screen(Set<Section> sections) {
        this.sections = sections;
    }

    public Set<Section> sections() {
        return sections;
    }

    /** A group of fields on a screen. */
    public enum Section {
        /** 表头录入项. */
        HEADER,
        /** 表体（商品项）录入项. */
        ITEM,
        /** 表头查询条件. */
        HEADER_CONDITION,
        /** 表体查询条件. */
        ITEM_CONDITION,
        /** 查询结果字段. */
        RESULT
    }
}
