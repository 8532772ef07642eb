package cn.hnsw.video.diagnosis;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.diagnosis.DiagnosisStandardRepository.Standard;
import cn.hnsw.video.support.VideoErrorCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 诊断标准与阈值 — read by officers, changed by platform administrators. */
@RestController
@RequestMapping("/api/video-analytics/v1/diagnosis-standards")
class DiagnosisStandardController {

    private final DiagnosisStandardRepository standards;

    DiagnosisStandardController(DiagnosisStandardRepository standards) {
        this.standards = standards;
    }

    record ThresholdRequest(@NotNull Double threshold) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    List<Standard> all() {
        return standards.all();
    }

    @PutMapping("/{fault}")
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
