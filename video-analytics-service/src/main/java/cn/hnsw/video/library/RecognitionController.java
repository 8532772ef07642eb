package cn.hnsw.video.library;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.video.library.FaceLibraryService.CrossPair;
import cn.hnsw.video.library.RecognitionRepository.Check;
import cn.hnsw.video.library.RecognitionRepository.CheckQuery;
import cn.hnsw.video.library.RecognitionRepository.Conclusion;
import cn.hnsw.video.library.RecognitionRepository.Kind;
import cn.hnsw.video.library.RecognitionRepository.Source;
import cn.hnsw.video.library.RecognitionService.SourceSpec;
import cn.hnsw.video.support.VideoErrorCode;
import com.fasterxml.jackson.annotation.JsonRawValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 1:1 人脸验证 / 1:N 身份核查 / 交叉检索 接入数据源 新增/修改/删除/查询 (FP 374–377, 380–383, 388–391) and the runs
 * made through them: 新增 (run), 修改 (conclusion), 删除, paged query and CSV export (FP 384–387, 392–395).
 */
@RestController
@RequestMapping("/api/video-analytics/v1")
@PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
class RecognitionController {

    private final RecognitionService service;

    RecognitionController(RecognitionService service) {
        this.service = service;
    }

    record SourceRequest(Kind kind, @NotBlank @Size(max = 128) String name, String library, String model,
            Double threshold, Integer topK, Boolean enabled) {
        SourceSpec spec() {
            return new SourceSpec(name, library == null || library.isBlank() ? null
                    : FaceLibraryController.library(library), model, threshold, topK, enabled);
        }
    }

    @PostMapping("/recognition-sources")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('platform-admin')")
    Source addSource(@Valid @RequestBody SourceRequest r) {
        if (r.kind() == null) {
            throw new HnswException(VideoErrorCode.RECOGNITION_SOURCE_INVALID, "kind");
        }
        return service.addSource(r.kind(), r.spec());
    }

    @GetMapping("/recognition-sources")
    List<Source> sources(@RequestParam(required = false) Kind kind) {
        return service.sources(kind);
    }

    @GetMapping("/recognition-sources/{id}")
    Source source(@PathVariable UUID id) {
        return service.source(id);
    }

    @PutMapping("/recognition-sources/{id}")
    @PreAuthorize("hasRole('platform-admin')")
    Source modifySource(@PathVariable UUID id, @Valid @RequestBody SourceRequest r) {
        return service.modifySource(id, r.kind(), r.spec());
    }

    @DeleteMapping("/recognition-sources/{id}")
    @PreAuthorize("hasRole('platform-admin')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteSource(@PathVariable UUID id) {
        service.deleteSource(id);
    }

    record RunRequest(@NotBlank String photoBase64, String otherPhotoBase64, UUID faceBaseRecordId,
            @Size(max = 256) String subject) {
    }

    /** A run with its result as stored. */
    record CheckView(UUID id, Kind kind, UUID sourceId, String sourceName, String subject, boolean matched,
            Double bestDistance, String bestLabel, @JsonRawValue String result, Conclusion conclusion, String note,
            String requestedBy, Instant createdAt, Instant updatedAt) {
        static CheckView of(Check c) {
            return new CheckView(c.id(), c.kind(), c.sourceId(), c.sourceName(), c.subject(), c.matched(),
                    c.bestDistance(), c.bestLabel(), c.result(), c.conclusion(), c.note(), c.requestedBy(),
                    c.createdAt(), c.updatedAt());
        }
    }

    @PostMapping("/recognition-sources/{id}/checks")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    CheckView run(@PathVariable UUID id, @Valid @RequestBody RunRequest r) {
        return CheckView.of(service.run(id, FaceLibraryController.decode(r.photoBase64()),
                r.otherPhotoBase64() == null || r.otherPhotoBase64().isBlank() ? null
                        : FaceLibraryController.decode(r.otherPhotoBase64()),
                r.faceBaseRecordId(), r.subject()));
    }

    record CrossRequest(@NotNull UUID rightSourceId, @Min(1) @Max(1000) Integer limit) {
    }

    @PostMapping("/recognition-sources/{id}/cross-retrievals")
    List<CrossPair> cross(@PathVariable UUID id, @Valid @RequestBody CrossRequest r) {
        return service.cross(id, r.rightSourceId(), r.limit() == null ? 100 : r.limit());
    }

    static CheckQuery query(Kind kind, UUID sourceId, Boolean matched, Conclusion conclusion, Instant from,
            Instant to) {
        return new CheckQuery(kind, sourceId, matched, conclusion, from, to, null);
    }

    @GetMapping("/recognition-checks")
    PageResponse<CheckView> checks(@RequestParam(required = false) Kind kind,
            @RequestParam(required = false) UUID sourceId, @RequestParam(required = false) Boolean matched,
            @RequestParam(required = false) Conclusion conclusion, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.checks(query(kind, sourceId, matched, conclusion, from, to), PageQuery.of(page, size))
                .map(CheckView::of);
    }

    @GetMapping(value = "/recognition-checks/export", produces = "text/csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Kind kind,
            @RequestParam(required = false) UUID sourceId, @RequestParam(required = false) Boolean matched,
            @RequestParam(required = false) Conclusion conclusion, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"recognition-checks.csv\"")
                .body(service.export(query(kind, sourceId, matched, conclusion, from, to)));
    }

    @GetMapping("/recognition-checks/{id}")
    CheckView check(@PathVariable UUID id) {
        return CheckView.of(service.check(id));
    }

    record ConclusionRequest(@NotNull Conclusion conclusion, @Size(max = 512) String note) {
    }

    @PutMapping("/recognition-checks/{id}")
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    CheckView conclude(@PathVariable UUID id, @Valid @RequestBody ConclusionRequest r) {
        return CheckView.of(service.conclude(id, r.conclusion(), r.note()));
    }

    @DeleteMapping("/recognition-checks/{id}")
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        service.delete(id);
    }
}
