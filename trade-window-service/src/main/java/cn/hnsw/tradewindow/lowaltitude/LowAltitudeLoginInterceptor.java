package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The S2 login timeout ({@link LowAltitudeLoginSessions}): every low-altitude request of a reporter counts as activity
 * of its login session; a session over its idle timeout, or logged out, is refused with 401 (and the refusal written
 * to the system log), changing nothing.
 */
@Component
class LowAltitudeLoginInterceptor implements HandlerInterceptor {

    private final LowAltitudeLoginSessions sessions;
    private final LowAltitudeSystemLog systemLog;

    LowAltitudeLoginInterceptor(LowAltitudeLoginSessions sessions, LowAltitudeSystemLog systemLog) {
        this.sessions = sessions;
        this.systemLog = systemLog;
    }

    /** Whether the request's token says its user ticked remember me at login (the realm's remember-me mapper). */
    static boolean rememberMe() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                && Boolean.TRUE.equals(token.getToken().getClaimAsBoolean(LowAltitudeLoginSessions.REMEMBER_ME_CLAIM));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        CurrentActor actor = Actors.currentIfAny().orElse(null);
        if (actor == null) {
            return true;
        }
        LowAltitudeLoginSessions.Verdict verdict = sessions.touch(actor, rememberMe());
        if (verdict == LowAltitudeLoginSessions.Verdict.ACTIVE) {
            return true;
        }
        systemLog.record(LowAltitudeSystemLog.Level.WARN, "SECURITY", "SESSION_" + verdict.name(), actor.username(),
                null, "登录会话已结束 / The login session is over: " + verdict.name());
        throw new HnswException(verdict == LowAltitudeLoginSessions.Verdict.IDLE_TIMEOUT
                ? LowAltitudeErrorCode.SESSION_IDLE_TIMEOUT : LowAltitudeErrorCode.SESSION_ENDED);
    }
}
