package cn.hnsw.video.scene;

import cn.hnsw.video.scene.SceneRepository.Scene;
import cn.hnsw.video.scene.SceneRepository.Venue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
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

/** 监管场景 and 运行场所: configured by platform administrators, read by officers. */
@RestController
@RequestMapping("/api/video-analytics/v1")
@PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
class SceneController {

    private static final String ADMIN = "hasRole('platform-admin')";
    private final SceneService service;

    SceneController(SceneService service) {
        this.service = service;
    }

    record VenueRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String code,
            @NotBlank @Size(max = 128) String name, @Size(max = 32) String portCode, @Size(max = 256) String address) {
    }

    record VenueUpdate(@Size(max = 128) String name, @Size(max = 32) String portCode, @Size(max = 256) String address) {
    }

    record SceneRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String code,
            @NotBlank @Size(max = 128) String name, @NotNull SceneType sceneType, List<String> analysisKinds) {
    }

    record SceneUpdate(@Size(max = 128) String name, SceneType sceneType, List<String> analysisKinds) {
    }

    record Binding(@NotNull List<UUID> ids) {
    }

    @PostMapping("/venues")
    @PreAuthorize(ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    Venue createVenue(@Valid @RequestBody VenueRequest r) {
        return service.createVenue(r.code(), r.name(), r.portCode(), r.address());
    }

    @PutMapping("/venues/{id}")
    @PreAuthorize(ADMIN)
    Venue updateVenue(@PathVariable UUID id, @Valid @RequestBody VenueUpdate r) {
        return service.updateVenue(id, r.name(), r.portCode(), r.address());
    }

    @DeleteMapping("/venues/{id}")
    @PreAuthorize(ADMIN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteVenue(@PathVariable UUID id) {
        service.deleteVenue(id);
    }

    @GetMapping("/venues")
    List<Venue> venues(@RequestParam(required = false) String portCode) {
        return service.venues(portCode);
    }

    @GetMapping("/venues/{id}")
    Venue venue(@PathVariable UUID id) {
        return service.venue(id);
    }

    @PutMapping("/venues/{id}/scenes")
    @PreAuthorize(ADMIN)
    Venue bindScenes(@PathVariable UUID id, @Valid @RequestBody Binding r) {
        return service.bindScenes(id, r.ids());
    }

    @PostMapping("/supervision-scenes")
    @PreAuthorize(ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    Scene createScene(@Valid @RequestBody SceneRequest r) {
        return service.createScene(r.code(), r.name(), r.sceneType(), r.analysisKinds());
    }

    @PutMapping("/supervision-scenes/{id}")
    @PreAuthorize(ADMIN)
    Scene updateScene(@PathVariable UUID id, @Valid @RequestBody SceneUpdate r) {
        return service.updateScene(id, r.name(), r.sceneType(), r.analysisKinds());
    }

    @DeleteMapping("/supervision-scenes/{id}")
    @PreAuthorize(ADMIN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteScene(@PathVariable UUID id) {
        service.deleteScene(id);
    }

    @GetMapping("/supervision-scenes")
    List<Scene> scenes(@RequestParam(required = false) SceneType sceneType, @RequestParam(required = false) UUID cameraId) {
        return service.scenes(sceneType, cameraId);
    }

    @GetMapping("/supervision-scenes/{id}")
    Scene scene(@PathVariable UUID id) {
        return service.scene(id);
    }

    @PutMapping("/supervision-scenes/{id}/cameras")
    @PreAuthorize(ADMIN)
    Scene bindCameras(@PathVariable UUID id, @Valid @RequestBody Binding r) {
        return service.bindCameras(id, r.ids());
    }
}
