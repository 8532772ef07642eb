package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;

/**
 * 基础信息维护 — 高点/低点摄像机 (FP 530–549, 601–604): officers read; platform administrators and single-window
 * operators change, confirm, import and export. Every change is in the operation log (common-lib audit).
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/base-data/cameras")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','maritime-officer','border-officer')")
class CameraController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final long MAX_IMPORT_BYTES = 10L * 1024 * 1024;

    private final CameraService service;
    private final CameraRepository cameras;
    private final PortScope scope;

    CameraController(CameraService service, CameraRepository cameras, PortScope scope) {
        this.scope = scope;
        this.service = service;
        this.cameras = cameras;
    }

    @GetMapping
    PageResponse<Camera> search(@RequestParam(required = false) String kind,
                                @RequestParam(required = false) String portCode,
                                @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        // an officer registered as a port user sees their port's cameras only (PORT_SCOPE for another port)
        String port = scope.limit(portCode);
        return PageResponse.of(cameras.search(kind, port, status, q, query.size(), query.offset()), query,
                cameras.count(kind, port, status, q));
    }

    @GetMapping("/{id}")
    Camera get(@PathVariable UUID id) {
        Camera camera = service.get(id);
        scope.check(camera.portCode());
        return camera;
    }

    /**
     * 高点/低点摄像机信息查看 (S2 FP 539, 549): a camera with its pairing — a high camera's low cameras (those of the
     * officer's port), a low camera's high camera — for the read-only view.
     */
    @GetMapping("/{id}/view")
    Map<String, Object> view(@PathVariable UUID id) {
        Camera camera = service.get(id);
        scope.check(camera.portCode());
        java.util.function.Predicate<String> visible = scope.visible();
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("camera", camera);
        if ("HIGH".equals(camera.kind())) {
            out.put("lowCameras", cameras.lowsOf(camera.code()).stream().filter(c -> visible.test(c.portCode())).toList());
        } else if (camera.highCameraCode() != null) {
            cameras.byCode(camera.highCameraCode()).filter(c -> visible.test(c.portCode()))
                    .ifPresent(h -> out.put("highCamera", h));
        }
        return out;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
    Camera create(@RequestBody CameraService.Input input) {
        // an operator limited to a port keeps their port's cameras only
        scope.check(input == null ? null : input.portCode());
        return service.create(input, Actors.current().username());
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
    Camera update(@PathVariable UUID id, @RequestBody CameraService.Input input) {
        scope.check(service.get(id).portCode());
        scope.check(input == null ? null : input.portCode());
        return service.update(id, input, Actors.current().username());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
    void delete(@PathVariable UUID id) {
        scope.check(service.get(id).portCode());
        service.delete(id);
    }

    @PostMapping("/{id}/confirmation")
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
    Camera confirm(@PathVariable UUID id) {
        scope.check(service.get(id).portCode());
        return service.confirm(id, Actors.current().username());
    }

    /** Excel import (the body is the .xlsx file): all rows or none. */
    @PostMapping(value = "/import", consumes = {XLSX, "application/octet-stream"})
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
    CameraService.ImportResult importWorkbook(HttpServletRequest request) throws IOException {
        scope.requireAllPortsForImport();
        if (request.getContentLengthLong() > MAX_IMPORT_BYTES) {
            throw new HnswException(BaseDataErrorCode.CAMERA_IMPORT_INVALID, "over 10 MiB / 文件超过 10 MiB");
        }
        try (InputStream in = request.getInputStream()) {
            return service.importWorkbook(in, Actors.current().username());
        }
    }

    @GetMapping("/export")
    void export(@RequestParam(required = false) String kind, @RequestParam(required = false) String portCode,
                @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                HttpServletResponse response) throws IOException {
        String port = scope.limit(portCode);
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"cameras.xlsx\"");
        service.export(cameras.search(kind, port, status, q, 10_000, 0), response.getOutputStream());
    }
}
