package cn.hnsw.video.themes;

import cn.hnsw.common.web.HnswException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * 主题库数据处理逻辑 — one condition over a field: EQ, NE, CONTAINS, PREFIX, GT, GE, LT, LE (numbers as numbers,
 * ISO instants as instants, text otherwise), and REQUIRED (a row without the field is a failed row, not a skipped
 * one). A feed's conditions all hold for a row it stores; a page's conditions all hold for a row it shows.
 */
public record ThemeCondition(String field, String op, String value) {

    static final Set<String> OPS = Set.of("EQ", "NE", "CONTAINS", "PREFIX", "GT", "GE", "LT", "LE", "REQUIRED");

    static List<ThemeCondition> validate(List<ThemeCondition> conditions, Collection<String> fields) {
        if (conditions == null) {
            return List.of();
        }
        for (ThemeCondition c : conditions) {
            if (c == null || c.field() == null || !fields.contains(c.field())) {
                throw new HnswException(ThemeErrorCode.FIELD_INVALID, c == null ? null : c.field());
            }
            if (c.op() == null || !OPS.contains(c.op())) {
                throw new HnswException(ThemeErrorCode.CONDITION_INVALID, c.field() + " " + c.op());
            }
            if (!"REQUIRED".equals(c.op()) && (c.value() == null || c.value().isBlank())) {
                throw new HnswException(ThemeErrorCode.CONDITION_INVALID, c.field() + " " + c.op() + " needs a value");
            }
        }
        return List.copyOf(conditions);
    }

    boolean required() {
        return "REQUIRED".equals(op);
    }

    boolean holds(String actual) {
        if (required()) {
            return actual != null && !actual.isBlank();
        }
        if (actual == null) {
            return "NE".equals(op);
        }
        return switch (op) {
            case "EQ" -> actual.equals(value);
            case "NE" -> !actual.equals(value);
            case "CONTAINS" -> actual.contains(value);
            case "PREFIX" -> actual.startsWith(value);
            default -> {
                int cmp = compare(actual, value);
                yield switch (op) {
                    case "GT" -> cmp > 0;
                    case "GE" -> cmp >= 0;
                    case "LT" -> cmp < 0;
                    default -> cmp <= 0;
                };
            }
        };
    }

    static int compare(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        } catch (NumberFormatException notNumbers) {
            try {
                return Instant.parse(a).compareTo(Instant.parse(b));
            } catch (DateTimeParseException notInstants) {
                return a.compareTo(b);
            }
        }
    }
}
