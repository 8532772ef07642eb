package cn.hnsw.video.oplog;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.video.oplog.OperationLogRepository.Entry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 日志管理: the console records an action of its user (日志新增 — the user is the token's, never the body's); platform
 * administrators view the log (日志查看), filtered by user, kind, action text and time, newest first.
 */
@RestController
@RequestMapping("/api/video-analytics/v1/operation-logs")
class OperationLogController {

    private final OperationLogRepository repo;

    OperationLogController(OperationLogRepository repo) {
        this.repo = repo;
    }

    record ConsoleAction(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z][A-Z0-9_]*") String action,
            @Size(max = 512) String target) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
    void record(@Valid @RequestBody ConsoleAction r) {
        CurrentActor actor = Actors.current();
        repo.insert(actor.username(), String.join(",", new TreeSet<>(actor.roles())), "CONSOLE", r.action(),
                r.target(), null, null, null);
    }

    @GetMapping
    @PreAuthorize("hasRole('platform-admin')")
    PageResponse<Entry> find(@RequestParam(required = false) String username,
            @RequestParam(required = false) @Pattern(regexp = "API|CONSOLE") String kind,
            @RequestParam(required = false) String action, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageQuery q = PageQuery.of(page, size);
        String u = blank(username);
        String k = blank(kind);
        String a = blank(action);
        return PageResponse.of(repo.find(u, k, a, from, to, q.size(), q.offset()), q, repo.count(u, k, a, from, to));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
