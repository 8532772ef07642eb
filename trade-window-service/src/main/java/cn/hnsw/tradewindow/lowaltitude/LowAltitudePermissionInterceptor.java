package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies the S2 permission groups: a reviewer in a group reaches only the API paths of the menus the group grants.
 * A refusal is a 403 {@code PERMISSION_GROUP_DENIED} and a line in the system log (系统日志).
 */
@Component
class LowAltitudePermissionInterceptor implements HandlerInterceptor {

    private final LowAltitudePermissions permissions;
    private final LowAltitudeSystemLog systemLog;

    LowAltitudePermissionInterceptor(LowAltitudePermissions permissions, LowAltitudeSystemLog systemLog) {
        this.permissions = permissions;
        this.systemLog = systemLog;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(LowAltitudePermissionController.ROOT + "/")) {
            return true;
        }
        CurrentActor actor = Actors.currentIfAny().orElse(null);
        if (actor == null || !LowAltitudeReportingService.isReviewer(actor)) {
            return true;
        }
        String relative = path.substring(LowAltitudePermissionController.ROOT.length());
        if (permissions.allows(actor, relative)) {
            return true;
        }
        systemLog.record(LowAltitudeSystemLog.Level.WARN, "SECURITY", "PERMISSION_GROUP_DENIED", actor.username(),
                null, "权限组未授予 / Not granted by the permission groups: " + request.getMethod() + " " + relative);
        throw new HnswException(LowAltitudeErrorCode.PERMISSION_GROUP_DENIED, relative);
    }
}
