package cn.hnsw.video.riskmodel;

import cn.hnsw.video.riskmodel.RiskModelRepository.ModelFeed;
import cn.hnsw.video.riskmodel.RiskModelRepository.ModelService;
import cn.hnsw.video.riskmodel.RiskModelRepository.RiskModel;
import cn.hnsw.video.riskmodel.RiskModelService.RiskAssessment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
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
 * 风险分析业务模型 API: models, their data feeds and external services are configured by platform administrators;
 * officers read them and ask a service for an assessment.
 */
@RestController
@RequestMapping("/api/video-analytics/v1")
@PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
class RiskModelController {

    private static final String ADMIN = "hasRole('platform-admin')";
    private final RiskModelService service;

    RiskModelController(RiskModelService service) {
        this.service = service;
    }

    record ModelRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String code,
            @NotBlank @Size(max = 128) String name, @Size(max = 512) String description, @NotNull Integer windowMinutes,
            @NotNull Double mediumScore, @NotNull Double highScore) {
    }

    record ModelUpdate(@Size(max = 128) String name, @Size(max = 512) String description,
            @NotNull Integer windowMinutes, @NotNull Double mediumScore, @NotNull Double highScore,
            @NotNull Boolean enabled) {
    }

    record FeedRequest(@NotBlank String kind, @Size(max = 32) String code, @NotNull Double weight) {
    }

    record FeedUpdate(@Size(max = 32) String code, @NotNull Double weight) {
    }

    record ServiceRequest(@NotNull UUID modelId, @NotBlank @Size(max = 128) String name,
            @NotBlank @Size(max = 64) String consumer) {
    }

    record ServiceUpdate(@Size(max = 128) String name, @Size(max = 64) String consumer, @NotNull Boolean enabled) {
    }

    record EvaluationRequest(UUID cameraId, Instant at) {
    }

    @PostMapping("/risk-models")
    @PreAuthorize(ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    RiskModel create(@Valid @RequestBody ModelRequest r) {
        return service.create(r.code(), r.name(), r.description(), r.windowMinutes(), r.mediumScore(), r.highScore());
    }

    @PutMapping("/risk-models/{id}")
    @PreAuthorize(ADMIN)
    RiskModel update(@PathVariable UUID id, @Valid @RequestBody ModelUpdate r) {
        return service.update(id, r.name(), r.description(), r.windowMinutes(), r.mediumScore(), r.highScore(),
                r.enabled());
    }

    @DeleteMapping("/risk-models/{id}")
    @PreAuthorize(ADMIN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        service.delete(id);
    }

    @GetMapping("/risk-models")
    List<RiskModel> models() {
        return service.models();
    }

    @GetMapping("/risk-models/{id}")
    RiskModel model(@PathVariable UUID id) {
        return service.model(id);
    }

    @PostMapping("/risk-models/{id}/feeds")
    @PreAuthorize(ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    ModelFeed addFeed(@PathVariable UUID id, @Valid @RequestBody FeedRequest r) {
        return service.addFeed(id, r.kind(), r.code(), r.weight());
    }

    @PutMapping("/risk-models/{id}/feeds/{feedId}")
    @PreAuthorize(ADMIN)
    ModelFeed updateFeed(@PathVariable UUID id, @PathVariable UUID feedId, @Valid @RequestBody FeedUpdate r) {
        return service.updateFeed(id, feedId, r.code(), r.weight());
    }

    @DeleteMapping("/risk-models/{id}/feeds/{feedId}")
    @PreAuthorize(ADMIN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteFeed(@PathVariable UUID id, @PathVariable UUID feedId) {
        service.deleteFeed(id, feedId);
    }

    @GetMapping("/risk-models/{id}/feeds")
    List<ModelFeed> feeds(@PathVariable UUID id) {
        return service.feeds(id);
    }

    @PostMapping("/risk-model-services")
    @PreAuthorize(ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    ModelService addService(@Valid @RequestBody ServiceRequest r) {
        return service.addService(r.modelId(), r.name(), r.consumer());
    }

    @PutMapping("/risk-model-services/{id}")
    @PreAuthorize(ADMIN)
    ModelService updateService(@PathVariable UUID id, @Valid @RequestBody ServiceUpdate r) {
        return service.updateService(id, r.name(), r.consumer(), r.enabled());
    }

    @DeleteMapping("/risk-model-services/{id}")
    @PreAuthorize(ADMIN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteService(@PathVariable UUID id) {
        service.deleteService(id);
    }

    @GetMapping("/risk-model-services")
    List<ModelService> services(@RequestParam(required = false) UUID modelId) {
        return service.services(modelId);
    }

    @GetMapping("/risk-model-services/{id}")
    Map<String, Object> serviceView(@PathVariable UUID id) {
        return Map.of("service", service.service(id), "evaluations", service.evaluationCount(id));
    }

    @PostMapping("/risk-model-services/{id}/evaluations")
    RiskAssessment evaluate(@PathVariable UUID id, @RequestBody(required = false) EvaluationRequest r) {
        return service.evaluate(id, r == null ? null : r.cameraId(), r == null ? null : r.at());
    }
}
