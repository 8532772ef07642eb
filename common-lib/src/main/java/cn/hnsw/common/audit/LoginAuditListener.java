package cn.hnsw.common.audit;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * 登录日志 — sign-ins happen at Keycloak; a service sees a session the first time a token of that session reaches it,
 * and logs that as the session's login here. Tokens the service refuses (bad signature, expired, wrong audience) are
 * logged as {@link LoginEvent#TOKEN_REJECTED}.
 */
public class LoginAuditListener {

    private static final Logger log = LoggerFactory.getLogger(LoginAuditListener.class);
    private static final int REMEMBERED_SESSIONS = 10_000;

    private final AuditLog auditLog;
    private final Set<String> seenSessions = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_SESSIONS;
                }
            }));

    public LoginAuditListener(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof JwtAuthenticationToken token)) {
            return;
        }
        CurrentActor actor = CurrentActor.from(token.getToken());
        String session = actor.sessionId() != null ? actor.sessionId() : "jti:" + token.getToken().getId();
        if (seenSessions.contains(session)) {
            return;
        }
        try {
            synchronized (this) {
                if (!seenSessions.contains(session) && !auditLog.hasLoginForSession(session)) {
                    HttpServletRequest request = currentRequest();
                    auditLog.recordLogin(new LoginLogEntry(null, null, LoginEvent.LOGIN, actor.userId(), actor.username(),
                            String.join(",", actor.roles()), actor.primaryOrganization(), actor.enterprise(),
                            AuditResult.SUCCESS, null, session, ip(request), userAgent(request), RequestIds.current(), null));
                }
                seenSessions.add(session);
            }
        } catch (RuntimeException e) {
            log.error("event=login-audit-failed session={}", session, e);
        }
    }

    @EventListener
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        HttpServletRequest request = currentRequest();
        try {
            auditLog.recordLogin(new LoginLogEntry(null, null, LoginEvent.TOKEN_REJECTED, null, null, null, null, null,
                    AuditResult.FAILURE, AuditContext.truncate(event.getException().getClass().getSimpleName(), 100),
                    null, ip(request), userAgent(request), RequestIds.current(), null));
        } catch (RuntimeException e) {
            log.error("event=login-audit-failed reason=token-rejected", e);
        }
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private static String ip(HttpServletRequest request) {
        return request == null ? null : AuditContext.clientIp(request);
    }

    private static String userAgent(HttpServletRequest request) {
        return request == null ? null : AuditContext.truncate(request.getHeader("User-Agent"), 300);
    }
}
