package cn.hnsw.common.audit;

import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 日志审计 — the service's login log and operation log, each a tamper-evident SM3 hash chain.
 * <p>
 * {@link #recordOperation} joins the caller's transaction when there is one, so a rolled-back change leaves no
 * "success" row; {@link #recordOperationSeparately} and the login log commit on their own, so that refusals and
 * failures are kept even when the business transaction is rolled back.
 */
public class AuditLog {

    static final String OPERATION_TABLE = "audit_operation_log";
    static final String LOGIN_TABLE = "audit_login_log";
    private static final List<String> OPERATION_COLUMNS = List.of("occurred_at", "actor_id", "actor_name", "roles",
            "organization", "enterprise", "action", "business_type", "business_id", "result", "detail", "client_ip",
            "request_id");
    private static final List<String> LOGIN_COLUMNS = List.of("occurred_at", "event", "actor_id", "actor_name", "roles",
            "organization", "enterprise", "result", "reason", "session_id", "client_ip", "user_agent", "request_id");

    private final NamedParameterJdbcTemplate named;
    private final HashChain operations;
    private final HashChain logins;
    private final TransactionTemplate joinOrStart;
    private final TransactionTemplate separate;
    private final Clock clock;

    public AuditLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.operations = new HashChain(jdbc, OPERATION_TABLE, OPERATION_COLUMNS);
        this.logins = new HashChain(jdbc, LOGIN_TABLE, LOGIN_COLUMNS);
        this.joinOrStart = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Records an operation in the caller's transaction (or a new one). Returns its sequence number. */
    public long recordOperation(OperationLogEntry entry) {
        return joinOrStart.execute(status -> operations.append(operationValues(entry)));
    }

    /** Records an operation in a transaction of its own: for failures and refusals. */
    public long recordOperationSeparately(OperationLogEntry entry) {
        return separate.execute(status -> operations.append(operationValues(entry)));
    }

    /** Records a login, logout or refused token, in a transaction of its own. */
    public long recordLogin(LoginLogEntry entry) {
        return separate.execute(status -> logins.append(loginValues(entry)));
    }

    public boolean hasLoginForSession(String sessionId) {
        Integer n = named.queryForObject("SELECT count(*) FROM audit_login_log WHERE session_id = :sid AND event = 'LOGIN'",
                Map.of("sid", sessionId), Integer.class);
        return n != null && n > 0;
    }

    public AuditVerification verify() {
        return new AuditVerification(operations.verify(), logins.verify());
    }

    public PageResponse<OperationLogEntry> searchOperations(AuditSearch search, PageQuery page) {
        return search(OPERATION_TABLE, search, page, operationMapper());
    }

    public PageResponse<LoginLogEntry> searchLogins(AuditSearch search, PageQuery page) {
        return search(LOGIN_TABLE, search, page, loginMapper());
    }

    private <T> PageResponse<T> search(String table, AuditSearch search, PageQuery page, RowMapper<T> mapper) {
        List<String> where = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (search.actor() != null) {
            where.add("actor_name = :actor");
            params.addValue("actor", search.actor());
        }
        if (search.enterprise() != null) {
            where.add("enterprise = :enterprise");
            params.addValue("enterprise", search.enterprise());
        }
        boolean operations = OPERATION_TABLE.equals(table);
        if (search.action() != null && operations) {
            where.add("action ILIKE :action");
            params.addValue("action", "%" + search.action().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (search.businessId() != null && operations) {
            where.add("business_id = :businessId");
            params.addValue("businessId", search.businessId());
        }
        if (search.result() != null) {
            where.add("result = :result");
            params.addValue("result", search.result().name());
        }
        if (search.from() != null) {
            where.add("occurred_at >= :from");
            params.addValue("from", Timestamp.from(search.from()));
        }
        if (search.to() != null) {
            where.add("occurred_at < :to");
            params.addValue("to", Timestamp.from(search.to()));
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        Long total = named.queryForObject("SELECT count(*) FROM " + table + filter, params, Long.class);
        params.addValue("limit", page.size()).addValue("offset", page.offset());
        List<T> rows = named.query("SELECT * FROM " + table + filter
                + " ORDER BY seq " + (search.oldestFirst() ? "ASC" : "DESC") + " LIMIT :limit OFFSET :offset", params, mapper);
        return PageResponse.of(rows, page, total == null ? 0 : total);
    }

    private Map<String, Object> operationValues(OperationLogEntry e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("occurred_at", e.occurredAt() != null ? e.occurredAt() : Instant.now(clock));
        v.put("actor_id", e.actorId());
        v.put("actor_name", e.actorName());
        v.put("roles", e.roles());
        v.put("organization", e.organization());
        v.put("enterprise", e.enterprise());
        v.put("action", e.action());
        v.put("business_type", e.businessType());
        v.put("business_id", e.businessId());
        v.put("result", e.result().name());
        v.put("detail", e.detail());
        v.put("client_ip", e.clientIp());
        v.put("request_id", e.requestId());
        return v;
    }

    private Map<String, Object> loginValues(LoginLogEntry e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("occurred_at", e.occurredAt() != null ? e.occurredAt() : Instant.now(clock));
        v.put("event", e.event().name());
        v.put("actor_id", e.actorId());
        v.put("actor_name", e.actorName());
        v.put("roles", e.roles());
        v.put("organization", e.organization());
        v.put("enterprise", e.enterprise());
        v.put("result", e.result().name());
        v.put("reason", e.reason());
        v.put("session_id", e.sessionId());
        v.put("client_ip", e.clientIp());
        v.put("user_agent", e.userAgent());
        v.put("request_id", e.requestId());
        return v;
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static RowMapper<OperationLogEntry> operationMapper() {
        return (rs, i) -> new OperationLogEntry(rs.getLong("seq"), instant(rs, "occurred_at"), rs.getString("actor_id"),
                rs.getString("actor_name"), rs.getString("roles"), rs.getString("organization"), rs.getString("enterprise"),
                rs.getString("action"), rs.getString("business_type"), rs.getString("business_id"),
                AuditResult.valueOf(rs.getString("result")), rs.getString("detail"), rs.getString("client_ip"),
                rs.getString("request_id"), rs.getString("hash"));
    }

    private static RowMapper<LoginLogEntry> loginMapper() {
        return (rs, i) -> new LoginLogEntry(rs.getLong("seq"), instant(rs, "occurred_at"),
                LoginEvent.valueOf(rs.getString("event")), rs.getString("actor_id"), rs.getString("actor_name"),
                rs.getString("roles"), rs.getString("organization"), rs.getString("enterprise"),
                AuditResult.valueOf(rs.getString("result")), rs.getString("reason"), rs.getString("session_id"),
                rs.getString("client_ip"), rs.getString("user_agent"), rs.getString("request_id"), rs.getString("hash"));
    }
}
