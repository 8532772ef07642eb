package cn.hnsw.video.analysistask;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.analysistask.BehaviorDetectionService.Detection;
import cn.hnsw.video.support.VideoErrorCode;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 行为检测服务 API: {@code POST /behavior-detections/{behavior}} with a clip (multipart {@code file}, optional
 * {@code thresholds} as JSON text, {@code cameraId}, {@code sampleFps}, {@code maxSeconds}) or
 * {@code POST /behavior-detections/{behavior}/cameras/{id}} on a camera's stream (JSON body of thresholds): the
 * events of that behaviour come back. Officers and administrators (and the systems acting with their tokens).
 */
@RestController
@RequestMapping("/api/video-analytics/v1")
@PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
class BehaviorDetectionController {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BehaviorDetectionService service;

    BehaviorDetectionController(BehaviorDetectionService service) {
        this.service = service;
    }

    @PostMapping(value = "/behavior-detections/{behavior}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Detection detectClip(@PathVariable String behavior, @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String thresholds, @RequestParam(required = false) UUID cameraId,
            @RequestParam(defaultValue = "10") double sampleFps, @RequestParam(defaultValue = "120") int maxSeconds) {
        if (sampleFps <= 0 || sampleFps > 30) {
            throw new HnswException(VideoErrorCode.THRESHOLD_INVALID, sampleFps);
        }
        Map<String, Object> t;
        try {
            t = thresholds == null || thresholds.isBlank() ? Map.of()
                    : JSON.readValue(thresholds, new TypeReference<Map<String, Object>>() {
                    });
        } catch (IOException e) {
            throw new HnswException(VideoErrorCode.INSTRUCTION_INVALID, "thresholds");
        }
        try {
            return service.detectClip(BehaviorDetectionService.behavior(behavior), file.getBytes(), cameraId, sampleFps,
                    Math.max(1, Math.min(3600, maxSeconds)), t);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/behavior-detections/{behavior}/cameras/{id}")
    Detection detectCamera(@PathVariable String behavior, @PathVariable UUID id,
            @RequestParam(defaultValue = "30") int maxSeconds, @RequestBody(required = false) Map<String, Object> thresholds) {
        return service.detectCamera(BehaviorDetectionService.behavior(behavior), id, Math.max(1, Math.min(600, maxSeconds)),
                thresholds);
    }
}
