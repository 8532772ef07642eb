package cn.hnsw.customs.importing;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.customs.declaration.CustomsErrorCode;
import cn.hnsw.customs.declaration.DeclarationSearch;
import cn.hnsw.customs.declaration.DeclarationStatus;
import cn.hnsw.customs.declaration.DeclarationType;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Excel 导入 / 模版下载 / 列表导出. */
@RestController
@RequestMapping("${hnsw.api.base}/v1/declarations")
class DeclarationImportController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final DeclarationImportService imports;

    DeclarationImportController(DeclarationImportService imports) {
        this.imports = imports;
    }

    @GetMapping("/import-template")
    ResponseEntity<byte[]> template() {
        return file(DeclarationExcel.template(), "报关单导入模版.xlsx");
    }

    @PostMapping(value = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin')")
    ImportReport importWorkbook(@RequestParam DeclarationType declarationType, @RequestPart("file") MultipartFile file) {
        DeclarationImportService.checkWorkbookFile(file.getOriginalFilename(), file.isEmpty());
        try {
            return imports.importWorkbook(Actors.current(), declarationType, file.getInputStream(), file.getOriginalFilename());
        } catch (IOException e) {
            throw new HnswException(CustomsErrorCode.IMPORT_FILE_INVALID, "unreadable");
        }
    }

    /** 导入记录查询 (FP 332, 788, 1073): an enterprise its own imports, officers and operators any. */
    @GetMapping("/imports")
    @PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin', 'customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')")
    cn.hnsw.common.web.PageResponse<DeclarationImportService.ImportRecord> importRecords(
            @RequestParam(required = false) String enterprise, @RequestParam(required = false) DeclarationType type,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return imports.importRecords(Actors.current(), enterprise, type, cn.hnsw.common.web.PageQuery.of(page, size));
    }

    @GetMapping("/imports/{id}")
    @PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin', 'customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')")
    DeclarationImportService.ImportRecord importRecord(@PathVariable java.util.UUID id) {
        return imports.importRecord(Actors.current(), id);
    }

    @GetMapping("/export")
    @PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin', 'customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) DeclarationType type,
                                  @RequestParam(required = false) DeclarationStatus status) {
        return file(imports.export(Actors.current(), new DeclarationSearch(null, type, status, null, null, null, null)),
                "报关单列表.xlsx");
    }

    private static ResponseEntity<byte[]> file(byte[] body, String filename) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
