package cn.hnsw.video.watchlist;

/** What a watch-list task watches for. */
public enum WatchlistKind {
    /** 人脸图片布控: targets are uploaded face photos. */
    FACE_IMAGE,
    /** 人脸基础信息库布控: targets are face base records. */
    FACE_BASE,
    /** 重点旅客布控: targets are persons of interest. */
    KEY_PASSENGER,
    /** 离岛免税回流布控: targets are travellers suspected of bringing duty-free goods back. */
    DUTY_FREE_BACKFLOW,
    /** 风险车辆布控: targets are licence-plate numbers, read from frames by the plate reader. */
    RISK_VEHICLE,
    /** 随机布控: no targets; a share (the sampling rate) of the faces captured on its cameras is picked for a check. */
    RANDOM
}
