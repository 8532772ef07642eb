package cn.hnsw.portsituation.basedata;

import java.util.ArrayList;
import java.util.List;

/** The filters of a base-data list: equal columns and one word looked for in the code and names. */
final class Search {

    private final StringBuilder where = new StringBuilder(" WHERE true");
    private final List<Object> args = new ArrayList<>();

    Search eq(String column, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.append(" AND ").append(column).append(" = ?");
            args.add(value instanceof String s ? s.strip() : value);
        }
        return this;
    }

    /** A condition of its own, with its arguments. */
    Search condition(String sql, Object... values) {
        where.append(" AND ").append(sql);
        args.addAll(List.of(values));
        return this;
    }

    /** A word in any of the columns (case-insensitive, taken literally). */
    Search word(String q, String... columns) {
        if (q != null && !q.isBlank()) {
            String like = "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.append(" AND (");
            for (int i = 0; i < columns.length; i++) {
                where.append(i == 0 ? "" : " OR ").append("coalesce(").append(columns[i]).append(", '') ILIKE ?");
                args.add(like);
            }
            where.append(')');
        }
        return this;
    }

    String where() {
        return where.toString();
    }

    Object[] args(Object... more) {
        List<Object> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray();
    }
}
