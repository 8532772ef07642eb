package cn.hnsw.portsituation.kpi;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.util.List;

/**
 * One indicator of the 口岸指标体系, as the {@code kpi_indicator} table defines it.
 *
 * @param source      the stream or table it is computed from ({@link KpiSource})
 * @param subject     the part of that source: a fact subject, a flow, a facility kind (null: all of it)
 * @param filter      JSON object the record's dimensions must contain
 * @param aggregation SUM, AVG, RATIO (100 × Σ measure / Σ denominator), LATEST (the last value) or DISTINCT (how
 *                    many different values the dimension named by {@code measure} takes)
 * @param breakdowns  the dimensions it may be cut by (doughnut, top 5, enterprise ranking)
 * @param fps         the function points of the spec it serves
 */
public record Indicator(String key, String module, String nameZh, String nameEn, String flow, String unitZh,
                        String unitEn, KpiSource source, String subject, @JsonRawValue String filter, String aggregation,
                        String measure, String denominator, List<String> breakdowns, List<Integer> fps) {

    /** A snapshot (facilities, gates) has no history: no period, trend or hourly distribution. */
    public boolean snapshot() {
        return source.snapshot();
    }
}
