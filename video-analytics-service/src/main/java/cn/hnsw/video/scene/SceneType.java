package cn.hnsw.video.scene;

/** 监管场景类型 — the kinds of place a supervision scene is. */
public enum SceneType {
    /** 出岛旅检通道 */
    DEPARTURE_CHANNEL,
    /** 候检大厅 */
    WAITING_HALL,
    /** 行李查验区 */
    BAGGAGE_INSPECTION,
    /** 车辆查验区 */
    VEHICLE_INSPECTION,
    /** 离岛免税提货点 */
    DUTY_FREE_PICKUP
}
