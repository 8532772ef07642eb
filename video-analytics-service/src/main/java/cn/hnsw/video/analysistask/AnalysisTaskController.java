package cn.hnsw.video.analysistask;

import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.AlgorithmService;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.Feed;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.Finding;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.Slice;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.Task;
import cn.hnsw.video.analysistask.AnalysisTaskService.InstructionView;
import cn.hnsw.video.analysistask.AnalysisTaskService.KindView;
import cn.hnsw.video.analysistask.AnalysisTaskService.Statistics;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 视频结构化解析任务 API, one shape for every analysis kind ({@code kind} in the path or the filter). Officers and
 * reviewers read; officers and administrators manage feeds and tasks; only administrators configure the kinds'
 * stream types and storage and the algorithm services.
 */
@RestController
@RequestMapping("/api/video-analytics/v1")
@PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
class AnalysisTaskController {

    private static final String MANAGE = "hasAnyRole('customs-officer', 'platform-admin')";
    private static final String ADMIN = "hasRole('platform-admin')";

    private final AnalysisTaskService service;

    AnalysisTaskController(AnalysisTaskService service) {
        this.service = service;
    }

    // ---- kinds

    record StreamTypes(@NotEmpty List<String> streamTypes) {
    }

    record Storage(@NotNull Boolean keepSlices, @NotNull Integer sliceSeconds, @NotNull Integer retentionDays) {
    }

    @GetMapping("/analysis-kinds")
    List<KindView> kinds() {
        return service.kinds();
    }

    @GetMapping("/analysis-kinds/{kind}")
    KindView kind(@PathVariable String kind) {
        return service.kindView(AnalysisTaskService.kind(kind));
    }

    @PutMapping("/analysis-kinds/{kind}/stream-types")
    @PreAuthorize(ADMIN)
    KindView streamTypes(@PathVariable String kind, @Valid @RequestBody StreamTypes r) {
        return service.setStreamTypes(AnalysisTaskService.kind(kind), r.streamTypes());
    }

    @PutMapping("/analysis-kinds/{kind}/storage")
    @PreAuthorize(ADMIN)
    KindView storage(@PathVariable String kind, @Valid @RequestBody Storage r) {
        return service.setStorage(AnalysisTaskService.kind(kind), r.keepSlices(), r.sliceSeconds(), r.retentionDays());
    }

    // ---- feeds

    record FeedRequest(@NotBlank String kind, @NotBlank @Size(max = 128) String name, UUID cameraId, String protocol,
            @Size(max = 1024) String sourceUrl) {
    }

    record FeedUpdate(@Size(max = 128) String name, @Size(max = 1024) String sourceUrl, @NotNull Boolean enabled) {
    }

    @PostMapping("/analysis-feeds")
    @PreAuthorize(MANAGE)
    @ResponseStatus(HttpStatus.CREATED)
    Feed addFeed(@Valid @RequestBody FeedRequest r) {
        return service.addFeed(AnalysisTaskService.kind(r.kind()), r.name(), r.cameraId(), r.protocol(), r.sourceUrl());
    }

    @PostMapping(value = "/analysis-feeds/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(MANAGE)
    @ResponseStatus(HttpStatus.CREATED)
    Feed upload(@RequestPart("file") MultipartFile file, @RequestParam String kind,
            @RequestParam(required = false) String name, @RequestParam(required = false) UUID cameraId) {
        try {
            return service.uploadFeed(AnalysisTaskService.kind(kind), name, file.getOriginalFilename(), file.getBytes(),
                    cameraId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PutMapping("/analysis-feeds/{id}")
    @PreAuthorize(MANAGE)
    Feed updateFeed(@PathVariable UUID id, @Valid @RequestBody FeedUpdate r) {
        return service.updateFeed(id, r.name(), r.sourceUrl(), r.enabled());
    }

    @DeleteMapping("/analysis-feeds/{id}")
    @PreAuthorize(MANAGE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteFeed(@PathVariable UUID id) {
        service.deleteFeed(id);
    }

    @GetMapping("/analysis-feeds/{id}")
    Feed feed(@PathVariable UUID id) {
        return service.feed(id);
    }

    @GetMapping("/analysis-feeds")
    PageResponse<Feed> feeds(@RequestParam(required = false) String kind, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.feeds(AnalysisTaskService.kind(kind), PageQuery.of(page, size));
    }

    // ---- algorithm services

    record ServiceRequest(@NotBlank String kind, @NotBlank @Size(max = 128) String name,
            @NotBlank @Pattern(regexp = "[A-Z_]+") String detector, @NotNull Double sampleFps) {
    }

    record ServiceUpdate(@Size(max = 128) String name, @NotNull Double sampleFps, @NotNull Boolean enabled) {
    }

    @PostMapping("/analysis-services")
    @PreAuthorize(ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    AlgorithmService addService(@Valid @RequestBody ServiceRequest r) {
        return service.addService(AnalysisTaskService.kind(r.kind()), r.name(), r.detector(), r.sampleFps());
    }

    @PutMapping("/analysis-services/{id}")
    @PreAuthorize(ADMIN)
    AlgorithmService updateService(@PathVariable UUID id, @Valid @RequestBody ServiceUpdate r) {
        return service.updateService(id, r.name(), r.sampleFps(), r.enabled());
    }

    @DeleteMapping("/analysis-services/{id}")
    @PreAuthorize(ADMIN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteService(@PathVariable UUID id) {
        service.deleteService(id);
    }

    @GetMapping("/analysis-services")
    List<AlgorithmService> services(@RequestParam(required = false) String kind) {
        return service.services(AnalysisTaskService.kind(kind));
    }

    @GetMapping("/analysis-services/{id}")
    AlgorithmService algorithmService(@PathVariable UUID id) {
        return service.service(id);
    }

    // ---- tasks

    record TaskRequest(@NotBlank String kind, @NotBlank @Size(max = 128) String name, @NotNull UUID serviceId,
            @NotNull UUID feedId, Map<String, Object> instruction, @Min(1) @Max(3600) Integer maxSeconds,
            Instant startAt, Boolean start, Boolean continuous, UUID watchlistTaskId) {
    }

    record StopRequest(@Size(max = 500) String reason) {
    }

    record TaskUpdate(@Size(max = 128) String name, @NotNull UUID serviceId, @NotNull UUID feedId,
            @Min(1) @Max(3600) Integer maxSeconds, Instant startAt) {
    }

    record AnomalyHandling(@NotBlank @Pattern(regexp = "RETRY|CLOSE") String action, @Size(max = 1024) String note) {
    }

    @PostMapping("/analysis-tasks")
    @PreAuthorize(MANAGE)
    @ResponseStatus(HttpStatus.CREATED)
    Task create(@Valid @RequestBody TaskRequest r) {
        return service.createTask(AnalysisTaskService.kind(r.kind()), r.name(), r.serviceId(), r.feedId(),
                r.instruction(), r.maxSeconds() == null ? 600 : r.maxSeconds(), r.startAt(), Boolean.TRUE.equals(r.start()),
                Boolean.TRUE.equals(r.continuous()), r.watchlistTaskId());
    }

    @PutMapping("/analysis-tasks/{id}")
    @PreAuthorize(MANAGE)
    Task update(@PathVariable UUID id, @Valid @RequestBody TaskUpdate r) {
        return service.updateTask(id, r.name(), r.serviceId(), r.feedId(), r.maxSeconds() == null ? 600 : r.maxSeconds(),
                r.startAt());
    }

    @DeleteMapping("/analysis-tasks/{id}")
    @PreAuthorize(MANAGE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        service.deleteTask(id);
    }

    @GetMapping("/analysis-tasks")
    PageResponse<Task> tasks(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.tasks(AnalysisTaskService.kind(kind), status, PageQuery.of(page, size));
    }

    @GetMapping("/analysis-tasks/{id}")
    Task task(@PathVariable UUID id) {
        return service.task(id);
    }

    @PostMapping("/analysis-tasks/{id}/runs")
    @PreAuthorize(MANAGE)
    Task start(@PathVariable UUID id) {
        return service.start(id);
    }

    @PostMapping("/analysis-tasks/{id}/cancellation")
    @PreAuthorize(MANAGE)
    Task cancel(@PathVariable UUID id) {
        return service.cancel(id);
    }

    /** 停止 a continuous task (with its reason; who and when are kept on the task). */
    @PostMapping("/analysis-tasks/{id}/stop")
    @PreAuthorize(MANAGE)
    Task stop(@PathVariable UUID id, @Valid @RequestBody(required = false) StopRequest r) {
        return service.stop(id, r == null ? null : r.reason());
    }

    /** 断流记录 of a continuous task. */
    @GetMapping("/analysis-tasks/{id}/interruptions")
    List<AnalysisTaskRepository.Interruption> interruptions(@PathVariable UUID id) {
        return service.interruptions(id);
    }

    /** This instance's pool of continuous tasks. */
    @GetMapping("/analysis-live")
    AnalysisTaskService.LiveStatus live() {
        return service.live();
    }

    @GetMapping("/analysis-tasks/{id}/instruction")
    InstructionView instruction(@PathVariable UUID id) {
        return service.instruction(id);
    }

    @PutMapping("/analysis-tasks/{id}/instruction")
    @PreAuthorize(MANAGE)
    InstructionView setInstruction(@PathVariable UUID id, @RequestBody Map<String, Object> instruction) {
        return service.setInstruction(id, instruction);
    }

    @DeleteMapping("/analysis-tasks/{id}/instruction")
    @PreAuthorize(MANAGE)
    InstructionView clearInstruction(@PathVariable UUID id) {
        return service.clearInstruction(id);
    }

    @PostMapping("/analysis-tasks/{id}/anomaly-handling")
    @PreAuthorize(MANAGE)
    Task handleAnomaly(@PathVariable UUID id, @Valid @RequestBody AnomalyHandling r) {
        return service.handleAnomaly(id, r.action(), r.note());
    }

    @GetMapping("/analysis-tasks/{id}/slices")
    List<Slice> slices(@PathVariable UUID id, @RequestParam(required = false) Long atMs) {
        return atMs == null ? service.slices(id) : List.of(service.sliceAt(id, atMs));
    }

    @GetMapping(value = "/analysis-tasks/{id}/slices/{run}/{seq}", produces = "video/mp4")
    ResponseEntity<byte[]> slice(@PathVariable UUID id, @PathVariable int run, @PathVariable int seq) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("video/mp4")).body(service.sliceVideo(id, run, seq));
    }

    // ---- findings, statistics, export

    record FindingHandling(@NotBlank @Pattern(regexp = "CONFIRMED|FALSE_ALARM|IGNORED") String result,
            @Size(max = 1024) String note) {
    }

    @GetMapping("/analysis-findings")
    PageResponse<Finding> findings(@RequestParam(required = false) String kind,
            @RequestParam(required = false) UUID taskId, @RequestParam(required = false) String code,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.findings(AnalysisTaskService.kind(kind), taskId, code, status, PageQuery.of(page, size));
    }

    @GetMapping("/analysis-findings/{id}")
    Finding finding(@PathVariable UUID id) {
        return service.finding(id);
    }

    @GetMapping(value = "/analysis-findings/{id}/snapshot", produces = MediaType.IMAGE_JPEG_VALUE)
    ResponseEntity<byte[]> snapshot(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).body(service.snapshot(id));
    }

    @PostMapping("/analysis-findings/{id}/handling")
    @PreAuthorize(MANAGE)
    Finding handle(@PathVariable UUID id, @Valid @RequestBody FindingHandling r) {
        return service.handle(id, r.result(), r.note());
    }

    @GetMapping(value = "/analysis-findings/export", produces = "text/csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String kind, @RequestParam(required = false) UUID taskId,
            @RequestParam(required = false) String code, @RequestParam(required = false) String status) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"analysis-findings.csv\"")
                .body(service.export(AnalysisTaskService.kind(kind), taskId, code, status));
    }

    @GetMapping("/analysis-statistics")
    Statistics statistics(@RequestParam(required = false) String kind, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        return service.statistics(AnalysisTaskService.kind(kind), from, to);
    }
}
