package cn.hnsw.video.diagnosis;

import java.util.Map;

/**
 * 诊断标准 — thresholds of the diagnosis, read from the {@code diagnosis_standard} table (keys as there:
 * BLUR, COLOR_CAST, LOW_CONTRAST, BRIGHTNESS_LOW, BRIGHTNESS_HIGH, STRIPES, FREEZE, JITTER, OCCLUSION, SNOW,
 * PTZ_FAILURE, SIGNAL_LOSS).
 */
public record DiagnosisStandards(Map<String, Double> thresholds) {

    public double get(String key) {
        Double v = thresholds.get(key);
        if (v == null) {
            throw new IllegalStateException("no diagnosis threshold " + key);
        }
        return v;
    }
}
