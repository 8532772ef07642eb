package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.common.security.Actors;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeLoginSessions.LoginSession;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeLoginSessions.Settings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** S2 报送主体登录管理: the login timeout setting, the login sessions, and logging out of the current one. */
@RestController
@RequestMapping("/api/trade-window/v1/low-altitude")
class LowAltitudeLoginController {

    private final LowAltitudeLoginSessions sessions;

    LowAltitudeLoginController(LowAltitudeLoginSessions sessions) {
        this.sessions = sessions;
    }

    record SettingsRequest(@Min(5) @Max(1440) int idleTimeoutMinutes) {
    }

    /** The timeout, for every signed-in user (the web shows it on the login management page). */
    @GetMapping("/login-settings")
    Settings settings() {
        return sessions.settings();
    }

    @PutMapping("/login-settings")
    Settings saveSettings(@Valid @RequestBody SettingsRequest r) {
        return sessions.saveSettings(Actors.current(), r.idleTimeoutMinutes());
    }

    @GetMapping("/login-sessions")
    List<LoginSession> loginSessions() {
        return sessions.sessions(Actors.current());
    }

    @PostMapping("/login-sessions/current/logout")
    LoginSession logout() {
        return sessions.logout(Actors.current());
    }
}
