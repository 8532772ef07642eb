package cn.hnsw.ledger.valueadded;

import cn.hnsw.common.security.Actors;
import cn.hnsw.ledger.document.DocumentService;
import cn.hnsw.ledger.document.DocumentView;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** 累计码/确认码主单信息 Excel: the template, the import, and the import declared at once (一键申报). */
@RestController
@RequestMapping("/api/ledger/v1/value-added-codes/{type}/main-records")
class MainRecordImportController {

    private final MainRecordImports imports;
    private final DocumentService documents;

    MainRecordImportController(MainRecordImports imports, DocumentService documents) {
        this.imports = imports;
        this.documents = documents;
    }

    @GetMapping("/template")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    ResponseEntity<byte[]> template(@PathVariable String type) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(type.toLowerCase() + "-main-template.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(MainRecordImports.template(type));
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    List<DocumentView> importFile(@PathVariable String type, @RequestParam long ledgerId,
                                  @RequestParam(required = false) String actingFor,
                                  @RequestParam(required = false) String enterpriseName,
                                  @RequestParam(defaultValue = "false") boolean declare,
                                  @RequestParam("file") MultipartFile file) throws IOException {
        return imports.importFile(Actors.current(), type, ledgerId, actingFor, enterpriseName, file.getBytes(), declare)
                .stream().map(documents::view).toList();
    }
}
