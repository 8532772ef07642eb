package cn.hnsw.customs.declaration;

import cn.hnsw.common.security.Actors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** 打印模版设置 (FP 95, 98, 162, 164): everyone reads the templates in force; operators keep them. */
@RestController
@RequestMapping("${hnsw.api.base}/v1/print-templates")
@PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin', 'customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')")
class PrintTemplateController {

    private final PrintTemplates templates;

    PrintTemplateController(PrintTemplates templates) {
        this.templates = templates;
    }

    @GetMapping
    List<PrintTemplate> all() {
        return templates.all();
    }

    @GetMapping("/{type}")
    PrintTemplate of(@PathVariable DeclarationType type) {
        return templates.of(type);
    }

    @PutMapping("/{type}")
    @PreAuthorize("hasAnyRole('sw-operator', 'platform-admin')")
    PrintTemplate save(@PathVariable DeclarationType type, @RequestBody PrintTemplate.Change change) {
        return templates.save(Actors.current(), type, change);
    }
}
