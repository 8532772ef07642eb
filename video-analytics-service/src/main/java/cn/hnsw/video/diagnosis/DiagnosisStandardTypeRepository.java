package cn.hnsw.video.diagnosis;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** 诊断标准类型 and the thresholds each type sets over the base standard. */
@Repository
public class DiagnosisStandardTypeRepository {

    /** A standard type as stored; {@code thresholds} holds only the faults the type sets itself. */
    public record StandardType(String code, String nameZh, String nameEn, boolean builtin,
            Map<String, Double> thresholds, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;

    public DiagnosisStandardTypeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<StandardType> all() {
        return jdbc.query("SELECT * FROM diagnosis_standard_type ORDER BY builtin DESC, code", (rs, i) ->
                rs.getString("code")).stream().map(c -> find(c).orElseThrow()).toList();
    }

    public Optional<StandardType> find(String code) {
        Map<String, Double> thresholds = new LinkedHashMap<>();
        jdbc.query("SELECT fault, threshold FROM diagnosis_standard_type_threshold WHERE type_code = ? ORDER BY fault",
                rs -> {
                    thresholds.put(rs.getString("fault"), rs.getDouble("threshold"));
                }, code);
        return jdbc.query("SELECT * FROM diagnosis_standard_type WHERE code = ?", (rs, i) -> new StandardType(
                rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"), rs.getBoolean("builtin"),
                thresholds, rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("updated_by"), rs.getTimestamp("updated_at") == null ? null
                        : rs.getTimestamp("updated_at").toInstant()), code).stream().findFirst();
    }

    public void insert(String code, String nameZh, String nameEn, String by, Map<String, Double> thresholds) {
        jdbc.update("INSERT INTO diagnosis_standard_type (code, name_zh, name_en, builtin, created_by, created_at) "
                + "VALUES (?, ?, ?, false, ?, ?)", code, nameZh, nameEn, by, Timestamp.from(Instant.now()));
        thresholds.forEach((fault, value) -> putThreshold(code, fault, value));
    }

    public int rename(String code, String nameZh, String nameEn, String by) {
        return jdbc.update("UPDATE diagnosis_standard_type SET name_zh = ?, name_en = ?, updated_by = ?, "
                + "updated_at = ? WHERE code = ?", nameZh, nameEn, by, Timestamp.from(Instant.now()), code);
    }

    public int delete(String code) {
        return jdbc.update("DELETE FROM diagnosis_standard_type WHERE code = ? AND NOT builtin", code);
    }

    public void putThreshold(String code, String fault, double value) {
        jdbc.update("INSERT INTO diagnosis_standard_type_threshold (type_code, fault, threshold) VALUES (?, ?, ?) "
                + "ON CONFLICT (type_code, fault) DO UPDATE SET threshold = EXCLUDED.threshold", code, fault, value);
    }

    public int deleteThreshold(String code, String fault) {
        return jdbc.update("DELETE FROM diagnosis_standard_type_threshold WHERE type_code = ? AND fault = ?", code,
                fault);
    }

    public void touched(String code, String by) {
        jdbc.update("UPDATE diagnosis_standard_type SET updated_by = ?, updated_at = ? WHERE code = ?", by,
                Timestamp.from(Instant.now()), code);
    }

    /** Analysis tasks whose instruction names the type. */
    public int tasksUsing(String code) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM analysis_task WHERE instruction ->> 'standardType' = ?",
                Integer.class, code);
        return n == null ? 0 : n;
    }
}
