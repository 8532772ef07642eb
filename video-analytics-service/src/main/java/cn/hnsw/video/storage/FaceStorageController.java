package cn.hnsw.video.storage;

import cn.hnsw.video.storage.FaceStorageRepository.DataFeed;
import cn.hnsw.video.storage.FaceStorageRepository.Failure;
import cn.hnsw.video.storage.FaceStorageRepository.Settings;
import cn.hnsw.video.storage.FaceStorageRepository.SettingsChange;
import cn.hnsw.video.storage.FaceStorageRepository.StorageTask;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 人脸基础信息库数据源与入库任务: data feeds (configured by platform administrators), storage tasks started on them and
 * watched while they run, their failed records with reasons, and the retry of those. Officers and reviewers may look.
 */
@RestController
@RequestMapping("/api/video-analytics/v1")
@PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
class FaceStorageController {

    private final FaceStorageService service;

    FaceStorageController(FaceStorageService service) {
        this.service = service;
    }

    record DataFeedRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String code,
            @NotBlank @Size(max = 128) String name, @NotBlank String sourceType,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9-]+") String partnerId,
            @Min(1) @Max(200) Integer pageSize, @Size(max = 64) String poiCategory, UUID watchlistTaskId) {
    }

    record DataFeedUpdate(@NotBlank @Size(max = 128) String name, @NotBlank String sourceType,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9-]+") String partnerId,
            @Min(1) @Max(200) Integer pageSize, @Size(max = 64) String poiCategory, UUID watchlistTaskId) {
    }

    record Enabled(@NotNull Boolean enabled) {
    }

    /** A task to start, with its settings (all optional). */
    record TaskRequest(@NotNull UUID dataFeedId, @Size(max = 128) String name, @Min(1) @Max(200) Integer batchSize,
            @Min(1) @Max(100000) Integer maxRecords, String dedupKey, @Min(1) @Max(10080) Integer intervalMinutes,
            Boolean enabled) {
        Settings settings() {
            return new Settings(name, batchSize, maxRecords, dedupKey, intervalMinutes, enabled == null || enabled);
        }
    }

    /** A storage task's settings as a whole (what is left out is cleared). */
    record SettingsRequest(@Size(max = 128) String name, @Min(1) @Max(200) Integer batchSize,
            @Min(1) @Max(100000) Integer maxRecords, String dedupKey, @Min(1) @Max(10080) Integer intervalMinutes,
            @NotNull Boolean enabled) {
    }

    @PostMapping("/face-data-feeds")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('platform-admin')")
    DataFeed create(@Valid @RequestBody DataFeedRequest r) {
        return service.createSource(r.code().trim(), r.name().trim(), r.sourceType(), r.partnerId(), r.pageSize(),
                r.poiCategory(), r.watchlistTaskId());
    }

    @GetMapping("/face-data-feeds")
    List<DataFeed> sources() {
        return service.sources();
    }

    @PutMapping("/face-data-feeds/{id}")
    @PreAuthorize("hasRole('platform-admin')")
    DataFeed update(@PathVariable UUID id, @Valid @RequestBody DataFeedUpdate r) {
        return service.updateSource(id, r.name().trim(), r.sourceType(), r.partnerId(), r.pageSize(),
                r.poiCategory(), r.watchlistTaskId());
    }

    @DeleteMapping("/face-data-feeds/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('platform-admin')")
    void deleteSource(@PathVariable UUID id) {
        service.deleteSource(id);
    }

    @DeleteMapping("/face-storage-tasks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('platform-admin')")
    void deleteTask(@PathVariable UUID id) {
        service.deleteTask(id);
    }

    @PutMapping("/face-data-feeds/{id}/enabled")
    @PreAuthorize("hasRole('platform-admin')")
    DataFeed enable(@PathVariable UUID id, @Valid @RequestBody Enabled r) {
        return service.setEnabled(id, r.enabled());
    }

    @PostMapping("/face-storage-tasks")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('platform-admin')")
    StorageTask start(@Valid @RequestBody TaskRequest r) {
        return service.start(r.dataFeedId(), r.settings());
    }

    @PutMapping("/face-storage-tasks/{id}")
    @PreAuthorize("hasRole('platform-admin')")
    StorageTask modify(@PathVariable UUID id, @Valid @RequestBody SettingsRequest r) {
        return service.modify(id, new Settings(r.name(), r.batchSize(), r.maxRecords(), r.dedupKey(),
                r.intervalMinutes(), r.enabled()));
    }

    @GetMapping("/face-storage-tasks/{id}/changes")
    List<SettingsChange> changes(@PathVariable UUID id) {
        return service.changes(id);
    }

    @PostMapping("/face-storage-tasks/{id}/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('platform-admin')")
    StorageTask runAgain(@PathVariable UUID id) {
        return service.runAgain(id);
    }

    @GetMapping("/face-storage-tasks")
    List<StorageTask> tasks(@RequestParam(required = false) UUID dataFeedId,
            @RequestParam(defaultValue = "50") int limit) {
        return service.tasks(dataFeedId, limit);
    }

    @GetMapping("/face-storage-tasks/{id}")
    StorageTask task(@PathVariable UUID id) {
        return service.task(id);
    }

    @GetMapping("/face-storage-tasks/{id}/failures")
    List<Failure> failures(@PathVariable UUID id, @RequestParam(required = false) String status) {
        return service.failures(id, status);
    }

    @PostMapping("/face-storage-tasks/{id}/retries")
    @PreAuthorize("hasRole('platform-admin')")
    StorageTask retry(@PathVariable UUID id) {
        return service.retry(id);
    }
}
