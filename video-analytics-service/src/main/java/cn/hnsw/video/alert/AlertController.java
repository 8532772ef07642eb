package cn.hnsw.video.alert;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.video.alert.WatchlistHitRepository.WatchlistHit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Watch-list alerts for the officers bound to them: list, detail, snapshot, handling. */
@RestController
@RequestMapping("/api/video-analytics/v1/alerts")
@PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
class AlertController {

    private final AlertService service;

    AlertController(AlertService service) {
        this.service = service;
    }

    /** 处置结果 — what the officer found. */
    enum HandlingResult {
        /** 已核实并拦截 */
        INTERCEPTED,
        /** 核实为本人，放行 */
        VERIFIED_RELEASED,
        /** 误报 */
        FALSE_ALARM,
        /** 未找到 */
        NOT_FOUND
    }

    record HandlingRequest(@NotNull HandlingResult result, @Size(max = 1024) String note) {
    }

    @GetMapping
    PageResponse<WatchlistHit> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.visibleTo(Actors.current(), status, PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    WatchlistHit get(@PathVariable String id) {
        return service.get(Actors.current(), id);
    }

    /** 预警呈现方式: the channels its risk alert mode gave it (screen and sound flags for the console) and its escalation. */
    @GetMapping("/{id}/delivery")
    java.util.Map<String, Object> delivery(@PathVariable String id) {
        return service.delivery(Actors.current(), id);
    }

    @GetMapping(value = "/{id}/clip", produces = "video/mp4")
    ResponseEntity<byte[]> clip(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("video/mp4"))
                .body(service.clip(Actors.current(), id));
    }

    @GetMapping(value = "/{id}/snapshot", produces = MediaType.IMAGE_JPEG_VALUE)
    ResponseEntity<byte[]> snapshot(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).body(service.snapshot(Actors.current(), id));
    }

    @PostMapping("/{id}/handling")
    WatchlistHit handle(@PathVariable String id, @Valid @RequestBody HandlingRequest r) {
        return service.handle(Actors.current(), id, r.result().name(), r.note());
    }
}
