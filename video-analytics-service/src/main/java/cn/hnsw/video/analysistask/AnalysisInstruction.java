package cn.hnsw.video.analysistask;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.analysistask.AnalysisKind.Family;
import cn.hnsw.video.behavior.BehaviorRules;
import cn.hnsw.video.diagnosis.DiagnosisStandards;
import cn.hnsw.video.support.VideoErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 分析指令 — what a task tells its detector beyond the defaults: for behaviours the region and thresholds (over the
 * camera's own rules), for diagnosis the thresholds (over the diagnosis standards), for faces the smallest face and
 * the distances of the face-base check and of same-person merging (and the face base record searched for), for
 * plates how often a frame is read. Only the keys of the task's family are accepted,
 * each in its range; whatever is left out keeps its default.
 */
public final class AnalysisInstruction {

    public static final double DEFAULT_BASE_LIBRARY_DISTANCE = 0.6;
    public static final double DEFAULT_CLUSTER_DISTANCE = 0.5;
    public static final double DEFAULT_PLATE_INTERVAL_MS = 1000;
    /** The key of a face base record whose face the faces of the feed are compared with (以图搜脸). */
    public static final String PROBE = "probeRecordId";
    /** The diagnosis standard type whose thresholds a diagnosis task uses (the base standard when absent). */
    public static final String STANDARD_TYPE = "standardType";
    /** The evaluation window of a continuous diagnosis, in seconds: its faults are reported at the end of each. */
    public static final String DIAGNOSIS_WINDOW_SECONDS = "windowSeconds";
    public static final double DEFAULT_DIAGNOSIS_WINDOW_SECONDS = 10;

    /** A number key with its allowed range (inclusive). */
    private record Range(double min, double max) {
    }

    private static final Map<String, Range> FACE = Map.of("minFaceSide", new Range(16, 1000),
            "baseLibraryDistance", new Range(0.1, 1.5), "clusterDistance", new Range(0.1, 1.5));
    private static final Map<String, Range> BEHAVIOR = Map.of("runningSpeed", new Range(0.01, 10),
            "runningMinSeconds", new Range(0.1, 60), "loiterSeconds", new Range(1, 3600), "crowdCount", new Range(2, 500),
            "crowdSeconds", new Range(0.1, 600), "violentEnergy", new Range(0.001, 1), "violentSeconds", new Range(0.1, 60),
            "staticSeconds", new Range(0.5, 3600), "minBlobArea", new Range(0.00001, 0.5));
    private static final Set<String> DIAGNOSIS = Set.of("BLUR", "COLOR_CAST", "LOW_CONTRAST", "BRIGHTNESS_LOW",
            "BRIGHTNESS_HIGH", "STRIPES", "FREEZE", "JITTER", "OCCLUSION", "SNOW", "PTZ_FAILURE", "SIGNAL_LOSS");

    private AnalysisInstruction() {
    }

    /** The instruction checked against the family; an unknown key or a value out of range is refused (400). */
    public static Map<String, Object> validate(Family family, Map<String, Object> instruction) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (instruction == null) {
            return out;
        }
        for (Map.Entry<String, Object> e : instruction.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            if (family.faces() && key.equals(PROBE)) {
                // 绑定人脸基础数据库: the face base record the faces are compared with
                try {
                    out.put(key, java.util.UUID.fromString(String.valueOf(v)).toString());
                } catch (IllegalArgumentException notAUuid) {
                    throw new HnswException(VideoErrorCode.INSTRUCTION_INVALID, key + "=" + v);
                }
                continue;
            }
            if (family == Family.DIAGNOSIS && key.equals(STANDARD_TYPE)) {
                if (!(v instanceof String code) || !code.matches("[A-Z0-9_]{1,64}")) {
                    throw new HnswException(VideoErrorCode.INSTRUCTION_INVALID, key + "=" + v);
                }
                out.put(key, code);
                continue;
            }
            if ((family == Family.BEHAVIOR || family == Family.FUSION) && key.equals("region")) {
                out.put(key, region(v));
                continue;
            }
            Range r = switch (family) {
                case FACE -> FACE.get(key);
                case FUSION -> FACE.containsKey(key) ? FACE.get(key) : BEHAVIOR.get(key);
                case BEHAVIOR -> BEHAVIOR.get(key);
                case DIAGNOSIS -> DIAGNOSIS.contains(key) ? new Range(0, 1_000_000)
                        : key.equals(DIAGNOSIS_WINDOW_SECONDS) ? new Range(1, 600) : null;
                case PLATE -> key.equals("plateIntervalMs") ? new Range(100, 60_000) : null;
            };
            if (r == null) {
                throw new HnswException(VideoErrorCode.INSTRUCTION_INVALID, key);
            }
            if (!(v instanceof Number n) || Double.isNaN(n.doubleValue()) || n.doubleValue() < r.min()
                    || n.doubleValue() > r.max()) {
                throw new HnswException(VideoErrorCode.INSTRUCTION_INVALID, key + "=" + v);
            }
            out.put(key, n.doubleValue());
        }
        return out;
    }

    private static List<Double> region(Object v) {
        if (!(v instanceof List<?> l) || l.size() != 4 || !l.stream().allMatch(x -> x instanceof Number)) {
            throw new HnswException(VideoErrorCode.INSTRUCTION_INVALID, "region=" + v);
        }
        List<Double> r = l.stream().map(x -> ((Number) x).doubleValue()).toList();
        if (r.get(0) < 0 || r.get(1) < 0 || r.get(2) <= 0 || r.get(3) <= 0 || r.get(0) + r.get(2) > 1.0001
                || r.get(1) + r.get(3) > 1.0001) {
            throw new HnswException(VideoErrorCode.INSTRUCTION_INVALID, "region=" + v);
        }
        return r;
    }

    public static double number(Map<String, Object> instruction, String key, double fallback) {
        Object v = instruction.get(key);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }

    /** The camera's (or the default) behaviour rules with the instruction's values over them. */
    public static BehaviorRules behaviorRules(BehaviorRules base, Map<String, Object> ins) {
        double[] region = base.region();
        if (ins.get("region") instanceof List<?> l) {
            region = new double[l.size()];
            for (int i = 0; i < region.length; i++) {
                region[i] = ((Number) l.get(i)).doubleValue();
            }
        }
        return new BehaviorRules(region, number(ins, "runningSpeed", base.runningSpeed()),
                number(ins, "runningMinSeconds", base.runningMinSeconds()), number(ins, "loiterSeconds", base.loiterSeconds()),
                (int) Math.round(number(ins, "crowdCount", base.crowdCount())), number(ins, "crowdSeconds", base.crowdSeconds()),
                number(ins, "violentEnergy", base.violentEnergy()), number(ins, "violentSeconds", base.violentSeconds()),
                number(ins, "staticSeconds", base.staticSeconds()), number(ins, "minBlobArea", base.minBlobArea()));
    }

    /** The diagnosis standards with the instruction's thresholds over them. */
    public static DiagnosisStandards standards(DiagnosisStandards base, Map<String, Object> ins) {
        Map<String, Double> m = new LinkedHashMap<>(base.thresholds());
        for (String key : DIAGNOSIS) {
            if (ins.get(key) instanceof Number n) {
                m.put(key, n.doubleValue());
            }
        }
        return new DiagnosisStandards(m);
    }
}
