package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * S2 报送主体登录管理 (FP 101–106) on the service's side. Keycloak's realm keeps remember-me (记住账户, and the
 * automatic login of a remembered session) and renews tokens while the browser is open (会话保持); the web renews
 * them in the background, so the Keycloak session alone never times out while a tab is open. The login timeout
 * (登录超时) is therefore kept here, as data: a reporter's login session (the token's {@code sid}, the same across
 * renewals) that made no request to the low-altitude API for longer than the configured minutes is over — its next
 * request is refused (401 {@code SESSION_IDLE_TIMEOUT}) and so is every later one, until the reporter logs in again
 * (a new session). A reporter may also end its session (LOGOUT). Reporters list their own sessions, reviewers all.
 *
 * <p>记住我 (FP 103/104, H5 229/230): a reporter who ticked remember me at login wants to stay signed in; Keycloak keeps
 * such a session for days, and the realm's own mapper says so in every token of it ({@value #REMEMBER_ME_CLAIM}). Such
 * a session is recorded as remembered and is not ended for idleness here; logging out still ends it.
 */
@Service
public class LowAltitudeLoginSessions {

    /** The boolean claim the realm's {@code hnsw-remember-me-mapper} puts into every token of a login session. */
    public static final String REMEMBER_ME_CLAIM = "remember_me";

    private final JdbcClient jdbc;
    private final Clock clock;

    public LowAltitudeLoginSessions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Settings(int idleTimeoutMinutes, String updatedBy, Instant updatedAt) {
    }

    public record LoginSession(String sessionId, String ownerKey, String username, Instant firstSeen, Instant lastSeen,
                               long requests, Instant endedAt, String endReason, boolean rememberMe) {
    }

    /** What a request of a session finds: go on, or the reason the session is over. */
    public enum Verdict { ACTIVE, IDLE_TIMEOUT, ENDED }

    public Settings settings() {
        return jdbc.sql("SELECT * FROM la_login_setting WHERE id = 1").query((rs, i) -> new Settings(
                rs.getInt("idle_timeout_minutes"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant())).single();
    }

    @Transactional
    public Settings saveSettings(CurrentActor actor, int idleTimeoutMinutes) {
        if (!LowAltitudeReportingService.isReviewer(actor)) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
        jdbc.sql("UPDATE la_login_setting SET idle_timeout_minutes = ?, updated_by = ?, updated_at = ? WHERE id = 1")
                .params(idleTimeoutMinutes, actor.username(), Timestamp.from(clock.instant())).update();
        return settings();
    }

    /** The owner key of a reporter, or empty for anyone else (reviewers and other officers are not timed here). */
    static Optional<String> reporterOwner(CurrentActor actor) {
        if (LowAltitudeReportingService.isReviewer(actor)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LowAltitudeReportingService.ownerKey(actor));
        } catch (HnswException notAReporter) {
            return Optional.empty();
        }
    }

    /**
     * Records a request of the actor's login session and says whether the session may go on. A session idle for
     * longer than the timeout is ended here (IDLE_TIMEOUT), in this transaction, before the refusal, unless its
     * token says the user ticked remember me.
     */
    @Transactional
    public Verdict touch(CurrentActor actor, boolean rememberMe) {
        String owner = reporterOwner(actor).orElse(null);
        if (owner == null || actor.sessionId() == null) {
            return Verdict.ACTIVE;
        }
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.sql("""
                INSERT INTO la_login_session (session_id, owner_key, username, first_seen, last_seen, remember_me)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING""")
                .params(actor.sessionId(), owner, actor.username(), now, now, rememberMe).update();
        if (inserted == 1) {
            return Verdict.ACTIVE;
        }
        LoginSession s = jdbc.sql("SELECT * FROM la_login_session WHERE session_id = ? FOR UPDATE")
                .param(actor.sessionId()).query(LowAltitudeLoginSessions::session).single();
        if (s.endedAt() != null) {
            return "IDLE_TIMEOUT".equals(s.endReason()) ? Verdict.IDLE_TIMEOUT : Verdict.ENDED;
        }
        // remember me is a property of the Keycloak session: every token of it carries the same answer
        if (!rememberMe && !s.rememberMe()
                && Duration.between(s.lastSeen(), now.toInstant()).toMinutes() >= settings().idleTimeoutMinutes()) {
            jdbc.sql("UPDATE la_login_session SET ended_at = ?, end_reason = 'IDLE_TIMEOUT' WHERE session_id = ?")
                    .params(now, actor.sessionId()).update();
            return Verdict.IDLE_TIMEOUT;
        }
        jdbc.sql("UPDATE la_login_session SET last_seen = ?, requests = requests + 1 WHERE session_id = ?")
                .params(now, actor.sessionId()).update();
        return Verdict.ACTIVE;
    }

    /** 退出登录: the reporter ends its current session; later requests of it are refused. */
    @Transactional
    public LoginSession logout(CurrentActor actor) {
        String owner = reporterOwner(actor).orElseThrow(() -> new HnswException(CommonErrorCode.ACCESS_DENIED));
        if (actor.sessionId() == null) {
            throw new HnswException(LowAltitudeErrorCode.LOGIN_SESSION_NOT_FOUND, "-");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                UPDATE la_login_session SET ended_at = ?, end_reason = 'LOGOUT'
                WHERE session_id = ? AND owner_key = ? AND ended_at IS NULL""")
                .params(now, actor.sessionId(), owner).update();
        return jdbc.sql("SELECT * FROM la_login_session WHERE session_id = ? AND owner_key = ?")
                .params(actor.sessionId(), owner).query(LowAltitudeLoginSessions::session).optional()
                .orElseThrow(() -> new HnswException(LowAltitudeErrorCode.LOGIN_SESSION_NOT_FOUND, actor.sessionId()));
    }

    /** 登录信息管理: the reporter's own login sessions, or (reviewers) everyone's; newest first. */
    public List<LoginSession> sessions(CurrentActor actor) {
        if (LowAltitudeReportingService.isReviewer(actor)) {
            return jdbc.sql("SELECT * FROM la_login_session ORDER BY last_seen DESC LIMIT 500")
                    .query(LowAltitudeLoginSessions::session).list();
        }
        String owner = LowAltitudeReportingService.ownerKey(actor);
        return jdbc.sql("SELECT * FROM la_login_session WHERE owner_key = ? ORDER BY last_seen DESC LIMIT 500")
                .param(owner).query(LowAltitudeLoginSessions::session).list();
    }

    private static LoginSession session(ResultSet rs, int i) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new LoginSession(rs.getString("session_id"), rs.getString("owner_key"), rs.getString("username"),
                rs.getTimestamp("first_seen").toInstant(), rs.getTimestamp("last_seen").toInstant(),
                rs.getLong("requests"), ended == null ? null : ended.toInstant(), rs.getString("end_reason"),
                rs.getBoolean("remember_me"));
    }
}
