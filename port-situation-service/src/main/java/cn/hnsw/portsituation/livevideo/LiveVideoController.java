package cn.hnsw.portsituation.livevideo;

import cn.hnsw.portsituation.livevideo.LiveVideoRepository.WallEntry;
import cn.hnsw.portsituation.livevideo.LiveVideoService.CameraVideo;
import cn.hnsw.portsituation.livevideo.LiveVideoService.Link;
import cn.hnsw.portsituation.livevideo.LiveVideoService.Playback;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * 实时视频墙 (S1 FP 39–42, 81–84, 133–136, 220–224; S2 FP 407, 408, 454, 455): the cameras on a gate's wall, on the
 * clearance-efficiency page's walls and on the key-area walls of the panoramic maps; opening a camera's live video
 * (a signed playback address, see {@link LiveVideoService}); operators set which platform a camera is reached through
 * and what it watches.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/live-video")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','maritime-officer','border-officer')")
class LiveVideoController {

    private final LiveVideoService service;

    LiveVideoController(LiveVideoService service) {
        this.service = service;
    }

    /** A wall's cameras ({@code GATE}, {@code EFFICIENCY}, {@code KEY_AREA}), by port and by gate or zone. */
    @GetMapping("/walls/{wall}")
    List<WallEntry> wall(@PathVariable String wall, @RequestParam(required = false) String portCode,
                         @RequestParam(required = false) String target) {
        return service.wall(wall, portCode, target);
    }

    @GetMapping("/cameras/{code}")
    CameraVideo camera(@PathVariable String code) {
        return service.get(code);
    }

    /** Sets the platform and device code a camera is reached by and the walls it is on (all of them, replaced). */
    @PutMapping("/cameras/{code}")
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
    CameraVideo link(@PathVariable String code, @RequestBody Link link) {
        return service.link(code, link);
    }

    /** Opens the camera's live video: where the browser shows it (motion JPEG in an image) for the next minute. */
    @PostMapping("/cameras/{code}/playback")
    Playback playback(@PathVariable String code) {
        return service.playback(code);
    }
}
