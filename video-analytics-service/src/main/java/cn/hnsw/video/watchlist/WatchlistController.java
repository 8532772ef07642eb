package cn.hnsw.video.watchlist;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.video.support.VideoErrorCode;
import cn.hnsw.video.watchlist.WatchlistRepository.HistoryLine;
import cn.hnsw.video.watchlist.WatchlistRepository.WatchlistTarget;
import cn.hnsw.video.watchlist.WatchlistService.TargetSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Base64;
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

/** 布控 — watch-list tasks: submit, review (审批), withdrawal (撤控), re-control (再次布控), query. */
@RestController
@RequestMapping("/api/video-analytics/v1/watchlist-tasks")
class WatchlistController {

    private final WatchlistService service;
    private final WatchlistAnomalyService anomalyService;
    private final WatchlistTargetService targetService;

    WatchlistController(WatchlistService service, WatchlistAnomalyService anomalyService,
            WatchlistTargetService targetService) {
        this.service = service;
        this.anomalyService = anomalyService;
        this.targetService = targetService;
    }

    record TargetRequest(UUID faceBaseRecordId, String photoBase64, @Size(max = 256) String label,
            @Size(max = 16) String plateNumber, java.util.Map<String, String> fields) {
    }

    record TaskRequest(@NotBlank @Size(max = 128) String name, @NotNull WatchlistKind kind, Double maxDistance,
            List<UUID> cameraIds, @NotEmpty List<@NotBlank String> officers, @Size(max = 256) String organization,
            @Size(max = 1024) String instruction, Alert.Level alertLevel, List<@Valid TargetRequest> targets,
            Double samplingRate) {
    }

    record TaskView(UUID id, String name, WatchlistKind kind, WatchlistStatus status, String pendingAction,
            double maxDistance, List<UUID> cameraIds, List<String> officers, String organization, String instruction,
            Alert.Level alertLevel, String createdBy, String requestedBy, String reviewedBy, String reviewComment,
            Instant createdAt, Double samplingRate) {
        static TaskView of(WatchlistTask t) {
            return new TaskView(t.id(), t.name(), t.kind(), t.status(),
                    t.pendingAction() == null ? null : t.pendingAction().name(), t.maxDistance(), t.cameraIds(),
                    t.officers(), t.organization(), t.instruction(), t.alertLevel(), t.createdBy(), t.requestedBy(),
                    t.reviewedBy(), t.reviewComment(), t.createdAt(), t.samplingRate());
        }
    }

    record TargetView(UUID id, UUID faceBaseRecordId, String label, String plateNumber) {
    }

    record ReviewRequest(@NotNull Boolean approve, @Size(max = 512) String comment) {
    }

    record ReasonRequest(@Size(max = 512) String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    TaskView submit(@Valid @RequestBody TaskRequest r) {
        if (r.kind() == WatchlistKind.RANDOM && r.targets() != null && !r.targets().isEmpty()) {
            // random control picks from what the cameras capture: it takes a rate, not targets
            throw new HnswException(VideoErrorCode.SAMPLING_RATE_INVALID, r.samplingRate());
        }
        // 布控数据项: every target of a face task carries the items its kind requires
        targetService.requireFields(r.kind(), (r.targets() == null ? List.<TargetRequest>of() : r.targets()).stream()
                .map(t -> t.fields() == null ? java.util.Map.<String, String>of() : t.fields()).toList());
        List<TargetSpec> targets = (r.targets() == null ? List.<TargetRequest>of() : r.targets()).stream().map(t -> {
            if (r.kind() == WatchlistKind.RISK_VEHICLE) {
                return new TargetSpec(null, null, t.label(), t.plateNumber());
            }
            if (t.faceBaseRecordId() == null && (t.photoBase64() == null || t.photoBase64().isBlank())) {
                throw new HnswException(VideoErrorCode.IMAGE_UNREADABLE);
            }
            return new TargetSpec(t.faceBaseRecordId(), t.photoBase64() == null ? null : decode(t.photoBase64()),
                    t.label(), null, t.fields());
        }).toList();
        return TaskView.of(service.submit(r.name(), r.kind(), r.maxDistance(),
                r.cameraIds() == null ? List.of() : r.cameraIds(), r.officers(), r.organization(), r.instruction(),
                r.alertLevel() == null ? Alert.Level.HIGH : r.alertLevel(), targets, r.samplingRate()));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
    PageResponse<TaskView> list(@RequestParam(required = false) WatchlistStatus status,
            @RequestParam(required = false, defaultValue = "false") boolean pendingReview,
            @RequestParam(required = false) WatchlistKind kind, @RequestParam(required = false) String q,
            @RequestParam(required = false) String organization, @RequestParam(required = false) String createdBy,
            @RequestParam(required = false) String officer, @RequestParam(required = false) UUID cameraId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        // 布控查询 / 全部任务查询: the conditions entered, any left empty does not narrow
        return targetService.search(new WatchlistRepository.TaskQuery(status, pendingReview, kind, q, organization,
                createdBy, officer, cameraId, from, to, TaskViewer.of(Actors.current())), PageQuery.of(page, size))
                .map(TaskView::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
    TaskView get(@PathVariable UUID id) {
        return TaskView.of(service.visible(id));
    }

    @GetMapping("/{id}/targets")
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
    List<TargetView> targets(@PathVariable UUID id) {
        service.visible(id);
        return service.targets(id).stream().map((WatchlistTarget t) -> new TargetView(t.id(), t.faceBaseRecordId(),
                t.label(), t.plateNumber())).toList();
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
    List<HistoryLine> history(@PathVariable UUID id) {
        service.visible(id);
        return service.history(id);
    }

    record RevisionRequest(@Size(max = 128) String name, Double maxDistance, List<UUID> cameraIds,
            List<String> officers, @Size(max = 1024) String instruction) {
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    TaskView revise(@PathVariable UUID id, @Valid @RequestBody RevisionRequest r) {
        if (r.maxDistance() != null && !(r.maxDistance() > 0 && r.maxDistance() <= 1.5)) {
            throw new HnswException(VideoErrorCode.THRESHOLD_INVALID, r.maxDistance());
        }
        return TaskView.of(service.revise(id, r.name(), r.maxDistance(), r.cameraIds(), r.officers(), r.instruction()));
    }

    @GetMapping("/{id}/monitoring")
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
    WatchlistRepository.Monitoring monitoring(@PathVariable UUID id) {
        service.visible(id);
        return service.monitoring(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    void delete(@PathVariable UUID id) {
        service.delete(id);
    }

    @PostMapping("/{id}/review")
    @PreAuthorize("hasAnyRole('customs-reviewer', 'platform-admin')")
    TaskView review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest r) {
        return TaskView.of(service.review(id, r.approve(), r.comment()));
    }

    @PostMapping("/{id}/withdrawal")
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    TaskView withdraw(@PathVariable UUID id, @Valid @RequestBody ReasonRequest r) {
        return TaskView.of(service.requestWithdrawal(id, r.reason()));
    }

    @PostMapping("/{id}/recontrol")
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    TaskView recontrol(@PathVariable UUID id, @Valid @RequestBody ReasonRequest r) {
        return TaskView.of(service.requestRecontrol(id, r.reason()));
    }

    private static byte[] decode(String base64) {
        try {
            String b = base64.startsWith("data:") ? base64.substring(base64.indexOf(',') + 1) : base64;
            return Base64.getMimeDecoder().decode(b);
        } catch (IllegalArgumentException e) {
            throw new HnswException(VideoErrorCode.IMAGE_UNREADABLE);
        }
    }

    record AnomalyHandlingRequest(@NotBlank @Size(max = 1024) String note) {
    }

    /** 任务异常反馈: the task's anomalies (a camera it watches went down), newest first. */
    @GetMapping("/{id}/anomalies")
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
    List<WatchlistAnomalyService.Anomaly> anomalies(@PathVariable UUID id) {
        service.visible(id);
        return anomalyService.list(id);
    }

    /** 任务异常处置: a bound officer or an administrator closes the anomaly with a note. */
    @PostMapping("/{id}/anomalies/{anomalyId}/handling")
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    WatchlistAnomalyService.Anomaly handleAnomaly(@PathVariable UUID id, @PathVariable UUID anomalyId,
            @Valid @RequestBody AnomalyHandlingRequest r) {
        return anomalyService.handle(id, anomalyId, r.note());
    }
}
