package cn.hnsw.ledger.excel;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.DocumentLine;
import cn.hnsw.ledger.document.DocumentService;
import cn.hnsw.ledger.document.LineKind;
import cn.hnsw.ledger.document.DocumentTypes;
import cn.hnsw.ledger.errors.LedgerErrorCode;
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
import java.util.ArrayList;
import java.util.List;

/** Excel template download and line import with a per-row error report (nothing imported from a failed file). */
@RestController
@RequestMapping("/api/ledger/v1")
class ExcelController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final DocumentService documents;
    private final LineImportJobs jobs;

    ExcelController(DocumentService documents, LineImportJobs jobs) {
        this.documents = documents;
        this.jobs = jobs;
    }

    /** 大文件导入: answers 202 with a job at once; the screen polls {@code /line-import-jobs/{id}} for its progress. */
    @PostMapping(path = "/documents/{id}/lines/import-jobs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    ResponseEntity<LineImportJobs.Job> startImport(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        return ResponseEntity.accepted().body(jobs.submit(Actors.current(), id, file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/line-import-jobs/{jobId}")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    LineImportJobs.Job importJob(@PathVariable long jobId) {
        return jobs.get(Actors.current(), jobId);
    }

    @GetMapping("/documents/{id}/line-import-jobs")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    List<LineImportJobs.Job> importJobs(@PathVariable long id) {
        return jobs.ofDocument(Actors.current(), id);
    }

    @GetMapping("/line-import-jobs/{jobId}/error-report")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    ResponseEntity<byte[]> errorReport(@PathVariable long jobId) {
        return xlsx(jobs.errorReport(Actors.current(), jobId), "import-" + jobId + "-errors.xlsx");
    }

    @GetMapping("/document-types/{type}/line-template")
    ResponseEntity<byte[]> template(@PathVariable String type) {
        return xlsx(LineWorkbook.template(DocumentTypes.get(type)), type.toLowerCase() + "-lines-template.xlsx");
    }

    @PostMapping(path = "/documents/{id}/lines/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    List<DocumentLine> importLines(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new HnswException(LedgerErrorCode.EXCEL_UNREADABLE, "empty file");
        }
        List<LineWorkbook.ParsedRow> parsed = LineWorkbook.read(file.getBytes());
        List<DocumentService.RowError> cellErrors = new ArrayList<>();
        List<DocumentService.ImportRow> rows = new ArrayList<>();
        for (LineWorkbook.ParsedRow p : parsed) {
            if (!p.problems().isEmpty()) {
                cellErrors.add(new DocumentService.RowError(p.row(), "EXCEL_CELL_INVALID",
                        "单元格无效：" + String.join("，", p.problems()), "invalid cells: " + String.join(", ", p.problems())));
            }
            rows.add(new DocumentService.ImportRow(p.row(), p.line(), p.linkItemNo()));
        }
        if (!cellErrors.isEmpty()) {
            throw new DocumentService.LineImportException(cellErrors);
        }
        return documents.importLines(Actors.current(), id, rows);
    }

    /** 表体导出 (e.g. 增值率核算单耗清单信息导出): one kind of the document's lines, or all, for whoever may read it. */
    @GetMapping("/documents/{id}/lines/export")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin','customs-officer','customs-reviewer',"
            + "'gov-province','gov-provincial-dept','gov-county','gov-county-unit','sw-operator','platform-admin')")
    ResponseEntity<byte[]> exportLines(@PathVariable long id, @RequestParam(required = false) LineKind kind) {
        List<DocumentLine> lines = documents.readLines(Actors.current(), id).stream()
                .filter(l -> kind == null || l.kind() == kind).toList();
        return xlsx(LineWorkbook.export(lines), "document-" + id + "-lines.xlsx");
    }

    static ResponseEntity<byte[]> xlsx(byte[] body, String fileName) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
