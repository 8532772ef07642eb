package cn.hnsw.video.analysis;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.alert.WatchlistHitRepository.WatchlistHit;
import cn.hnsw.video.analysis.VideoAnalysisService.AnalysisReport;
import cn.hnsw.video.camera.CameraService;
import cn.hnsw.video.face.FaceEngine.AnalyzedFace;
import cn.hnsw.video.recognition.FaceService;
import cn.hnsw.video.face.RgbImage;
import cn.hnsw.video.support.VideoErrorCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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

/** Runs of the face pipeline over camera streams and offline video, and the face-image intake interface. */
@RestController
@RequestMapping("/api/video-analytics/v1")
@PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
class VideoAnalysisController {

    private final VideoAnalysisService service;
    private final FaceService faces;
    private final CameraService cameras;

    VideoAnalysisController(VideoAnalysisService service, FaceService faces, CameraService cameras) {
        this.service = service;
        this.faces = faces;
        this.cameras = cameras;
    }

    record RunRequest(@Min(1) @Max(600) Integer maxSeconds) {
    }

    @PostMapping("/cameras/{id}/analysis-runs")
    AnalysisReport analyseCamera(@PathVariable UUID id, @Valid @RequestBody(required = false) RunRequest r) {
        return service.analyseCamera(id, r == null || r.maxSeconds() == null ? 30 : r.maxSeconds());
    }

    @PostMapping(value = "/offline-videos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    AnalysisReport offline(@RequestPart("file") MultipartFile file, @RequestParam(required = false) UUID cameraId,
            @RequestParam(required = false) String deviceCode, @RequestParam(required = false) Instant recordedAt,
            @RequestParam(required = false, defaultValue = "5") double sampleFps,
            @RequestParam(required = false, defaultValue = "120") int maxSeconds) {
        if (sampleFps <= 0 || sampleFps > 30 || maxSeconds < 1 || maxSeconds > 3600) {
            throw new HnswException(VideoErrorCode.THRESHOLD_INVALID, sampleFps + "/" + maxSeconds);
        }
        try {
            return service.analyseOffline(file.getBytes(), file.getOriginalFilename(), cameraId, deviceCode,
                    recordedAt, sampleFps, maxSeconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 人脸图片数据接入 with cleansing: device code and capture time must be present (FP 944–945). */
    record FaceImageIntake(String deviceCode, Instant capturedAt, UUID cameraId, String photoBase64) {
    }

    record IntakeResult(int faces, List<String> alertIds) {
    }

    @PostMapping("/face-captures")
    IntakeResult intake(@RequestBody FaceImageIntake r) {
        if (r.deviceCode() == null || r.deviceCode().isBlank()) {
            throw new HnswException(VideoErrorCode.DEVICE_CODE_MISSING);
        }
        if (r.capturedAt() == null) {
            throw new HnswException(VideoErrorCode.CAPTURE_TIME_MISSING);
        }
        byte[] photo;
        try {
            photo = Base64.getMimeDecoder().decode(r.photoBase64() == null ? "" : r.photoBase64());
        } catch (IllegalArgumentException e) {
            throw new HnswException(VideoErrorCode.IMAGE_UNREADABLE);
        }
        RgbImage img = faces.decode(photo);
        List<String> alertIds = new ArrayList<>();
        List<AnalyzedFace> found = faces.allFaces(img);
        for (AnalyzedFace face : found) {
            for (WatchlistHit h : service.record(img, face, r.cameraId() == null ? null : cameras.get(r.cameraId()),
                    r.deviceCode().trim(), r.capturedAt(), "intake")) {
                alertIds.add(h.alertId());
            }
        }
        return new IntakeResult(found.size(), alertIds);
    }
}
