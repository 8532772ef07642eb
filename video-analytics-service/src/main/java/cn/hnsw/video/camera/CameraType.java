package cn.hnsw.video.camera;

/** Kinds of camera at the ports. */
public enum CameraType {
    /** 枪机 */
    BOX,
    /** 球机 */
    DOME,
    /** 云台 */
    PTZ,
    /** 人脸抓拍机 */
    FACE_CAPTURE,
    /** 全景 (high-point) */
    PANORAMIC
}
