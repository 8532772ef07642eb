package cn.hnsw.video.analysis;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.analysis.VideoInspectionService.InspectionReport;
import cn.hnsw.video.support.VideoErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Behaviour analysis and image-quality diagnosis tasks on a camera's stream or an offline video. */
@RestController
@RequestMapping("/api/video-analytics/v1")
@PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
class VideoInspectionController {

    private final VideoInspectionService service;

    VideoInspectionController(VideoInspectionService service) {
        this.service = service;
    }

    @PostMapping("/cameras/{id}/inspections")
    InspectionReport inspectCamera(@PathVariable UUID id, @RequestParam(defaultValue = "30") int maxSeconds) {
        return service.inspectCamera(id, Math.max(1, Math.min(600, maxSeconds)));
    }

    @PostMapping(value = "/offline-videos/inspections", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    InspectionReport inspectOffline(@RequestPart("file") MultipartFile file, @RequestParam(required = false) UUID cameraId,
            @RequestParam(defaultValue = "10") double sampleFps, @RequestParam(defaultValue = "120") int maxSeconds) {
        if (sampleFps <= 0 || sampleFps > 30) {
            throw new HnswException(VideoErrorCode.THRESHOLD_INVALID, sampleFps);
        }
        try {
            return service.inspectOffline(file.getBytes(), cameraId, sampleFps, Math.max(1, Math.min(3600, maxSeconds)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
