package cn.hnsw.customs.importing;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.customs.declaration.CustomsErrorCode;
import cn.hnsw.customs.declaration.DeclarationType;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * 表格导入/导出校验设置 (FP 127, 178, 185, 335, 394, 560, 791, 850, 1076, 1135): everyone who imports or exports reads
 * the settings; the Single Window's operators keep them.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/excel-settings")
@PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin', 'customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')")
class ExcelSettingController {

    private static final String KEEPERS = "hasAnyRole('sw-operator', 'platform-admin')";

    private final ExcelSettings settings;

    ExcelSettingController(ExcelSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    PageResponse<ExcelSettings.Setting> list(@RequestParam(required = false) ExcelSettings.Direction direction,
                                             @RequestParam(required = false) DeclarationType type,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return settings.list(direction, type, PageQuery.of(page, size));
    }

    @GetMapping("/{direction}/{type}")
    ExcelSettings.Setting get(@PathVariable ExcelSettings.Direction direction, @PathVariable DeclarationType type) {
        return settings.find(direction, type).orElseThrow(() -> new HnswException(
                CustomsErrorCode.EXCEL_SETTING_NOT_FOUND, type.nameZh(), direction == ExcelSettings.Direction.IMPORT ? "导入" : "导出"));
    }

    @PutMapping("/{direction}/{type}")
    @PreAuthorize(KEEPERS)
    ExcelSettings.Setting save(@PathVariable ExcelSettings.Direction direction, @PathVariable DeclarationType type,
                               @RequestBody ExcelSettings.Change change) {
        return settings.save(Actors.current(), direction, type, change);
    }

    @DeleteMapping("/{direction}/{type}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(KEEPERS)
    void delete(@PathVariable ExcelSettings.Direction direction, @PathVariable DeclarationType type) {
        settings.delete(Actors.current(), direction, type);
    }

    @GetMapping("/{direction}/{type}/history")
    @PreAuthorize(KEEPERS)
    List<ExcelSettings.LogEntry> history(@PathVariable ExcelSettings.Direction direction,
                                         @PathVariable DeclarationType type) {
        return settings.history(direction, type);
    }
}
