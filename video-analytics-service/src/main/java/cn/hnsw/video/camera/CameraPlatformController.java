package cn.hnsw.video.camera;

import cn.hnsw.video.camera.CameraPlatformService.HealthReport;
import cn.hnsw.video.camera.CameraPlatformService.SyncReport;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 视频联网平台接入 — synchronise cameras and distribution points, check their health, see points and health changes. */
@RestController
@RequestMapping("/api/video-analytics/v1")
class CameraPlatformController {

    private final CameraPlatformService service;

    CameraPlatformController(CameraPlatformService service) {
        this.service = service;
    }

    @PostMapping("/camera-platform/synchronisations")
    @PreAuthorize("hasRole('platform-admin')")
    SyncReport synchronise() {
        return service.synchronise();
    }

    @PostMapping("/camera-platform/health-checks")
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    HealthReport checkHealth() {
        return service.checkHealth();
    }

    @GetMapping("/distribution-points")
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
    List<Map<String, Object>> points() {
        return service.points();
    }

    @GetMapping("/device-health-events")
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
    List<Map<String, Object>> events(@RequestParam(required = false) String deviceCode,
            @RequestParam(defaultValue = "100") int limit) {
        return service.events(deviceCode, limit);
    }
}
