package cn.hnsw.ledger.excel;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.DeclarableDocument;
import cn.hnsw.ledger.document.DocumentAccess;
import cn.hnsw.ledger.document.DocumentService;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 大文件 Excel 导入进度 — a line import run on the server. The upload answers at once with a job; the job reads the
 * workbook, checks every row through the document engine (writing how many rows are checked as it goes, in its own
 * transaction, so the screen can poll it), then imports all rows in one transaction or none: a failed file keeps
 * every wrong row with its reason and offers them as an Excel error report.
 */
@Service
public class LineImportJobs {

    private static final Logger log = LoggerFactory.getLogger(LineImportJobs.class);
    /** Row errors kept with a job (the report names every one up to this many). */
    static final int MAX_KEPT_ERRORS = 5_000;

    private final DocumentService documents;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate separate;
    private final ExecutorService runner;

    public LineImportJobs(DocumentService documents, JdbcClient jdbc, ObjectMapper json, Clock clock,
                          PlatformTransactionManager transactions) {
        this.documents = documents;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        AtomicInteger n = new AtomicInteger();
        this.runner = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "line-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A job as the screen polls it. */
    public record Job(long id, long documentId, String fileName, String status, int totalRows, int processedRows,
                      int importedRows, int percent, List<DocumentService.RowError> errors, int errorCount,
                      String failureCode, String failureZh, String failureEn, Instant createdAt, Instant finishedAt) {
    }

    /** Checks the actor may edit the document now, records the job and starts it; answers before any row is read. */
    public Job submit(CurrentActor actor, long documentId, String fileName, byte[] file) {
        if (file == null || file.length == 0) {
            throw new HnswException(LedgerErrorCode.EXCEL_UNREADABLE, "empty file");
        }
        DeclarableDocument d = documents.lockForEdit(actor, documentId);
        long id = jdbc.sql("""
                        INSERT INTO line_import_job (document_id, enterprise, username, file_name, status, created_at)
                        VALUES (:d, :e, :u, :f, 'QUEUED', :at) RETURNING id""")
                .param("d", documentId).param("e", d.enterprise()).param("u", actor.username())
                .param("f", fileName == null ? null : fileName.length() > 200 ? fileName.substring(0, 200) : fileName)
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        runner.submit(() -> run(id, actor, documentId, file));
        log.info("event=line-import-queued job={} document={} bytes={}", id, documentId, file.length);
        return get(id);
    }

    void run(long id, CurrentActor actor, long documentId, byte[] file) {
        jdbc.sql("UPDATE line_import_job SET status = 'RUNNING', started_at = :at WHERE id = :id")
                .param("at", Timestamp.from(clock.instant())).param("id", id).update();
        try {
            List<LineWorkbook.ParsedRow> parsed = LineWorkbook.read(file);
            progress(id, parsed.size(), 0);
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
                progress(id, parsed.size(), parsed.size());
                fail(id, cellErrors, null);
                return;
            }
            int imported = documents.importLines(actor, documentId, rows, checked -> progress(id, rows.size(), checked)).size();
            jdbc.sql("""
                            UPDATE line_import_job SET status = 'SUCCEEDED', processed_rows = total_rows, imported_rows = :n,
                                finished_at = :at WHERE id = :id""")
                    .param("n", rows.size()).param("at", Timestamp.from(clock.instant())).param("id", id).update();
            log.info("event=line-import-succeeded job={} document={} rows={} linesNow={}", id, documentId, rows.size(), imported);
        } catch (DocumentService.LineImportException e) {
            fail(id, e.errors(), null);
        } catch (HnswException e) {
            fail(id, List.of(), e);
        } catch (RuntimeException e) {
            log.warn("event=line-import-crashed job={} cause={}", id, e.toString());
            fail(id, List.of(), new HnswException(LedgerErrorCode.EXCEL_UNREADABLE, e.getClass().getSimpleName()));
        }
    }

    private void progress(long id, int total, int processed) {
        separate.executeWithoutResult(s -> jdbc.sql("""
                        UPDATE line_import_job SET total_rows = :t, processed_rows = greatest(processed_rows, :p) WHERE id = :id""")
                .param("t", total).param("p", Math.min(processed, total)).param("id", id).update());
    }

    private void fail(long id, List<DocumentService.RowError> errors, HnswException failure) {
        List<DocumentService.RowError> kept = errors.size() > MAX_KEPT_ERRORS ? errors.subList(0, MAX_KEPT_ERRORS) : errors;
        jdbc.sql("""
                        UPDATE line_import_job SET status = 'FAILED', row_errors = CAST(:errors AS jsonb), imported_rows = 0,
                            failure_code = :code, failure_zh = :zh, failure_en = :en, finished_at = :at WHERE id = :id""")
                .param("errors", write(kept))
                .param("code", failure == null ? LedgerErrorCode.EXCEL_ROWS_INVALID.code() : failure.errorCode().code())
                .param("zh", failure == null ? "Excel 中有 " + errors.size() + " 行错误，整个文件未导入" : cut(failure.messageZh()))
                .param("en", failure == null ? errors.size() + " rows of the Excel file are wrong; nothing was imported"
                        : cut(failure.messageEn()))
                .param("at", Timestamp.from(clock.instant())).param("id", id).update();
        log.info("event=line-import-failed job={} rowErrors={} code={}", id, errors.size(),
                failure == null ? "EXCEL_ROWS_INVALID" : failure.errorCode().code());
    }

    /** The job, for the enterprise that owns the document; another enterprise finds nothing. */
    public Job get(CurrentActor actor, long id) {
        Job job = get(id);
        String enterprise = jdbc.sql("SELECT enterprise FROM line_import_job WHERE id = :id").param("id", id)
                .query(String.class).single();
        if (!actor.isEnterpriseUser() || !enterprise.equals(DocumentAccess.ownEnterprise(actor))) {
            throw new HnswException(LedgerErrorCode.IMPORT_JOB_NOT_FOUND, id);
        }
        return job;
    }

    /** The jobs of a document the actor may read, newest first. */
    public List<Job> ofDocument(CurrentActor actor, long documentId) {
        documents.read(actor, documentId);
        return jdbc.sql("SELECT id FROM line_import_job WHERE document_id = :d ORDER BY id DESC LIMIT 50")
                .param("d", documentId).query(Long.class).list().stream().map(this::get).toList();
    }

    Job get(long id) {
        return jdbc.sql("""
                        SELECT id, document_id, file_name, status, total_rows, processed_rows, imported_rows, row_errors::text,
                               failure_code, failure_zh, failure_en, created_at, finished_at
                        FROM line_import_job WHERE id = :id""")
                .param("id", id)
                .query((rs, n) -> {
                    int total = rs.getInt(5);
                    int processed = rs.getInt(6);
                    String status = rs.getString(4);
                    List<DocumentService.RowError> errors = read(rs.getString(8));
                    int percent = "SUCCEEDED".equals(status) || "FAILED".equals(status) ? 100
                            : total == 0 ? 0 : Math.min(99, processed * 100 / total);
                    Timestamp finished = rs.getTimestamp(13);
                    return new Job(rs.getLong(1), rs.getLong(2), rs.getString(3), status, total, processed, rs.getInt(7),
                            percent, errors, errors.size(), rs.getString(9), rs.getString(10), rs.getString(11),
                            rs.getTimestamp(12).toInstant(), finished == null ? null : finished.toInstant());
                })
                .optional().orElseThrow(() -> new HnswException(LedgerErrorCode.IMPORT_JOB_NOT_FOUND, id));
    }

    /** 错误报告: every refused row with its reason, as a workbook. */
    public byte[] errorReport(CurrentActor actor, long id) {
        Job job = get(actor, id);
        if (!"FAILED".equals(job.status())) {
            throw new HnswException(LedgerErrorCode.IMPORT_JOB_NOT_FAILED, id, job.status());
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("错误报告 Errors");
            String[] headers = {"Excel 行号 Row", "错误代码 Code", "错误说明", "Reason"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
                sheet.setColumnWidth(i, (i < 2 ? 16 : 60) * 256);
            }
            int r = 1;
            if (job.errors().isEmpty() && job.failureCode() != null) {
                Row row = sheet.createRow(r);
                row.createCell(1).setCellValue(job.failureCode());
                row.createCell(2).setCellValue(job.failureZh());
                row.createCell(3).setCellValue(job.failureEn());
            }
            for (DocumentService.RowError e : job.errors()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(e.row());
                row.createCell(1).setCellValue(e.code());
                row.createCell(2).setCellValue(e.messageZh());
                row.createCell(3).setCellValue(e.messageEn());
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private String write(List<DocumentService.RowError> errors) {
        try {
            return json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<DocumentService.RowError> read(String text) {
        try {
            return json.readValue(text, new TypeReference<List<DocumentService.RowError>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String s) {
        return s == null ? null : s.length() > 500 ? s.substring(0, 500) : s;
    }
}
