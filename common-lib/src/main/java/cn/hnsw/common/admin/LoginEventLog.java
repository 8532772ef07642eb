package cn.hnsw.common.admin;

import cn.hnsw.common.admin.IdentityDirectory.DirectoryLoginEvent;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * 用户登录日志 — sign-ins, failed sign-ins and sign-outs as the identity provider recorded them (Keycloak's user
 * events), pulled into the service's {@code admin_login_event} table so that the log is kept with the system's
 * other records and queried like them. Pulling is idempotent: an event is stored once by its id, and each pull starts
 * at the newest stored event (Keycloak filters by time, inclusive).
 */
public class LoginEventLog {

    /** One stored sign-in event. */
    public record Entry(String eventId, Instant occurredAt, String type, String userId, String username,
                        String clientId, String sessionId, String ipAddress, String error) {
    }

    private static final Logger log = LoggerFactory.getLogger(LoginEventLog.class);
    private static final int PAGE = 200;
    private static final RowMapper<Entry> ROW = (rs, i) -> new Entry(rs.getString("event_id"),
            rs.getTimestamp("occurred_at").toInstant(), rs.getString("type"), rs.getString("user_id"),
            rs.getString("username"), rs.getString("client_id"), rs.getString("session_id"),
            rs.getString("ip_address"), rs.getString("error"));

    private final IdentityDirectory directory;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final Duration firstLookBack;

    public LoginEventLog(IdentityDirectory directory, NamedParameterJdbcTemplate jdbc, Clock clock,
                         Duration firstLookBack) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.clock = clock;
        this.firstLookBack = firstLookBack;
    }

    /** Pulls the events since the newest stored one; returns how many were new. */
    public synchronized int pull() {
        Timestamp newest = jdbc.getJdbcTemplate().queryForObject("SELECT max(occurred_at) FROM admin_login_event",
                Timestamp.class);
        Instant from = newest != null ? newest.toInstant() : clock.instant().minus(firstLookBack);
        int stored = 0;
        for (int first = 0; ; first += PAGE) {
            List<DirectoryLoginEvent> page = directory.loginEvents(from, first, PAGE);
            for (DirectoryLoginEvent e : page) {
                stored += store(e);
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (stored > 0) {
            log.info("event=login-events-pulled stored={} from={}", stored, from);
        }
        return stored;
    }

    private int store(DirectoryLoginEvent e) {
        String id = e.id() != null ? e.id()
                : e.time().toEpochMilli() + ":" + e.type() + ":" + e.userId() + ":" + e.sessionId();
        return jdbc.update("""
                INSERT INTO admin_login_event (event_id, occurred_at, type, user_id, username, client_id, session_id,
                                               ip_address, error, pulled_at)
                VALUES (:id, :at, :type, :user, :username, :client, :session, :ip, :error, :pulled)
                ON CONFLICT (event_id) DO NOTHING""", new MapSqlParameterSource()
                .addValue("id", id).addValue("at", Timestamp.from(e.time())).addValue("type", e.type())
                .addValue("user", e.userId()).addValue("username", e.username()).addValue("client", e.clientId())
                .addValue("session", e.sessionId()).addValue("ip", e.ipAddress()).addValue("error", e.error())
                .addValue("pulled", Timestamp.from(clock.instant())));
    }

    /** Newest first; every filter is optional, {@code to} exclusive. */
    public PageResponse<Entry> search(String username, String type, Boolean failed, Instant from, Instant to,
                                      PageQuery page) {
        List<String> where = new ArrayList<>();
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (username != null && !username.isBlank()) {
            where.add("username = :username");
            p.addValue("username", username.trim());
        }
        if (type != null && !type.isBlank()) {
            where.add("type = :type");
            p.addValue("type", type.trim());
        }
        if (failed != null) {
            where.add(failed ? "error IS NOT NULL" : "error IS NULL");
        }
        if (from != null) {
            where.add("occurred_at >= :from");
            p.addValue("from", Timestamp.from(from));
        }
        if (to != null) {
            where.add("occurred_at < :to");
            p.addValue("to", Timestamp.from(to));
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        Long total = jdbc.queryForObject("SELECT count(*) FROM admin_login_event" + filter, p, Long.class);
        p.addValue("limit", page.size()).addValue("offset", page.offset());
        List<Entry> rows = jdbc.query("SELECT * FROM admin_login_event" + filter
                + " ORDER BY occurred_at DESC, event_id LIMIT :limit OFFSET :offset", p, ROW);
        return PageResponse.of(rows, page, total == null ? 0 : total);
    }
}
