package cn.hnsw.portsituation.kpi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes any indicator of the catalogue from its source: per port, in total, as a trend, cut by a dimension, or per
 * port and hour of the day. One SQL shape for all of them: the source's fixed query, the indicator's subject and JSON
 * filter, the period and port, and the aggregation over the named measure; every value is bound, none is spliced.
 */
@Repository
public class KpiEngine {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public KpiEngine(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * What to compute over: a period (ignored by snapshots), a port (null: every port) and equalities on further
     * dimensions beyond the indicator's own filter (e.g. one enterprise).
     */
    public record Slice(Instant from, Instant to, String portCode, Map<String, String> where) {
    }

    /** A value of a series (trend bucket, breakdown key). */
    public record Point(String key, BigDecimal value) {
    }

    /** A cell of the port × hour-of-day heat map. */
    public record Cell(String portCode, int hour, BigDecimal value) {
    }

    public Map<String, BigDecimal> perPort(Indicator i, Slice s) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT port_code, " + aggregate(i, args) + " AS value" + from(i, s, args) + " GROUP BY port_code";
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            out.put(rs.getString(1), rs.getBigDecimal(2));
        }, args.toArray());
        return out;
    }

    /** The indicator over every port of the slice together (a LATEST value is the sum of each port's last). */
    public BigDecimal total(Indicator i, Slice s) {
        if ("LATEST".equals(i.aggregation())) {
            return perPort(i, s).values().stream().filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        List<Object> args = new ArrayList<>();
        String sql = "SELECT " + aggregate(i, args) + from(i, s, args);
        return jdbc.queryForObject(sql, BigDecimal.class, args.toArray());
    }

    /** One value per hour, day, month or year (Asia/Shanghai) that has data, in time order. */
    public List<Point> trend(Indicator i, Slice s, String bucket) {
        String format = switch (bucket) {
            case "hour" -> "YYYY-MM-DD HH24:00";
            case "day" -> "YYYY-MM-DD";
            case "month" -> "YYYY-MM";
            case "year" -> "YYYY";
            default -> throw new IllegalArgumentException(bucket);
        };
        List<Object> args = new ArrayList<>(List.of(bucket, format));
        String sql = "SELECT to_char(date_trunc(?, at AT TIME ZONE 'Asia/Shanghai'), ?) AS bucket, "
                + aggregate(i, args) + " AS value" + from(i, s, args) + " GROUP BY 1 ORDER BY 1";
        return jdbc.query(sql, (rs, n) -> new Point(rs.getString(1), rs.getBigDecimal(2)), args.toArray());
    }

    /** The indicator cut by one dimension, largest first, at most {@code top} keys. */
    public List<Point> breakdown(Indicator i, Slice s, String dimension, int top) {
        List<Object> args = new ArrayList<>(List.of(dimension));
        String sql = "SELECT dims ->> ? AS key, " + aggregate(i, args) + " AS value" + from(i, s, args)
                + " GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 LIMIT ?";
        args.add(top);
        return jdbc.query(sql, (rs, n) -> new Point(rs.getString(1), rs.getBigDecimal(2)), args.toArray());
    }

    /** The indicator per port and hour of the day (0–23, Asia/Shanghai). */
    public List<Cell> heatMap(Indicator i, Slice s) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT port_code, extract(hour FROM at AT TIME ZONE 'Asia/Shanghai')::int AS hour, "
                + aggregate(i, args) + " AS value" + from(i, s, args) + " GROUP BY 1, 2 ORDER BY 1, 2";
        return jdbc.query(sql, (rs, n) -> new Cell(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3)),
                args.toArray());
    }

    private static String aggregate(Indicator i, List<Object> args) {
        String expression = switch (i.aggregation()) {
            case "SUM" -> {
                args.add(i.measure());
                yield "coalesce(sum((measures ->> ?)::numeric), 0)";
            }
            case "AVG" -> {
                args.add(i.measure());
                yield "avg((measures ->> ?)::numeric)";
            }
            case "RATIO" -> {
                args.add(i.measure());
                args.add(i.denominator());
                yield "100.0 * sum((measures ->> ?)::numeric) / nullif(sum((measures ->> ?)::numeric), 0)";
            }
            case "LATEST" -> {
                args.add(i.measure());
                yield "(array_agg((measures ->> ?)::numeric ORDER BY at DESC))[1]";
            }
            case "DISTINCT" -> {
                args.add(i.measure());
                yield "count(DISTINCT dims ->> ?)";
            }
            default -> throw new IllegalStateException("aggregation " + i.aggregation());
        };
        return "round((" + expression + ")::numeric, 2)";
    }

    private String from(Indicator i, Slice s, List<Object> args) {
        StringBuilder sql = new StringBuilder(" FROM (").append(i.source().sql())
                .append(") f WHERE (?::text IS NULL OR subject = ?) AND dims @> ?::jsonb");
        args.add(i.subject());
        args.add(i.subject());
        args.add(filter(i, s));
        if (!i.snapshot()) {
            sql.append(" AND at >= ? AND at < ?");
            args.add(Timestamp.from(s.from()));
            args.add(Timestamp.from(s.to()));
        }
        if (s.portCode() != null) {
            sql.append(" AND port_code = ?");
            args.add(s.portCode());
        }
        return sql.toString();
    }

    private String filter(Indicator i, Slice s) {
        try {
            ObjectNode filter = (ObjectNode) json.readTree(i.filter());
            s.where().forEach(filter::put);
            return json.writeValueAsString(filter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("filter of " + i.key(), e);
        }
    }
}
