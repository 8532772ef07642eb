package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * S2 系统日志 (FP 411–419): what the low-altitude system itself did or refused — a warning scan and how many warnings
 * it raised, a declaration that failed the logic check, a request refused by a permission group — as opposed to the
 * users' changes (操作日志, {@link LowAltitudeOperationLog}). Written by the system only (no endpoint writes it); list
 * with conditions, detail and the exports. Reviewers and the platform's operators read it.
 */
@Service
public class LowAltitudeSystemLog {

    static final int EXPORT_LIMIT = 5_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    public LowAltitudeSystemLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public enum Level { INFO, WARN, ERROR }

    public record Entry(long seq, Instant occurredAt, String level, String category, String event, String actorName,
                        String businessId, String detail) {
    }

    /** 查询条件: level, category, a part of the event or detail, and a time range ({@code to} exclusive). */
    public record Filter(String level, String category, String keyword, Instant from, Instant to) {
    }

    /** Records one system event, in the caller's transaction. */
    public void record(Level level, String category, String event, String actorName, String businessId,
                       String detail) {
        jdbc.sql("""
                INSERT INTO la_system_log (occurred_at, level, category, event, actor_name, business_id, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()), level.name(), category, event, actorName, businessId,
                        detail.length() > 2000 ? detail.substring(0, 2000) : detail)
                .update();
    }

    public PageResponse<Entry> search(CurrentActor actor, Filter f, PageQuery page) {
        requireReader(actor);
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        long total = jdbc.sql("SELECT count(*) FROM la_system_log" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add((long) page.page() * page.size());
        List<Entry> rows = jdbc.sql("SELECT * FROM la_system_log" + where + " ORDER BY seq DESC LIMIT ? OFFSET ?")
                .params(pageParams).query(LowAltitudeSystemLog::entry).list();
        return PageResponse.of(rows, page, total);
    }

    public Entry detail(CurrentActor actor, long seq) {
        requireReader(actor);
        return jdbc.sql("SELECT * FROM la_system_log WHERE seq = ?").params(seq).query(LowAltitudeSystemLog::entry)
                .optional().orElseThrow(() -> new HnswException(CommonErrorCode.NOT_FOUND));
    }

    /** What an export or a print holds: the newest {@link #EXPORT_LIMIT} entries matching the conditions. */
    public List<Entry> forExport(CurrentActor actor, Filter f) {
        requireReader(actor);
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        params.add(EXPORT_LIMIT);
        return jdbc.sql("SELECT * FROM la_system_log" + where + " ORDER BY seq DESC LIMIT ?").params(params)
                .query(LowAltitudeSystemLog::entry).list();
    }

    private static String where(Filter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE TRUE");
        if (f.level() != null && !f.level().isBlank()) {
            sql.append(" AND level = ?");
            params.add(f.level());
        }
        if (f.category() != null && !f.category().isBlank()) {
            sql.append(" AND category = ?");
            params.add(f.category().strip());
        }
        if (f.keyword() != null && !f.keyword().isBlank()) {
            String like = "%" + f.keyword().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (event ILIKE ? ESCAPE '\\' OR detail ILIKE ? ESCAPE '\\' OR business_id ILIKE ? ESCAPE '\\')");
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (f.from() != null) {
            sql.append(" AND occurred_at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND occurred_at < ?");
            params.add(Timestamp.from(f.to()));
        }
        return sql.toString();
    }

    private static Entry entry(ResultSet rs, int i) throws SQLException {
        return new Entry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("level"),
                rs.getString("category"), rs.getString("event"), rs.getString("actor_name"),
                rs.getString("business_id"), rs.getString("detail"));
    }

    private static void requireReader(CurrentActor actor) {
        if (!LowAltitudeReportingService.isReviewer(actor)) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
    }
}
