package cn.hnsw.customs.template;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.customs.declaration.DeclarationRequest;
import cn.hnsw.customs.declaration.DeclarationType;
import jakarta.validation.Valid;
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

import java.util.List;
import java.util.UUID;

/** 初始值模版 / 录入模版 of an enterprise's declarants. */
@RestController
@RequestMapping("${hnsw.api.base}/v1/declaration-templates")
@PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin')")
class TemplateController {

    private final TemplateService service;

    TemplateController(TemplateService service) {
        this.service = service;
    }

    @GetMapping
    List<DeclarationTemplate> list(@RequestParam(required = false) DeclarationTemplate.Kind kind,
                                   @RequestParam(required = false) DeclarationType type,
                                   @RequestParam(required = false) DeclarationType.ImportExport direction) {
        return service.list(Actors.current(), kind, type, direction);
    }

    @GetMapping("/{id}")
    DeclarationTemplate get(@PathVariable UUID id) {
        return service.get(Actors.current(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DeclarationTemplate create(@Valid @RequestBody DeclarationTemplate.Change change) {
        return service.create(Actors.current(), change);
    }

    @PutMapping("/{id}")
    DeclarationTemplate update(@PathVariable UUID id, @Valid @RequestBody DeclarationTemplate.Change change) {
        return service.update(Actors.current(), id, change);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        service.delete(Actors.current(), id);
    }

    /** The declaration with the template applied, for the entry screen to show and temp-save; nothing is stored. */
    @PostMapping("/{id}/application")
    DeclarationRequest apply(@PathVariable UUID id, @Valid @RequestBody DeclarationRequest request) {
        return service.apply(Actors.current(), id, request);
    }

    @GetMapping("/logs")
    PageResponse<DeclarationTemplate.LogEntry> logs(@RequestParam(required = false) DeclarationType.ImportExport direction,
                                                    @RequestParam(required = false) Integer page,
                                                    @RequestParam(required = false) Integer size) {
        return service.logs(Actors.current(), direction, PageQuery.of(page, size));
    }
}
