package cn.hnsw.customs.exchange;

/** The partner ids of the declaration system (simulators/src/main/resources/application.yml). */
public final class Partners {

    /** 中国国际贸易单一窗口标准版 — declarations reach customs (H2018) through it. */
    public static final String SINGLE_WINDOW = "single-window-standard";
    /** 海口数据分中心 — receives distributed direct-release declarations. */
    public static final String HAIKOU_SUBCENTRE = "haikou-data-subcentre";
    /** 舱单系统 — manifest back-fill. */
    public static final String MANIFEST_SYSTEM = "manifest-system";

    private Partners() {
    }
}
