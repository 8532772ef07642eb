package cn.hnsw.video.oplog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** 日志: one row per change through the API or per action the console records. */
@Repository
public class OperationLogRepository {

    /** One entry of the log. */
    public record Entry(long id, Instant at, String username, String roles, String kind, String action,
            String target, Integer status, Integer durationMs, String requestId) {
    }

    private final JdbcTemplate jdbc;

    public OperationLogRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String username, String roles, String kind, String action, String target, Integer status,
            Integer durationMs, String requestId) {
        jdbc.update("INSERT INTO video_operation_log (username, roles, kind, action, target, status, duration_ms, "
                + "request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", username, roles, kind, action, target, status,
                durationMs, requestId);
    }

    private static final String WHERE = " WHERE (?::text IS NULL OR username = ?) AND (?::text IS NULL OR kind = ?) "
            + "AND (?::text IS NULL OR strpos(action, ?) > 0) AND (?::timestamptz IS NULL OR at >= ?) "
            + "AND (?::timestamptz IS NULL OR at < ?)";

    public List<Entry> find(String username, String kind, String action, Instant from, Instant to, int limit,
            long offset) {
        Object[] args = args(username, kind, action, from, to, limit, offset);
        return jdbc.query("SELECT * FROM video_operation_log" + WHERE + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
                (rs, i) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("username"),
                        rs.getString("roles"), rs.getString("kind"), rs.getString("action"), rs.getString("target"),
                        (Integer) rs.getObject("status"), (Integer) rs.getObject("duration_ms"),
                        rs.getString("request_id")), args);
    }

    public long count(String username, String kind, String action, Instant from, Instant to) {
        Object[] all = args(username, kind, action, from, to, 0, 0);
        Object[] args = java.util.Arrays.copyOf(all, all.length - 2);
        Long n = jdbc.queryForObject("SELECT count(*) FROM video_operation_log" + WHERE, Long.class, args);
        return n == null ? 0 : n;
    }

    private static Object[] args(String username, String kind, String action, Instant from, Instant to, int limit,
            long offset) {
        Timestamp f = from == null ? null : Timestamp.from(from);
        Timestamp t = to == null ? null : Timestamp.from(to);
        return new Object[] {username, username, kind, kind, action, action, f, f, t, t, limit, offset};
    }
}
