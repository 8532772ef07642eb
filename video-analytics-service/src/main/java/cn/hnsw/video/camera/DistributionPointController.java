package cn.hnsw.video.camera;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 视频信号分发点 kept by hand: platform administrators add, change and delete (the list is on CameraPlatformController). */
@RestController
@RequestMapping("/api/video-analytics/v1/distribution-points")
@PreAuthorize("hasRole('platform-admin')")
class DistributionPointController {

    private final DistributionPointService service;

    DistributionPointController(DistributionPointService service) {
        this.service = service;
    }

    record PointRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String code,
            @NotBlank @Size(max = 128) String nameZh, @Size(max = 128) String nameEn, @Size(max = 32) String portCode,
            @Min(1) @Max(100_000) Integer capacity) {
    }

    record PointUpdate(@NotBlank @Size(max = 128) String nameZh, @Size(max = 128) String nameEn,
            @Size(max = 32) String portCode, @Min(1) @Max(100_000) Integer capacity) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> add(@Valid @RequestBody PointRequest r) {
        return service.add(r.code(), r.nameZh(), r.nameEn(), r.portCode(), r.capacity());
    }

    @PutMapping("/{code}")
    Map<String, Object> change(@PathVariable String code, @Valid @RequestBody PointUpdate r) {
        return service.change(code, r.nameZh(), r.nameEn(), r.portCode(), r.capacity());
    }

    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String code) {
        service.delete(code);
    }
}
