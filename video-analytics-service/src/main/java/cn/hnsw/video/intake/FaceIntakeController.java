package cn.hnsw.video.intake;

import cn.hnsw.video.intake.FaceIntakeRepository.Batch;
import cn.hnsw.video.intake.FaceIntakeRepository.CascadeLink;
import cn.hnsw.video.intake.FaceIntakeRepository.Rejection;
import cn.hnsw.video.intake.FaceIntakeRepository.StoredRule;
import cn.hnsw.video.intake.FaceIntakeService.BatchResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/**
 * 智能设备对接: face data conversion and cleansing rules (administrators change them, officers read), the collection
 * interface (officers' device gateways and administrators post batches), the batches with their rejected records, and
 * cascade links to subordinate platforms with their pulls (administrators).
 */
@RestController
@RequestMapping("/api/video-analytics/v1")
@PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
class FaceIntakeController {

    private final FaceIntakeService service;

    FaceIntakeController(FaceIntakeService service) {
        this.service = service;
    }

    record RuleRequest(@NotBlank @Pattern(regexp = "CONVERT|CLEANSE") String stage,
            @NotBlank @Size(max = 128) String name, @Size(max = 64) String sourceCode, @NotBlank String operation,
            @NotBlank String field, @Size(max = 256) String parameter, @Min(0) @Max(10000) Integer ordinal,
            Boolean enabled) {
    }

    record RuleUpdate(@NotBlank @Size(max = 128) String name, @Size(max = 64) String sourceCode,
            @NotBlank String operation, @NotBlank String field, @Size(max = 256) String parameter,
            @Min(0) @Max(10000) Integer ordinal, Boolean enabled) {
    }

    @GetMapping("/face-intake-rules")
    List<StoredRule> rules(@RequestParam(required = false) String stage) {
        return service.rules(stage);
    }

    @GetMapping("/face-intake-rules/{id}")
    StoredRule rule(@PathVariable UUID id) {
        return service.rule(id);
    }

    @PostMapping("/face-intake-rules")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('platform-admin')")
    StoredRule createRule(@Valid @RequestBody RuleRequest r) {
        return service.createRule(r.stage(), r.name(), r.sourceCode(), r.operation(), r.field(), r.parameter(),
                r.ordinal(), r.enabled());
    }

    @PutMapping("/face-intake-rules/{id}")
    @PreAuthorize("hasRole('platform-admin')")
    StoredRule updateRule(@PathVariable UUID id, @Valid @RequestBody RuleUpdate r) {
        return service.updateRule(id, r.name(), r.sourceCode(), r.operation(), r.field(), r.parameter(), r.ordinal(),
                r.enabled());
    }

    @DeleteMapping("/face-intake-rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('platform-admin')")
    void deleteRule(@PathVariable UUID id) {
        service.deleteRule(id);
    }

    record CollectRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String sourceCode,
            @NotNull List<Map<String, Object>> records) {
    }

    /** 数据采集接口: a batch of face records in the sender's fields; the answer carries each rejected record's reason. */
    @PostMapping("/face-collections")
    BatchResult collect(@Valid @RequestBody CollectRequest r) {
        return service.collect(r.sourceCode(), r.records());
    }

    @GetMapping("/face-collections")
    List<Batch> batches(@RequestParam(required = false) String sourceCode) {
        return service.batches(sourceCode);
    }

    @GetMapping("/face-collections/{id}/rejections")
    List<Rejection> rejections(@PathVariable UUID id) {
        return service.rejections(id);
    }

    record LinkRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String code,
            @NotBlank @Size(max = 128) String name,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9-]+") String partnerId,
            @Min(1) @Max(200) Integer pageSize) {
    }

    record LinkUpdate(@NotBlank @Size(max = 128) String name,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9-]+") String partnerId,
            @Min(1) @Max(200) Integer pageSize, Boolean enabled) {
    }

    @GetMapping("/face-cascade-links")
    List<CascadeLink> links() {
        return service.links();
    }

    @PostMapping("/face-cascade-links")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('platform-admin')")
    CascadeLink createLink(@Valid @RequestBody LinkRequest r) {
        return service.createLink(r.code(), r.name(), r.partnerId(), r.pageSize());
    }

    @PutMapping("/face-cascade-links/{id}")
    @PreAuthorize("hasRole('platform-admin')")
    CascadeLink updateLink(@PathVariable UUID id, @Valid @RequestBody LinkUpdate r) {
        return service.updateLink(id, r.name(), r.partnerId(), r.pageSize(), r.enabled());
    }

    @DeleteMapping("/face-cascade-links/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('platform-admin')")
    void deleteLink(@PathVariable UUID id) {
        service.deleteLink(id);
    }

    /** 级联接口: one pull of the subordinate platform's new captures. */
    @PostMapping("/face-cascade-links/{id}/pulls")
    @PreAuthorize("hasRole('platform-admin')")
    BatchResult pull(@PathVariable UUID id) {
        return service.pull(id);
    }
}
