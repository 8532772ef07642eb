package cn.hnsw.video.diagnosis;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.diagnosis.DiagnosisStandardTypeRepository.StandardType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 诊断标准类型管理 — an operator-defined standard type is a named set of thresholds over the eleven measured faults
 * (twelve keys: brightness has a low and a high bound); the faults a type does not set take the base standard's
 * threshold, so a type needs no new detector. The thresholds depend on each other, so every change is checked on
 * the type's effective set: none negative, the low brightness bound below the high one, the three shares
 * (occlusion, snow, signal loss) at most 1. Built-in types cannot be deleted; a type an analysis task names in its
 * instruction ({@code standardType}) cannot be deleted either (409) until the task lets it go.
 */
@Service
public class DiagnosisStandardTypeService {

    private static final Set<String> SHARES = Set.of("OCCLUSION", "SNOW", "SIGNAL_LOSS");

    /** A type with what it sets, what it uses for every fault, and how many tasks name it. */
    public record TypeView(String code, String nameZh, String nameEn, boolean builtin, Map<String, Double> own,
            Map<String, Double> effective, int tasksUsing, String updatedBy) {
    }

    private final DiagnosisStandardTypeRepository types;
    private final DiagnosisStandardRepository standards;

    public DiagnosisStandardTypeService(DiagnosisStandardTypeRepository types, DiagnosisStandardRepository standards) {
        this.types = types;
        this.standards = standards;
    }

    public List<TypeView> all() {
        return types.all().stream().map(this::view).toList();
    }

    public TypeView get(String code) {
        return view(type(code));
    }

    @Transactional
    public TypeView create(String code, String nameZh, String nameEn, Map<String, Double> thresholds) {
        if (types.find(code).isPresent()) {
            throw new HnswException(DiagnosisErrorCode.STANDARD_TYPE_CODE_TAKEN, code);
        }
        Map<String, Double> own = thresholds == null ? Map.of() : thresholds;
        own.keySet().forEach(this::knownFault);
        check(own);
        types.insert(code, nameZh.trim(), nameEn.trim(), Actors.current().username(), own);
        return get(code);
    }

    @Transactional
    public TypeView rename(String code, String nameZh, String nameEn) {
        type(code);
        types.rename(code, nameZh.trim(), nameEn.trim(), Actors.current().username());
        return get(code);
    }

    @Transactional
    public void delete(String code) {
        StandardType t = type(code);
        if (t.builtin()) {
            throw new HnswException(DiagnosisErrorCode.STANDARD_TYPE_BUILTIN, code);
        }
        int using = types.tasksUsing(code);
        if (using > 0) {
            throw new HnswException(DiagnosisErrorCode.STANDARD_TYPE_IN_USE, code, using);
        }
        types.delete(code);
    }

    /** 诊断标准阀值新增: the type sets a fault it left to the base standard so far (409 if it sets it already). */
    @Transactional
    public TypeView addThreshold(String code, String fault, double value) {
        StandardType t = type(code);
        knownFault(fault);
        if (t.thresholds().containsKey(fault)) {
            throw new HnswException(DiagnosisErrorCode.TYPE_THRESHOLD_EXISTS, fault);
        }
        return put(t, fault, value);
    }

    /** 诊断标准阀值修改 within a type. */
    @Transactional
    public TypeView changeThreshold(String code, String fault, double value) {
        StandardType t = type(code);
        knownFault(fault);
        if (!t.thresholds().containsKey(fault)) {
            throw new HnswException(DiagnosisErrorCode.TYPE_THRESHOLD_NOT_FOUND, fault);
        }
        return put(t, fault, value);
    }

    /** 诊断标准阀值删除: the type leaves the fault to the base standard again (checked like any change). */
    @Transactional
    public TypeView deleteThreshold(String code, String fault) {
        StandardType t = type(code);
        if (!t.thresholds().containsKey(fault)) {
            throw new HnswException(DiagnosisErrorCode.TYPE_THRESHOLD_NOT_FOUND, fault);
        }
        Map<String, Double> own = new LinkedHashMap<>(t.thresholds());
        own.remove(fault);
        check(own);
        types.deleteThreshold(code, fault);
        types.touched(code, Actors.current().username());
        return get(code);
    }

    private TypeView put(StandardType t, String fault, double value) {
        Map<String, Double> own = new LinkedHashMap<>(t.thresholds());
        own.put(fault, value);
        check(own);
        types.putThreshold(t.code(), fault, value);
        types.touched(t.code(), Actors.current().username());
        return get(t.code());
    }

    private void check(Map<String, Double> own) {
        Map<String, Double> effective = new LinkedHashMap<>(standards.current().thresholds());
        effective.putAll(own);
        check(new DiagnosisStandards(effective));
    }

    /** The rules that make a set of thresholds usable by the diagnoser. */
    static void check(DiagnosisStandards s) {
        s.thresholds().forEach((fault, v) -> {
            if (v == null || v.isNaN() || v < 0) {
                throw new HnswException(DiagnosisErrorCode.THRESHOLDS_INCONSISTENT, fault + "=" + v + " < 0");
            }
            if (SHARES.contains(fault) && v > 1) {
                throw new HnswException(DiagnosisErrorCode.THRESHOLDS_INCONSISTENT, fault + "=" + v + " > 1");
            }
        });
        if (s.get("BRIGHTNESS_LOW") >= s.get("BRIGHTNESS_HIGH")) {
            throw new HnswException(DiagnosisErrorCode.THRESHOLDS_INCONSISTENT, "BRIGHTNESS_LOW "
                    + s.get("BRIGHTNESS_LOW") + " >= BRIGHTNESS_HIGH " + s.get("BRIGHTNESS_HIGH"));
        }
    }

    private void knownFault(String fault) {
        if (!standards.current().thresholds().containsKey(fault)) {
            throw new HnswException(DiagnosisErrorCode.FAULT_UNKNOWN, fault);
        }
    }

    private StandardType type(String code) {
        return types.find(code).orElseThrow(() -> new HnswException(DiagnosisErrorCode.STANDARD_TYPE_NOT_FOUND, code));
    }

    private TypeView view(StandardType t) {
        return new TypeView(t.code(), t.nameZh(), t.nameEn(), t.builtin(), t.thresholds(),
                standards.current(t.code()).thresholds(), types.tasksUsing(t.code()), t.updatedBy());
    }
}
