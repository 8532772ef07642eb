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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * S2 操作日志 (FP 420–429): the changes made through the low-altitude reporting system, read from the service's audit
 * hash chain ({@code audit_operation_log}, written for every changing request by common-lib's interceptor), so the
 * log cannot be edited here: list with conditions, detail, and the Excel and Word exports. Reviewers and the
 * platform's operators read it; reporters do not.
 */
@Service
public class LowAltitudeOperationLog {

    /** Only operations on the low-altitude endpoints. */
    static final String SCOPE = "%/low-altitude/%";
    static final int EXPORT_LIMIT = 5_000;

    private final JdbcClient jdbc;

    public LowAltitudeOperationLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(long seq, Instant occurredAt, String actorName, String roles, String organization,
                        String enterprise, String action, String businessId, String result, String detail,
                        String clientIp, String hash) {
    }

    /** 查询条件: who (exact user name), what (part of the action), result, and a time range ({@code to} exclusive). */
    public record Filter(String actor, String action, String result, Instant from, Instant to) {
    }

    public PageResponse<Entry> search(CurrentActor actor, Filter f, PageQuery page) {
        requireReader(actor);
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        long total = jdbc.sql("SELECT count(*) FROM audit_operation_log" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add((long) page.page() * page.size());
        List<Entry> rows = jdbc.sql("SELECT * FROM audit_operation_log" + where + " ORDER BY seq DESC LIMIT ? OFFSET ?")
                .params(pageParams).query(LowAltitudeOperationLog::entry).list();
        return PageResponse.of(rows, page, total);
    }

    public Entry detail(CurrentActor actor, long seq) {
        requireReader(actor);
        return jdbc.sql("SELECT * FROM audit_operation_log WHERE seq = ? AND action LIKE ?").params(seq, SCOPE)
                .query(LowAltitudeOperationLog::entry).optional()
                .orElseThrow(() -> new HnswException(CommonErrorCode.NOT_FOUND));
    }

    /** What an export holds: the newest {@link #EXPORT_LIMIT} entries matching the conditions. */
    public List<Entry> forExport(CurrentActor actor, Filter f) {
        requireReader(actor);
        return all(f);
    }

    private List<Entry> all(Filter f) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        params.add(EXPORT_LIMIT);
        return jdbc.sql("SELECT * FROM audit_operation_log" + where + " ORDER BY seq DESC LIMIT ?").params(params)
                .query(LowAltitudeOperationLog::entry).list();
    }

    private static String where(Filter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE action LIKE ?");
        params.add(SCOPE);
        if (f.actor() != null && !f.actor().isBlank()) {
            sql.append(" AND actor_name = ?");
            params.add(f.actor().strip());
        }
        if (f.action() != null && !f.action().isBlank()) {
            sql.append(" AND action ILIKE ? ESCAPE '\\'");
            params.add("%" + f.action().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.result() != null && !f.result().isBlank()) {
            sql.append(" AND result = ?");
            params.add(f.result());
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
        return new Entry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_name"),
                rs.getString("roles"), rs.getString("organization"), rs.getString("enterprise"), rs.getString("action"),
                rs.getString("business_id"), rs.getString("result"), rs.getString("detail"), rs.getString("client_ip"),
                rs.getString("hash"));
    }

    private static void requireReader(CurrentActor actor) {
        if (!LowAltitudeReportingService.isReviewer(actor)) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
    }
}
