package cn.hnsw.video.camera;

import cn.hnsw.video.camera.SignalDistributionService.Distribution;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 视频信号分发: platform administrators distribute a camera's signal to a receiving organisation and stop it; officers
 * and reviewers read the distributions to their organisation.
 */
@RestController
@RequestMapping("/api/video-analytics/v1/signal-distributions")
@PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
class SignalDistributionController {

    private final SignalDistributionService service;

    SignalDistributionController(SignalDistributionService service) {
        this.service = service;
    }

    record DistributionRequest(@NotNull UUID cameraId, @NotBlank @Size(max = 64) String pointCode,
            @NotBlank @Size(max = 256) @Pattern(regexp = "/[^\\s]+") String receiverOrg,
            @NotBlank @Size(max = 128) String receiverName, @Size(max = 256) String purpose) {
    }

    record StopRequest(@Size(max = 256) String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('platform-admin')")
    Distribution distribute(@Valid @RequestBody DistributionRequest r) {
        return service.distribute(r.cameraId(), r.pointCode().trim(), r.receiverOrg(), r.receiverName(), r.purpose());
    }

    @PostMapping("/{id}/stop")
    @PreAuthorize("hasRole('platform-admin')")
    Distribution stop(@PathVariable UUID id, @Valid @RequestBody(required = false) StopRequest r) {
        return service.stop(id, r == null ? null : r.reason());
    }

    @GetMapping
    List<Distribution> list(@RequestParam(required = false) UUID cameraId,
            @RequestParam(required = false) String pointCode, @RequestParam(required = false) String receiverOrg,
            @RequestParam(required = false) String status) {
        return service.list(cameraId, pointCode, receiverOrg, status);
    }

    @GetMapping("/{id}")
    Distribution get(@PathVariable UUID id) {
        return service.get(id);
    }
}
