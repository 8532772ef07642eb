package cn.hnsw.video.diagnosis;

/** 视频图像诊断 — the picture faults the diagnosis recognises (FP 790–921). */
public enum VideoFault {
    BLUR, COLOR_CAST, LOW_CONTRAST, BRIGHTNESS, STRIPES, FREEZE, JITTER, OCCLUSION, SNOW, PTZ_FAILURE, SIGNAL_LOSS
}
