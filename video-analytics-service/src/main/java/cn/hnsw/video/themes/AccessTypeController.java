package cn.hnsw.video.themes;

import cn.hnsw.video.themes.AccessTypeService.AccessType;
import cn.hnsw.video.themes.AccessTypeService.Item;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 接入类型管理 / 接入数据项管理 / 重点人员类型管理 / 作业主题库类型管理: platform administrators add, change and delete
 * access types with their items; officers and reviewers read them (filtered by category and source).
 */
@RestController
@RequestMapping("/api/video-analytics/v1/data-access-types")
@PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
class AccessTypeController {

    private final AccessTypeService service;

    AccessTypeController(AccessTypeService service) {
        this.service = service;
    }

    record TypeRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String code,
            @NotBlank @Size(max = 128) String nameZh, @Size(max = 128) String nameEn, @NotBlank String category,
            @NotBlank String source, @NotEmpty List<@Valid ItemRequest> items) {
    }

    record TypeUpdate(@NotBlank @Size(max = 128) String nameZh, @Size(max = 128) String nameEn,
            @NotBlank String category, @NotNull Boolean enabled, @NotEmpty List<@Valid ItemRequest> items) {
    }

    record ItemRequest(@NotBlank @Size(max = 64) String name, @Size(max = 128) String labelZh,
            @NotBlank String valueType, Boolean required, @NotBlank @Size(max = 64) String sourceField) {
        Item item() {
            return new Item(name, labelZh, valueType, Boolean.TRUE.equals(required), sourceField);
        }
    }

    @GetMapping
    List<AccessType> list(@RequestParam(required = false) String category,
            @RequestParam(required = false) String source) {
        return service.list(category, source);
    }

    @GetMapping("/{code}")
    AccessType get(@PathVariable String code) {
        return service.get(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('platform-admin')")
    AccessType create(@Valid @RequestBody TypeRequest r) {
        return service.create(r.code(), r.nameZh(), r.nameEn(), r.category(), r.source(),
                r.items().stream().map(ItemRequest::item).toList());
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasRole('platform-admin')")
    AccessType update(@PathVariable String code, @Valid @RequestBody TypeUpdate r) {
        return service.update(code, r.nameZh(), r.nameEn(), r.category(), r.enabled(),
                r.items().stream().map(ItemRequest::item).toList());
    }

    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('platform-admin')")
    void delete(@PathVariable String code) {
        service.delete(code);
    }
}
