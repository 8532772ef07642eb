package cn.hnsw.customs.screen;

import cn.hnsw.common.security.Actors;
import cn.hnsw.customs.declaration.DeclarationType;
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
import java.util.Map;

/**
 * 录入/查询界面配置 (FP 142–147, 193–198, 612–672): everyone who declares or reviews reads the screen in force and the
 * field catalog; single-window operators and platform administrators change it, whole or field by field, always naming
 * the version they changed; the history is theirs to read.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/screen-configs")
@PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin', 'customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')")
class ScreenConfigController {

    private final ScreenConfigService service;

    ScreenConfigController(ScreenConfigService service) {
        this.service = service;
    }

    @GetMapping("/catalog")
    Map<Screen.Section, List<FieldCatalog.Entry>> catalog() {
        return FieldCatalog.all();
    }

    @GetMapping("/{type}/{screen}")
    ScreenConfig of(@PathVariable DeclarationType type, @PathVariable Screen screen) {
        return service.of(type, screen);
    }

    @GetMapping("/{type}/{screen}/fields/{section}")
    List<ScreenField> section(@PathVariable DeclarationType type, @PathVariable Screen screen,
                              @PathVariable Screen.Section section, @RequestParam(required = false) String q) {
        return service.section(Actors.current(), type, screen, section, q);
    }

    @PutMapping("/{type}/{screen}")
    @PreAuthorize("hasAnyRole('sw-operator', 'platform-admin')")
    ScreenConfig replace(@PathVariable DeclarationType type, @PathVariable Screen screen,
                         @RequestBody ScreenConfig.Change change) {
        return service.replace(Actors.current(), type, screen, change);
    }

    @DeleteMapping("/{type}/{screen}")
    @PreAuthorize("hasAnyRole('sw-operator', 'platform-admin')")
    ScreenConfig reset(@PathVariable DeclarationType type, @PathVariable Screen screen, @RequestParam Integer version) {
        return service.reset(Actors.current(), type, screen, version);
    }

    @PostMapping("/{type}/{screen}/fields")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('sw-operator', 'platform-admin')")
    ScreenConfig add(@PathVariable DeclarationType type, @PathVariable Screen screen, @RequestParam Integer version,
                     @RequestBody ScreenField.Change change) {
        return service.addField(Actors.current(), type, screen, change, version);
    }

    @PutMapping("/{type}/{screen}/fields/{section}/{field}")
    @PreAuthorize("hasAnyRole('sw-operator', 'platform-admin')")
    ScreenConfig update(@PathVariable DeclarationType type, @PathVariable Screen screen,
                        @PathVariable Screen.Section section, @PathVariable String field, @RequestParam Integer version,
                        @RequestBody ScreenField.Change change) {
        return service.updateField(Actors.current(), type, screen, section, field, change, version);
    }

    @DeleteMapping("/{type}/{screen}/fields/{section}/{field}")
    @PreAuthorize("hasAnyRole('sw-operator', 'platform-admin')")
    ScreenConfig remove(@PathVariable DeclarationType type, @PathVariable Screen screen,
                        @PathVariable Screen.Section section, @PathVariable String field, @RequestParam Integer version) {
        return service.removeField(Actors.current(), type, screen, section, field, version);
    }

    @GetMapping("/{type}/{screen}/history")
    @PreAuthorize("hasAnyRole('sw-operator', 'platform-admin')")
    List<ScreenConfig.HistoryEntry> history(@PathVariable DeclarationType type, @PathVariable Screen screen) {
        return service.history(type, screen);
    }
}
