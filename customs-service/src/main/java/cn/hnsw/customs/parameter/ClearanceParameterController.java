package cn.hnsw.customs.parameter;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** 通关参数查询服务 (FP 473–534, 581–586, 682–687): any signed-in user reads; operators publish versions. */
@RestController
@RequestMapping("${hnsw.api.base}/v1/parameters")
class ClearanceParameterController {

    private final ClearanceParameterService service;

    ClearanceParameterController(ClearanceParameterService service) {
        this.service = service;
    }

    @GetMapping
    List<ParameterTable> tables() {
        return service.tables();
    }

    @GetMapping("/{table}")
    ParameterTable table(@PathVariable String table) {
        return service.table(table);
    }

    @GetMapping("/{table}/versions")
    List<ParameterVersion> versions(@PathVariable String table) {
        return service.versions(table);
    }

    @GetMapping("/{table}/entries")
    PageResponse<ParameterEntry> entries(@PathVariable String table, @RequestParam(required = false) Integer version,
                                         @RequestParam(required = false) String q,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        return service.entries(table, version, q, PageQuery.of(page, size));
    }

    @PostMapping("/{table}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('sw-operator', 'platform-admin')")
    ParameterVersion publish(@PathVariable String table, @Valid @RequestBody PublishVersionRequest request) {
        return service.publish(table, request, Actors.current().username());
    }
}
