package cn.hnsw.video.intake;

import cn.hnsw.video.intake.ComparisonSubscriptionService.PushResult;
import cn.hnsw.video.intake.ComparisonSubscriptionService.Subscription;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 比对订阅: platform administrators keep the subscriptions of other platforms and push now; officers read. */
@RestController
@RequestMapping("/api/video-analytics/v1/comparison-subscriptions")
@PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
class ComparisonSubscriptionController {

    private final ComparisonSubscriptionService service;

    ComparisonSubscriptionController(ComparisonSubscriptionService service) {
        this.service = service;
    }

    record SubscriptionRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String code,
            @NotBlank @Size(max = 128) String name,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9-]+") String partnerId, String watchlistKind,
            Double maxDistance) {
    }

    record SubscriptionUpdate(@NotBlank @Size(max = 128) String name, String watchlistKind, Double maxDistance,
            @NotNull Boolean enabled) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('platform-admin')")
    Subscription create(@Valid @RequestBody SubscriptionRequest r) {
        return service.create(r.code(), r.name(), r.partnerId(), r.watchlistKind(), r.maxDistance());
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('platform-admin')")
    Subscription update(@PathVariable UUID id, @Valid @RequestBody SubscriptionUpdate r) {
        return service.update(id, r.name(), r.watchlistKind(), r.maxDistance(), r.enabled());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('platform-admin')")
    void delete(@PathVariable UUID id) {
        service.delete(id);
    }

    @GetMapping
    List<Subscription> list() {
        return service.list();
    }

    @GetMapping("/{id}")
    Subscription get(@PathVariable UUID id) {
        return service.get(id);
    }

    @PostMapping("/{id}/pushes")
    @PreAuthorize("hasRole('platform-admin')")
    PushResult push(@PathVariable UUID id) {
        return service.push(id);
    }
}
