package cn.hnsw.video.watchlist;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.support.VideoErrorCode;
import cn.hnsw.video.watchlist.WatchlistFieldRepository.Field;
import cn.hnsw.video.watchlist.WatchlistTargetService.Entry;
import cn.hnsw.video.watchlist.WatchlistTargetService.EntryFeedback;
import com.fasterxml.jackson.annotation.JsonRawValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Base64;
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
 * 人脸布控 / 人脸基础信息库布控 数据项管理 (FP 282, 298), 特征管理 (283, 299), 布控对象录入反馈 (345) and 布控指令删除
 * (343).
 */
@RestController
@RequestMapping("/api/video-analytics/v1")
@PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
class WatchlistTargetController {

    private final WatchlistTargetService service;

    WatchlistTargetController(WatchlistTargetService service) {
        this.service = service;
    }

    record FieldRequest(WatchlistKind kind, @Size(max = 64) String code, @NotBlank @Size(max = 128) String labelZh,
            @NotBlank @Size(max = 128) String labelEn, Boolean required, Integer maxLength, Integer position) {
    }

    @PostMapping("/watchlist-fields")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('platform-admin')")
    Field addField(@Valid @RequestBody FieldRequest r) {
        if (r.kind() == null) {
            throw new HnswException(VideoErrorCode.WATCHLIST_FIELD_INVALID, "kind");
        }
        return service.addField(r.kind(), r.code(), r.labelZh(), r.labelEn(), r.required(), r.maxLength(),
                r.position());
    }

    @GetMapping("/watchlist-fields")
    List<Field> fields(@RequestParam(required = false) WatchlistKind kind) {
        return service.fields(kind);
    }

    @PutMapping("/watchlist-fields/{id}")
    @PreAuthorize("hasRole('platform-admin')")
    Field modifyField(@PathVariable UUID id, @Valid @RequestBody FieldRequest r) {
        return service.modifyField(id, r.kind(), r.code(), r.labelZh(), r.labelEn(), r.required(), r.maxLength(),
                r.position());
    }

    @DeleteMapping("/watchlist-fields/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('platform-admin')")
    void deleteField(@PathVariable UUID id) {
        service.deleteField(id);
    }

    record EntryRequest(UUID faceBaseRecordId, String photoBase64, @Size(max = 256) String label,
            Map<String, String> fields) {
    }

    /** {@code accessType}: the watch-list access type (布控对象接入类型) whose items each entry must fill; optional. */
    record EntriesRequest(@NotEmpty @Size(max = 50) List<@NotNull @Valid EntryRequest> targets,
            @Size(max = 64) String accessType) {
    }

    /** 布控对象录入: all entries or none, with a feedback per entry. */
    @PostMapping("/watchlist-tasks/{id}/target-entries")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    List<EntryFeedback> enter(@PathVariable UUID id, @Valid @RequestBody EntriesRequest r) {
        return service.enter(id, r.accessType(), r.targets().stream().map(e -> new Entry(e.faceBaseRecordId(),
                e.photoBase64() == null || e.photoBase64().isBlank() ? null : decode(e.photoBase64()), e.label(),
                e.fields())).toList());
    }

    record EntryView(UUID id, UUID faceBaseRecordId, String label, String plateNumber, @JsonRawValue String fields,
            Double faceScore, String enteredBy, Instant enteredAt) {
    }

    @GetMapping("/watchlist-tasks/{id}/target-entries")
    List<EntryView> entries(@PathVariable UUID id) {
        return service.entries(id).stream().map(t -> new EntryView(t.id(), t.faceBaseRecordId(), t.label(),
                t.plateNumber(), t.fields(), t.faceScore(), t.enteredBy(), t.enteredAt())).toList();
    }

    @DeleteMapping("/watchlist-tasks/{id}/targets/{targetId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    void removeTarget(@PathVariable UUID id, @PathVariable UUID targetId) {
        service.removeTarget(id, targetId);
    }

    @DeleteMapping("/watchlist-tasks/{id}/instruction")
    @PreAuthorize("hasAnyRole('customs-officer', 'platform-admin')")
    WatchlistController.TaskView removeInstruction(@PathVariable UUID id) {
        return WatchlistController.TaskView.of(service.removeInstruction(id));
    }

    private static byte[] decode(String base64) {
        try {
            String b = base64.startsWith("data:") ? base64.substring(base64.indexOf(',') + 1) : base64;
            return Base64.getMimeDecoder().decode(b);
        } catch (IllegalArgumentException e) {
            // an undecodable photo is refused as unreadable: the entry check reports it with the others
            return new byte[0];
        }
    }
}
