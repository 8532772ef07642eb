package cn.hnsw.video.analysis;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.analysis.VideoInspectionService.InspectionReport;
import cn.hnsw.video.behavior.BehaviorRuleRepository;
import cn.hnsw.video.behavior.BehaviorRules;
import cn.hnsw.video.camera.CameraService;
import cn.hnsw.video.diagnosis.DiagnosisStandardRepository;
import cn.hnsw.video.diagnosis.DiagnosisStandardRepository.Standard;
import cn.hnsw.video.support.VideoErrorCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Behaviour analysis and image-quality diagnosis tasks, per-camera behaviour rules, diagnosis standards. */
@RestController
@RequestMapping("/api/video-analytics/v1")
@PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
class VideoInspectionController {

    private final VideoInspectionService service;
    private final BehaviorRuleRepository rules;
    private final DiagnosisStandardRepository standards;
    private final CameraService cameras;

    VideoInspectionController(VideoInspectionService service, BehaviorRuleRepository rules,
            DiagnosisStandardRepository standards, CameraService cameras) {
        this.service = service;
        this.rules = rules;
        this.standards = standards;
        this.cameras = cameras;
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

    @GetMapping("/cameras/{id}/behavior-rules")
    BehaviorRules rules(@PathVariable UUID id) {
        cameras.get(id);
        return rules.forCamera(id);
    }

    @PutMapping("/cameras/{id}/behavior-rules")
    BehaviorRules saveRules(@PathVariable UUID id, @RequestBody BehaviorRules r) {
        cameras.get(id);
        if (r.region() == null || r.region().length != 4 || r.runningSpeed() <= 0 || r.loiterSeconds() <= 0
                || r.crowdCount() < 2 || r.violentEnergy() <= 0 || r.violentEnergy() > 1 || r.staticSeconds() <= 0
                || r.minBlobArea() <= 0) {
            throw new HnswException(VideoErrorCode.THRESHOLD_INVALID, "behavior-rules");
        }
        rules.save(id, r);
        return rules.forCamera(id);
    }

    @GetMapping("/diagnosis-standards")
    List<Standard> standards() {
        return standards.all();
    }

    record ThresholdRequest(@NotNull Double threshold) {
    }

    @PutMapping("/diagnosis-standards/{fault}")
    @PreAuthorize("hasRole('platform-admin')")
    List<Standard> setThreshold(@PathVariable String fault, @Valid @RequestBody ThresholdRequest r) {
        if (r.threshold() < 0) {
            throw new HnswException(VideoErrorCode.THRESHOLD_INVALID, r.threshold());
        }
        if (standards.update(fault, r.threshold()) == 0) {
            throw new HnswException(VideoErrorCode.STANDARD_NOT_FOUND, fault);
        }
        return standards.all();
    }
}
