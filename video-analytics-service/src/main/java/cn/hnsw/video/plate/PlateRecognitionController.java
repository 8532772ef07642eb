package cn.hnsw.video.plate;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.support.VideoErrorCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 车牌识别 — a camera frame in, the plates read and the risk-vehicle alerts raised out. */
@RestController
@RequestMapping("/api/video-analytics/v1/plate-recognitions")
class PlateRecognitionController {

    private final PlateRecognitionService service;

    PlateRecognitionController(PlateRecognitionService service) {
        this.service = service;
    }

    record RecognitionRequest(UUID cameraId, @NotBlank String imageBase64, Instant capturedAt) {
    }

    record PlateView(String plateNumber, double confidence, int x, int y, int width, int height) {
    }

    record RecognitionView(UUID cameraId, Instant capturedAt, String snapshotKey, List<PlateView> plates,
            List<String> alertIds) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    RecognitionView recognise(@Valid @RequestBody RecognitionRequest r) {
        byte[] image;
        try {
            String b = r.imageBase64().startsWith("data:") ? r.imageBase64().substring(r.imageBase64().indexOf(',') + 1)
                    : r.imageBase64();
            image = Base64.getMimeDecoder().decode(b);
        } catch (IllegalArgumentException e) {
            throw new HnswException(VideoErrorCode.IMAGE_UNREADABLE);
        }
        PlateRecognitionService.Recognition out = service.recognise(r.cameraId(), image, r.capturedAt());
        return new RecognitionView(out.cameraId(), out.capturedAt(), out.snapshotKey(),
                out.plates().stream().map(p -> new PlateView(p.plateNumber(), p.confidence(), p.x(), p.y(), p.width(),
                        p.height())).toList(),
                out.hits().stream().map(h -> h.alertId()).toList());
    }
}
