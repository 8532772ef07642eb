package cn.hnsw.video.themes;

import cn.hnsw.video.themes.VideoTypeService.VideoType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
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

/**
 * 重点人员类型管理 / 作业主题库类型管理: {@code /video-types/KEY_PERSON} and {@code /video-types/THEME_STORE};
 * platform administrators add, modify and delete, officers and reviewers query.
 */
@RestController
@RequestMapping("/api/video-analytics/v1/video-types/{kind}")
@PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
class VideoTypeController {

    private final VideoTypeService service;

    VideoTypeController(VideoTypeService service) {
        this.service = service;
    }

    record TypeRequest(@NotBlank @Size(max = 64) String code, @NotBlank @Size(max = 128) String nameZh,
            @Size(max = 128) String nameEn, @Size(max = 512) String description) {
    }

    record TypeUpdate(@NotBlank @Size(max = 128) String nameZh, @Size(max = 128) String nameEn,
            @Size(max = 512) String description) {
    }

    @GetMapping
    List<VideoType> list(@PathVariable String kind) {
        return service.list(kind);
    }

    @GetMapping("/{code}")
    VideoType get(@PathVariable String kind, @PathVariable String code) {
        return service.get(kind, code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('platform-admin')")
    VideoType create(@PathVariable String kind, @Valid @RequestBody TypeRequest r) {
        return service.create(kind, r.code(), r.nameZh(), r.nameEn(), r.description());
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasRole('platform-admin')")
    VideoType update(@PathVariable String kind, @PathVariable String code, @Valid @RequestBody TypeUpdate r) {
        return service.update(kind, code, r.nameZh(), r.nameEn(), r.description());
    }

    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('platform-admin')")
    void delete(@PathVariable String kind, @PathVariable String code) {
        service.delete(kind, code);
    }
}
