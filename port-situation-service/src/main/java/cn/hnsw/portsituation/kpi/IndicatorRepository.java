package cn.hnsw.portsituation.kpi;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The indicator catalogue ({@code kpi_indicator}) and the indicators' targets ({@code kpi_target}). */
@Repository
public class IndicatorRepository {

    /** A target set on an indicator. */
    public record Target(String indicatorKey, BigDecimal target, String comparison, boolean enabled, Instant updatedAt,
                         String updatedBy) {

        /** Whether a value meets the target (null when it cannot be told). */
        public Boolean met(BigDecimal value) {
            if (value == null) {
                return null;
            }
            int c = value.compareTo(target);
            return "AT_MOST".equals(comparison) ? c <= 0 : c >= 0;
        }
    }

    private static final RowMapper<Indicator> ROW = (rs, n) -> new Indicator(rs.getString("key"),
            rs.getString("module"), rs.getString("name_zh"), rs.getString("name_en"), rs.getString("flow"),
            rs.getString("unit_zh"), rs.getString("unit_en"), KpiSource.valueOf(rs.getString("source")),
            rs.getString("subject"), rs.getString("filter"), rs.getString("aggregation"), rs.getString("measure"),
            rs.getString("denominator"), List.of(strings(rs.getArray("breakdowns"))),
            Arrays.stream(integers(rs.getArray("fps"))).toList());

    private final JdbcTemplate jdbc;

    public IndicatorRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Indicator> all(String module) {
        return jdbc.query("SELECT * FROM kpi_indicator WHERE (?::text IS NULL OR module = ?) ORDER BY sort_order", ROW,
                module, module);
    }

    public Optional<Indicator> find(String key) {
        return jdbc.query("SELECT * FROM kpi_indicator WHERE key = ?", ROW, key).stream().findFirst();
    }

    public Optional<Target> target(String key) {
        return jdbc.query("SELECT * FROM kpi_target WHERE indicator_key = ?", (rs, n) -> new Target(
                rs.getString("indicator_key"), rs.getBigDecimal("target"), rs.getString("comparison"),
                rs.getBoolean("enabled"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")), key)
                .stream().findFirst();
    }

    public void saveTarget(String key, BigDecimal target, String comparison, boolean enabled, Instant at, String by) {
        jdbc.update("""
                INSERT INTO kpi_target (indicator_key, target, comparison, enabled, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (indicator_key) DO UPDATE SET target = excluded.target, comparison = excluded.comparison,
                    enabled = excluded.enabled, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """, key, target, comparison, enabled, Timestamp.from(at), by);
    }

    public boolean enable(String key, boolean enabled, Instant at, String by) {
        return jdbc.update("UPDATE kpi_target SET enabled = ?, updated_at = ?, updated_by = ? WHERE indicator_key = ?",
                enabled, Timestamp.from(at), by, key) > 0;
    }

    /** The ports of the indicator system, in their display order. */
    public List<java.util.Map<String, Object>> ports() {
        return jdbc.queryForList("SELECT code AS \"portCode\", name_zh AS \"nameZh\", name_en AS \"nameEn\", kind"
                + " FROM port ORDER BY sort_order");
    }

    private static String[] strings(Array a) throws SQLException {
        return (String[]) a.getArray();
    }

    private static Integer[] integers(Array a) throws SQLException {
        return (Integer[]) a.getArray();
    }
}
