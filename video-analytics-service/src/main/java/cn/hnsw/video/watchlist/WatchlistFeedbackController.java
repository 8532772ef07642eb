package cn.hnsw.video.watchlist;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.support.VideoErrorCode;
import cn.hnsw.video.watchlist.WatchlistFeedbackRepository.FeedbackService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
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
 * 人脸布控 / 人脸基础信息库布控 反馈服务 新增/修改/删除/配置 (FP 292–295, 308–311): administrators only; officers may
 * read where their kind's hits go.
 */
@RestController
@RequestMapping("/api/video-analytics/v1/watchlist-feedback-services")
public class WatchlistFeedbackController {

    record FeedbackRequest(@NotNull WatchlistKind kind, @NotBlank @Size(max = 128) String name,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 128) String> recipients, Boolean enabled) {
    }

    private final WatchlistFeedbackRepository repo;

    public WatchlistFeedbackController(WatchlistFeedbackRepository repo) {
        this.repo = repo;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('platform-admin')")
    FeedbackService add(@Valid @RequestBody FeedbackRequest r) {
        checkKind(r.kind());
        FeedbackService s = new FeedbackService(UUID.randomUUID(), r.kind(), r.name().trim(), r.recipients(),
                r.enabled() == null || r.enabled(), Actors.current().username());
        repo.insert(s);
        return s;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
    List<FeedbackService> list(@RequestParam(required = false) WatchlistKind kind) {
        return repo.list(kind);
    }

    /** 修改 and 配置: name, recipients and whether the service is enabled; the kind stays. */
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('platform-admin')")
    @Transactional
    FeedbackService modify(@PathVariable UUID id, @Valid @RequestBody FeedbackRequest r) {
        FeedbackService old = repo.find(id)
                .orElseThrow(() -> new HnswException(VideoErrorCode.FEEDBACK_SERVICE_NOT_FOUND, id));
        if (old.kind() != r.kind()) {
            throw new HnswException(VideoErrorCode.FEEDBACK_KIND_INVALID, r.kind());
        }
        repo.update(id, r.name().trim(), r.recipients(), r.enabled() == null ? old.enabled() : r.enabled());
        return repo.find(id).orElseThrow();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('platform-admin')")
    void delete(@PathVariable UUID id) {
        if (repo.delete(id) == 0) {
            throw new HnswException(VideoErrorCode.FEEDBACK_SERVICE_NOT_FOUND, id);
        }
    }

    private static void checkKind(WatchlistKind kind) {
        if (kind != WatchlistKind.FACE_IMAGE && kind != WatchlistKind.FACE_BASE) {
            throw new HnswException(VideoErrorCode.FEEDBACK_KIND_INVALID, kind);
        }
    }
}
