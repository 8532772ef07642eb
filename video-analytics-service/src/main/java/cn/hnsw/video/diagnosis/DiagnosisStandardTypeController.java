package cn.hnsw.video.diagnosis;

import cn.hnsw.video.diagnosis.DiagnosisStandardTypeService.TypeView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 诊断标准类型与阈值 — read by officers, added, changed and deleted by platform administrators. */
@RestController
@RequestMapping("/api/video-analytics/v1/diagnosis-standard-types")
@PreAuthorize("hasRole('platform-admin')")
class DiagnosisStandardTypeController {

    private final DiagnosisStandardTypeService service;

    DiagnosisStandardTypeController(DiagnosisStandardTypeService service) {
        this.service = service;
    }

    record TypeRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z0-9_]+") String code,
            @NotBlank @Size(max = 128) String nameZh, @NotBlank @Size(max = 128) String nameEn,
            Map<String, Double> thresholds) {
    }

    record TypeUpdate(@NotBlank @Size(max = 128) String nameZh, @NotBlank @Size(max = 128) String nameEn) {
    }

    record ThresholdRequest(@NotBlank String fault, @NotNull Double threshold) {
    }

    record ThresholdUpdate(@NotNull Double threshold) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    List<TypeView> all() {
        return service.all();
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    TypeView get(@PathVariable String code) {
        return service.get(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TypeView create(@Valid @RequestBody TypeRequest r) {
        return service.create(r.code(), r.nameZh(), r.nameEn(), r.thresholds());
    }

    @PutMapping("/{code}")
    TypeView rename(@PathVariable String code, @Valid @RequestBody TypeUpdate r) {
        return service.rename(code, r.nameZh(), r.nameEn());
    }

    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String code) {
        service.delete(code);
    }

    @PostMapping("/{code}/thresholds")
    @ResponseStatus(HttpStatus.CREATED)
    TypeView addThreshold(@PathVariable String code, @Valid @RequestBody ThresholdRequest r) {
        return service.addThreshold(code, r.fault(), r.threshold());
    }

    @PutMapping("/{code}/thresholds/{fault}")
    TypeView changeThreshold(@PathVariable String code, @PathVariable String fault,
            @Valid @RequestBody ThresholdUpdate r) {
        return service.changeThreshold(code, fault, r.threshold());
    }

    @DeleteMapping("/{code}/thresholds/{fault}")
    TypeView deleteThreshold(@PathVariable String code, @PathVariable String fault) {
        return service.deleteThreshold(code, fault);
    }
}
