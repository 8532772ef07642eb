package cn.hnsw.video.camera;

import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.video.camera.CameraRepository.Camera;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 视频设备接入 — camera register, list, change, remove, live snapshot. */
@RestController
@RequestMapping("/api/video-analytics/v1/cameras")
class CameraController {

    private final CameraService service;

    CameraController(CameraService service) {
        this.service = service;
    }

    record CameraRequest(@NotBlank @Size(max = 64) String deviceCode, @NotBlank @Size(max = 128) String name,
            @NotNull CameraType cameraType, @NotNull DeviceProtocol protocol,
            @NotBlank @Size(max = 1024) String sourceUrl, @Size(max = 32) String portCode,
            @Size(max = 256) String location, Double latitude, Double longitude,
            @DecimalMin("0.1") @DecimalMax("30") Double sampleFps) {
        Camera toCamera(UUID id) {
            return new Camera(id, deviceCode.trim(), name.trim(), cameraType, protocol, sourceUrl.trim(), portCode,
                    location, latitude, longitude, sampleFps == null ? 5 : sampleFps, "UNKNOWN", null, null);
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    Camera register(@Valid @RequestBody CameraRequest r) {
        return service.register(r.toCamera(UUID.randomUUID()));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    Camera change(@PathVariable UUID id, @Valid @RequestBody CameraRequest r) {
        return service.change(r.toCamera(id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('platform-admin')")
    void remove(@PathVariable UUID id) {
        service.remove(id);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
    PageResponse<Camera> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.page(q, PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
    Camera get(@PathVariable UUID id) {
        return service.get(id);
    }

    @GetMapping(value = "/{id}/snapshot", produces = MediaType.IMAGE_JPEG_VALUE)
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
    ResponseEntity<byte[]> snapshot(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).body(service.snapshot(id));
    }
}
