package cn.hnsw.video.alertmode;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.video.alertmode.AlertModeService.AlertMode;
import cn.hnsw.video.alertmode.AlertModeService.Channel;
import cn.hnsw.video.alertmode.AlertModeService.ModeInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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

/** 风险预警模式 — administrators add, change and delete; officers and reviewers read. */
@RestController
@RequestMapping("/api/video-analytics/v1/risk-alert-modes")
class AlertModeController {

    private final AlertModeService service;

    AlertModeController(AlertModeService service) {
        this.service = service;
    }

    record ModeRequest(@Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String code,
            @NotBlank @Size(max = 128) String nameZh, @Size(max = 128) String nameEn, @NotNull Alert.Level alertLevel,
            @NotEmpty @Size(max = 4) List<@NotNull Channel> channels, @Min(1) @Max(1440) Integer escalateMinutes,
            Boolean enabled) {
        ModeInput input() {
            return new ModeInput(nameZh, nameEn, alertLevel, channels, escalateMinutes, enabled == null || enabled);
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('platform-admin')")
    AlertMode add(@Valid @RequestBody ModeRequest r) {
        if (r.code() == null || r.code().isBlank()) {
            throw new HnswException(AlertModeErrorCode.ALERT_MODE_CODE_MISSING);
        }
        return service.add(r.code(), r.input(), Actors.current().username());
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('platform-admin')")
    AlertMode change(@PathVariable UUID id, @Valid @RequestBody ModeRequest r) {
        return service.change(id, r.input(), Actors.current().username());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('platform-admin')")
    void delete(@PathVariable UUID id) {
        service.delete(id);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
    PageResponse<AlertMode> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) Alert.Level level, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.page(q, level, PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
    AlertMode get(@PathVariable UUID id) {
        return service.get(id);
    }
}
