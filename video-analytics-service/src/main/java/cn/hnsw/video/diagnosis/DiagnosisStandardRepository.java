package cn.hnsw.video.diagnosis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** 诊断标准与阈值 — diagnosis thresholds as data (FP 922–929). */
@Repository
public class DiagnosisStandardRepository {

    /** One threshold with what it means. */
    public record Standard(String fault, double threshold, String description) {
    }

    private final JdbcTemplate jdbc;

    public DiagnosisStandardRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Standard> all() {
        return jdbc.query("SELECT * FROM diagnosis_standard ORDER BY fault", (rs, i) -> new Standard(rs.getString("fault"),
                rs.getDouble("threshold"), rs.getString("description")));
    }

    public DiagnosisStandards current() {
        Map<String, Double> m = new LinkedHashMap<>();
        all().forEach(s -> m.put(s.fault(), s.threshold()));
        return new DiagnosisStandards(m);
    }

    /**
     * The thresholds of a standard type: the base standard with the type's own thresholds over it; {@code typeCode}
     * null is the base standard itself. A type that does not exist is refused (404).
     */
    public DiagnosisStandards current(Object typeCode) {
        DiagnosisStandards base = current();
        if (typeCode == null) {
            return base;
        }
        String code = typeCode.toString();
        Integer n = jdbc.queryForObject("SELECT count(*) FROM diagnosis_standard_type WHERE code = ?", Integer.class,
                code);
        if (n == null || n == 0) {
            throw new cn.hnsw.common.web.HnswException(DiagnosisErrorCode.STANDARD_TYPE_NOT_FOUND, code);
        }
        Map<String, Double> m = new LinkedHashMap<>(base.thresholds());
        jdbc.query("SELECT fault, threshold FROM diagnosis_standard_type_threshold WHERE type_code = ?",
                rs -> {
                    m.put(rs.getString("fault"), rs.getDouble("threshold"));
                }, code);
        return new DiagnosisStandards(m);
    }

    public int update(String fault, double threshold) {
        return jdbc.update("UPDATE diagnosis_standard SET threshold = ? WHERE fault = ?", threshold, fault);
    }
}
