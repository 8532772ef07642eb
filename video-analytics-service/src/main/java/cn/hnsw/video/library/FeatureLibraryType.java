package cn.hnsw.video.library;

/** 特征库 — the six feature libraries (FP 422–449). */
public enum FeatureLibraryType {
    /** 人脸基础信息库: the district's face store itself (one descriptor per face base record). */
    FACE_BASE,
    /** 人脸抓拍库: every face a camera captured. */
    SNAPSHOT,
    /** 重点人员库 */
    PERSON_OF_INTEREST,
    /** 白名单库: persons who never raise a watch-list hit. */
    WHITELIST,
    /** 红名单库 */
    RED_LIST,
    /** 业务库 */
    BUSINESS,
    /** 告警库: faces that raised alerts. */
    ALERT
}
